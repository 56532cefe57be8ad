// Pour les tests de cas d'usage, SANS HTTP : un contexte dont l'api appelle les fonctions SQL
// directement sur la base, par le même exécuteur que le remplaçant de PostgREST (rôle, revendications,
// liaison des arguments, erreurs au format PostgREST). Le cas d'usage ne voit pas la différence.
import { createHmac, randomUUID } from 'node:crypto';
import type { Contexte } from '../../functions/_lib/contexte.ts';
import type { Courriel } from '../../functions/_lib/mail.ts';
import type { ClientRpc } from '../../functions/_lib/supabase.ts';
import { creerApi } from '../../functions/_lib/supabase/api.ts';
import type { Database } from '../base/base.ts';
import { creerExecuteurRpc, ErreurHttp } from '../supabase/postgrest.ts';

/** Un client qui répond comme supabase-js ({ data, error, status }) sans passer par le réseau. */
export function clientRpcDirect(executeur: ReturnType<typeof creerExecuteurRpc>, claims: Record<string, unknown>): ClientRpc {
  return {
    rpc: ((nom: string, args: Record<string, unknown> = {}) =>
      executeur
        .executer({ schema: 'api', nom, args, claims, methode: 'POST' })
        .then(({ statut, corps }) => ({ data: corps ?? null, error: null, status: statut }))
        .catch((e: unknown) => {
          if (e instanceof ErreurHttp) return { data: null, error: e.corps, status: e.statut };
          throw e;
        })) as unknown as ClientRpc['rpc'],
  };
}

/** Un contexte de cas d'usage au nom d'un membre (session vivante créée pour lui) ou anonyme.
 *  Les courriels envoyés sont ajoutés à `courriels` (aucun SMTP). */
export async function contexteDirect(db: Database, { email, courriels = [] }: { email?: string; courriels?: Courriel[] } = {}): Promise<Contexte> {
  const executeur = creerExecuteurRpc(db);
  let claims: Record<string, unknown> = { role: 'anon' };
  if (email) {
    const u = (await db.query<{ id: string }>('select id from auth.users where email = $1', [email])).rows[0];
    if (!u) throw new Error(`Aucun compte Auth pour ${email}`);
    const session = randomUUID();
    await db.query('insert into auth.sessions (id, user_id, created_at, updated_at) values ($1, $2, now(), now())', [session, u.id]);
    claims = { sub: u.id, role: 'authenticated', email, session_id: session, aud: 'authenticated' };
  }
  const pseudonyme = (v: string) => createHmac('sha256', 'cle-de-test').update(v).digest('hex');
  const sansHttp = () => {
    throw new Error('Un test de cas d’usage n’appelle pas Supabase Auth : utilisez un test de route (functions/__tests__).');
  };
  return {
    appelant: email ? { jetonAcces: 'direct', jetonRafraichissement: 'direct', expiration: Math.floor(Date.now() / 1000) + 3600 } : null,
    api: creerApi(clientRpcDirect(executeur, claims)),
    apiAuNomDe: sansHttp,
    service: creerApi(clientRpcDirect(executeur, { role: 'service_role' })),
    get auth(): never {
      return sansHttp();
    },
    get authAdmin(): never {
      return sansHttp();
    },
    mailer: {
      envoyer: async (c) => {
        courriels.push(c);
      },
    },
    client: pseudonyme('ip:127.0.0.1'),
    navigateur: null,
    pseudonyme,
    journal: () => {},
  };
}
