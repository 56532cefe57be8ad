// Remplaçant local de Supabase Auth (GoTrue) : connexion par code e-mail, sessions, rotation des
// jetons de rafraîchissement, déconnexion et administration des utilisateurs, avec les codes
// d'erreur, messages et statuts de GoTrue (internal/api/*.go), réglés par supabase/config.toml.
// Il n'ajoute aucune règle que GoTrue n'a pas : la limite d'essais par code, la liste des
// membres actifs, etc. sont dans le SQL et les fonctions du hub.
import { createHash, randomInt, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIP } from 'node:net';
import nodemailer from 'nodemailer';
import type { Database, Requetes } from '../base/base.ts';
import { rendreModele, type ConfigSupabase } from './config.ts';
import { signerJwt, verifierJwt } from './jwt.ts';
import { entete, type Passerelle } from './passerelle.ts';

export interface OptionsAuthLocale {
  db: Database;
  jwtSecret: string;
  config: ConfigSupabase;
  passerelle: Passerelle;
}

const TAILLE_MAX = 1024 * 1024;
const INSTANCE = '00000000-0000-0000-0000-000000000000';
const ROLES_ADMIN = ['service_role', 'supabase_admin'];

class ErreurAuth extends Error {
  readonly statut: number;
  readonly code: string;
  constructor(statut: number, code: string, message: string) {
    super(message);
    this.statut = statut;
    this.code = code;
  }
}

// ——— Limites de débit de GoTrue (internal/api/apilimiter) ———

/** Seau de jetons par clé (adresse IP) : `burst` jetons, remplis de `parCinqMinutes` toutes les
 *  5 minutes, comme tollbooth.NewLimiter(N/(60*5)).SetBurst(30). */
class SeauParIp {
  private readonly seaux = new Map<string, { jetons: number; t: number }>();
  private readonly parMs: number;
  private readonly burst: number;
  constructor(parCinqMinutes: number, burst = 30) {
    this.parMs = parCinqMinutes / 300_000;
    this.burst = burst;
  }
  prendre(cle: string, maintenant = Date.now()): boolean {
    const s = this.seaux.get(cle) ?? { jetons: this.burst, t: maintenant };
    s.jetons = Math.min(this.burst, s.jetons + (maintenant - s.t) * this.parMs);
    s.t = maintenant;
    this.seaux.set(cle, s);
    if (s.jetons < 1) return false;
    s.jetons -= 1;
    return true;
  }
}

/** Limite globale de courriels : N par heure, compteur remis à zéro à chaque heure écoulée
 *  depuis le démarrage (ratelimit.IntervalLimiter). */
class LimiteParIntervalle {
  private debut = Date.now();
  private compte = 0;
  private readonly evenements: number;
  private readonly intervalle: number;
  constructor(evenements: number, intervalleMs: number) {
    this.evenements = evenements;
    this.intervalle = intervalleMs;
  }
  prendre(maintenant = Date.now()): boolean {
    const n = Math.floor((maintenant - this.debut) / this.intervalle);
    if (n > 0) {
      this.debut += n * this.intervalle;
      this.compte = 0;
    }
    if (this.compte >= this.evenements) return false;
    this.compte++;
    return true;
  }
}

