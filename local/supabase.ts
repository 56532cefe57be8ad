// Remplaçant local de Supabase : l'appel RPC de PostgREST et l'authentification par code
// e-mail de Supabase Auth, sur HTTP, au-dessus de PGlite ou PostgreSQL.
// Ce qu'il n'implémente pas : local/README.md.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Database } from './base.ts';
import type { ConfigSupabase } from './config-supabase.ts';
import { verifierJwt } from './jwt.ts';
import { creerAuthLocale } from './supabase-auth.ts';
import { creerPasserelle, type ClesLocales } from './supabase-passerelle.ts';

export interface OptionsSupabaseLocal {
  db: Database;
  jwtSecret: string;
  /** Les clés d'API acceptées (sb_publishable_…, sb_secret_…). */
  cles: ClesLocales;
  /** supabase/config.toml lu (local/config-supabase.ts) : schémas exposés, Auth, SMTP, modèles. */
  config: ConfigSupabase;
}

const TAILLE_MAX = 1024 * 1024;

class ErreurHttp extends Error {
  readonly statut: number;
  readonly corps: Record<string, unknown>;
  constructor(statut: number, corps: Record<string, unknown>) {
    super(String(corps.message ?? corps.msg ?? statut));
    this.statut = statut;
    this.corps = corps;
  }
}

const erreurRest = (statut: number, code: string, message: string, details: string | null = null, hint: string | null = null) =>
  new ErreurHttp(statut, { code, message, details, hint });

