// Remplaçant local de Supabase : l'appel RPC de PostgREST et l'authentification par code
// e-mail de Supabase Auth, sur HTTP, au-dessus de PGlite ou PostgreSQL.
// Ce qu'il n'implémente pas : local/README.md.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import nodemailer from 'nodemailer';
import type { Database, Requetes } from './base.ts';
import { signerJwt, verifierJwt } from './jwt.ts';

export interface OptionsSupabaseLocal {
  db: Database;
  jwtSecret: string;
  smtpUrl: string;
  mailFrom: string;
  /** Durée de vie d'un jeton d'accès, en secondes (Supabase : 3600). */
  dureeJeton?: number;
  /** Durée de validité d'un code, en secondes. */
  dureeCode?: number;
  /** Délai minimal entre deux codes pour une adresse, en secondes. */
  intervalleCodes?: number;
  /** Nom du service dans les messages. */
  nomService?: string;
}

const SCHEMAS_EXPOSES = ['api'];
const TAILLE_MAX = 1024 * 1024;
const ESSAIS_PAR_CODE = 5;
const REUTILISATION_JETON_MS = 10_000;

class ErreurHttp extends Error {
  readonly statut: number;
  readonly corps: Record<string, unknown>;
  constructor(statut: number, corps: Record<string, unknown>) {
    super(String(corps.message ?? corps.msg ?? statut));
    this.statut = statut;
    this.corps = corps;
  }
}

const erreurAuth = (statut: number, code: string, message: string) => new ErreurHttp(statut, { code, message, msg: message, error_code: code });
const erreurRest = (statut: number, code: string, message: string, details: string | null = null, hint: string | null = null) =>
  new ErreurHttp(statut, { code, message, details, hint });

