// Accès à Supabase : toujours par supabase-js (RPC du schéma api, Auth). Un client NEUF par requête :
// un client partagé garderait la session du dernier membre connecté (verifyOtp, refreshSession), et
// les appels suivants tourneraient à son nom.
import { createClient } from '@supabase/supabase-js';
import { env } from './env.ts';
import { DomainError, estCodeErreur, MESSAGES } from './errors.ts';

const optionsAuth = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } as const;

/** Un client supabase-js neuf. Avec un jeton d'accès, chaque appel part au nom de ce membre (RLS).
 *  Avec ipClient (clé secrète seulement), Supabase Auth compte ses limites par IP sur l'IP du membre
 *  (en-tête Sb-Forwarded-For) et non sur celle, partagée, des fonctions Netlify. */
export function creerClient(cle: 'publiable' | 'secrete', jetonAcces?: string, ipClient?: string) {
  const e = env();
  const headers: Record<string, string> = {};
  if (jetonAcces) headers.Authorization = `Bearer ${jetonAcces}`;
  if (ipClient && cle === 'secrete') headers['Sb-Forwarded-For'] = ipClient;
  return createClient(e.SUPABASE_URL, cle === 'publiable' ? e.SUPABASE_PUBLISHABLE_KEY : e.SUPABASE_SECRET_KEY, {
    auth: optionsAuth,
    db: { schema: 'api' },
    ...(Object.keys(headers).length ? { global: { headers } } : {}),
  });
}

/** Ce dont appelerRpc a besoin d'un client : supabase-js, ou un faux client dans les tests. */
export interface ClientRpc {
  rpc: (fn: string, args?: object) => PromiseLike<{ data: unknown; error: unknown; status: number }>;
}

interface ErreurPostgrest {
  code?: string;
  message?: string;
  details?: string | null;
  hint?: string | null;
}

/** Appelle api.<fn> ; traduit les erreurs métier (code levé en SQL) en DomainError. */
export async function appelerRpc<T>(client: ClientRpc, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const { data, error, status } = await client.rpc(fn, args);
  if (!error) return data as T;
  throw traduireErreur(error as ErreurPostgrest, status, fn);
}

/** Erreur PostgREST → DomainError quand elle est prévue ; sinon une Error (500, journalisée). */
export function traduireErreur(error: ErreurPostgrest, status: number, fn: string): Error {
  if (error.code === 'P0001' && estCodeErreur(error.message)) {
    // hint : une précision publique posée en SQL (l'atelier ou la rencontre en cause), jamais du SQL.
    return new DomainError(error.message, MESSAGES[error.message], error.hint ? { precision: error.hint } : undefined);
  }
  if (error.code === 'PGRST301' || error.code === 'PGRST303') return new DomainError('SESSION_EXPIREE');
  if (error.code === '42501') return new DomainError('INTERDIT');
  if (status === 0 || status >= 502) return new DomainError('SERVICE_INDISPONIBLE');
  return new Error(`api.${fn} : ${error.code ?? status} ${error.message ?? ''}`);
}
