// Bourse aux places, sens inverse et résumé hebdomadaire, en SQL : RLS des recherches, des réponses et des
// inscriptions au résumé, rôle par rôle ; acceptation d'une réponse (registre) ; acceptations concurrentes
// (sur PostgreSQL) ; résumé : inscrits seulement, jamais deux fois la même offre.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database, Requetes } from '../../local/base/base.ts';
import { creerBaseDeTest, GENRES_DE_BASE } from '../../local/tests/base-test.ts';
import { executeurSousRole, type Role } from '../../local/tests/sous-role.ts';

const ADMIN = '00000000-0000-4000-8000-000000000001'; // 0349901E (34)
const MARIE = '00000000-0000-4000-8000-000000000003'; // 0309901C (30)
const ALICE = '00000000-0000-4000-8000-000000000004'; // 0119901A (11)
const BRUNO = '00000000-0000-4000-8000-000000000005'; // 0119902B (11)
const CHLOE = '00000000-0000-4000-8000-000000000006'; // 0309902D (30)
const KARIMA = '00000000-0000-4000-8000-000000000014'; // 0309901C, même lycée que Marie
const SANS_FICHE = '00000000-0000-4000-8000-0000000000ff';
const GARRIGUES = '20000000-0000-4000-8000-000000000001'; // Nîmes (30), jeu de démonstration
const ECUSSON = '20000000-0000-4000-8000-000000000002'; // Montpellier (34)
const CANAL = '20000000-0000-4000-8000-000000000003'; // Narbonne (11)
const RECHERCHE = '30000000-0000-4000-8000-000000000001';
const REPONSE = '30000000-0000-4000-8000-0000000000a1';

const TABLES = ['recherches_places', 'reponses_recherche', 'resume_bourse'];
const fiche = (sub: string) => `(select id from prive.membres where user_id = '${sub}')`;

