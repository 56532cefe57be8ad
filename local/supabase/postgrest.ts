// Le cœur de PostgREST tel que le remplaçant l'imite : trouver la fonction, lier ses arguments,
// l'appeler dans une transaction avec le rôle et les revendications du jeton, traduire les erreurs.
// Utilisé par le serveur HTTP (local/supabase/serveur.ts) et, sans HTTP, par les tests de cas d'usage
// (local/tests/api-directe.ts) : les deux passent par le même code.
import type { Database } from '../base/base.ts';

export class ErreurHttp extends Error {
  readonly statut: number;
  readonly corps: Record<string, unknown>;
  constructor(statut: number, corps: Record<string, unknown>) {
    super(String(corps.message ?? corps.msg ?? statut));
    this.statut = statut;
    this.corps = corps;
  }
}

export const erreurRest = (statut: number, code: string, message: string, details: string | null = null, hint: string | null = null) =>
  new ErreurHttp(statut, { code, message, details, hint });

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
/** Un appel RPC : schéma, fonction, arguments nommés, revendications du jeton, méthode HTTP. */
export interface AppelRpc {
  schema: string;
  nom: string;
  args: Record<string, unknown>;
  claims: Record<string, unknown>;
  methode: 'GET' | 'POST';
}

/** L'exécuteur d'appels RPC sur une base, avec son cache de signatures (comme le cache de schéma de PostgREST). */
export function creerExecuteurRpc(db: Database) {
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

  async function executer({ schema, nom, args, claims, methode }: AppelRpc): Promise<{ statut: number; corps?: unknown }> {
    const role = String(claims.role ?? '');
    const cles = Object.keys(args);
    const meta = (await fonctions(schema, nom)).find((m) => cles.every((c) => m.noms.includes(c)) && m.noms.slice(0, m.obligatoires).every((n) => cles.includes(n)));
    if (!meta) {
      throw erreurRest(404, 'PGRST202', `Could not find the function ${schema}.${nom}(${cles.sort().join(', ')}) in the schema cache`, `Searched for the function ${schema}.${nom} with parameters ${cles.join(', ') || 'none'}.`);
    }
    // Liaison des arguments comme PostgREST (Plan.hs callReadPlan, SqlFragment.hs fromJsonBodyF) : en GET, chaque paramètre de la
    // chaîne de requête est un littéral converti vers le type du paramètre ; en POST, le corps JSON passe
    // par json_to_record, qui fait d'un tableau JSON un tableau PostgreSQL (text[], uuid[]…).
    const typeDe = (c: string) => meta.types[meta.noms.indexOf(c)]!;
    const directs = methode === 'GET';
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
    const lectureSeule = methode === 'GET' || !meta.volatile;
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

  return { executer };
}

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

