// Calendrier des PFMP : droits rôle par rôle (RLS) et invariants (dates, formation, chevauchement),
// sur PGlite, et sur PostgreSQL quand DATABASE_URL est donné.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../local/base/base.ts';
import { creerBaseDeTest, GENRES_DE_BASE } from '../../local/tests/base-test.ts';
import { executeurSousRole } from '../../local/tests/sous-role.ts';

const MEMBRE = '00000000-0000-4000-8000-000000000003'; // lycée 0309901C (Nîmes)
const AUTRE = '00000000-0000-4000-8000-000000000006'; // lycée 0309902D (Alès)

describe.each(GENRES_DE_BASE)('calendrier des PFMP sur %s', (genre) => {
  let db: Database;
  beforeAll(async () => {
    db = await creerBaseDeTest(genre);
  });
  afterAll(() => db?.close());

  const en = executeurSousRole(() => db);
  const publier = (sub: string, classe: string, debut: string, fin: string, formation = 'bac-pro-cuisine') =>
    en<{ r: { uai: string; classe: string } }>('authenticated', sub, `select api.periode_pfmp_publier($1, $2, '1re', $3::date, $4::date, 20) as r`, [
      formation,
      classe,
      debut,
      fin,
    ]);
  const erreur = (p: Promise<unknown>, code: string) => expect(p).rejects.toMatchObject({ message: code });

  test('un anonyme ne lit ni les périodes ni les formations, et n’appelle pas l’API', async () => {
    await expect(en('anon', null, 'select * from prive.periodes_pfmp')).rejects.toMatchObject({ code: '42501' });
    await expect(en('anon', null, 'select * from prive.formations')).rejects.toMatchObject({ code: '42501' });
    await expect(en('anon', null, `select api.calendrier_pfmp_reseau('2027-01-01', '2027-02-01', 10)`)).rejects.toMatchObject({ code: '42501' });
  });

  test('la clé secrète (service_role) lit tout, sans session de membre', async () => {
    expect((await en<{ n: number }>('service_role', null, 'select count(*)::int as n from prive.periodes_pfmp'))[0]!.n).toBe(10);
  });

  test('un membre ne lit pas les abonnements .ics des autres lycées, ni l’empreinte du sien sans passer par l’API', async () => {
    await db.query(`insert into prive.abonnements_calendrier (uai, empreinte) values ('0309902D', repeat('b', 64)) on conflict do nothing`);
    try {
      expect(await en('authenticated', MEMBRE, `select * from prive.abonnements_calendrier where uai = '0309902D'`)).toEqual([]);
      await expect(en('authenticated', MEMBRE, `select api.calendrier_pfmp_ics(repeat('b', 64))`)).rejects.toMatchObject({ code: '42501' });
      await expect(en('anon', null, `select api.calendrier_pfmp_ics(repeat('b', 64))`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await db.query(`delete from prive.abonnements_calendrier where uai = '0309902D'`);
    }
  });

  test('un membre voit le calendrier de tout le réseau', async () => {
    expect((await en<{ n: number }>('authenticated', MEMBRE, 'select count(*)::int as n from prive.periodes_pfmp'))[0]!.n).toBe(10);
  });

  test('un compte sans fiche de membre ne voit rien et ne publie rien', async () => {
    const inconnu = '00000000-0000-4000-8000-0000000000ff';
    expect(await en('authenticated', inconnu, 'select * from prive.periodes_pfmp')).toEqual([]);
    await erreur(publier(inconnu, 'X', '2027-03-01', '2027-03-05'), 'SESSION_EXPIREE');
  });

  test('un membre publie une période de son lycée (le lycée vient de sa fiche)', async () => {
    const [ligne] = await publier(MEMBRE, '2CUI', '2027-03-01', '2027-03-26');
    expect(ligne!.r).toMatchObject({ uai: '0309901C', classe: '2CUI' });
  });

  test('un membre n’écrit pas dans le calendrier d’un autre lycée, même en direct', async () => {
    await expect(
      en(
        'authenticated',
        MEMBRE,
        `insert into prive.periodes_pfmp (uai, formation, classe, niveau, debut, fin, eleves) values ('0309902D', 'cap-cuisine', 'X', 'autre', '2027-03-01', '2027-03-05', 3)`,
      ),
    ).rejects.toMatchObject({ code: '42501' });
    expect(await en('authenticated', MEMBRE, `delete from prive.periodes_pfmp where uai = '0309902D' returning id`)).toEqual([]);
    expect(await en('authenticated', MEMBRE, `update prive.periodes_pfmp set eleves = 1 returning id`).catch((e: { code: string }) => e.code)).toBe('42501');
  });

  test('retirer une période d’un autre lycée : introuvable ; la sienne : retirée', async () => {
    const [autre] = await db.query<{ id: string }>(`select id from prive.periodes_pfmp where uai = '0309902D' limit 1`).then((r) => r.rows);
    await erreur(en('authenticated', MEMBRE, `select api.periode_pfmp_retirer($1)`, [autre!.id]), 'INTROUVABLE');
    const [mienne] = await db.query<{ id: string }>(`select id from prive.periodes_pfmp where uai = '0309901C' limit 1`).then((r) => r.rows);
    expect(await en('authenticated', MEMBRE, `select api.periode_pfmp_retirer($1) as r`, [mienne!.id])).toEqual([{ r: '' }]);
  });

  test('dates inversées, formation inconnue : refusées avec un code stable', async () => {
    await erreur(publier(MEMBRE, '2CUI', '2027-03-26', '2027-03-01'), 'DATES_INVERSEES');
    await erreur(publier(MEMBRE, '2CUI', '2027-03-01', '2027-03-26', 'bts-inconnu'), 'FORMATION_INCONNUE');
  });

  test('deux périodes d’une même classe ne se chevauchent pas (casse et espaces ignorés) ; une autre classe peut', async () => {
    await erreur(publier(MEMBRE, ' 1cui ', '2027-02-01', '2027-02-26'), 'CHEVAUCHEMENT_PERIODE');
    // Le dernier jour d'une période et le premier de la suivante ne peuvent pas être le même jour.
    expect(await publier(MEMBRE, '1CUI', '2027-02-05', '2027-03-05').catch((e: Error) => e.message)).toBe('CHEVAUCHEMENT_PERIODE');
    expect((await publier(MEMBRE, '1CUI', '2027-02-06', '2027-03-05'))[0]!.r.classe).toBe('1CUI');
    expect((await publier(MEMBRE, '2CUI', '2027-01-11', '2027-02-05'))[0]!.r.classe).toBe('2CUI');
  });

  test('un membre sans lycée sur sa fiche : refus clair', async () => {
    await db.query(`update prive.membres set uai = null where user_id = $1`, [AUTRE]);
    try {
      await erreur(publier(AUTRE, '1CSR', '2027-03-01', '2027-03-05'), 'SANS_ETABLISSEMENT');
    } finally {
      await db.query(`update prive.membres set uai = '0309902D' where user_id = $1`, [AUTRE]);
    }
  });

  test('session fermée : refusée', async () => {
    await erreur(en('authenticated', MEMBRE, `select api.calendrier_pfmp_reseau('2027-01-01', '2027-02-01', 10)`, [], { session: false }), 'SESSION_EXPIREE');
  });

  test('vue du réseau : élèves par semaine, secteur et département ; groupe signalé au-delà du seuil, avec ses lycées', async () => {
    type Vue = {
      groupes: {
        semaine: string;
        secteur: string;
        departement: string;
        eleves: number;
        lycees: number;
        alerte: boolean;
        detail: { uai: string; eleves: number }[] | null;
      }[];
    };
    const [{ r }] = (await en<{ r: Vue }>('authenticated', MEMBRE, `select api.calendrier_pfmp_reseau('2027-01-11', '2027-01-24', 50) as r`)) as [{ r: Vue }];
    const hotellerie30 = r.groupes.filter((g) => g.secteur === 'Hôtellerie-restauration' && g.departement === '30');
    expect(hotellerie30.map((g) => [g.semaine, g.eleves, g.lycees, g.alerte])).toEqual([
      ['2027-01-11', 39, 2, false],
      ['2027-01-18', 61, 2, true],
    ]);
    expect(hotellerie30[1]!.detail!.map((d) => d.uai)).toEqual(['0309901C', '0309902D', '0309902D']);
    expect(hotellerie30[0]!.detail).toBeNull();
    await erreur(en('authenticated', MEMBRE, `select api.calendrier_pfmp_reseau('2027-02-01', '2027-01-01', 10)`), 'DATES_INVERSEES');
    await erreur(en('authenticated', MEMBRE, `select api.calendrier_pfmp_reseau('2020-01-01', '2027-01-01', 10)`), 'PERIODE_TROP_LONGUE');
  });

  test('vue du réseau par bassin de formation : un groupe par bassin dans son département ; un lycée sans bassin : « Bassin non renseigné »', async () => {
    type Vue = { regroupement: string; groupes: { semaine: string; secteur: string; departement: string; bassin: string | null; eleves: number }[] };
    const vue = async (regroupement?: string) =>
      (
        (await en<{ r: Vue }>(
          'authenticated',
          MEMBRE,
          regroupement
            ? `select api.calendrier_pfmp_reseau('2027-01-18', '2027-01-24', 50, $1) as r`
            : `select api.calendrier_pfmp_reseau('2027-01-18', '2027-01-24', 50) as r`,
          regroupement ? [regroupement] : [],
        )) as [{ r: Vue }]
      )[0].r;
    const hotellerie30 = (v: Vue) =>
      v.groupes.filter((g) => g.secteur === 'Hôtellerie-restauration' && g.departement === '30').map((g) => [g.bassin, g.eleves]);
    expect((await vue()).regroupement).toBe('departement');
    expect(hotellerie30(await vue())).toEqual([[null, 61]]);
    const parBassin = await vue('bassin');
    expect(parBassin.regroupement).toBe('bassin');
    expect(hotellerie30(parBassin)).toEqual([
      ['Alès', 37],
      ['Nîmes', 24],
    ]);
    await db.query(`update prive.etablissements set bassin = null where uai = '0309902D'`);
    try {
      expect(hotellerie30(await vue('bassin'))).toEqual([
        ['Bassin non renseigné', 37],
        ['Nîmes', 24],
      ]);
    } finally {
      await db.query(`update prive.etablissements set bassin = 'Alès' where uai = '0309902D'`);
    }
    await erreur(en('authenticated', MEMBRE, `select api.calendrier_pfmp_reseau('2027-01-18', '2027-01-24', 50, 'commune')`), 'REQUETE_INVALIDE');
  });

  // Une course ne se prouve que sur PostgreSQL : PGlite exécute une transaction à la fois.
  test.runIf(genre === 'postgres')('dix publications simultanées de périodes qui se chevauchent pour une classe : une seule passe (PostgreSQL)', async () => {
    const sessionId = randomUUID();
    await db.query(`insert into auth.sessions (id, user_id) values ($1, $2)`, [sessionId, MEMBRE]);
    try {
      const resultats = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) =>
          db.transaction(async (tx) => {
            await tx.exec('set local role authenticated');
            await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
              JSON.stringify({ sub: MEMBRE, role: 'authenticated', session_id: sessionId }),
            ]);
            const debut = `2027-04-${String(5 + i).padStart(2, '0')}`;
            await tx.query(`select api.periode_pfmp_publier('bac-pro-cuisine', 'COURSE', '1re', $1::date, '2027-04-30'::date, 10)`, [debut]);
            // La transaction reste ouverte : sans verrou, les autres insertions ne verraient pas celle-ci.
            await tx.query('select pg_sleep(0.3)');
          }),
        ),
      );
      expect(resultats.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      expect(resultats.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.message)).toEqual(
        Array(9).fill('CHEVAUCHEMENT_PERIODE'),
      );
      expect((await db.query<{ n: number }>(`select count(*)::int as n from prive.periodes_pfmp where classe = 'COURSE'`)).rows[0]!.n).toBe(1);
    } finally {
      await db.query(`delete from prive.periodes_pfmp where classe = 'COURSE'`);
      await db.query(`delete from auth.sessions where id = $1`, [sessionId]);
    }
  });
});
