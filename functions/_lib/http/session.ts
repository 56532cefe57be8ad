// La session du membre au bord (edge) : un cookie __Host- chiffré (AES-GCM) qui porte les jetons
// Supabase ; lu, renouvelé quand le jeton d'accès arrive à expiration, posé ou effacé ici seulement.
import { createHash, randomBytes } from 'node:crypto';
import { env } from '../env.ts';
import { DomainError } from '../errors.ts';
import { creerClient } from '../supabase.ts';
import { ecrireCookie, lireCookie, ouvrir, sceller } from './cookies.ts';
import { TEMOIN_CONNEXION } from '../../../src/lib/temoin-connexion.ts';

export const COOKIE_SESSION = '__Host-rbde_session';
/** Cookie qui lie les essais de code au navigateur qui a demandé le code. */
export const COOKIE_LIAISON = '__Host-rbde_liaison';
/** Durée maximale d'une session, même active (voir la page Données personnelles). */
export const DUREE_MAX_SESSION_S = 7 * 24 * 3600;
/** Durée de vie du cookie de liaison (un code vaut au plus otp_expiry ; la liaison, une heure). */
export const DUREE_LIAISON_S = 3600;
/** Marge avant l'expiration du jeton d'accès à laquelle on le renouvelle. */
const MARGE_RAFRAICHISSEMENT_S = 60;

/** Les jetons d'une session Supabase neuve ou renouvelée. */
export interface JetonsSession {
  access_token: string;
  refresh_token: string;
  expires_at?: number;
  expires_in: number;
}

/** Ce que les fonctions savent du membre qui appelle : ses jetons, que la base vérifie (RLS). */
export interface Appelant {
  jetonAcces: string;
  jetonRafraichissement: string;
  /** Expiration du jeton d'accès (secondes depuis l'époque). */
  expiration: number;
}

interface ContenuCookie {
  a: string;
  r: string;
  x: number;
  d: number;
}

const maintenant = () => Math.floor(Date.now() / 1000);
const estContenu = (c: unknown): c is ContenuCookie =>
  !!c &&
  typeof c === 'object' &&
  ['a', 'r'].every((k) => typeof (c as Record<string, unknown>)[k] === 'string') &&
  ['x', 'd'].every((k) => typeof (c as Record<string, unknown>)[k] === 'number');

/** Le témoin de connexion (voir TEMOIN_CONNEXION), de même durée que le cookie de session. */
const cookieTemoin = (maxAge: number) => ecrireCookie(TEMOIN_CONNEXION, maxAge > 0 ? '1' : '', maxAge, { lisible: true });

/** Les Set-Cookie d'une session (début d ; la durée restante jusqu'au plafond de 7 jours) : la session et son témoin. */
export function cookiesSession(s: JetonsSession, debut = maintenant()): string[] {
  const x = s.expires_at ?? maintenant() + s.expires_in;
  const valeur = sceller({ a: s.access_token, r: s.refresh_token, x, d: debut } satisfies ContenuCookie, env().SESSION_KEYS, COOKIE_SESSION);
  const duree = debut + DUREE_MAX_SESSION_S - maintenant();
  return [ecrireCookie(COOKIE_SESSION, valeur, duree), cookieTemoin(duree)];
}

/** Les Set-Cookie qui effacent la session et son témoin. */
export const cookiesSessionEfface = () => [ecrireCookie(COOKIE_SESSION, '', 0), cookieTemoin(0)];

/** Ce que la lecture du cookie de session a donné : l'appelant, et les cookies à poser en réponse. */
export interface LectureSession {
  appelant: Appelant | null;
  cookies: string[];
  /** Erreur à renvoyer si la route exige un membre. */
  refus?: DomainError;
}

/** Lit le cookie ; le renouvelle si demandé et nécessaire (un client Auth neuf, propre à cette requête). */
export async function lireSession(req: Request, { renouveler }: { renouveler: boolean }): Promise<LectureSession> {
  const brut = lireCookie(req, COOKIE_SESSION);
  if (!brut) return { appelant: null, cookies: [], refus: new DomainError('NON_CONNECTE') };
  const c = ouvrir(brut, env().SESSION_KEYS, COOKIE_SESSION);
  if (!estContenu(c)) return { appelant: null, cookies: cookiesSessionEfface(), refus: new DomainError('SESSION_INVALIDE') };
  if (maintenant() - c.d > DUREE_MAX_SESSION_S) return { appelant: null, cookies: cookiesSessionEfface(), refus: new DomainError('SESSION_EXPIREE') };
  const appelant: Appelant = { jetonAcces: c.a, jetonRafraichissement: c.r, expiration: c.x };
  if (!renouveler || c.x - maintenant() >= MARGE_RAFRAICHISSEMENT_S) return { appelant, cookies: [] };
  const { data, error } = await creerClient('publiable').auth.refreshSession({ refresh_token: c.r });
  if (error || !data.session) {
    if (error && (error.status === undefined || error.status === 0 || error.status >= 500)) throw new DomainError('SERVICE_INDISPONIBLE');
    return { appelant: null, cookies: cookiesSessionEfface(), refus: new DomainError('SESSION_EXPIREE') };
  }
  const s = data.session;
  return {
    appelant: { jetonAcces: s.access_token, jetonRafraichissement: s.refresh_token, expiration: s.expires_at ?? maintenant() + s.expires_in },
    cookies: cookiesSession(s, c.d),
  };
}

/** Empreinte sha256 du jeton de liaison du navigateur, ou null s'il n'en a pas. */
export function lireLiaison(req: Request): string | null {
  const jeton = lireCookie(req, COOKIE_LIAISON);
  return jeton && /^[A-Za-z0-9_-]{32,64}$/.test(jeton) ? createHash('sha256').update(jeton).digest('hex') : null;
}

/** Un nouveau jeton de liaison : son cookie et son empreinte. */
export function nouvelleLiaison(): { cookie: string; empreinte: string } {
  const jeton = randomBytes(32).toString('base64url');
  return { cookie: ecrireCookie(COOKIE_LIAISON, jeton, DUREE_LIAISON_S), empreinte: createHash('sha256').update(jeton).digest('hex') };
}