/** Crée le serveur (non démarré). */
export function creerSupabaseLocal(options: OptionsSupabaseLocal): Server {
  const { db, jwtSecret, config } = options;
  const schemasExposes = config.api.schemas;
  const passerelle = creerPasserelle(options.cles, jwtSecret);
  const traiterAuth = creerAuthLocale({ db, jwtSecret, config, passerelle });
  const cacheFonctions = new Map<string, MetaFonction[]>();

  async function fonctions(schema: string, nom: string): Promise<MetaFonction[]> {
    const cle = `${schema}.${nom}`;
    let metas = cacheFonctions.get(cle);
    if (!metas) {
      const { rows } = await db.query<{ argnames: string[] | null; argmodes: string[] | null; argtypes: string[]; nargs: number; ndefaults: number; retset: boolean; rettype: string; volatilite: string }>(
        `select p.proargnames as argnames, p.proargmodes::text[] as argmodes,
                array(select format_type(t, null) from unnest(p.proargtypes::oid[]) t) as argtypes,
                p.pronargs as nargs, p.pronargdefaults as ndefaults, p.proretset as retset, format_type(p.prorettype, null) as rettype,
                p.provolatile::text as volatilite
           from pg_proc p join pg_namespace n on n.oid = p.pronamespace
          where n.nspname = $1 and p.proname = $2`,
        [schema, nom],
      );
      metas = rows.map((r) => {
        const noms = (r.argnames ?? []).filter((_, i) => !r.argmodes || ['i', 'b', 'v'].includes(r.argmodes[i]!));
        return { noms: noms.slice(0, r.nargs), types: r.argtypes, obligatoires: r.nargs - r.ndefaults, retset: r.retset, rettype: r.rettype, volatile: r.volatilite === 'v' };
      });
      cacheFonctions.set(cle, metas);
    }
    return metas;
  }

  function claimsDe(req: IncomingMessage): Record<string, unknown> {
    const passage = passerelle(req);
    if (!passage.ok) throw new ErreurHttp(passage.statut, passage.corps);
    if (!passage.jeton) throw erreurRest(401, 'PGRST301', 'No suitable key or wrong key type');
    const verifie = verifierJwt(passage.jeton, jwtSecret);
    if (!verifie.ok) {
      throw verifie.raison === 'expire' ? erreurRest(401, 'PGRST303', 'JWT expired') : erreurRest(401, 'PGRST301', 'JWSError JWSInvalidSignature');
    }
    return verifie.claims;
  }

  async function rpc(req: IncomingMessage, nom: string, args: Record<string, unknown>): Promise<{ statut: number; corps?: unknown }> {
    // Comme PostgREST : sans en-tête de profil, le premier schéma exposé ; un autre schéma → 406.
    const schema = header(req, req.method === 'GET' ? 'accept-profile' : 'content-profile') ?? schemasExposes[0]!;
    if (!schemasExposes.includes(schema)) throw erreurRest(406, 'PGRST106', `Invalid schema: ${schema}`, null, `Only the following schemas are exposed: ${schemasExposes.join(', ')}`);
    const claims = claimsDe(req);
    const role = String(claims.role ?? '');
    if (!['anon', 'authenticated', 'service_role'].includes(role)) throw erreurRest(401, 'PGRST301', `role "${role}" does not exist`);
    const cles = Object.keys(args);
    const meta = (await fonctions(schema, nom)).find((m) => cles.every((c) => m.noms.includes(c)) && m.noms.slice(0, m.obligatoires).every((n) => cles.includes(n)));
    if (!meta) {
      throw erreurRest(404, 'PGRST202', `Could not find the function ${schema}.${nom}(${cles.sort().join(', ')}) in the schema cache`, `Searched for the function ${schema}.${nom} with parameters ${cles.join(', ') || 'none'}.`);
    }
    // Liaison des arguments comme PostgREST (Plan.hs callReadPlan, SqlFragment.hs fromJsonBodyF) : en GET, chaque paramètre de la
    // chaîne de requête est un littéral converti vers le type du paramètre ; en POST, le corps JSON passe
    // par json_to_record, qui fait d'un tableau JSON un tableau PostgreSQL (text[], uuid[]…).
    const typeDe = (c: string) => meta.types[meta.noms.indexOf(c)]!;
    const directs = req.method === 'GET';
    const appel = cles.map((c) => `${ident(c)} => ${directs ? `${litteral(args[c])}::${typeDe(c)}` : `_.${ident(c)}`}`).join(', ');
    const source = directs || cles.length === 0 ? '' : ` from json_to_record(${litteral(JSON.stringify(args))}::json) as _(${cles.map((c) => `${ident(c)} ${typeDe(c)}`).join(', ')})`;
    const cible = `${ident(schema)}.${ident(nom)}(${appel})`;
    const sql =
      meta.rettype === 'void'
        ? `select ${cible}${source}`
        : meta.retset
          ? `select coalesce(jsonb_agg(t), '[]'::jsonb) as v${source ? `${source}, lateral` : ' from'} ${cible} t`
          : `select to_jsonb(${cible}) as v${source}`;
    // Transaction en lecture seule pour GET et pour une fonction stable ou immutable (PostgREST :
    // Plan.hs callReadPlan txMode) ; une écriture y lève 25006, que PostgREST renvoie en 405.
    const lectureSeule = req.method === 'GET' || !meta.volatile;
    try {
      // Comme PostgREST : rôle et revendications posés pour la seule transaction. Une seule requête
      // au protocole simple = une transaction implicite, annulée entière si l'appel échoue.
      const rows = await db.execDerniere<{ v: unknown }>(
        `${lectureSeule ? 'set transaction read only; ' : ''}select set_config('role', ${litteral(role)}, true), set_config('request.jwt.claims', ${litteral(JSON.stringify(claims))}, true); ${sql}`,
      );
      if (meta.rettype === 'void') return { statut: 204 };
      return { statut: 200, corps: rows[0]?.v ?? null };
    } catch (e) {
      throw erreurSql(e, role);
    }
  }

  return createServer(async (req, res) => {
    try {
      verifierHote(req);
      const url = new URL(req.url ?? '/', 'http://localhost');
      const chemin = url.pathname.replace(/\/+$/, '');
      const rpcNom = chemin.match(/^\/rest\/v1\/rpc\/([A-Za-z0-9_]+)$/)?.[1];
      if (rpcNom && (req.method === 'POST' || req.method === 'GET')) {
        const args = req.method === 'GET' ? Object.fromEntries(url.searchParams) : await lireJson(req);
        const { statut, corps } = await rpc(req, rpcNom, args);
        return envoyer(res, statut, corps);
      }
      if (chemin === '/auth/v1' || chemin.startsWith('/auth/v1/')) return traiterAuth(req, res, url);
      throw erreurRest(404, 'PGRST125', `Invalid path specified in request URL`);
    } catch (e) {
      if (e instanceof ErreurHttp) return envoyer(res, e.statut, e.corps);
      console.error('[supabase local] erreur inattendue :', e);
      return envoyer(res, 500, { code: 'unexpected_failure', message: 'Unexpected failure' });
    }
  });
}

