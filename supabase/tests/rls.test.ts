// Sécurité au niveau des lignes, table par table et rôle par rôle : autorisé et refusé.
// Tourne sur PGlite, et aussi sur PostgreSQL quand DATABASE_URL est donné.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../local/base.ts';
import { creerBaseDeTest, GENRES_DE_BASE } from '../../local/base-test.ts';

const MEMBRE = '00000000-0000-4000-8000-000000000003';
const AUTRE = '00000000-0000-4000-8000-000000000004';
const ADMIN = '00000000-0000-4000-8000-000000000001';

type Role = 'anon' | 'authenticated' | 'service_role';

describe.each(GENRES_DE_BASE)('RLS sur %s', (genre) => {
  let db: Database;
  beforeAll(async () => {
    db = await creerBaseDeTest(genre);
  });
  afterAll(() => db?.close());

  /** Exécute la requête sous un rôle, comme le remplaçant de PostgREST ; annule toujours (aucun effet entre tests). */
  async function en<T = Record<string, unknown>>(role: Role, sub: string | null, sql: string, params: unknown[] = []): Promise<T[]> {
    let lignes: T[] = [];
    await db
      .transaction(async (tx) => {
        await tx.exec(`set local role ${role}`);
        await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(sub ? { sub, role } : { role })]);
        lignes = (await tx.query<T>(sql, params)).rows;
        throw new Error('__annuler__');
      })
      .catch((e: Error) => {
        if (e.message !== '__annuler__') throw e;
      });
    return lignes;
  }
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
      expect(await en('authenticated', '00000000-0000-4000-8000-0000000000ff', 'select * from prive.membres')).toEqual([]);
    });
    test('un membre modifie sa propre fiche', async () => {
      const r = await en('authenticated', MEMBRE, `update prive.membres set telephone = '04 11 22 33 44' where user_id = $1 returning telephone`, [MEMBRE]);
      expect(r).toEqual([{ telephone: '04 11 22 33 44' }]);
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
      const ajout = await en('authenticated', ADMIN, `insert into prive.membres (email, prenom, nom) values ('nouveau@exemple.test', 'N', 'V') returning email`);
      expect(ajout).toEqual([{ email: 'nouveau@exemple.test' }]);
      expect(await en('authenticated', ADMIN, `update prive.membres set role = 'organisateur' where user_id = $1 returning role`, [AUTRE])).toEqual([{ role: 'organisateur' }]);
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
      expect(await en('authenticated', ADMIN, `insert into prive.etablissements values ('0349999Z', 'Lycée X (fictif)', 'Sète', '34') returning uai`)).toEqual([{ uai: '0349999Z' }]);
    });
  });

  describe('prive.demandes_code', () => {
    test('un anonyme ne lit rien', () => refuse(en('anon', null, 'select * from prive.demandes_code')));
    test('un membre ne lit rien', () => refuse(en('authenticated', MEMBRE, 'select * from prive.demandes_code')));
    test('un membre n’écrit rien', () => refuse(en('authenticated', MEMBRE, `insert into prive.demandes_code (empreinte) values ('x')`)));
    test('le serveur (service_role) y écrit', async () => {
      expect(await en('service_role', null, `insert into prive.demandes_code (empreinte) values ('x') returning echecs`)).toEqual([{ echecs: 0 }]);
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
    test('api.moi lève NON_MEMBRE pour un compte sans fiche', () =>
      expect(en('authenticated', '00000000-0000-4000-8000-0000000000ff', 'select api.moi()')).rejects.toMatchObject({ code: 'P0001', message: 'NON_MEMBRE' }));
    test('un membre n’appelle pas les fonctions de code réservées au serveur', async () => {
      for (const fn of ['code_demander', 'code_tenter', 'code_reussir']) {
        await refuse(en('authenticated', MEMBRE, `select api.${fn}($1)`, ['a'.repeat(64)]));
        await refuse(en('anon', null, `select api.${fn}($1)`, ['a'.repeat(64)]));
      }
    });
    test('code_demander : une demande par minute, remise à zéro des échecs', async () => {
      const emp = 'b'.repeat(64);
      const r = await db.transaction(async (tx) => {
        await tx.exec('set local role service_role');
        const premiere = (await tx.query<{ v: { accepte: boolean } }>('select api.code_demander($1) as v', [emp])).rows[0]!.v;
        const seconde = (await tx.query<{ v: { accepte: boolean; attente: number } }>('select api.code_demander($1) as v', [emp])).rows[0]!.v;
        const essai = (await tx.query<{ v: { restants: number } }>('select api.code_tenter($1) as v', [emp])).rows[0]!.v;
        return { premiere, seconde, essai };
      });
      expect(r.premiere).toEqual({ accepte: true });
      expect(r.seconde.accepte).toBe(false);
      expect(r.seconde.attente).toBeGreaterThan(0);
      expect(r.essai).toEqual({ autorise: true, restants: 4 });
    });
    test('code_tenter : cinq essais par code, le sixième est refusé, une nouvelle demande les rend', async () => {
      const emp = 'c'.repeat(64);
      const r = await db.transaction(async (tx) => {
        await tx.exec('set local role service_role');
        const essais = [];
        for (let i = 0; i < 6; i++) essais.push((await tx.query<{ v: { autorise: boolean; restants: number } }>('select api.code_tenter($1) as v', [emp])).rows[0]!.v);
        await tx.query(`update prive.demandes_code set derniere_demande = now() - interval '2 minutes' where empreinte = $1`, [emp]);
        await tx.query('select api.code_demander($1)', [emp]);
        const apres = (await tx.query<{ v: { restants: number } }>('select api.code_tenter($1) as v', [emp])).rows[0]!.v;
        return { essais, apres };
      });
      expect(r.essais.map((e) => e.restants)).toEqual([4, 3, 2, 1, 0, 0]);
      expect(r.essais.map((e) => e.autorise)).toEqual([true, true, true, true, true, false]);
      expect(r.apres).toEqual({ autorise: true, restants: 4 });
    });
    test('code_tenter : dix essais simultanés n’en autorisent que cinq', async () => {
      const emp = 'd'.repeat(64);
      const essais = await Promise.all(
        Array.from({ length: 10 }, () =>
          db.transaction(async (tx) => {
            await tx.exec('set local role service_role');
            return (await tx.query<{ v: { autorise: boolean } }>('select api.code_tenter($1) as v', [emp])).rows[0]!.v.autorise;
          }),
        ),
      );
      expect(essais.filter(Boolean)).toHaveLength(5);
      await db.query('delete from prive.demandes_code where empreinte = $1', [emp]);
    });
    test('code_demander refuse une empreinte mal formée', () =>
      expect(en('service_role', null, `select api.code_demander('pas-hex')`)).rejects.toMatchObject({ code: 'P0001', message: 'REQUETE_INVALIDE' }));
  });
});
