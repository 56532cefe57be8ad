// Formations du calendrier des PFMP en production : import (clé secrète), ajout par un administrateur,
// droits rôle par rôle ; sur PGlite, et sur PostgreSQL quand DATABASE_URL est donné.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../local/base/base.ts';
import { creerBaseDeTest, GENRES_DE_BASE } from '../../local/tests/base-test.ts';
import { executeurSousRole } from '../../local/tests/sous-role.ts';

const ADMIN = '00000000-0000-4000-8000-000000000001';
const MEMBRE = '00000000-0000-4000-8000-000000000003'; // lycée 0309901C
const ORGANISATEUR = '00000000-0000-4000-8000-000000000002';

describe.each(GENRES_DE_BASE)('formations du calendrier des PFMP sur %s', (genre) => {
  let db: Database;
  beforeAll(async () => {
    db = await creerBaseDeTest(genre);
  });
  afterAll(() => db?.close());

  const en = executeurSousRole(() => db);
  const nombre = async () => (await db.query<{ n: number }>('select count(*)::int as n from prive.formations')).rows[0]!.n;
  const ajouter = (sub: string, code = '40022106') =>
    en<{ r: Record<string, unknown> }>('authenticated', sub, `select api.formation_ajouter($1, 'BAC PRO CUISINE', 'BAC PRO', 'Hôtellerie-restauration') as r`, [
      code,
    ]);
  const FICHIER = JSON.stringify([
    { code: '50022135', intitule: 'CAP CUISINE', niveau: 'CAP', secteur: 'Transformations', ouverte_le: '2017-09-01', fermee_le: null },
    { code: '32031213', intitule: 'BTS MANAGEMENT COMMERCIAL OPERATIONNEL', niveau: 'BTS', secteur: 'Échanges et gestion', ouverte_le: null, fermee_le: null },
  ]);

  test('un anonyme ne lit pas les formations, n’en ajoute ni n’en importe', async () => {
    await expect(en('anon', null, 'select * from prive.formations')).rejects.toMatchObject({ code: '42501' });
    await expect(en('anon', null, `select api.formation_ajouter('40022106', 'X X X', 'CAP', 'Secteur')`)).rejects.toMatchObject({ code: '42501' });
    await expect(en('anon', null, `select api.formations_importer($1::jsonb)`, [FICHIER])).rejects.toMatchObject({ code: '42501' });
  });

  test('un membre non administrateur (et un organisateur) : INTERDIT, rien écrit ; pas d’écriture directe ni d’import', async () => {
    const avant = await nombre();
    await expect(ajouter(MEMBRE)).rejects.toMatchObject({ message: 'INTERDIT' });
    await expect(ajouter(ORGANISATEUR)).rejects.toMatchObject({ message: 'INTERDIT' });
    await expect(
      en('authenticated', MEMBRE, `insert into prive.formations (code, intitule, secteur) values ('40022106', 'BAC PRO CUISINE', 'Secteur')`),
    ).rejects.toMatchObject({ code: '42501' });
    await expect(en('authenticated', ADMIN, `select api.formations_importer($1::jsonb)`, [FICHIER])).rejects.toMatchObject({ code: '42501' });
    expect(await nombre()).toBe(avant);
  });

  test('un administrateur ajoute une formation (code BCN) ; le même code une seconde fois : DEJA_EXISTANT', async () => {
    const [ligne] = await en<{ r: Record<string, unknown> }>(
      'authenticated',
      ADMIN,
      `select api.formation_ajouter(' 4002210a ', 'BAC PRO CUISINE', 'BAC PRO', 'Hôtellerie-restauration') as r`,
      [],
      { valider: true },
    );
    expect(ligne!.r).toEqual({ code: '4002210A', intitule: 'BAC PRO CUISINE', niveau: 'BAC PRO', secteur: 'Hôtellerie-restauration' });
    await expect(ajouter(ADMIN, '4002210A')).rejects.toMatchObject({ message: 'DEJA_EXISTANT' });
    // Un membre la voit aussitôt dans la liste de sa page, et peut y publier une période.
    const [{ r }] = (await en<{ r: { formations: { code: string }[]; peut_ajouter_formation: boolean } }>(
      'authenticated',
      MEMBRE,
      'select api.periodes_pfmp_miennes() as r',
    )) as [{ r: { formations: { code: string }[]; peut_ajouter_formation: boolean } }];
    expect(r.formations.map((f) => f.code)).toContain('4002210A');
    expect(r.peut_ajouter_formation).toBe(false);
    const [{ r: radmin }] = (await en<{ r: { peut_ajouter_formation: boolean } }>('authenticated', ADMIN, 'select api.periodes_pfmp_miennes() as r')) as [
      { r: { peut_ajouter_formation: boolean } },
    ];
    expect(radmin.peut_ajouter_formation).toBe(true);
  });

  test('la clé secrète importe ; rejouer ne change rien ; une ligne contraire aux contraintes annule tout l’appel', async () => {
    const [{ r }] = (await en<{ r: unknown }>('service_role', null, `select api.formations_importer($1::jsonb) as r`, [FICHIER], { valider: true })) as [
      { r: unknown },
    ];
    expect(r).toEqual({ ajoutees: 2, modifiees: 0, inchangees: 0 });
    const etat = async () => (await db.query(`select * from prive.formations order by code`)).rows;
    const apres = await etat();
    const [{ r: r2 }] = (await en<{ r: unknown }>('service_role', null, `select api.formations_importer($1::jsonb) as r`, [FICHIER], { valider: true })) as [
      { r: unknown },
    ];
    expect(r2).toEqual({ ajoutees: 0, modifiees: 0, inchangees: 2 });
    expect(await etat()).toEqual(apres);
    const fautif = JSON.stringify([
      { code: '40025516', intitule: 'BAC PRO MELEC', niveau: 'BAC PRO', secteur: 'Mécanique, électricité, électronique' },
      { code: 'x', intitule: 'Y', niveau: 'CAP', secteur: 'S' },
    ]);
    await expect(en('service_role', null, `select api.formations_importer($1::jsonb)`, [fautif], { valider: true })).rejects.toMatchObject({ code: '23514' });
    expect(await etat()).toEqual(apres);
  });

  test('une formation fermée n’est plus proposée, sauf au lycée qui l’a déjà utilisée', async () => {
    await db.query(`update prive.formations set fermee_le = '2020-08-31' where code in ('cap-epc', 'bac-pro-cuisine')`);
    try {
      const [{ r }] = (await en<{ r: { formations: { code: string }[] } }>('authenticated', MEMBRE, 'select api.periodes_pfmp_miennes() as r')) as [
        { r: { formations: { code: string }[] } },
      ];
      const codes = r.formations.map((f) => f.code);
      expect(codes).not.toContain('cap-epc');
      expect(codes).toContain('bac-pro-cuisine'); // le lycée 0309901C a une période de cette formation
    } finally {
      await db.query(`update prive.formations set fermee_le = null where code in ('cap-epc', 'bac-pro-cuisine')`);
    }
  });
});
