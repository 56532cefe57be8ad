// Sécurité au niveau des lignes, table par table et rôle par rôle : autorisé et refusé.
// Tourne sur PGlite, et aussi sur PostgreSQL quand DATABASE_URL est donné.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../local/base/base.ts';
import { creerBaseDeTest, GENRES_DE_BASE } from '../../local/tests/base-test.ts';
import { executeurSousRole } from '../../local/tests/sous-role.ts';

const MEMBRE = '00000000-0000-4000-8000-000000000003';
const AUTRE = '00000000-0000-4000-8000-000000000004';
const ADMIN = '00000000-0000-4000-8000-000000000001';

describe.each(GENRES_DE_BASE)('RLS sur %s', (genre) => {
  let db: Database;
  beforeAll(async () => {
    db = await creerBaseDeTest(genre);
  });
  afterAll(() => db?.close());

  const en = executeurSousRole(() => db);
  const refuse = (p: Promise<unknown>) => expect(p).rejects.toMatchObject({ code: '42501' });

  describe('prive.membres', () => {
    test('un anonyme ne lit rien', () => refuse(en('anon', null, 'select * from prive.membres')));
    test('un membre lit les membres actifs', async () => {
      expect((await en<{ n: number }>('authenticated', MEMBRE, 'select count(*)::int as n from prive.membres'))[0]!.n).toBe(14);
    });
    test('un membre ne voit pas les membres désactivés', async () => {
      await db.query(`update prive.membres set actif = false where user_id = $1`, [AUTRE]);
      try {
        expect((await en<{ n: number }>('authenticated', MEMBRE, 'select count(*)::int as n from prive.membres'))[0]!.n).toBe(13);
        expect((await en<{ n: number }>('authenticated', ADMIN, 'select count(*)::int as n from prive.membres'))[0]!.n).toBe(14);
      } finally {
        await db.query(`update prive.membres set actif = true where user_id = $1`, [AUTRE]);
      }
    });
    test('un compte sans fiche ne lit rien', async () => {
      expect(await en('authenticated', '00000000-0000-4000-8000-0000000000ff', 'select id, nom from prive.membres')).toEqual([]);
    });
    test('un membre modifie sa propre fiche', async () => {
      // Le téléphone ne se relit pas directement (visibilité appliquée par les fonctions de l'annuaire) : on relit le nom.
      const r = await en(
        'authenticated',
        MEMBRE,
        `update prive.membres set telephone = '04 11 22 33 44', nom = 'Membre-Modifié' where user_id = $1 returning nom`,
        [MEMBRE],
      );
      expect(r).toEqual([{ nom: 'Membre-Modifié' }]);
    });
    test('un membre ne modifie pas la fiche d’un autre', async () => {
      expect(await en('authenticated', MEMBRE, `update prive.membres set telephone = '04 00 00 00 99' where user_id = $1 returning id`, [AUTRE])).toEqual([]);
    });
    test('un membre ne change pas son propre rôle', () =>
      refuse(en('authenticated', MEMBRE, `update prive.membres set role = 'admin' where user_id = $1`, [MEMBRE])));
    test('un membre n’ajoute pas de membre', () =>
      refuse(en('authenticated', MEMBRE, `insert into prive.membres (email, prenom, nom) values ('x@exemple.test', 'X', 'Y')`)));
    test('un membre ne retire personne', async () => {
      expect(await en('authenticated', MEMBRE, `delete from prive.membres where user_id = $1 returning id`, [AUTRE])).toEqual([]);
    });
    test('un administrateur ajoute, modifie le rôle et retire un membre', async () => {
      const ajout = await en(
        'authenticated',
        ADMIN,
        `insert into prive.membres (email, prenom, nom) values ('nouveau@exemple.test', 'N', 'V') returning prenom`,
      );
      expect(ajout).toEqual([{ prenom: 'N' }]);
      expect(await en('authenticated', ADMIN, `update prive.membres set role = 'organisateur' where user_id = $1 returning role`, [AUTRE])).toEqual([
        { role: 'organisateur' },
      ]);
      expect((await en('authenticated', ADMIN, `delete from prive.membres where user_id = $1 returning id`, [AUTRE])).length).toBe(1);
    });
  });

  describe('prive.etablissements', () => {
    test('un anonyme ne lit rien', () => refuse(en('anon', null, 'select * from prive.etablissements')));
    test('un membre lit les établissements', async () => {
      expect((await en('authenticated', MEMBRE, 'select uai from prive.etablissements')).length).toBe(10);
    });
    test('un membre n’en ajoute pas', () =>
      refuse(en('authenticated', MEMBRE, `insert into prive.etablissements values ('0349999Z', 'Lycée X', 'Sète', '34')`)));
    test('un membre n’en modifie pas', async () => {
      expect(await en('authenticated', MEMBRE, `update prive.etablissements set nom = 'Autre nom' returning uai`)).toEqual([]);
    });
    test('un administrateur en ajoute', async () => {
      expect(await en('authenticated', ADMIN, `insert into prive.etablissements values ('0349999Z', 'Lycée X (fictif)', 'Sète', '34') returning uai`)).toEqual([
        { uai: '0349999Z' },
      ]);
    });
  });

  describe('prive.evenements_connexion', () => {
    const ligne = `insert into prive.evenements_connexion (genre, adresse, client) values ('demande', repeat('a', 64), repeat('b', 64))`;
    test('un anonyme ne lit rien', () => refuse(en('anon', null, 'select * from prive.evenements_connexion')));
    test('un membre ne lit rien', () => refuse(en('authenticated', MEMBRE, 'select * from prive.evenements_connexion')));
    test('un membre n’écrit rien', () => refuse(en('authenticated', MEMBRE, ligne)));
    test('le rôle de service écrit et lit', async () => {
      expect(await en('service_role', null, `${ligne} returning genre`)).toEqual([{ genre: 'demande' }]);
    });
  });

  describe('tables du remplaçant Auth', () => {
    for (const table of ['auth.sessions', 'auth.refresh_tokens', 'auth.users']) {
      test(`${table} : ni anonyme ni membre ne la lisent`, async () => {
        await refuse(en('anon', null, `select * from ${table}`));
        await refuse(en('authenticated', MEMBRE, `select * from ${table}`));
      });
    }
  });

  describe('fonctions du schéma api', () => {
    test('un anonyme appelle api.sante mais pas api.moi', async () => {
      expect((await en<{ v: { base: string } }>('anon', null, 'select api.sante() as v'))[0]!.v.base).toBe('ok');
      await refuse(en('anon', null, 'select api.moi()'));
    });
    test('un membre lit sa fiche par api.moi', async () => {
      const [r] = await en<{ v: { prenom: string } }>('authenticated', MEMBRE, 'select api.moi() as v');
      expect(r!.v.prenom).toBe('Marie');
    });
    test('api.moi lève NON_MEMBRE pour un compte Auth sans fiche', async () => {
      const sansFiche = '00000000-0000-4000-8000-0000000000ff';
      await db.query(`insert into auth.users (id, email) values ($1, 'sans.fiche@exemple.test')`, [sansFiche]);
      try {
        await expect(en('authenticated', sansFiche, 'select api.moi()')).rejects.toMatchObject({ code: 'P0001', message: 'NON_MEMBRE' });
      } finally {
        await db.query('delete from auth.users where id = $1', [sansFiche]);
      }
    });
    test('un membre n’appelle pas les fonctions de code réservées au serveur', async () => {
      const h = ['a'.repeat(64), 'b'.repeat(64), 'c'.repeat(64)];
      for (const [fn, args] of [
        ['code_demander', h],
        ['code_tenter', h],
        ['code_reussir', h.slice(0, 1)],
      ] as const) {
        const appel = `select api.${fn}(${args.map((_, i) => `$${i + 1}`).join(', ')})`;
        await refuse(en('authenticated', MEMBRE, appel, [...args]));
        await refuse(en('anon', null, appel, [...args]));
      }
    });
    test('un jeton dont la session est fermée : api.moi lève SESSION_EXPIREE, les tables ne montrent rien', async () => {
      await expect(en('authenticated', MEMBRE, 'select api.moi()', [], { session: false })).rejects.toMatchObject({
        code: 'P0001',
        message: 'SESSION_EXPIREE',
      });
      expect(await en('authenticated', MEMBRE, 'select id, nom from prive.membres', [], { session: false })).toEqual([]);
      expect(await en('authenticated', MEMBRE, 'select * from prive.etablissements', [], { session: false })).toEqual([]);
    });
  });
});
