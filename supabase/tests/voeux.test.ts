// Vœux classés en SQL : contraintes (un rang par créneau, un atelier une fois, atelier du bon
// créneau), RLS rôle par rôle des tables nouvelles, clé de tirage identique en SQL et en TypeScript,
// publication refusée quand l'attribution ne découle pas des vœux et de la graine (rien d'écrit),
// une seule publication. Sur PGlite, et sur PostgreSQL quand DATABASE_URL est donné ; la course de
// deux publications seulement sur PostgreSQL (PGlite exécute une transaction à la fois).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allouer, cleDeTirage } from '../../functions/_lib/rencontres/allocation.ts';
import type { Database } from '../../local/base/base.ts';
import { creerBaseDeTest, GENRES_DE_BASE } from '../../local/tests/base-test.ts';
import { executeurSousRole, type Role } from '../../local/tests/sous-role.ts';
import { enHeureDeParis, type RencontrePubliee } from '../../src/lib/rencontres.ts';

const ORGA = '00000000-0000-4000-8000-000000000002';
const MARIE = '00000000-0000-4000-8000-000000000003';
const ALICE = '00000000-0000-4000-8000-000000000004';
const BRUNO = '00000000-0000-4000-8000-000000000005';

const jour = 86_400_000;

function rencontreVoeux(slug: string, close: boolean): RencontrePubliee {
  const t = Date.now();
  return {
    slug,
    titre: 'Rencontre à vœux',
    lieu: 'Lycée d’essai, Montpellier',
    debut: enHeureDeParis(new Date(t + 20 * jour)),
    fin: enHeureDeParis(new Date(t + 20 * jour + 3_600_000)),
    ouverture: enHeureDeParis(new Date(t - 10 * jour)),
    fermeture: enHeureDeParis(new Date(t + (close ? -1 : 10) * jour)),
    mode: 'voeux',
    questions: { repas: false, regime: false, accessibilite: false },
    ateliers: [
      { code: 'x', creneau: 'c1', creneau_libelle: 'Début', titre: 'Atelier X', salle: 'S1', capacite: 1 },
      { code: 'y', creneau: 'c1', creneau_libelle: 'Début', titre: 'Atelier Y', salle: 'S2', capacite: 1 },
      { code: 'z', creneau: 'c2', creneau_libelle: 'Fin', titre: 'Atelier Z', salle: 'S1', capacite: 1 },
    ],
  };
}
const ATELIERS = [
  { code: 'x', creneau: 'c1', capacite: 1 },
  { code: 'y', creneau: 'c1', capacite: 1 },
  { code: 'z', creneau: 'c2', capacite: 1 },
];
/** Les vœux déposés, avec l'identifiant de fiche (prive.membres.id) de chacun, pas celui de connexion. */
const voeuxDe = (id: Record<string, string>) => [
  { membre: id[MARIE]!, creneau: 'c1', ateliers: ['x', 'y'] },
  { membre: id[MARIE]!, creneau: 'c2', ateliers: ['z'] },
  { membre: id[ALICE]!, creneau: 'c1', ateliers: ['x', 'y'] },
  { membre: id[BRUNO]!, creneau: 'c1', ateliers: ['x'] },
  { membre: id[BRUNO]!, creneau: 'c2', ateliers: ['z'] },
];

