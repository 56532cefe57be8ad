// Carnet des entreprises et bourse aux places en SQL : RLS table par table et rôle par rôle, clé du SIRET,
// nom normalisé des doublons, purge et réservations concurrentes (sur PostgreSQL).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database, Requetes } from '../../local/base/base.ts';
import { creerBaseDeTest, GENRES_DE_BASE } from '../../local/tests/base-test.ts';
import { executeurSousRole, type Role } from '../../local/tests/sous-role.ts';

const ADMIN = '00000000-0000-4000-8000-000000000001'; // 0349901E
const MARIE = '00000000-0000-4000-8000-000000000003'; // 0309901C
const ALICE = '00000000-0000-4000-8000-000000000004'; // 0119901A
const KARIMA = '00000000-0000-4000-8000-000000000014'; // 0309901C, même lycée que Marie
const SANS_FICHE = '00000000-0000-4000-8000-0000000000ff';
const ORG = '10000000-0000-4000-8000-000000000001';
const OFFRE = '10000000-0000-4000-8000-0000000000f1';

const TABLES = ['organisations', 'contacts', 'partenariats', 'retours', 'notes_lycee', 'historique_carnet', 'offres_places', 'reservations', 'placements'];

describe.each(GENRES_DE_BASE)('carnet et bourse sur %s', (genre) => {
  let db: Database;
  beforeAll(async () => {
    db = await creerBaseDeTest(genre);
    await db.exec(`
      insert into prive.organisations (id, siret, nom, code_naf, commune_insee, commune_nom, departement)
        values ('${ORG}', '99900000200017', 'Boulangerie de la Cité (fictive)', '10.71C', '11069', 'Carcassonne', '11');
      insert into prive.contacts (organisation_id, nom, email) values ('${ORG}', 'Contact Exemple', 'contact@boulangerie.exemple.test');
      insert into prive.notes_lycee (organisation_id, uai, texte) values ('${ORG}', '0309901C', 'Note du lycée des Arènes');
      insert into prive.offres_places (id, organisation_id, membre_id, uai, formation, debut, fin, places)
        select '${OFFRE}', '${ORG}', id, uai, 'CAP Boulanger', current_date + 30, current_date + 60, 3 from prive.membres where user_id = '${ALICE}';
    `);
  });
  afterAll(() => db?.close());

  /** Prépare la transaction comme le remplaçant de PostgREST : rôle et jeton (avec sa session vivante). */
  async function commeAppelant(tx: Requetes, role: Role, sub: string | null) {
    const sessionId = randomUUID();
    if (sub) await tx.query(`insert into auth.sessions (id, user_id) select $1, id from auth.users where id = $2`, [sessionId, sub]);
    await tx.exec(`set local role ${role}`);
    await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(sub ? { sub, role, session_id: sessionId } : { role })]);
  }

  const en = executeurSousRole(() => db);
  const refuse = (p: Promise<unknown>, code = '42501') => expect(p).rejects.toMatchObject({ code });
  const n = async (role: Role, sub: string | null, table: string) =>
    (await en<{ n: number }>(role, sub, `select count(*)::int as n from prive.${table}`))[0]!.n;

  describe.each(TABLES)('prive.%s', (table) => {
    test('un anonyme ne lit rien (42501)', () => refuse(en('anon', null, `select * from prive.${table}`)));
    test('un compte sans fiche de membre ne lit rien', async () => expect(await n('authenticated', SANS_FICHE, table)).toBe(0));
    test('service_role lit tout (tâches planifiées)', async () => expect(await n('service_role', null, table)).toBeGreaterThanOrEqual(0));
  });

  test('un membre lit organisations, contacts et offres', async () => {
    expect(await n('authenticated', MARIE, 'organisations')).toBe(4); // 3 du jeu de démonstration + 1
    expect(await n('authenticated', MARIE, 'contacts')).toBe(2);
    expect(await n('authenticated', MARIE, 'offres_places')).toBe(2);
  });

  test('les notes d’un lycée : lues par ses membres, par personne d’autre, même un administrateur', async () => {
    expect(await n('authenticated', MARIE, 'notes_lycee')).toBe(1);
    expect(await n('authenticated', KARIMA, 'notes_lycee')).toBe(1);
    expect(await n('authenticated', ALICE, 'notes_lycee')).toBe(0);
    expect(await n('authenticated', ADMIN, 'notes_lycee')).toBe(0);
  });

  test('un membre ne modifie pas les notes d’un autre lycée, ni n’en écrit à son nom', async () => {
    expect(await en('authenticated', ALICE, `update prive.notes_lycee set texte = 'piraté' returning uai`)).toEqual([]);
    await refuse(en('authenticated', ALICE, `insert into prive.notes_lycee (organisation_id, uai, texte) values ($1, '0309901C', 'x')`, [ORG]));
  });

  test('un membre ne supprime pas d’organisation, ni n’écrit l’historique au nom d’un autre', async () => {
    await refuse(en('authenticated', MARIE, `delete from prive.organisations`));
    await refuse(
      en(
        'authenticated',
        MARIE,
        `insert into prive.historique_carnet (organisation_id, membre_id, action) select $1, id, 'faux' from prive.membres where user_id = $2`,
        [ORG, ALICE],
      ),
    );
  });

  test('un membre ne change que le compte des places d’une offre, pas ses termes', async () => {
    await refuse(en('authenticated', MARIE, `update prive.offres_places set places = 50`));
  });

  test('une réservation n’est lue que par le réservant et l’émetteur', async () => {
    const lignes = await db
      .transaction(async (tx) => {
        await commeAppelant(tx, 'authenticated', MARIE);
        await tx.query(`select api.place_reserver($1, 'CAP Boulanger', 'Seconde')`, [OFFRE]);
        await tx.exec('reset role');
        const vus: Record<string, number> = {};
        for (const [nom, sub] of [
          ['marie', MARIE],
          ['alice', ALICE],
          ['admin', ADMIN],
        ] as const) {
          await tx.exec(`set local role authenticated`);
          const s = randomUUID();
          await tx.exec('reset role');
          await tx.query(`insert into auth.sessions (id, user_id) values ($1, $2)`, [s, sub]);
          await tx.exec(`set local role authenticated`);
          await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub, role: 'authenticated', session_id: s })]);
          vus[nom] = (await tx.query<{ n: number }>('select count(*)::int as n from prive.reservations')).rows[0]!.n;
          await tx.exec('reset role');
        }
        throw Object.assign(new Error('__annuler__'), { vus });
      })
      .catch((e: Error & { vus?: Record<string, number> }) => e.vus);
    expect(lignes).toEqual({ marie: 1, alice: 1, admin: 0 });
  });

  test('la recherche d’offres compte toutes les offres trouvées, par département, et les rend page par page', async () => {
    // 230 offres d'un secteur que rien d'autre n'emploie (01.11Z) : 100 dans l'Aude, 130 dans l'Hérault.
    const avant = `
      insert into prive.organisations (id, nom, code_naf, commune_insee, commune_nom, departement) values
        ('10000000-0000-4000-8000-0000000000c1', 'Ferme des Corbières (fictive)', '01.11Z', '11069', 'Carcassonne', '11'),
        ('10000000-0000-4000-8000-0000000000c2', 'Mas de l’Hérault (fictif)', '01.11Z', '34172', 'Montpellier', '34');
      insert into prive.offres_places (organisation_id, membre_id, uai, formation, debut, fin, places)
        select case when i <= 100 then '10000000-0000-4000-8000-0000000000c1'::uuid else '10000000-0000-4000-8000-0000000000c2'::uuid end,
               m.id, m.uai, 'CAP Agricole', current_date + 10 + i % 40, current_date + 80, 2
          from generate_series(1, 230) i, prive.membres m where m.user_id = '${ALICE}';`;
    type Resultat = { total: number; par_departement: Record<string, number>; offres: { id: string; debut: string; organisation: string }[] };
    const chercher = async (args: string) =>
      (await en<{ r: Resultat }>('authenticated', MARIE, `select api.offres_rechercher(p_naf => '01', ${args}) as r`, [], { avant }))[0]!.r;
    const premiere = await chercher('p_limite => 50');
    expect(premiere.total).toBe(230);
    expect(premiere.par_departement).toEqual({ '11': 100, '34': 130 });
    expect(premiere.offres).toHaveLength(50);
    // Un département choisi : le total suit, la carte garde les autres départements.
    const herault = await chercher(`p_departement => '34', p_limite => 200`);
    expect(herault.total).toBe(130);
    expect(herault.par_departement).toEqual({ '11': 100, '34': 130 });
    expect(herault.offres).toHaveLength(130);
    // Les pages se suivent sans trou ni doublon, dans l'ordre de la liste (début de la période).
    const pages: Resultat['offres'] = [];
    for (let decalage = 0; decalage < 230; decalage += 50) pages.push(...(await chercher(`p_limite => 50, p_decalage => ${decalage}`)).offres);
    expect(new Set(pages.map((o) => o.id)).size).toBe(230);
    expect(pages.map((o) => o.debut)).toEqual(pages.map((o) => o.debut).sort());
    expect((await chercher('p_limite => 50, p_decalage => 230')).offres).toEqual([]);
    for (const args of ['p_limite => 0', 'p_limite => 201', 'p_decalage => -1', 'p_limite => null'])
      await expect(chercher(args), args).rejects.toMatchObject({ code: 'P0001', message: 'REQUETE_INVALIDE' });
  });

  test('la clé de Luhn du SIRET est vérifiée par la base (CHECK)', async () => {
    const { rows } = await db.query<{ ok: boolean; faux: boolean; poste: boolean }>(
      `select prive.siret_valide('99900000200017') as ok, prive.siret_valide('99900000200018') as faux, prive.siret_valide('35600000000048') as poste`,
    );
    expect(rows[0]).toEqual({ ok: true, faux: false, poste: true });
    await expect(
      db.query(
        `insert into prive.organisations (siret, nom, code_naf, commune_insee, commune_nom, departement) values ('99900000200018', 'X', '10.71C', '11069', 'Carcassonne', '11')`,
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });

  test('le nom normalisé ignore casse, accents, ponctuation et forme juridique', async () => {
    const { rows } = await db.query<{ a: string; b: string }>(
      `select prive.nom_normalise('Boulangerie de la Cité (Fictive)') as a, prive.nom_normalise('BOULANGERIE CITE FICTIVE SARL') as b`,
    );
    expect(rows[0]!.a).toBe(rows[0]!.b);
  });

  test('la purge retire les contacts sans activité depuis 3 ans, et eux seuls (service_role)', async () => {
    await db
      .transaction(async (tx) => {
        await tx.query(
          `insert into prive.contacts (organisation_id, nom, email, derniere_activite) values ($1, 'Ancien Contact', 'ancien@exemple.test', now() - interval '3 years 1 day')`,
          [ORG],
        );
        await tx.exec('set local role service_role');
        expect((await tx.query<{ n: number }>('select api.contacts_purger() as n')).rows[0]!.n).toBe(1);
        expect((await tx.query<{ n: number }>('select count(*)::int as n from prive.contacts')).rows[0]!.n).toBe(2);
        throw new Error('__annuler__');
      })
      .catch((e: Error) => expect(e.message).toBe('__annuler__'));
    await refuse(en('authenticated', MARIE, 'select api.contacts_purger()'));
  });

  // Une course ne se prouve que sur PostgreSQL : PGlite n'a qu'une connexion et exécute une transaction
  // à la fois, les réservations y passent l'une après l'autre et ne se croisent jamais.
  test.runIf(genre === 'postgres')('dix réservations simultanées d’une offre de trois places : exactement trois réussissent (PostgreSQL)', async () => {
    const membres = [
      '000000000005',
      '000000000006',
      '000000000007',
      '000000000008',
      '000000000009',
      '000000000010',
      '000000000011',
      '000000000012',
      '000000000013',
      '000000000003',
    ].map((f) => `00000000-0000-4000-8000-${f}`);
    const resultats = await Promise.allSettled(
      membres.map((sub) =>
        db.transaction(async (tx) => {
          await commeAppelant(tx, 'authenticated', sub);
          return (await tx.query(`select api.place_reserver($1, 'CAP Boulanger', 'Seconde')`, [OFFRE])).rows;
        }),
      ),
    );
    const echecs = resultats.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.message);
    expect(resultats.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(echecs).toEqual(Array(7).fill('OFFRE_COMPLETE'));
    const { rows } = await db.query<{ r: number; p: number }>(
      `select (select count(*) from prive.reservations where offre_id = $1)::int as r, places_reservees as p from prive.offres_places where id = $1`,
      [OFFRE],
    );
    expect(rows[0]).toEqual({ r: 3, p: 3 });
  });
});
