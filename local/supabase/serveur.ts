// Remplaçant local de Supabase : l'appel RPC de PostgREST et l'authentification par code
// e-mail de Supabase Auth, sur HTTP, au-dessus de PGlite ou PostgreSQL.
// Ce qu'il n'implémente pas : local/README.md.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Database } from '../base/base.ts';
import type { ConfigSupabase } from './config.ts';
import { verifierJwt } from './jwt.ts';
import { creerAuthLocale } from './auth.ts';
import { creerExecuteurRpc, ErreurHttp, erreurRest } from './postgrest.ts';
import { creerPasserelle, type ClesLocales } from './passerelle.ts';

export interface OptionsSupabaseLocal {
  db: Database;
  jwtSecret: string;
  /** Les clés d'API acceptées (sb_publishable_…, sb_secret_…). */
  cles: ClesLocales;
  /** supabase/config.toml lu (local/supabase/config.ts) : schémas exposés, Auth, SMTP, modèles. */
  config: ConfigSupabase;
}

const TAILLE_MAX = 1024 * 1024;

/** Crée le serveur (non démarré). */
export function creerSupabaseLocal(options: OptionsSupabaseLocal): Server {
  const { db, jwtSecret, config } = options;
  const schemasExposes = config.api.schemas;
  const passerelle = creerPasserelle(options.cles, jwtSecret);
  const traiterAuth = creerAuthLocale({ db, jwtSecret, config, passerelle });
  const executeur = creerExecuteurRpc(db);

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
    return executeur.executer({ schema, nom, args, claims, methode: req.method === 'GET' ? 'GET' : 'POST' });
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

