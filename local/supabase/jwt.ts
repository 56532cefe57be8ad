// JWT HS256 minimal, comme ceux que signe Supabase Auth avec le secret du projet.
import { createHmac, timingSafeEqual } from 'node:crypto';

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');

/** Signe des revendications avec le secret. */
export function signerJwt(claims: Record<string, unknown>, secret: string): string {
  const entete = b64(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const corps = b64(JSON.stringify(claims));
  const signature = createHmac('sha256', secret).update(`${entete}.${corps}`).digest('base64url');
  return `${entete}.${corps}.${signature}`;
}

export type ResultatJwt = { ok: true; claims: Record<string, unknown> } | { ok: false; raison: 'invalide' | 'expire' };

/** Vérifie signature et expiration. */
export function verifierJwt(jeton: string, secret: string, maintenant = Date.now()): ResultatJwt {
  const parties = jeton.split('.');
  if (parties.length !== 3) return { ok: false, raison: 'invalide' };
  const [entete, corps, signature] = parties as [string, string, string];
  const attendue = createHmac('sha256', secret).update(`${entete}.${corps}`).digest();
  const recue = Buffer.from(signature, 'base64url');
  if (recue.length !== attendue.length || !timingSafeEqual(recue, attendue)) return { ok: false, raison: 'invalide' };
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(corps, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, raison: 'invalide' };
  }
  if (typeof claims.exp === 'number' && claims.exp * 1000 <= maintenant) return { ok: false, raison: 'expire' };
  return { ok: true, claims };
}
