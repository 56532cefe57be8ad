// Les tests SQL exécutent leurs requêtes comme le remplaçant de PostgREST les exécute : dans une transaction,
// sous le rôle demandé, avec les « claims » du jeton (et la session vivante qu'il désigne, comme Supabase).
import { randomUUID } from 'node:crypto';
import type { Database, Requetes } from '../base/base.ts';

export type Role = 'anon' | 'authenticated' | 'service_role';

/** Prépare la transaction : rôle et jeton ; sa session existe dans auth.sessions, sauf `session: false` (session fermée). */
export async function commeAppelant(tx: Requetes, role: Role, sub: string | null, { session = true } = {}): Promise<void> {
  const sessionId = randomUUID();
  await tx.exec('reset role');
  if (sub && session) await tx.query(`insert into auth.sessions (id, user_id) select $1, id from auth.users where id = $2`, [sessionId, sub]);
  await tx.exec(`set local role ${role}`);
  await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(sub ? { sub, role, session_id: sessionId } : { role })]);
}

export interface OptionsSousRole {
  /** La session du jeton existe (par défaut) ; false : session fermée. */
  session?: boolean;
  /** Valider la transaction au lieu de l'annuler (par défaut : annulée, aucun effet entre tests). */
  valider?: boolean;
  /** SQL exécuté d'abord, en superutilisateur, dans la même transaction. */
  avant?: string;
}

/**
 * L'exécuteur `en(role, sub, sql, params, options)` d'une base de test (lue à chaque appel : elle est créée dans
 * beforeAll). Plusieurs instructions : chacune voit les écritures des précédentes ; on garde les lignes de la dernière.
 */
export function executeurSousRole(base: () => Database) {
  return async function en<T = Record<string, unknown>>(
    role: Role,
    sub: string | null,
    sql: string | string[],
    params: unknown[] = [],
    { session = true, valider = false, avant = '' }: OptionsSousRole = {},
  ): Promise<T[]> {
    let lignes: T[] = [];
    await base()
      .transaction(async (tx) => {
        if (avant) await tx.exec(avant);
        await commeAppelant(tx, role, sub, { session });
        for (const instruction of [sql].flat()) lignes = (await tx.query<T>(instruction, instruction.includes('$1') ? params : [])).rows;
        if (!valider) throw new Error('__annuler__');
      })
      .catch((e: Error) => {
        if (e.message !== '__annuler__') throw e;
      });
    return lignes;
  };
}