describe.each(GENRES_DE_BASE)('vœux classés sur %s', (genre) => {
  let db: Database;
  let id: Record<string, string> = {};
  let VOEUX: ReturnType<typeof voeuxDe> = [];

  const en = executeurSousRole(() => db);
  const v = async <T>(role: Role, sub: string | null, sql: string, params: unknown[] = []) =>
    (await en<{ v: T }>(role, sub, sql, params, { valider: true }))[0]!.v;
  const publierProgramme = (r: RencontrePubliee) => v('service_role', null, 'select api.rencontre_publier($1) as v', [JSON.stringify(r)]);
  const deposer = (sub: string, voeux: unknown, slug = 'voeux') =>
    v('authenticated', sub, 'select api.voeux_enregistrer($1, $2) as v', [slug, JSON.stringify(voeux)]);
  const publierAttribution = (sub: string, graine: string, attributions: unknown, slug = 'voeux') =>
    v('authenticated', sub, 'select api.allocation_publier($1, $2, $3) as v', [slug, graine, JSON.stringify(attributions)]);
  const ecrit = async () =>
    (
      await db.query<{ n: string }>(
        `select (select count(*) from prive.allocations) || '/' || (select count(*) from prive.attributions) || '/' || (select count(*) from prive.inscriptions) || '/' || (select count(*) from prive.choix_ateliers) as n`,
      )
    ).rows[0]!.n;

  beforeAll(async () => {
    db = await creerBaseDeTest(genre);
    const { rows } = await db.query<{ u: string; m: string }>('select user_id::text as u, id::text as m from prive.membres where user_id = any ($1)', [
      [MARIE, ALICE, BRUNO],
    ]);
    id = Object.fromEntries(rows.map((r) => [r.u, r.m]));
    VOEUX = voeuxDe(id);
    await publierProgramme(rencontreVoeux('voeux', false));
    await publierProgramme(rencontreVoeux('voeux-course', false));
    for (const slug of ['voeux', 'voeux-course']) {
      await deposer(
        MARIE,
        [
          { creneau: 'c1', ateliers: ['x', 'y'] },
          { creneau: 'c2', ateliers: ['z'] },
        ],
        slug,
      );
      await deposer(ALICE, [{ creneau: 'c1', ateliers: ['x', 'y'] }], slug);
      await deposer(
        BRUNO,
        [
          { creneau: 'c1', ateliers: ['x'] },
          { creneau: 'c2', ateliers: ['z'] },
        ],
        slug,
      );
    }
  }, 120_000);
  afterAll(() => db?.close());

  describe('contraintes de prive.voeux', () => {
    const inserer = (atelier: string, creneau: string, rang: number, qui = MARIE) =>
      db.query(
        `insert into prive.voeux (rencontre_id, membre_id, atelier_id, creneau, rang)
         select r.id, $1, t.id, $3, $4 from prive.rencontres r join prive.ateliers t on t.rencontre_id = r.id where r.slug = 'voeux' and t.code = $2`,
        [id[qui], atelier, creneau, rang],
      );
    test('deux ateliers au même rang dans un créneau : refusé (unique)', () => expect(inserer('y', 'c1', 1)).rejects.toMatchObject({ code: '23505' }));
    test('le même atelier classé deux fois : refusé (clé primaire)', () => expect(inserer('x', 'c1', 3)).rejects.toMatchObject({ code: '23505' }));
    test('un atelier sous un autre créneau que le sien : refusé (clé étrangère)', () =>
      expect(inserer('z', 'c1', 3, ALICE)).rejects.toMatchObject({ code: '23503' }));
    test('un rang hors de 1 à 50 : refusé', () => expect(inserer('y', 'c1', 0)).rejects.toMatchObject({ code: '23514' }));
  });

  test('api.voeux_enregistrer refuse, sans rien changer : atelier classé deux fois, atelier d’un autre créneau, créneau en double', async () => {
    const avant = (await db.query<{ n: string }>(`select string_agg(rang::text || atelier_id::text, ',' order by atelier_id) as n from prive.voeux`)).rows[0]!
      .n;
    const cas: [unknown, string][] = [
      [[{ creneau: 'c1', ateliers: ['x', 'x'] }], 'VOEU_EN_DOUBLE'],
      [[{ creneau: 'c1', ateliers: ['x', 'z'] }], 'AUTRE_CRENEAU'],
      [
        [
          { creneau: 'c1', ateliers: ['x'] },
          { creneau: 'c1', ateliers: ['y'] },
        ],
        'CRENEAU_EN_DOUBLE',
      ],
      [[{ creneau: 'c9', ateliers: ['x'] }], 'CRENEAU_INCONNU'],
      [{ pas: 'un tableau' }, 'REQUETE_INVALIDE'],
    ];
    for (const [voeux, code] of cas) await expect(deposer(MARIE, voeux), code).rejects.toMatchObject({ code: 'P0001', message: code });
    expect((await db.query<{ n: string }>(`select string_agg(rang::text || atelier_id::text, ',' order by atelier_id) as n from prive.voeux`)).rows[0]!.n).toBe(
      avant,
    );
  });

  describe('RLS table par table', () => {
    for (const table of ['prive.voeux', 'prive.allocations', 'prive.attributions']) {
      test(`${table} : un anonyme ne lit rien`, () => expect(en('anon', null, `select * from ${table}`)).rejects.toMatchObject({ code: '42501' }));
      test(`${table} : ni un membre ni un organisateur n’écrivent directement`, async () => {
        await expect(en('authenticated', MARIE, `delete from ${table}`)).rejects.toMatchObject({ code: '42501' });
        await expect(en('authenticated', ORGA, `update ${table} set rencontre_id = rencontre_id`)).rejects.toMatchObject({ code: '42501' });
      });
    }
    test('un membre ne voit que ses vœux ; un organisateur les voit tous', async () => {
      const miens = await en<{ membre_id: string }>('authenticated', MARIE, 'select membre_id::text from prive.voeux');
      expect(miens.length).toBeGreaterThan(0);
      expect(new Set(miens.map((x) => x.membre_id))).toEqual(new Set([id[MARIE]]));
      const tous = (await db.query<{ n: number }>('select count(*)::int as n from prive.voeux')).rows[0]!.n;
      expect((await en('authenticated', ORGA, 'select 1 from prive.voeux')).length).toBe(tous);
    });
  });

  test('la clé de tirage SQL est celle de TypeScript (sha256 de « graine:membre »)', async () => {
    const { rows } = await db.query<{ cle: string }>(`select prive.cle_de_tirage('tirage-éàç 2026', $1) as cle`, [id[MARIE]]);
    expect(rows[0]!.cle).toBe(cleDeTirage('tirage-éàç 2026', id[MARIE]!));
  });

  describe('publication', () => {
    beforeAll(() => publierProgramme(rencontreVoeux('voeux', true)));

    test('refusée (rien d’écrit) si l’attribution ne découle pas des vœux et de la graine', async () => {
      const bonne = allouer('graine-sql', ATELIERS, VOEUX).attributions;
      // Une graine qui donne un autre ordre (sinon ce cas ne prouverait rien).
      const ordre = allouer('graine-sql', ATELIERS, VOEUX).ordre.join();
      const autre = ['autre-1', 'autre-2', 'autre-3', 'autre-4', 'autre-5', 'autre-6'].find((g) => allouer(g, ATELIERS, VOEUX).ordre.join() !== ordre)!;
      const avant = await ecrit();
      const trafiquees: [string, unknown][] = [
        ['priorités échangées', bonne.map((a) => ({ ...a, priorite: a.priorite === 1 ? 2 : a.priorite === 2 ? 1 : a.priorite }))],
        ['un atelier jamais demandé', bonne.map((a) => (a.membre === id[ALICE] ? { ...a, atelier: 'z', rang: 1, attente: null } : a))],
        ['un rang faux', bonne.map((a) => (a.atelier ? { ...a, rang: a.rang! + 1 } : a))],
        ['une attribution manquante', bonne.slice(1)],
        ['capacité dépassée', bonne.map((a) => (a.creneau === 'c1' ? { ...a, atelier: 'x', rang: 1, attente: null } : a))],
        ['une autre graine', allouer(autre, ATELIERS, VOEUX).attributions],
      ];
      for (const [libelle, attributions] of trafiquees) {
        await expect(publierAttribution(ORGA, 'graine-sql', attributions), libelle).rejects.toMatchObject({
          message: expect.stringContaining('ALLOCATION_INCOHERENTE'),
        });
      }
      expect(await ecrit()).toBe(avant);
    });

    test('un membre ne publie pas ; un organisateur publie une fois, la seconde est refusée', async () => {
      const bonne = allouer('graine-sql', ATELIERS, VOEUX).attributions;
      await expect(publierAttribution(MARIE, 'graine-sql', bonne)).rejects.toMatchObject({ message: expect.stringContaining('ORGANISATEUR_REQUIS') });
      expect(await publierAttribution(ORGA, 'graine-sql', bonne)).toMatchObject({ confirmees: 3, en_attente: 2 });
      const avant = await ecrit();
      await expect(publierAttribution(ORGA, 'graine-sql', bonne)).rejects.toMatchObject({ message: expect.stringContaining('ALLOCATION_PUBLIEE') });
      expect(await ecrit()).toBe(avant);
      // Chaque membre ne voit que ses attributions.
      const siennes = await en<{ membre_id: string }>('authenticated', ALICE, 'select membre_id::text from prive.attributions');
      expect(siennes.map((x) => x.membre_id)).toEqual([id[ALICE]]);
    });
  });

  // Deux organisateurs qui publient en même temps : le verrou de la rencontre les sérialise, l'un
  // réussit, l'autre reçoit ALLOCATION_PUBLIEE. PGlite n'exécute qu'une transaction à la fois : la
  // course n'y prouverait rien.
  describe.runIf(genre === 'postgres')('course (PostgreSQL)', () => {
    test('deux publications simultanées : une seule passe', async () => {
      await publierProgramme(rencontreVoeux('voeux-course', true));
      const bonne = allouer('course', ATELIERS, VOEUX).attributions;
      const r = await Promise.allSettled([
        publierAttribution(ORGA, 'course', bonne, 'voeux-course'),
        publierAttribution(ORGA, 'course', bonne, 'voeux-course'),
      ]);
      expect(r.filter((x) => x.status === 'fulfilled')).toHaveLength(1);
      expect(String((r.find((x) => x.status === 'rejected') as PromiseRejectedResult).reason.message)).toContain('ALLOCATION_PUBLIEE');
    });
  });
});
