// Accès à Supabase : toujours par supabase-js (RPC du schéma api, Auth).
import { createClient } from '@supabase/supabase-js';
import { env } from './env.ts';
import { DomainError, estCodeErreur, MESSAGES } from './errors.ts';

const optionsAuth = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false } as const;

const creer = (cle: string) => createClient(env().SUPABASE_URL, cle, { auth: optionsAuth, db: { schema: 'api' } });
type Client = ReturnType<typeof creer>;

let anonyme: Client | undefined;
let service: Client | undefined;

/** Client sans utilisateur (clé anon) : Auth et fonctions publiques. */
export function clientAnonyme(): Client {
  return (anonyme ??= creer(env().SUPABASE_ANON_KEY));
}

/** Client serveur (clé service_role) : réservé aux opérations sans utilisateur connecté. */
export function clientService(): Client {
  return (service ??= creer(env().SUPABASE_SERVICE_ROLE_KEY));
}

/** Ce dont appelerRpc a besoin d'un client : supabase-js, ou un faux client dans les tests. */
export interface ClientRpc {
  rpc: (fn: string, args?: object) => PromiseLike<{ data: unknown; error: unknown; status: number }>;
}

/** Client qui agit au nom d'un membre : son jeton est transmis, la RLS s'applique.
 *  Il réutilise le client anonyme en remplaçant l'en-tête Authorization de chaque appel. */
export function clientAppelant(accessToken: string): ClientRpc {
  return {
    rpc: ((fn: string, args?: Record<string, unknown>) =>
      clientAnonyme().rpc(fn, args).setHeader('Authorization', `Bearer ${accessToken}`)) as Client['rpc'],
  };
}

interface ErreurPostgrest {
  code?: string;
  message?: string;
  details?: string | null;
}

/** Appelle api.<fn> ; traduit les erreurs métier (code levé en SQL) en DomainError. */
export async function appelerRpc<T>(client: ClientRpc, fn: string, args: Record<string, unknown> = {}): Promise<T> {
  const { data, error, status } = await client.rpc(fn, args);
  if (!error) return data as T;
  throw traduireErreur(error as ErreurPostgrest, status, fn);
}

function traduireErreur(error: ErreurPostgrest, status: number, fn: string): Error {
  if (error.code === 'P0001' && estCodeErreur(error.message)) {
    return new DomainError(error.message, MESSAGES[error.message]);
  }
  if (error.code === 'PGRST301' || error.code === 'PGRST303') return new DomainError('SESSION_EXPIREE');
  if (error.code === '42501') return new DomainError('INTERDIT');
  if (status === 0 || status >= 502) return new DomainError('SERVICE_INDISPONIBLE');
  return new Error(`api.${fn} : ${error.code ?? status} ${error.message ?? ''}`);
}
