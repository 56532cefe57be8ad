// Test de cas d'usage sans HTTP : contexte direct sur la base migrée (PGlite), même exécuteur que PostgREST local.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { contexteDirect } from '../../../local/tests/api-directe.ts';
import type { Database } from '../../../local/base/base.ts';
import { creerBaseDeTest } from '../../../local/tests/base-test.ts';
import { lireMonProfil } from './moi.ts';

let db: Database;
beforeAll(async () => {
  db = await creerBaseDeTest();
});
afterAll(() => db?.close());

describe('lireMonProfil', () => {
  test('rend la fiche du membre appelant, avec son établissement', async () => {
    const profil = await lireMonProfil(await contexteDirect(db, { email: 'membre@exemple.test' }));
    expect(profil).toMatchObject({ prenom: 'Marie', role: 'membre', etablissement: { uai: '0309901C' } });
  });

  test('un anonyme est refusé (INTERDIT), une session fermée aussi (SESSION_EXPIREE)', async () => {
    await expect(lireMonProfil(await contexteDirect(db))).rejects.toMatchObject({ code: 'INTERDIT' });
    const ctx = await contexteDirect(db, { email: 'alice.martin@exemple.test' });
    await db.query(`delete from auth.sessions where user_id = (select id from auth.users where email = 'alice.martin@exemple.test')`);
    await expect(lireMonProfil(ctx)).rejects.toMatchObject({ code: 'SESSION_EXPIREE' });
  });

  test('un membre désactivé est refusé (NON_MEMBRE)', async () => {
    const ctx = await contexteDirect(db, { email: 'bruno.garcia@exemple.test' });
    await db.query(`update prive.membres set actif = false where email = 'bruno.garcia@exemple.test'`);
    await expect(lireMonProfil(ctx)).rejects.toMatchObject({ code: 'NON_MEMBRE' });
  });
});