/** Crée le gestionnaire des routes /auth/v1/*. */
export function creerAuthLocale({ db, jwtSecret, config, passerelle }: OptionsAuthLocale) {
  const { auth } = config;
  const smtp = auth.email.smtp;
  const courrier = nodemailer.createTransport({ host: smtp.host, port: smtp.port, secure: smtp.port === 465, auth: { user: smtp.user, pass: smtp.pass } });
  const limites = {
    otp: new SeauParIp(auth.rate_limit.sign_in_sign_ups),
    verify: new SeauParIp(auth.rate_limit.token_verifications),
    token: new SeauParIp(auth.rate_limit.token_refresh),
    courriels: new LimiteParIntervalle(auth.rate_limit.email_sent, 3_600_000),
  };

  function limiter(seau: SeauParIp, req: IncomingMessage, genreCle: string) {
    // Clé du seau : l'adresse du client ; Sb-Forwarded-For n'est cru qu'avec la clé secrète.
    const transmise = entete(req, 'sb-forwarded-for')?.split(',')[0]?.trim();
    const ip = (genreCle === 'secret' || genreCle === 'service_role') && transmise && isIP(transmise) ? transmise : (req.socket.remoteAddress ?? '');
    if (!seau.prendre(ip)) throw new ErreurAuth(429, 'over_request_rate_limit', 'Request rate limit reached');
  }

  // ——— Utilisateurs ———

  const utilisateurParEmail = async (tx: Requetes, email: string, verrou = false) =>
    (await tx.query<Utilisateur>(`select * from auth.users where email = $1 and aud = 'authenticated' and is_sso_user = false${verrou ? ' for update' : ''}`, [email])).rows[0];
  const utilisateurParId = async (tx: Requetes, id: string) => (await tx.query<Utilisateur>('select * from auth.users where id = $1', [id])).rows[0];
  const banni = (u: Utilisateur) => u.banned_until !== null && new Date(u.banned_until).getTime() > Date.now();

  // ——— POST /otp (otp.go, magic_link.go, mail.go) ———

  async function demanderCode(corps: Record<string, unknown>) {
    const brut = typeof corps.email === 'string' ? corps.email : '';
    const telephone = typeof corps.phone === 'string' ? corps.phone : '';
    if (brut && telephone) throw new ErreurAuth(400, 'validation_failed', 'Only an email address or phone number should be provided');
    if (!brut && !telephone) throw new ErreurAuth(400, 'validation_failed', 'To authenticate, you must provide either an email or phone number');
    if (telephone) throw new ErreurAuth(400, 'phone_provider_disabled', 'Unsupported phone provider');
    const email = validerEmail(brut);
    const creer = corps.create_user !== false;
    return db.transaction(async (tx) => {
      const u = await utilisateurParEmail(tx, email, true);
      if (!creer && !u) throw new ErreurAuth(422, 'otp_disabled', 'Signups not allowed for otp');
      if (!auth.email.enable_signup) throw new ErreurAuth(422, 'email_provider_disabled', 'Email logins are disabled');
      // Adresse inconnue ou compte non confirmé : GoTrue passe par l'inscription.
      if (!u || !u.email_confirmed_at) {
        if (!auth.enable_signup) throw new ErreurAuth(422, 'signup_disabled', 'Signups not allowed for this instance');
        throw new ErreurAuth(501, 'not_implemented', 'Le remplaçant local ne gère pas les inscriptions (config.toml : auth.enable_signup doit rester false).');
      }
      if (u.recovery_sent_at) {
        const reste = new Date(u.recovery_sent_at).getTime() + config.frequenceMaxCodes * 1000 - Date.now();
        if (reste > 0) throw new ErreurAuth(429, 'over_email_send_rate_limit', `For security purposes, you can only request this after ${Math.trunc(reste / 1000)} seconds.`);
      }
      // Limite globale de courriels : GoTrue ne l'applique que si les confirmations sont exigées
      // (« TODO(km): Deprecate this behaviour » dans mail.go), ou immédiatement si elle vaut 0.
      if (auth.rate_limit.email_sent === 0 || (auth.email.enable_confirmations && !limites.courriels.prendre())) {
        throw new ErreurAuth(429, 'over_email_send_rate_limit', 'email rate limit exceeded');
      }
      const code = Array.from({ length: auth.email.otp_length }, () => randomInt(0, 10)).join('');
      const modele = config.modeles.magic_link;
      const html = rendreModele(modele.contenu, donneesModele(email, code));
      try {
        await courrier.sendMail({ from: { name: smtp.sender_name, address: smtp.admin_email }, to: email, subject: modele.sujet, html });
      } catch (e) {
        console.error('[auth locale] envoi du courriel impossible :', e);
        throw new ErreurAuth(500, 'unexpected_failure', 'Error sending magic link email');
      }
      await tx.query('update auth.users set recovery_token = $2, recovery_sent_at = now(), updated_at = now() where id = $1', [u.id, empreinteCode(email, code)]);
      return {};
    });
  }

  function donneesModele(email: string, code: string) {
    return {
      Token: code,
      TokenHash: empreinteCode(email, code),
      Email: email,
      SiteURL: auth.site_url,
      RedirectTo: auth.site_url,
      ConfirmationURL: `${auth.site_url}/auth/v1/verify?token=${empreinteCode(email, code)}&type=magiclink`,
    };
  }

  // ——— POST /verify (verify.go) ———

  async function verifierCode(corps: Record<string, unknown>) {
    const type = typeof corps.type === 'string' ? corps.type : '';
    const token = typeof corps.token === 'string' ? corps.token : '';
    const tokenHash = typeof corps.token_hash === 'string' ? corps.token_hash : '';
    if (!type) throw new ErreurAuth(400, 'validation_failed', 'Verify requires a verification type');
    if ((!token && !tokenHash) || (token && tokenHash)) throw new ErreurAuth(400, 'validation_failed', 'Verify requires either a token or a token hash');
    if (!['email', 'magiclink'].includes(type)) throw new ErreurAuth(400, 'validation_failed', 'Le remplaçant local ne vérifie que les types « email » et « magiclink ».');
    if (tokenHash) throw new ErreurAuth(400, 'validation_failed', 'Le remplaçant local ne vérifie que les codes (token), pas les token_hash des liens.');
    let email: string;
    try {
      email = validerEmail(typeof corps.email === 'string' ? corps.email : '');
    } catch {
      throw new ErreurAuth(422, 'validation_failed', 'Invalid email format');
    }
    return db.transaction(async (tx) => {
      const u = await utilisateurParEmail(tx, email, true);
      if (!u) throw new ErreurAuth(403, 'otp_expired', 'Token has expired or is invalid');
      if (banni(u)) throw new ErreurAuth(403, 'user_banned', 'User is banned');
      const valide =
        !!u.recovery_token &&
        u.recovery_token === empreinteCode(email, token.trim()) &&
        !!u.recovery_sent_at &&
        new Date(u.recovery_sent_at).getTime() + auth.email.otp_expiry * 1000 > Date.now();
      if (!valide) throw new ErreurAuth(403, 'otp_expired', 'Token has expired or is invalid');
      // user.Recover() efface le code ; un compte non confirmé l'est alors.
      await tx.query(
        `update auth.users set recovery_token = '', email_confirmed_at = coalesce(email_confirmed_at, now()), last_sign_in_at = now(), updated_at = now() where id = $1`,
        [u.id],
      );
      const session = randomUUID();
      await tx.query(`insert into auth.sessions (id, user_id, created_at, updated_at, aal) values ($1, $2, now(), now(), 'aal1')`, [session, u.id]);
      const refresh = await nouveauJetonRafraichissement(tx, u.id, session, '');
      return reponseSession((await utilisateurParId(tx, u.id))!, session, refresh);
    });
  }

  // ——— POST /token?grant_type=refresh_token (token_refresh.go, tokens/service.go) ———

  async function rafraichir(corps: Record<string, unknown>) {
    const jeton = typeof corps.refresh_token === 'string' ? corps.refresh_token : '';
    if (!jeton) throw new ErreurAuth(400, 'validation_failed', 'Refresh token is not valid');
    // Le remplaçant émet des jetons au format historique de GoTrue (12 caractères [a-z0-9]).
    if (!/^[a-z0-9]{12}$/.test(jeton)) throw new ErreurAuth(400, 'validation_failed', 'Refresh token is not valid');
    const resultat = await db.transaction(async (tx): Promise<{ erreur: ErreurAuth } | { session: ReturnType<typeof reponseSession> }> => {
      const ligne = (
        await tx.query<{ id: string; token: string; revoked: boolean; depuis_ms: number; session_id: string; user_id: string }>(
          `select r.id, r.token, r.revoked, (extract(epoch from now() - r.updated_at) * 1000)::float as depuis_ms, r.session_id, s.user_id
             from auth.refresh_tokens r join auth.sessions s on s.id = r.session_id
            where r.token = $1 for update of r, s`,
          [jeton],
        )
      ).rows[0];
      if (!ligne) throw new ErreurAuth(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
      const u = (await utilisateurParId(tx, ligne.user_id))!;
      if (banni(u)) throw new ErreurAuth(400, 'user_banned', 'Invalid Refresh Token: User Banned');
      let emis: string | undefined;
      if (ligne.revoked) {
        const actif = (
          await tx.query<{ token: string; parent: string | null }>(
            'select token, parent from auth.refresh_tokens where session_id = $1 and revoked = false order by id desc limit 1',
            [ligne.session_id],
          )
        ).rows[0];
        if (actif && actif.parent === ligne.token) {
          // Le client n'a pas pu garder la réponse précédente : on lui rend le jeton actif.
          emis = actif.token;
        } else if (ligne.depuis_ms > auth.refresh_token_reuse_interval * 1000) {
          if (auth.enable_refresh_token_rotation) {
            await tx.query('update auth.refresh_tokens set revoked = true, updated_at = now() where session_id = $1 and revoked = false', [ligne.session_id]);
          }
          // GoTrue valide la révocation puis répond l'erreur (storage.NewCommitWithError).
          return { erreur: new ErreurAuth(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used') };
        }
      }
      if (!emis) {
        await tx.query('update auth.refresh_tokens set revoked = true, updated_at = now() where id = $1', [ligne.id]);
        emis = await nouveauJetonRafraichissement(tx, u.id, ligne.session_id, ligne.token);
      }
      await tx.query('update auth.sessions set refreshed_at = now(), updated_at = now() where id = $1', [ligne.session_id]);
      return { session: reponseSession(u, ligne.session_id, emis) };
    });
    if ('erreur' in resultat) throw resultat.erreur;
    return resultat.session;
  }

  async function nouveauJetonRafraichissement(tx: Requetes, userId: string, sessionId: string, parent: string) {
    const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
    const token = Array.from({ length: 12 }, () => alphabet[randomInt(0, alphabet.length)]).join('');
    await tx.query(
      `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, created_at, updated_at, parent, session_id)
       values ($1, $2, $3, false, now(), now(), nullif($4, ''), $5)`,
      [INSTANCE, token, userId, parent, sessionId],
    );
    return token;
  }

  function reponseSession(u: Utilisateur, sessionId: string, refresh: string) {
    const iat = Math.floor(Date.now() / 1000);
    const exp = iat + auth.jwt_expiry;
    const user = versUser(u);
    const access_token = signerJwt(
      {
        aud: 'authenticated', exp, iat, iss: 'supabase-local/auth/v1', sub: u.id, email: u.email, phone: '',
        app_metadata: user.app_metadata, user_metadata: user.user_metadata, role: u.role ?? 'authenticated',
        aal: 'aal1', amr: [{ method: 'otp', timestamp: iat }], session_id: sessionId, is_anonymous: false,
      },
      jwtSecret,
    );
    return { access_token, token_type: 'bearer', expires_in: auth.jwt_expiry, expires_at: exp, refresh_token: refresh, user };
  }

  // ——— Authentification d'une requête (auth.go requireAuthentication) ———

  async function exigerUtilisateur(jeton: string) {
    const claims = lireClaims(jeton);
    const sub = typeof claims.sub === 'string' ? claims.sub : '';
    if (!sub) throw new ErreurAuth(403, 'bad_jwt', 'invalid claim: missing sub claim');
    if (!estUuid(sub)) throw new ErreurAuth(400, 'bad_jwt', 'invalid claim: sub claim must be a UUID');
    const u = await utilisateurParId(db, sub);
    if (!u) throw new ErreurAuth(403, 'user_not_found', 'User from sub claim in JWT does not exist');
    let session: string | null = null;
    const sid = typeof claims.session_id === 'string' ? claims.session_id : '';
    if (sid && sid !== INSTANCE) {
      if (!estUuid(sid)) throw new ErreurAuth(403, 'bad_jwt', 'invalid claim: session_id claim must be a UUID');
      const s = (await db.query<{ id: string }>('select id from auth.sessions where id = $1', [sid])).rows[0];
      if (!s) throw new ErreurAuth(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
      session = s.id;
    }
    if (banni(u)) throw new ErreurAuth(403, 'user_banned', 'User is banned');
    return { u, session };
  }

  function lireClaims(jeton: string) {
    if (!jeton) throw new ErreurAuth(401, 'no_authorization', 'This endpoint requires a valid Bearer token');
    const v = verifierJwt(jeton, jwtSecret);
    if (!v.ok) {
      throw new ErreurAuth(
        403,
        'bad_jwt',
        v.raison === 'expire' ? 'invalid JWT: unable to parse or verify signature, token has invalid claims: token is expired' : 'invalid JWT: unable to parse or verify signature, signature is invalid',
      );
    }
    return v.claims;
  }

  // ——— POST /logout (logout.go) : GoTrue SUPPRIME les sessions, leurs jetons avec elles ———

  async function deconnecter(jeton: string, portee: string) {
    if (!['', 'global', 'local', 'others'].includes(portee)) throw new ErreurAuth(400, 'validation_failed', `Unsupported logout scope "${portee}"`);
    const { u, session } = await exigerUtilisateur(jeton);
    if (session && portee === 'local') await db.query('delete from auth.sessions where id = $1', [session]);
    else if (session && portee === 'others') await db.query('delete from auth.sessions where id <> $1 and user_id = $2', [session, u.id]);
    else await db.query('delete from auth.sessions where user_id = $1', [u.id]);
  }

  // ——— /admin/users (admin.go), réservé au rôle service_role ———

  function exigerAdmin(jeton: string) {
    const claims = lireClaims(jeton);
    if (!ROLES_ADMIN.includes(String(claims.role ?? ''))) throw new ErreurAuth(403, 'not_admin', 'User not allowed');
  }

  function dureeBannissement(v: unknown): string | null | undefined {
    if (v === undefined || v === '') return undefined;
    if (v === 'none') return null;
    const secondes = typeof v === 'string' ? dureeGoSecondes(v) : null;
    if (secondes === null) throw new ErreurAuth(400, 'validation_failed', `invalid format for ban duration: time: invalid duration "${String(v)}"`);
    return new Date(Date.now() + secondes * 1000).toISOString();
  }

  async function creerUtilisateur(corps: Record<string, unknown>) {
    if (!corps.email && !corps.phone) throw new ErreurAuth(400, 'validation_failed', 'Cannot create a user without either an email or phone');
    if (corps.phone) throw new ErreurAuth(400, 'validation_failed', 'Le remplaçant local ne gère pas les comptes par téléphone.');
    const email = validerEmail(String(corps.email));
    const id = typeof corps.id === 'string' && corps.id ? corps.id : randomUUID();
    if (!estUuid(id)) throw new ErreurAuth(400, 'validation_failed', 'ID must conform to the uuid v4 format');
    const ban = dureeBannissement(corps.ban_duration);
    const appMeta = { provider: 'email', providers: ['email'], ...objet(corps.app_metadata) };
    return db.transaction(async (tx) => {
      if (await utilisateurParEmail(tx, email)) throw new ErreurAuth(422, 'email_exists', 'A user with this email address has already been registered');
      await tx.query(
        `insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at, confirmation_token, recovery_token, email_change_token_new,
                                 email_change, raw_app_meta_data, raw_user_meta_data, banned_until, created_at, updated_at)
         values ($1, $2, 'authenticated', $3, $4, case when $5 then now() end, '', '', '', '', $6, $7, $8, now(), now())`,
        [INSTANCE, id, typeof corps.role === 'string' && corps.role ? corps.role : 'authenticated', email, corps.email_confirm === true, JSON.stringify(appMeta), JSON.stringify(objet(corps.user_metadata)), ban ?? null],
      );
      return versUser((await utilisateurParId(tx, id))!);
    });
  }

  async function utilisateurAdmin(id: string) {
    if (!estUuid(id)) throw new ErreurAuth(404, 'validation_failed', 'user_id must be an UUID');
    const u = await utilisateurParId(db, id);
    if (!u) throw new ErreurAuth(404, 'user_not_found', 'User not found');
    return u;
  }

  async function modifierUtilisateur(id: string, corps: Record<string, unknown>) {
    await utilisateurAdmin(id);
    const ban = dureeBannissement(corps.ban_duration);
    const email = corps.email ? validerEmail(String(corps.email)) : undefined;
    return db.transaction(async (tx) => {
      if (email) {
        const autre = await utilisateurParEmail(tx, email);
        if (autre && autre.id !== id) throw new ErreurAuth(422, 'email_exists', 'A user with this email address has already been registered');
        await tx.query('update auth.users set email = $2 where id = $1', [id, email]);
      }
      if (corps.email_confirm === true) await tx.query('update auth.users set email_confirmed_at = coalesce(email_confirmed_at, now()) where id = $1', [id]);
      if (corps.app_metadata !== undefined) await tx.query('update auth.users set raw_app_meta_data = coalesce(raw_app_meta_data, $2::jsonb) || $2::jsonb where id = $1', [id, JSON.stringify(objet(corps.app_metadata))]);
      if (corps.user_metadata !== undefined) await tx.query('update auth.users set raw_user_meta_data = coalesce(raw_user_meta_data, $2::jsonb) || $2::jsonb where id = $1', [id, JSON.stringify(objet(corps.user_metadata))]);
      if (ban !== undefined) await tx.query('update auth.users set banned_until = $2 where id = $1', [id, ban]);
      await tx.query('update auth.users set updated_at = now() where id = $1', [id]);
      return versUser((await utilisateurParId(tx, id))!);
    });
  }

  // ——— Routage ———

  return async function traiter(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (versionApi(req)) res.setHeader('x-supabase-api-version', '2024-01-01');
    try {
      const chemin = url.pathname.replace(/\/+$/, '').slice('/auth/v1'.length);
      if (chemin === '/health') return envoyer(res, 200, { name: 'supabase-local', description: 'Remplaçant local de Supabase Auth' });
      const passage = passerelle(req);
      if (!passage.ok) return envoyer(res, passage.statut, passage.corps);
      const { jeton, cle } = passage;
      const route = `${req.method} ${chemin}`;
      switch (route) {
        case 'POST /otp':
          limiter(limites.otp, req, cle);
          return envoyer(res, 200, await demanderCode(await lireJson(req)));
        case 'POST /verify':
          limiter(limites.verify, req, cle);
          return envoyer(res, 200, await verifierCode(await lireJson(req)));
        case 'POST /token': {
          if (url.searchParams.get('grant_type') !== 'refresh_token') throw new ErreurAuth(400, 'validation_failed', 'Le remplaçant local ne connaît que grant_type=refresh_token.');
          limiter(limites.token, req, cle);
          return envoyer(res, 200, await rafraichir(await lireJson(req)));
        }
        case 'GET /user':
          return envoyer(res, 200, versUser((await exigerUtilisateur(jeton)).u));
        case 'POST /logout':
          await deconnecter(jeton, url.searchParams.get('scope') ?? '');
          return envoyer(res, 204);
        case 'GET /admin/users': {
          // Liste paginée (admin.go adminUsers) : { users, aud }, en-têtes x-total-count et link.
          exigerAdmin(jeton);
          const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
          const parPage = Math.min(1000, Math.max(1, Number(url.searchParams.get('per_page') ?? 50) || 50));
          const total = (await db.query<{ n: number }>('select count(*)::int as n from auth.users')).rows[0]!.n;
          const { rows } = await db.query<Utilisateur>('select * from auth.users order by created_at desc, id limit $1 offset $2', [parPage, (page - 1) * parPage]);
          res.setHeader('x-total-count', String(total));
          const derniere = Math.max(1, Math.ceil(total / parPage));
          const liens = [`</admin/users?page=${derniere}&per_page=${parPage}>; rel="last"`];
          if (page < derniere) liens.unshift(`</admin/users?page=${page + 1}&per_page=${parPage}>; rel="next"`);
          res.setHeader('link', liens.join(', '));
          return envoyer(res, 200, { users: rows.map(versUser), aud: 'authenticated' });
        }
        case 'POST /admin/users':
          exigerAdmin(jeton);
          return envoyer(res, 200, await creerUtilisateur(await lireJson(req)));
      }
      const id = chemin.match(/^\/admin\/users\/([^/]+)$/)?.[1];
      if (id && ['GET', 'PUT', 'DELETE'].includes(req.method ?? '')) {
        exigerAdmin(jeton);
        if (req.method === 'GET') return envoyer(res, 200, versUser(await utilisateurAdmin(id)));
        if (req.method === 'PUT') return envoyer(res, 200, await modifierUtilisateur(id, await lireJson(req)));
        await utilisateurAdmin(id);
        await db.query('delete from auth.users where id = $1', [id]);
        return envoyer(res, 200, {});
      }
      throw new ErreurAuth(404, 'not_found', 'Not found');
    } catch (e) {
      if (!(e instanceof ErreurAuth)) console.error('[auth locale] erreur inattendue :', e);
      const err = e instanceof ErreurAuth ? e : new ErreurAuth(500, 'unexpected_failure', 'Unexpected failure, please check server logs for more information');
      res.setHeader('x-sb-error-code', err.code);
      // Format des erreurs selon l'en-tête X-Supabase-Api-Version (errors.go) ; supabase-js envoie 2024-01-01.
      if (versionApi(req)) return envoyer(res, err.statut, { code: err.code, message: err.message });
      return envoyer(res, err.statut, { code: err.statut, error_code: err.code, msg: err.message });
    }
  };
}

interface Utilisateur {
  id: string;
  aud: string | null;
  role: string | null;
  email: string | null;
  email_confirmed_at: Date | null;
  recovery_token: string | null;
  recovery_sent_at: Date | null;
  last_sign_in_at: Date | null;
  raw_app_meta_data: Record<string, unknown> | null;
  raw_user_meta_data: Record<string, unknown> | null;
  created_at: Date | null;
  updated_at: Date | null;
  banned_until: Date | null;
}

/** L'utilisateur tel que GoTrue le sérialise (models/user.go : champs omitempty absents quand vides). */
function versUser(u: Utilisateur) {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : undefined);
  return {
    id: u.id, aud: u.aud ?? '', role: u.role ?? '', email: u.email ?? '',
    email_confirmed_at: iso(u.email_confirmed_at), phone: '', confirmed_at: iso(u.email_confirmed_at),
    recovery_sent_at: iso(u.recovery_sent_at), last_sign_in_at: iso(u.last_sign_in_at),
    app_metadata: u.raw_app_meta_data ?? {}, user_metadata: u.raw_user_meta_data ?? {}, identities: [],
    created_at: iso(u.created_at) ?? '', updated_at: iso(u.updated_at) ?? '', banned_until: iso(u.banned_until), is_anonymous: false,
  };
}

/** crypto.GenerateTokenHash de GoTrue : sha224(email + code) en hexadécimal. */
const empreinteCode = (email: string, code: string) => createHash('sha224').update(email + code).digest('hex');
const estUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);
const objet = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

/** validateEmail de GoTrue (mail.go) : présente, 255 caractères au plus, format valide ; en minuscules. */
function validerEmail(email: string): string {
  if (!email) throw new ErreurAuth(400, 'validation_failed', 'An email address is required');
  if (email.length > 255) throw new ErreurAuth(400, 'validation_failed', 'An email address is too long');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new ErreurAuth(400, 'validation_failed', 'Unable to validate email address: invalid format');
  return email.toLowerCase();
}

/** time.ParseDuration de Go, en secondes (« 876000h », « 24h », « 90m »). */
function dureeGoSecondes(v: string): number | null {
  if (!/^(\d+(\.\d+)?(h|m|s|ms|us|µs|ns))+$/.test(v)) return null;
  const f: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 1e-3, us: 1e-6, µs: 1e-6, ns: 1e-9 };
  let total = 0;
  for (const [, n, , u] of v.matchAll(/(\d+(\.\d+)?)(h|ms|us|µs|ns|m|s)/g)) total += Number(n) * f[u!]!;
  return total;
}

async function lireJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const morceaux: Buffer[] = [];
  let taille = 0;
  for await (const m of req) {
    taille += (m as Buffer).length;
    if (taille > TAILLE_MAX) throw new ErreurAuth(413, 'request_too_large', 'Request body too large');
    morceaux.push(m as Buffer);
  }
  const texte = Buffer.concat(morceaux).toString('utf8');
  if (!texte) return {};
  try {
    const v = JSON.parse(texte);
    if (v && typeof v === 'object' && !Array.isArray(v)) return v;
  } catch {
    /* plus bas */
  }
  throw new ErreurAuth(400, 'bad_json', 'Could not parse request body as JSON');
}

const versionApi = (req: IncomingMessage) => /^\d{4}-\d{2}-\d{2}$/.test(entete(req, 'x-supabase-api-version') ?? '') && entete(req, 'x-supabase-api-version')! >= '2024-01-01';

function envoyer(res: ServerResponse, statut: number, corps?: unknown) {
  if (statut === 204 || corps === undefined) {
    res.writeHead(statut).end();
    return;
  }
  res.writeHead(statut, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(corps));
}
