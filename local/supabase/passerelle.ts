// La passerelle d'API de Supabase, devant PostgREST et Auth : elle exige une clé d'API et
// traduit les clés actuelles (`sb_publishable_…`, `sb_secret_…`, qui ne sont pas des JWT) en
// JWT de rôle (anon, service_role) pour les services derrière elle. Un JWT d'utilisateur dans
// Authorization passe tel quel et l'emporte sur la clé. Les clés JWT historiques restent
// acceptées, comme chez Supabase pendant la transition.
import type { IncomingMessage } from 'node:http';
import { signerJwt, verifierJwt } from './jwt.ts';

export interface ClesLocales {
  publishable: string;
  secret: string;
}

export type GenreCle = 'publishable' | 'secret' | 'anon' | 'service_role';

export type Passage =
  | { ok: true; cle: GenreCle; /** Le jeton que reçoit le service : JWT d'utilisateur, ou JWT du rôle de la clé. */ jeton: string }
  | { ok: false; statut: 401; corps: { message: string; hint: string } };

/** Crée la passerelle pour ces clés et ce secret JWT. */
export function creerPasserelle(cles: ClesLocales, jwtSecret: string) {
  // Comme le mandataire de la CLI Supabase : un JWT de rôle par clé, valable dix ans.
  const iat = Math.floor(Date.now() / 1000);
  const jwtRole = (role: string) => signerJwt({ iss: 'supabase-local', role, iat, exp: iat + 10 * 365 * 24 * 3600 }, jwtSecret);
  const jwtAnon = jwtRole('anon');
  const jwtService = jwtRole('service_role');

  function genre(apikey: string): GenreCle | null {
    if (apikey === cles.publishable) return 'publishable';
    if (apikey === cles.secret) return 'secret';
    if (apikey.startsWith('sb_')) return null;
    const v = verifierJwt(apikey, jwtSecret);
    if (v.ok && (v.claims.role === 'anon' || v.claims.role === 'service_role')) return v.claims.role;
    return null;
  }

  return function passer(req: IncomingMessage): Passage {
    const apikey = entete(req, 'apikey') ?? new URL(req.url ?? '/', 'http://x').searchParams.get('apikey') ?? '';
    if (!apikey) return { ok: false, statut: 401, corps: { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' } };
    const g = genre(apikey);
    if (!g) return { ok: false, statut: 401, corps: { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' } };
    const autorisation = entete(req, 'authorization');
    // « Authorization: Bearer sb_… » (ce qu'envoie supabase-js avec une clé actuelle) est remplacé.
    if (autorisation && !/^Bearer\s+sb_/i.test(autorisation)) {
      return { ok: true, cle: g, jeton: autorisation.match(/^Bearer\s+(.+)$/i)?.[1] ?? '' };
    }
    if (g === 'publishable') return { ok: true, cle: g, jeton: jwtAnon };
    if (g === 'secret') return { ok: true, cle: g, jeton: jwtService };
    return { ok: true, cle: g, jeton: apikey };
  };
}

export type Passerelle = ReturnType<typeof creerPasserelle>;

export function entete(req: IncomingMessage, nom: string): string | undefined {
  const v = req.headers[nom];
  return Array.isArray(v) ? v[0] : v;
}
