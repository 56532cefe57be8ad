// Session du membre : un cookie HttpOnly signé (HMAC) qui porte les jetons Supabase.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Session } from '@supabase/supabase-js';
import { env } from '../env.ts';
import { DomainError } from '../errors.ts';
import { ajouterCookie } from '../http.ts';
import { clientAnonyme } from '../supabase.ts';

export const NOM_COOKIE = 'rbde_session';
/** Durée maximale d'une session, même active (voir la page Données personnelles). */
export const DUREE_MAX_SESSION_S = 7 * 24 * 3600;
/** Marge avant l'expiration du jeton d'accès à laquelle on le renouvelle. */
const MARGE_RAFRAICHISSEMENT_S = 60;

interface ContenuCookie {
  /** Jeton d'accès. */
  a: string;
  /** Jeton de rafraîchissement. */
  r: string;
  /** Expiration du jeton d'accès (secondes). */
  x: number;
  /** Début de la session (secondes). */
  d: number;
}

/** Ce que les fonctions savent du membre qui appelle : son jeton, que la base vérifie (RLS). */
export interface Appelant {
  accessToken: string;
}

const maintenant = () => Math.floor(Date.now() / 1000);
const signer = (valeur: string) => createHmac('sha256', env().SESSION_SECRET).update(valeur).digest('base64url');

function serialiser(c: ContenuCookie): string {
  const valeur = Buffer.from(JSON.stringify(c)).toString('base64url');
  return `${valeur}.${signer(valeur)}`;
}

function cookie(valeur: string, maxAge: number): string {
  return `${NOM_COOKIE}=${valeur}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${maxAge}`;
}

/** Pose le cookie d'une session Supabase neuve ou renouvelée. */
export function poserSession(req: Request, session: Pick<Session, 'access_token' | 'refresh_token' | 'expires_at' | 'expires_in'>, debut = maintenant()) {
  const x = session.expires_at ?? maintenant() + session.expires_in;
  const reste = Math.max(0, debut + DUREE_MAX_SESSION_S - maintenant());
  ajouterCookie(req, cookie(serialiser({ a: session.access_token, r: session.refresh_token, x, d: debut }), reste));
}

/** Efface le cookie de session. */
export function effacerSession(req: Request) {
  ajouterCookie(req, cookie('', 0));
}

/** Lit le cookie ; null s'il est absent ; lève SESSION_INVALIDE s'il est altéré. */
export function lireCookie(req: Request): ContenuCookie | null {
  const brut = (req.headers.get('cookie') ?? '')
    .split(';')
    .map((p) => p.trim())
    .find((p) => p.startsWith(`${NOM_COOKIE}=`))
    ?.slice(NOM_COOKIE.length + 1);
  if (!brut) return null;
  const [valeur = '', signature = ''] = brut.split('.');
  const attendue = Buffer.from(signer(valeur));
  const recue = Buffer.from(signature);
  if (attendue.length !== recue.length || !timingSafeEqual(attendue, recue)) {
    effacerSession(req);
    throw new DomainError('SESSION_INVALIDE');
  }
  try {
    const c = JSON.parse(Buffer.from(valeur, 'base64url').toString('utf8')) as ContenuCookie;
    if (typeof c.a === 'string' && typeof c.r === 'string' && typeof c.x === 'number' && typeof c.d === 'number') return c;
  } catch {
    /* plus bas */
  }
  effacerSession(req);
  throw new DomainError('SESSION_INVALIDE');
}

/** Identifie le membre connecté ; renouvelle ses jetons s'ils arrivent à expiration. */
export async function requireMembre(req: Request): Promise<Appelant> {
  const c = lireCookie(req);
  if (!c) throw new DomainError('NON_CONNECTE');
  if (maintenant() - c.d > DUREE_MAX_SESSION_S) {
    effacerSession(req);
    throw new DomainError('SESSION_EXPIREE');
  }
  let accessToken = c.a;
  if (c.x - maintenant() < MARGE_RAFRAICHISSEMENT_S) {
    const { data, error } = await clientAnonyme().auth.refreshSession({ refresh_token: c.r });
    if (error || !data.session) {
      if (error && (error.status === 0 || (error.status ?? 0) >= 500)) throw new DomainError('SERVICE_INDISPONIBLE');
      effacerSession(req);
      throw new DomainError('SESSION_EXPIREE');
    }
    poserSession(req, data.session, c.d);
    accessToken = data.session.access_token;
  }
  return { accessToken };
}