interface MetaFonction {
  noms: string[];
  types: string[];
  obligatoires: number;
  retset: boolean;
  rettype: string;
  /** provolatile = 'v' : appelée en POST, elle tourne en lecture-écriture. */
  volatile: boolean;
}

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** Littéral SQL (standard_conforming_strings : seule l'apostrophe se double) ; objets en JSON. */
const litteral = (v: unknown) => {
  if (v === null || v === undefined) return 'null';
  const texte = typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (texte.includes('\u0000')) throw erreurRest(400, '22021', 'invalid byte sequence: null character');
  return `'${texte.replace(/'/g, "''")}'`;
};
/**
 * Protection contre le rebinding DNS : une page d'un autre site dont le nom pointerait vers 127.0.0.1
 * enverrait son propre nom dans Host. Seuls 127.0.0.1, localhost, [::1] et l'adresse locale de la
 * connexion, au port d'écoute, sont acceptés (propre au remplaçant : Supabase est derrière un vrai nom).
 */
function verifierHote(req: IncomingMessage) {
  const hote = (req.headers.host ?? '').toLowerCase();
  const port = req.socket.localPort;
  const locale = req.socket.localAddress?.replace(/^::ffff:/, '');
  const permis = ['127.0.0.1', 'localhost', '[::1]', ...(locale ? [locale.includes(':') ? `[${locale}]` : locale] : [])].map((h) => `${h}:${port}`);
  if (!permis.includes(hote)) {
    throw new ErreurHttp(421, {
      code: 'hote_refuse',
      message: `En-tête Host refusé (« ${hote.slice(0, 100)} ») : ce service local ne répond qu’à ${permis.slice(0, 2).join(' ou ')} (protection contre le rebinding DNS).`,
    });
  }
}

const header = (req: IncomingMessage, nom: string) => {
  const v = req.headers[nom];
  return Array.isArray(v) ? v[0] : v;
};

/** Statut HTTP de PostgREST pour un SQLSTATE. */
export function statutPourSqlstate(code: string, role: string): number {
  if (code === '42501') return role === 'anon' ? 401 : 403;
  if (code === '42883' || code === '42P01') return 404;
  if (code === '23503' || code === '23505') return 409;
  if (code === '25006') return 405;
  if (code === 'P0001') return 400;
  if (/^(08|53)/.test(code)) return 503;
  if (/^(09|25|2D|38|39|3B|40|54|55|57|58|F0|HV|P0|XX)/.test(code) || code === '42P17') return 500;
  if (/^(0L|0P|28)/.test(code)) return 403;
  return 400;
}

function erreurSql(e: unknown, role: string): ErreurHttp {
  const err = e as { code?: string; message?: string; detail?: string; hint?: string };
  if (!err?.code) {
    console.error('[supabase local] erreur SQL sans code :', e);
    return erreurRest(500, 'XX000', 'Unexpected failure');
  }
  return erreurRest(statutPourSqlstate(err.code, role), err.code, err.message ?? '', err.detail ?? null, err.hint ?? null);
}

async function lireJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const morceaux: Buffer[] = [];
  let taille = 0;
  // Au-delà de la limite, le reste est lu sans être gardé : interrompre la lecture détruirait la
  // connexion, et la requête suivante sur la même connexion keep-alive échouerait.
  for await (const m of req) {
    taille += (m as Buffer).length;
    if (taille <= TAILLE_MAX) morceaux.push(m as Buffer);
  }
  if (taille > TAILLE_MAX) throw erreurRest(413, 'PGRST413', 'Payload Too Large');
  const texte = Buffer.concat(morceaux).toString('utf8');
  if (!texte) return {};
  try {
    const v = JSON.parse(texte);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v;
  } catch {
    /* plus bas */
  }
  throw erreurRest(400, 'PGRST102', 'Empty or invalid json');
}

function envoyer(res: ServerResponse, statut: number, corps?: unknown) {
  res.setHeader('x-supabase-api-version', '2024-01-01');
  if (statut === 204 || corps === undefined) {
    res.writeHead(statut).end();
    return;
  }
  res.writeHead(statut, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(corps));
}