describe.each(GENRES_DE_BASE)('recherches de places et résumé de la bourse sur %s', (genre) => {
  let db: Database;
  beforeAll(async () => {
    db = await creerBaseDeTest(genre);
    await db.exec(`
      insert into prive.recherches_places (id, membre_id, uai, formation, niveau, debut, fin, commune_insee, commune_nom, departement, eleves)
        values ('${RECHERCHE}', ${fiche(MARIE)}, '0309901C', 'CAP Maintenance des véhicules', 'CAP 1re année', current_date + 30, current_date + 58,
                '30189', 'Nîmes', '30', 1);
      insert into prive.reponses_recherche (id, recherche_id, organisation_id, membre_id, uai, places)
        values ('${REPONSE}', '${RECHERCHE}', '${GARRIGUES}', ${fiche(ALICE)}, '0119901A', 1);
      insert into prive.resume_bourse (membre_id) values (${fiche(MARIE)});
    `);
  });
  afterAll(() => db?.close());

  /** Prépare la transaction comme le remplaçant de PostgREST : rôle et jeton (avec sa session vivante). */
  async function commeAppelant(tx: Requetes, role: Role, sub: string | null) {
    const sessionId = randomUUID();
    await tx.exec('reset role');
    if (sub) await tx.query(`insert into auth.sessions (id, user_id) select $1, id from auth.users where id = $2`, [sessionId, sub]);
    await tx.exec(`set local role ${role}`);
    await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(sub ? { sub, role, session_id: sessionId } : { role })]);
  }

  const en = executeurSousRole(() => db);
  const refuse = (p: Promise<unknown>, code = '42501') => expect(p).rejects.toMatchObject({ code });
  const refuseMetier = (p: Promise<unknown>, message: string) => expect(p).rejects.toMatchObject({ code: 'P0001', message });
  const n = async (role: Role, sub: string | null, table: string) =>
    (await en<{ n: number }>(role, sub, `select count(*)::int as n from prive.${table}`))[0]!.n;

  describe.each(TABLES)('prive.%s', (table) => {
    test('un anonyme ne lit rien (42501)', () => refuse(en('anon', null, `select * from prive.${table}`)));
    test('un anonyme n’écrit rien (42501)', () => refuse(en('anon', null, `delete from prive.${table}`)));
    test('un compte sans fiche de membre ne lit rien', async () => expect(await n('authenticated', SANS_FICHE, table)).toBe(0));
    test('service_role lit tout (tâches planifiées)', async () => expect(await n('service_role', null, table)).toBe(1));
    test('personne ne supprime par l’API sauf son inscription au résumé', async () => {
      if (table === 'resume_bourse') expect(await en('authenticated', ALICE, `delete from prive.${table} returning 1`)).toEqual([]);
      else await refuse(en('authenticated', MARIE, `delete from prive.${table}`));
    });
  });

  test('une recherche est lue par tout membre, y compris d’un autre lycée et l’administrateur', async () => {
    for (const sub of [MARIE, KARIMA, ALICE, ADMIN]) expect(await n('authenticated', sub, 'recherches_places')).toBe(1);
  });

  test('une réponse n’est lue que par le demandeur et le répondant (ni un collègue du même lycée, ni l’administrateur)', async () => {
    expect(await n('authenticated', MARIE, 'reponses_recherche')).toBe(1);
    expect(await n('authenticated', ALICE, 'reponses_recherche')).toBe(1);
    expect(await n('authenticated', KARIMA, 'reponses_recherche')).toBe(0);
    expect(await n('authenticated', BRUNO, 'reponses_recherche')).toBe(0);
    expect(await n('authenticated', ADMIN, 'reponses_recherche')).toBe(0);
  });

  test('une recherche ne se publie pas au nom d’un autre ; ses termes ne changent pas ; un autre ne la ferme pas', async () => {
    await refuse(
      en(
        'authenticated',
        ALICE,
        `insert into prive.recherches_places (membre_id, formation, niveau, debut, fin, commune_insee, commune_nom, departement, eleves)
         values (${fiche(MARIE)}, 'CAP X', 'Seconde', current_date + 10, current_date + 20, '30189', 'Nîmes', '30', 1)`,
      ),
    );
    await refuse(en('authenticated', MARIE, `update prive.recherches_places set eleves = 5`));
    expect(await en('authenticated', ALICE, `update prive.recherches_places set statut = 'fermee' returning id`)).toEqual([]);
  });

  test('on ne répond pas à sa propre recherche, ni au nom d’un autre ; le répondant n’accepte pas sa réponse', async () => {
    await refuse(
      en(
        'authenticated',
        MARIE,
        `insert into prive.reponses_recherche (recherche_id, organisation_id, membre_id, places) values ($1, $2, ${fiche(MARIE)}, 1)`,
        [RECHERCHE, ECUSSON],
      ),
    );
    await refuse(
      en(
        'authenticated',
        BRUNO,
        `insert into prive.reponses_recherche (recherche_id, organisation_id, membre_id, places) values ($1, $2, ${fiche(ALICE)}, 1)`,
        [RECHERCHE, ECUSSON],
      ),
    );
    expect(await en('authenticated', ALICE, `update prive.reponses_recherche set statut = 'acceptee', places_acceptees = 1 returning id`)).toEqual([]);
    await refuseMetier(en('authenticated', MARIE, `select api.recherche_repondre($1, $2, 1)`, [RECHERCHE, ECUSSON]), 'RECHERCHE_PROPRE');
    await refuseMetier(en('authenticated', ALICE, `select api.reponse_accepter($1)`, [REPONSE]), 'REPONSE_INCONNUE');
    await refuseMetier(en('authenticated', KARIMA, `select api.reponse_accepter($1)`, [REPONSE]), 'REPONSE_INCONNUE');
  });

  test('Alice ne répond pas deux fois avec la même organisation (DEJA_PROPOSEE)', async () => {
    await refuseMetier(en('authenticated', ALICE, `select api.recherche_repondre($1, $2, 1)`, [RECHERCHE, GARRIGUES]), 'DEJA_PROPOSEE');
  });

  test('accepter inscrit le placement au registre, ferme la recherche satisfaite ; plus de réponse ni de seconde acceptation', async () => {
    await db
      .transaction(async (tx) => {
        await commeAppelant(tx, 'authenticated', MARIE);
        const { rows } = await tx.query<{ r: { eleves: number; satisfaite: boolean; repondant: { email: string } } }>('select api.reponse_accepter($1) as r', [
          REPONSE,
        ]);
        expect(rows[0]!.r).toMatchObject({ eleves: 1, satisfaite: true, repondant: { email: 'alice.martin@exemple.test' } });
        const registre = await tx.query(`select uai, formation, niveau from prive.placements where reponse_id = $1`, [REPONSE]);
        expect(registre.rows).toEqual([{ uai: '0309901C', formation: 'CAP Maintenance des véhicules', niveau: 'CAP 1re année' }]);
        const liste = await tx.query<{ l: unknown }>('select api.recherches_rechercher() as l');
        expect(liste.rows[0]!.l).toEqual({ total: 0, recherches: [] });
        await tx.exec('savepoint s');
        await expect(tx.query('select api.reponse_accepter($1)', [REPONSE])).rejects.toMatchObject({ message: 'DEJA_ACCEPTEE' });
        await tx.exec('rollback to savepoint s');
        await commeAppelant(tx, 'authenticated', BRUNO);
        await expect(tx.query('select api.recherche_repondre($1, $2, 1)', [RECHERCHE, CANAL])).rejects.toMatchObject({ message: 'RECHERCHE_FERMEE' });
        throw new Error('__annuler__');
      })
      .catch((e: Error) => expect(e.message).toBe('__annuler__'));
  });

  test('une recherche dont la période a commencé est expirée : ni listée, ni réponse, ni acceptation', async () => {
    await db
      .transaction(async (tx) => {
        await tx.query(`update prive.recherches_places set debut = current_date, fin = current_date + 20 where id = $1`, [RECHERCHE]);
        await commeAppelant(tx, 'authenticated', BRUNO);
        expect((await tx.query<{ l: unknown }>('select api.recherches_rechercher() as l')).rows[0]!.l).toEqual({ total: 0, recherches: [] });
        await tx.exec('savepoint s');
        await expect(tx.query('select api.recherche_repondre($1, $2, 1)', [RECHERCHE, CANAL])).rejects.toMatchObject({ message: 'RECHERCHE_EXPIREE' });
        await tx.exec('rollback to savepoint s');
        await commeAppelant(tx, 'authenticated', MARIE);
        await expect(tx.query('select api.reponse_accepter($1)', [REPONSE])).rejects.toMatchObject({ message: 'RECHERCHE_EXPIREE' });
        throw new Error('__annuler__');
      })
      .catch((e: Error) => expect(e.message).toBe('__annuler__'));
  });

  test('l’inscription au résumé : chacun ne voit et ne règle que la sienne', async () => {
    expect(await n('authenticated', MARIE, 'resume_bourse')).toBe(1);
    expect(await n('authenticated', KARIMA, 'resume_bourse')).toBe(0);
    expect(await n('authenticated', ADMIN, 'resume_bourse')).toBe(0);
    await refuse(en('authenticated', ALICE, `insert into prive.resume_bourse (membre_id) values (${fiche(MARIE)})`));
    expect(await en('authenticated', ALICE, `update prive.resume_bourse set departements = '{66}' returning 1`)).toEqual([]);
  });

  test('le résumé : les offres nouvelles des départements suivis, publiées par d’autres, une seule fois', async () => {
    await db
      .transaction(async (tx) => {
        // Chloé (30) publie à Nîmes, Alice (11) à Narbonne, Marie elle-même à Nîmes ; Bruno est inscrit mais suit le 34.
        await tx.query(
          `insert into prive.offres_places (organisation_id, membre_id, uai, formation, debut, fin, places)
           values ($1, ${fiche(CHLOE)}, '0309902D', 'Bac pro MV', current_date + 40, current_date + 60, 2),
                  ($2, ${fiche(ALICE)}, '0119901A', 'CAP Cuisine', current_date + 40, current_date + 60, 1),
                  ($1, ${fiche(MARIE)}, '0309901C', 'CAP Propre', current_date + 40, current_date + 60, 1)`,
          [GARRIGUES, CANAL],
        );
        await tx.query(`insert into prive.resume_bourse (membre_id, departements) values (${fiche(BRUNO)}, '{34}')`);
        await tx.exec('set local role service_role');
        const envoi = (
          await tx.query<{ r: { email: string; jusqua: string; membre_id: string; offres: { formation: string }[] }[] }>(
            'select api.resumes_bourse_a_envoyer() as r',
          )
        ).rows[0]!.r;
        expect(envoi.map((e) => [e.email, e.offres.map((o) => o.formation)])).toEqual([['membre@exemple.test', ['Bac pro MV']]]);
        await tx.query('select api.resume_bourse_marquer($1, $2)', [envoi[0]!.membre_id, envoi[0]!.jusqua]);
        expect((await tx.query<{ r: unknown[] }>('select api.resumes_bourse_a_envoyer() as r')).rows[0]!.r).toEqual([]);
        throw new Error('__annuler__');
      })
      .catch((e: Error) => expect(e.message).toBe('__annuler__'));
    await refuse(en('authenticated', MARIE, 'select api.resumes_bourse_a_envoyer()'));
  });

  test('la liste des recherches rend leur nombre total et une page, sans trou ni doublon d’une page à l’autre', async () => {
    // 60 recherches de Chloé en plus de celle de Marie ; formation commune pour les isoler.
    const avant = `insert into prive.recherches_places (membre_id, uai, formation, niveau, debut, fin, commune_insee, commune_nom, departement, eleves)
      select ${fiche(CHLOE)}, '0309902D', 'CAP Ébénisterie', 'Seconde', current_date + 20 + i % 30, current_date + 90, '30189', 'Nîmes', '30', 1
        from generate_series(1, 60) i`;
    type Resultat = { total: number; recherches: { id: string; debut: string }[] };
    const page = async (decalage: number) =>
      (
        await en<{ r: Resultat }>(
          'authenticated',
          MARIE,
          `select api.recherches_rechercher(p_formation => 'ébénisterie', p_limite => 25, p_decalage => ${decalage}) as r`,
          [],
          { avant },
        )
      )[0]!.r;
    const pages = [await page(0), await page(25), await page(50)];
    expect(pages.map((p) => [p.total, p.recherches.length])).toEqual([
      [60, 25],
      [60, 25],
      [60, 10],
    ]);
    const toutes = pages.flatMap((p) => p.recherches);
    expect(new Set(toutes.map((q) => q.id)).size).toBe(60);
    expect(toutes.map((q) => q.debut)).toEqual(toutes.map((q) => q.debut).sort());
    for (const args of ['p_limite => 0', 'p_limite => 201', 'p_decalage => -1'])
      await refuseMetier(en('authenticated', MARIE, `select api.recherches_rechercher(${args})`), 'REQUETE_INVALIDE');
  });

  test('désinscription par le jeton du résumé : la tâche le rend, seul le service l’emploie, une fois ; réinscrit, nouveau jeton', async () => {
    const jetonDe = async (sub: string) =>
      (
        await en<{ j: string | null }>('service_role', null, `select jeton_desinscription::text as j from prive.resume_bourse where membre_id = ${fiche(sub)}`)
      )[0]?.j ?? null;
    const jeton = (await jetonDe(MARIE))!;
    expect(jeton).toMatch(/^[0-9a-f-]{36}$/);
    // La tâche hebdomadaire le rend avec le résumé (pour le lien du courriel et l'en-tête List-Unsubscribe).
    const avant = `insert into prive.offres_places (organisation_id, membre_id, uai, formation, debut, fin, places)
                   values ('${GARRIGUES}', ${fiche(CHLOE)}, '0309902D', 'Bac pro MV', current_date + 40, current_date + 60, 2)`;
    const envoi = await en<{ r: { email: string; jeton: string }[] }>('service_role', null, 'select api.resumes_bourse_a_envoyer() as r', [], { avant });
    expect(envoi[0]!.r).toEqual([expect.objectContaining({ email: 'membre@exemple.test', jeton })]);
    // Ni anonyme ni membre ne l'appellent : les fonctions seules, qui ont reçu le jeton.
    for (const [role, sub] of [
      ['anon', null],
      ['authenticated', MARIE],
    ] as const)
      await refuse(en(role, sub, `select api.resume_bourse_desinscrire($1)`, [jeton]));
    const desinscrire = (j: string) =>
      en<{ r: boolean }>('service_role', null, [`select api.resume_bourse_desinscrire('${j}')`, `select api.resume_bourse_desinscrire('${j}') as r`]);
    // Deux fois de suite dans la même transaction : la première retire l'inscription, la seconde ne trouve plus rien.
    expect(await desinscrire(jeton)).toEqual([{ r: false }]);
    expect((await en<{ r: boolean }>('service_role', null, `select api.resume_bourse_desinscrire('${jeton}') as r`))[0]!.r).toBe(true);
    expect((await en<{ r: boolean }>('service_role', null, `select api.resume_bourse_desinscrire('${randomUUID()}') as r`))[0]!.r).toBe(false);
    const apres = await en<{ j: string }>('service_role', null, [
      `select api.resume_bourse_desinscrire('${jeton}')`,
      `insert into prive.resume_bourse (membre_id) values (${fiche(MARIE)}) returning jeton_desinscription::text as j`,
    ]);
    expect(apres[0]!.j).not.toBe(jeton);
  });

  // Une course ne se prouve que sur PostgreSQL : PGlite n'a qu'une connexion et exécute une transaction
  // à la fois, les acceptations y passent l'une après l'autre et ne se croisent jamais.
  test.runIf(genre === 'postgres')(
    'trois acceptations simultanées pour une recherche de deux élèves : deux placements, jamais trois (PostgreSQL)',
    async () => {
      const recherche = randomUUID();
      const reponses = [randomUUID(), randomUUID(), randomUUID()];
      await db.exec(`
      insert into prive.recherches_places (id, membre_id, uai, formation, niveau, debut, fin, commune_insee, commune_nom, departement, eleves)
        values ('${recherche}', ${fiche(MARIE)}, '0309901C', 'Bac pro Commerce', 'Première', current_date + 30, current_date + 58, '30189', 'Nîmes', '30', 2);
      insert into prive.reponses_recherche (id, recherche_id, organisation_id, membre_id, places) values
        ('${reponses[0]}', '${recherche}', '${GARRIGUES}', ${fiche(ALICE)}, 1),
        ('${reponses[1]}', '${recherche}', '${ECUSSON}', ${fiche(BRUNO)}, 1),
        ('${reponses[2]}', '${recherche}', '${CANAL}', ${fiche(CHLOE)}, 1);`);
      const resultats = await Promise.allSettled(
        reponses.map((id) =>
          db.transaction(async (tx) => {
            await commeAppelant(tx, 'authenticated', MARIE);
            return (await tx.query(`select api.reponse_accepter($1)`, [id])).rows;
          }),
        ),
      );
      expect(resultats.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
      expect(resultats.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.message)).toEqual(['RECHERCHE_FERMEE']);
      const { rows } = await db.query<{ p: number; pourvus: number; statut: string }>(
        `select (select count(*) from prive.placements pl join prive.reponses_recherche r on r.id = pl.reponse_id where r.recherche_id = $1)::int as p,
              eleves_pourvus as pourvus, statut from prive.recherches_places where id = $1`,
        [recherche],
      );
      expect(rows[0]).toEqual({ p: 2, pourvus: 2, statut: 'satisfaite' });
    },
  );
});