/** Crée le serveur (non démarré). */
export function creerSupabaseLocal(options: OptionsSupabaseLocal): Server {
  const { db, jwtSecret } = options;
  const dureeJeton = options.dureeJeton ?? 3600;
  const dureeCode = options.dureeCode ?? 600;
  const intervalleCodes = options.intervalleCodes ?? 60;
  const courrier = nodemailer.createTransport(options.smtpUrl);
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
    const apikey = header(req, 'apikey');
    const autorisation = header(req, 'authorization');
    const jeton = autorisation?.match(/^Bearer\s+(.+)$/i)?.[1] ?? apikey;
    if (!apikey && !autorisation) throw new ErreurHttp(401, { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' });
    if (!jeton) throw erreurRest(401, 'PGRST301', 'No suitable key or wrong key type');
    const verifie = verifierJwt(jeton, jwtSecret);
    if (!verifie.ok) {
      throw verifie.raison === 'expire' ? erreurRest(401, 'PGRST303', 'JWT expired') : erreurRest(401, 'PGRST301', 'JWSError JWSInvalidSignature');
    }
    return verifie.claims;
  }

  async function rpc(req: IncomingMessage, nom: string, args: Record<string, unknown>): Promise<{ statut: number; corps?: unknown }> {
    const schema = header(req, req.method === 'GET' ? 'accept-profile' : 'content-profile') ?? 'public';
    if (!SCHEMAS_EXPOSES.includes(schema)) throw erreurRest(406, 'PGRST106', `The schema must be one of the following: ${SCHEMAS_EXPOSES.join(', ')}`);
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

  // ——— Auth ———

  function verifierApikey(req: IncomingMessage) {
    const apikey = header(req, 'apikey');
    if (!apikey || !verifierJwt(apikey, jwtSecret).ok) throw new ErreurHttp(401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' });
  }

  async function utilisateurParEmail(tx: Requetes, email: string) {
    return (await tx.query<Utilisateur>('select * from auth.users where email = $1', [email])).rows[0];
  }

  async function demanderCode(corps: Record<string, unknown>) {
    const email = typeof corps.email === 'string' ? corps.email.trim().toLowerCase() : '';
    if (!email) throw erreurAuth(400, 'validation_failed', 'To authenticate, you must provide either an email or phone number');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const utilisateur = await db.transaction(async (tx) => {
      const u = await utilisateurParEmail(tx, email);
      if (!u) {
        if (corps.create_user === false) throw erreurAuth(422, 'otp_disabled', 'Signups not allowed for otp');
        throw erreurAuth(422, 'signup_disabled', 'Signups not allowed for this instance');
      }
      await tx.query('select pg_advisory_xact_lock(hashtext($1))', [u.id]);
      const dernier = (await tx.query<{ ecoule: number }>(`select extract(epoch from now() - envoye_le)::float as ecoule from auth.codes_otp where user_id = $1 order by envoye_le desc limit 1`, [u.id])).rows[0];
      if (dernier && dernier.ecoule < intervalleCodes) {
        const reste = Math.ceil(intervalleCodes - dernier.ecoule);
        throw erreurAuth(429, 'over_email_send_rate_limit', `For security purposes, you can only request this after ${reste} seconds.`);
      }
      await tx.query(`update auth.codes_otp set utilise_le = now() where user_id = $1 and utilise_le is null`, [u.id]);
      await tx.query(`insert into auth.codes_otp (user_id, empreinte, expire_le) values ($1, $2, now() + make_interval(secs => $3))`, [u.id, empreinte(u.id, code), dureeCode]);
      return u;
    });
    const nom = options.nomService ?? 'Réseau BDE';
    await courrier.sendMail({
      from: options.mailFrom,
      to: utilisateur.email!,
      subject: `Votre code de connexion : ${code}`,
      text: `Bonjour,\n\nVoici votre code de connexion à ${nom} :\n\n${code}\n\nIl est valable ${Math.round(dureeCode / 60)} minutes et ne sert qu’une fois.\nSi vous n’avez rien demandé, ignorez ce message.\n`,
    });
    return {};
  }

  async function verifierCode(corps: Record<string, unknown>) {
    const email = typeof corps.email === 'string' ? corps.email.trim().toLowerCase() : '';
    const code = typeof corps.token === 'string' ? corps.token.trim() : '';
    if (!email || !code) throw erreurAuth(400, 'validation_failed', 'Verify requires either a token or a token hash');
    const resultat = await db.transaction(async (tx) => {
      const u = await utilisateurParEmail(tx, email);
      if (!u) return { ok: false as const };
      const dernier = (
        await tx.query<{ id: number; empreinte: string; valide: boolean; echecs: number }>(
          `select id, empreinte, echecs, (utilise_le is null and expire_le > now()) as valide
             from auth.codes_otp where user_id = $1 order by envoye_le desc limit 1 for update`,
          [u.id],
        )
      ).rows[0];
      if (!dernier || !dernier.valide || dernier.echecs >= ESSAIS_PAR_CODE) return { ok: false as const };
      if (dernier.empreinte !== empreinte(u.id, code)) {
        await tx.query('update auth.codes_otp set echecs = echecs + 1 where id = $1', [dernier.id]);
        return { ok: false as const };
      }
      await tx.query('update auth.codes_otp set utilise_le = now() where id = $1', [dernier.id]);
      await tx.query('update auth.users set last_sign_in_at = now(), updated_at = now() where id = $1', [u.id]);
      const session = (await tx.query<{ id: string }>('insert into auth.sessions (user_id) values ($1) returning id', [u.id])).rows[0]!;
      return { ok: true as const, session: await emettreSession(tx, (await utilisateurParEmail(tx, email))!, session.id) };
    });
    if (!resultat.ok) throw erreurAuth(403, 'otp_expired', 'Token has expired or is invalid');
    return resultat.session;
  }

  async function rafraichir(corps: Record<string, unknown>) {
    const jeton = typeof corps.refresh_token === 'string' ? corps.refresh_token : '';
    if (!jeton) throw erreurAuth(400, 'validation_failed', 'refresh_token required');
    return db.transaction(async (tx) => {
      const ligne = (
        await tx.query<{ session_id: string; revoque_depuis_ms: number | null; session_revoquee: boolean; user_id: string }>(
          `select r.session_id, (extract(epoch from now() - r.revoque_le) * 1000)::float as revoque_depuis_ms,
                  s.revoque_le is not null as session_revoquee, s.user_id
             from auth.refresh_tokens r join auth.sessions s on s.id = r.session_id
            where r.jeton = $1 for update of r`,
          [jeton],
        )
      ).rows[0];
      if (!ligne || ligne.session_revoquee) throw erreurAuth(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
      if (ligne.revoque_depuis_ms !== null && ligne.revoque_depuis_ms > REUTILISATION_JETON_MS) {
        throw erreurAuth(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
      }
      await tx.query('update auth.refresh_tokens set revoque_le = coalesce(revoque_le, now()) where jeton = $1', [jeton]);
      const u = (await tx.query<Utilisateur>('select * from auth.users where id = $1', [ligne.user_id])).rows[0];
      if (!u) throw erreurAuth(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
      return emettreSession(tx, u, ligne.session_id);
    });
  }

  async function emettreSession(tx: Requetes, u: Utilisateur, sessionId: string) {
    const refresh = randomBytes(24).toString('base64url');
    await tx.query('insert into auth.refresh_tokens (jeton, session_id) values ($1, $2)', [refresh, sessionId]);
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + dureeJeton;
    const user = versUser(u);
    const access_token = signerJwt(
      {
        aud: 'authenticated', exp, iat, iss: 'supabase-local/auth/v1', sub: u.id, email: u.email, phone: '',
        app_metadata: user.app_metadata, user_metadata: user.user_metadata, role: 'authenticated',
        aal: 'aal1', amr: [{ method: 'otp', timestamp: iat }], session_id: sessionId, is_anonymous: false,
      },
      jwtSecret,
    );
    return { access_token, token_type: 'bearer', expires_in: dureeJeton, expires_at: exp, refresh_token: refresh, user };
  }

  async function sessionDuJeton(req: IncomingMessage) {
    const jeton = header(req, 'authorization')?.match(/^Bearer\s+(.+)$/i)?.[1];
    if (!jeton) throw erreurAuth(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
    const v = verifierJwt(jeton, jwtSecret);
    if (!v.ok) throw erreurAuth(403, 'bad_jwt', v.raison === 'expire' ? 'invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired' : 'invalid JWT: unable to parse or verify signature, signature is invalid');
    const { sub, session_id } = v.claims as { sub?: string; session_id?: string };
    if (!sub || !session_id) throw erreurAuth(403, 'bad_jwt', 'invalid claim: missing sub claim');
    const s = (await db.query<{ actif: boolean }>('select revoque_le is null as actif from auth.sessions where id = $1 and user_id = $2', [session_id, sub])).rows[0];
    if (!s?.actif) throw erreurAuth(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    return { sub, session_id };
  }

  async function utilisateur(req: IncomingMessage) {
    const { sub } = await sessionDuJeton(req);
    const u = (await db.query<Utilisateur>('select * from auth.users where id = $1', [sub])).rows[0];
    if (!u) throw erreurAuth(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    return versUser(u);
  }

  async function deconnecter(req: IncomingMessage, portee: string) {
    const { sub, session_id } = await sessionDuJeton(req).catch((e) => {
      if (e instanceof ErreurHttp && e.corps.code === 'session_not_found') return { sub: '', session_id: '' };
      throw e;
    });
    if (!sub) return;
    const condition = portee === 'local' ? 'id = $2' : portee === 'others' ? 'id <> $2' : '$2::uuid is not null';
    await db.query(`update auth.sessions set revoque_le = now() where user_id = $1 and revoque_le is null and ${condition}`, [sub, session_id]);
  }

  return createServer(async (req, res) => {
    try {
      verifierHote(req);
      const url = new URL(req.url ?? '/', 'http://localhost');
      const chemin = url.pathname.replace(/\/+$/, '');
      const rpcNom = chemin.match(/^\/rest\/v1\/rpc\/([A-Za-z0-9_]+)$/)?.[1];
      if (rpcNom && (req.method === 'POST' || req.method === 'GET')) {
        const args = req.method === 'GET' ? Object.fromEntries(url.searchParams) : await lireJson(req, true);
        const { statut, corps } = await rpc(req, rpcNom, args);
        return envoyer(res, statut, corps);
      }
      if (chemin === '/auth/v1/health') return envoyer(res, 200, { name: 'supabase-local', description: 'Remplaçant local de Supabase Auth' });
      if (chemin.startsWith('/auth/v1/')) {
        verifierApikey(req);
        const route = `${req.method} ${chemin.slice('/auth/v1'.length)}`;
        switch (route) {
          case 'POST /otp':
            return envoyer(res, 200, await demanderCode(await lireJson(req)));
          case 'POST /verify':
            return envoyer(res, 200, await verifierCode(await lireJson(req)));
          case 'POST /token':
            if (url.searchParams.get('grant_type') !== 'refresh_token') throw erreurAuth(400, 'validation_failed', 'unsupported_grant_type');
            return envoyer(res, 200, await rafraichir(await lireJson(req)));
          case 'GET /user':
            return envoyer(res, 200, await utilisateur(req));
          case 'POST /logout':
            await deconnecter(req, url.searchParams.get('scope') ?? 'global');
            return envoyer(res, 204);
        }
        throw erreurAuth(404, 'not_found', 'Not found');
      }
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

interface Utilisateur {
  id: string;
  email: string | null;
  aud: string;
  role: string;
  email_confirmed_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown>;
  raw_user_meta_data: Record<string, unknown>;
  created_at: Date;
  updated_at: Date;
}

function versUser(u: Utilisateur) {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: u.id, aud: u.aud, role: u.role, email: u.email, phone: '',
    email_confirmed_at: iso(u.email_confirmed_at), confirmed_at: iso(u.email_confirmed_at), last_sign_in_at: iso(u.last_sign_in_at),
    app_metadata: u.raw_app_meta_data, user_metadata: u.raw_user_meta_data, identities: [],
    created_at: iso(u.created_at), updated_at: iso(u.updated_at), is_anonymous: false,
  };
}

const empreinte = (userId: string, code: string) => createHash('sha256').update(`${userId}:${code}`).digest('hex');
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

async function lireJson(req: IncomingMessage, rpc = false): Promise<Record<string, unknown>> {
  const morceaux: Buffer[] = [];
  let taille = 0;
  // Au-delà de la limite, le reste est lu sans être gardé : interrompre la lecture détruirait la
  // connexion, et la requête suivante sur la même connexion keep-alive échouerait.
  for await (const m of req) {
    taille += (m as Buffer).length;
    if (taille <= TAILLE_MAX) morceaux.push(m as Buffer);
  }
  if (taille > TAILLE_MAX) throw rpc ? erreurRest(413, 'PGRST413', 'Payload Too Large') : erreurAuth(413, 'request_too_large', 'Request body too large');
  const texte = Buffer.concat(morceaux).toString('utf8');
  if (!texte) return {};
  try {
    const v = JSON.parse(texte);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v;
  } catch {
    /* plus bas */
  }
  throw rpc ? erreurRest(400, 'PGRST102', 'Empty or invalid json') : erreurAuth(400, 'bad_json', 'Could not parse request body as JSON');
}

function envoyer(res: ServerResponse, statut: number, corps?: unknown) {
  res.setHeader('x-supabase-api-version', '2024-01-01');
  if (statut === 204 || corps === undefined) {
    res.writeHead(statut).end();
    return;
  }
  res.writeHead(statut, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(corps));
}

