// La base PostgreSQL du remplaçant survit à une connexion que le serveur coupe.
// Ne tourne que si DATABASE_URL désigne un serveur (PGlite n'a pas de connexions à couper) :
// .ci/run le donne dès qu'un PostgreSQL répond en local.
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { Database } from './base.ts';
import { creerBaseDeTest } from '../tests/base-test.ts';

describe.runIf(process.env.DATABASE_URL)('base PostgreSQL', () => {
  let db: Database;
  beforeAll(async () => {
    db = await creerBaseDeTest('postgres');
  });
  afterAll(() => db?.close());

  test('une connexion inactive coupée par le serveur ne fait pas tomber le processus, et la base répond encore', async () => {
    const journal = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      // Pendant qu'une transaction tient une connexion, une seconde donne son pid et redevient
      // inactive dans le pool ; la première la termine côté serveur.
      await db.transaction(async (tx) => {
        const { pid } = (await db.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!;
        expect((await tx.query<{ ok: boolean }>('select pg_terminate_backend($1) as ok', [pid])).rows).toEqual([{ ok: true }]);
      });
      await vi.waitFor(() => expect(journal).toHaveBeenCalledWith(expect.stringContaining('Connexion PostgreSQL inactive perdue')));
      expect((await db.query<{ un: number }>('select 1 as un')).rows).toEqual([{ un: 1 }]);
    } finally {
      journal.mockRestore();
    }
  });
});
