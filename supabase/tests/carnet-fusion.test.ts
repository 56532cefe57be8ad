// Carnet, suite (issue 9, partie A) en SQL : noms proches, fusion de deux fiches (qui peut, ce qui suit),
// liens lycée ↔ formation (RLS de la suppression), date du dernier contact tenue par l'activité et purge,
// import tout ou rien, recherche avec période, places libres et compte par département ; sur PostgreSQL,
// fusions croisées simultanées et imports simultanés du même SIRET.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database, Requetes } from '../../local/base/base.ts';
import { creerBaseDeTest, GENRES_DE_BASE } from '../../local/tests/base-test.ts';

const ADMIN = '00000000-0000-4000-8000-000000000001'; // 0349901E, administrateur
const MARIE = '00000000-0000-4000-8000-000000000003'; // 0309901C
const ALICE = '00000000-0000-4000-8000-000000000004'; // 0119901A
const SANS_FICHE = '00000000-0000-4000-8000-0000000000ff';
// Jeu de démonstration : l'atelier de Nîmes (partenariat du lycée 0309901C), la boulangerie de Montpellier, l'hôtel de Narbonne.
const ATELIER = '20000000-0000-4000-8000-000000000001';
const HOTEL = '20000000-0000-4000-8000-000000000003';
const COPIE = '30000000-0000-4000-8000-000000000001';

type Role = 'anon' | 'authenticated' | 'service_role';

describe.each(GENRES_DE_BASE)('carnet : fusion, activité, import et recherche sur %s', (genre) => {
  let db: Database;
  beforeAll(async () => {
    db = await creerBaseDeTest(genre);
    // Une copie de l'atelier saisie par un autre lycée : contact, notes (lycée 0119901A), retour, historique, offre.
    await db.exec(`
      insert into prive.organisations (id, nom, code_naf, commune_insee, commune_nom, departement, adresse)
        values ('${COPIE}', 'Atelier mecanique Garrigues', '45.20A', '30189', 'Nîmes', '30', null);
      insert into prive.contacts (organisation_id, nom, email) values ('${COPIE}', 'Contact Copie', 'copie@exemple.test');
      insert into prive.notes_lycee (organisation_id, uai, texte) values ('${COPIE}', '0119901A', 'Note des Remparts');
      insert into prive.notes_lycee (organisation_id, uai, texte) values ('${COPIE}', '0309901C', 'Note des Arènes sur la copie');
      insert into prive.notes_lycee (organisation_id, uai, texte) values ('${ATELIER}', '0309901C', 'Note des Arènes');
      insert into prive.partenariats (organisation_id, uai, formation) values ('${COPIE}', '0119901A', 'Bac pro Maintenance des véhicules'),
                                                                             ('${COPIE}', '0309901C', 'CAP Maintenance des véhicules');
      insert into prive.retours (organisation_id, uai, formation, accueil, encadrement, activites, securite, reprendrait)
        values ('${COPIE}', '0119901A', 'Bac pro Maintenance des véhicules', 4, 3, 3, 4, true);
      insert into prive.historique_carnet (organisation_id, action) values ('${COPIE}', 'organisation ajoutée');
    `);
  });
  afterAll(() => db?.close());

  async function commeAppelant(tx: Requetes, role: Role, sub: string | null) {
    const sessionId = randomUUID();
    if (sub) await tx.query(`insert into auth.sessions (id, user_id) select $1, id from auth.users where id = $2`, [sessionId, sub]);
    await tx.exec(`set local role ${role}`);
    await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(sub ? { sub, role, session_id: sessionId } : { role })]);
  }

  /** Exécute sous un rôle puis, en superutilisateur, `ensuite` (pour constater) ; annule toujours. */
  async function en<T = Record<string, unknown>>(
    role: Role,
    sub: string | null,
    sql: string,
    params: unknown[] = [],
    ensuite?: (tx: Requetes) => Promise<unknown>,
  ): Promise<{ lignes: T[]; constat: unknown }> {
    let lignes: T[] = [];
    let constat: unknown;
    await db
      .transaction(async (tx) => {
        await commeAppelant(tx, role, sub);
        lignes = (await tx.query<T>(sql, params)).rows;
        await tx.exec('reset role');
        if (ensuite) constat = await ensuite(tx);
        throw new Error('__annuler__');
      })
      .catch((e: Error) => {
        if (e.message !== '__annuler__') throw e;
      });
    return { lignes, constat };
  }
  const refuse = (p: Promise<unknown>, motif: string | RegExp) => expect(p).rejects.toThrow(motif);
  const valeur = async <T>(tx: Requetes, sql: string, params: unknown[] = []) => (await tx.query<{ v: T }>(sql, params)).rows[0]!.v;

  test('noms proches : mêmes mots à la forme juridique près, ou trigrammes à 60 % au moins', async () => {
    const { rows } = await db.query<Record<string, boolean>>(
      `select prive.noms_proches('Garage du Midi', 'GARAGE MIDI AUTO') as a, prive.noms_proches('Boulangerie Martn', 'Boulangerie Martin SARL') as b,
              prive.noms_proches('Boulangerie Martin', 'Boulangerie Dupont') as c, prive.noms_proches('Hôtel du Canal', 'Hotel du canal (fictif)') as d`,
    );
    expect(rows[0]).toEqual({ a: true, b: true, c: false, d: true });
  });

  test('les doublons probables d’une fiche : nom proche dans la même commune, jamais dans une autre commune', async () => {
    const { lignes } = await en<{ d: { id: string; raison: string }[] }>(
      'authenticated',
      ALICE,
      `select api.organisation_doublons(null, 'Atelier mecanique Garrigues', '30189', $1) as d`,
      [COPIE],
    );
    expect(lignes[0]!.d).toEqual([expect.objectContaining({ id: ATELIER, raison: 'nom' })]);
    const ailleurs = await en<{ d: unknown[] }>('authenticated', ALICE, `select api.organisation_doublons(null, 'Atelier mecanique Garrigues', '34172') as d`);
    expect(ailleurs.lignes[0]!.d).toEqual([]);
  });

  test('fusion par un membre concerné : tout passe à la fiche gardée, notes des autres lycées comprises, une ligne d’historique', async () => {
    const { lignes, constat } = await en<{ r: { id: string; absorbee: string } }>(
      'authenticated',
      MARIE,
      `select api.organisations_fusionner($1, $2) as r`,
      [ATELIER, COPIE],
      async (tx) => ({
        copie: await valeur(tx, `select count(*)::int as v from prive.organisations where id = $1`, [COPIE]),
        contacts: await valeur(tx, `select array_agg(nom order by nom) as v from prive.contacts where organisation_id = $1`, [ATELIER]),
        notes: await valeur(tx, `select jsonb_object_agg(uai, texte) as v from prive.notes_lycee where organisation_id = $1`, [ATELIER]),
        partenariats: await valeur(tx, `select count(*)::int as v from prive.partenariats where organisation_id = $1`, [ATELIER]),
        retours: await valeur(tx, `select count(*)::int as v from prive.retours where organisation_id = $1`, [ATELIER]),
        historique: await valeur(tx, `select array_agg(action order by id) as v from prive.historique_carnet where organisation_id = $1`, [ATELIER]),
        restes: await valeur(
          tx,
          `select ((select count(*) from prive.contacts where organisation_id = $1) + (select count(*) from prive.notes_lycee where organisation_id = $1)
                  + (select count(*) from prive.historique_carnet where organisation_id = $1))::int as v`,
          [COPIE],
        ),
      }),
    );
    expect(lignes[0]!.r).toEqual({ id: ATELIER, absorbee: 'Atelier mecanique Garrigues' });
    expect(constat).toEqual({
      copie: 0,
      contacts: ['Contact Copie', 'Lucie Exemple'],
      notes: { '0119901A': 'Note des Remparts', '0309901C': 'Note des Arènes\n\nNote des Arènes sur la copie' },
      partenariats: 2, // CAP (déjà là) + Bac pro du lycée des Remparts
      retours: 1,
      historique: expect.arrayContaining(['organisation ajoutée', 'fiches fusionnées']),
      restes: 0,
    });
  });

  test('fusion refusée à un membre que ni l’une ni l’autre fiche ne concerne ; permise à un administrateur', async () => {
    await refuse(en('authenticated', ALICE, `select api.organisations_fusionner($1, $2)`, [HOTEL, ATELIER]), 'FUSION_INTERDITE');
    const { lignes } = await en<{ r: { id: string } }>('authenticated', ADMIN, `select api.organisations_fusionner($1, $2) as r`, [HOTEL, COPIE]);
    expect(lignes[0]!.r.id).toBe(HOTEL);
  });

  test('fusion impossible quand les deux fiches répondent à la même recherche de places : rien n’est fusionné', async () => {
    const { constat } = await en(
      'service_role',
      null,
      `with r as (insert into prive.recherches_places (membre_id, formation, niveau, debut, fin, commune_insee, commune_nom, departement, eleves)
                  select id, 'CAP MV', 'Seconde', current_date + 30, current_date + 60, '30189', 'Nîmes', '30', 2 from prive.membres where user_id = $1 returning id, membre_id)
       insert into prive.reponses_recherche (recherche_id, organisation_id, membre_id, places)
       select r.id, o.id, r.membre_id, 1 from r cross join (values ($2::uuid), ($3::uuid)) o (id)`,
      [ALICE, ATELIER, COPIE],
      async (tx) => {
        await commeAppelant(tx, 'authenticated', ADMIN);
        const erreur = await tx
          .query(`select api.organisations_fusionner($1, $2)`, [ATELIER, COPIE])
          .then(() => null)
          .catch((e: Error & { hint?: string }) => `${e.message} ${e.hint ?? ''}`);
        return erreur;
      },
    );
    expect(constat).toMatch(/^FUSION_IMPOSSIBLE .*même recherche de places/);
  });

  test('fusion impossible : deux SIRET différents, la même fiche, une fiche inconnue ; sans fiche de membre ni anonyme', async () => {
    await refuse(en('authenticated', ADMIN, `select api.organisations_fusionner($1, $2)`, [ATELIER, HOTEL]), 'FUSION_IMPOSSIBLE');
    await refuse(en('authenticated', ADMIN, `select api.organisations_fusionner($1, $1)`, [ATELIER]), 'FUSION_IMPOSSIBLE');
    await refuse(en('authenticated', ADMIN, `select api.organisations_fusionner($1, $2)`, [ATELIER, randomUUID()]), 'ORGANISATION_INCONNUE');
    await refuse(en('authenticated', SANS_FICHE, `select api.organisations_fusionner($1, $2)`, [ATELIER, COPIE]), /NON_MEMBRE|SESSION_EXPIREE/);
    await refuse(en('anon', null, `select api.organisations_fusionner($1, $2)`, [ATELIER, COPIE]), /permission denied/);
  });

  test('prive.partenariats : un lycée retire ses liens, jamais ceux d’un autre lycée ; anonyme refusé', async () => {
    const alice = await en('authenticated', ALICE, `delete from prive.partenariats where organisation_id = $1 returning uai`, [COPIE]);
    expect(alice.lignes).toEqual([{ uai: '0119901A' }]);
    const admin = await en('authenticated', ADMIN, `delete from prive.partenariats where organisation_id = $1 returning uai`, [COPIE]);
    expect(admin.lignes).toEqual([]);
    await refuse(en('anon', null, `delete from prive.partenariats`), /permission denied/);
    await refuse(
      en('authenticated', ALICE, `insert into prive.partenariats (organisation_id, uai, formation) values ($1, '0309901C', 'CAP X')`, [HOTEL]),
      /row-level security/,
    );
  });

  test('déclarer et retirer un lien de mon lycée par l’API ; le lien d’un autre lycée est introuvable', async () => {
    const { constat } = await en('authenticated', ALICE, `select api.partenariat_declarer($1, ' CAP Cuisine ')`, [HOTEL], (tx) =>
      valeur(tx, `select array_agg(uai || ' ' || formation) as v from prive.partenariats where organisation_id = $1`, [HOTEL]),
    );
    expect(constat).toEqual(['0119901A CAP Cuisine']);
    await refuse(en('authenticated', ALICE, `select api.partenariat_declarer($1, 'Bac pro Maintenance des véhicules')`, [COPIE]), 'DEJA_EXISTANT');
    await refuse(en('authenticated', ALICE, `select api.partenariat_retirer($1, 'CAP Maintenance des véhicules')`, [COPIE]), 'INTROUVABLE');
  });

  test('une activité (retour de période) avance la date du dernier contact, qui avance la dernière activité des contacts : la purge les garde', async () => {
    const { constat } = await en(
      'service_role',
      null,
      `update prive.contacts set derniere_activite = now() - interval '3 years 2 days' where organisation_id = $1`,
      [COPIE],
      async (tx) => {
        // Dernier contact il y a plus de 3 ans, comme ses contacts : sans activité, la purge les retirerait.
        await tx.query(`update prive.organisations set dernier_contact = current_date - 1100 where id = $1`, [COPIE]);
        await commeAppelant(tx, 'authenticated', ALICE);
        await tx.query(`select api.retour_ajouter($1, 'Bac pro MV', 3::smallint, 3::smallint, 3::smallint, 3::smallint, true)`, [COPIE]);
        await tx.exec('reset role');
        const dernier = await valeur<string>(tx, `select dernier_contact::text as v from prive.organisations where id = $1`, [COPIE]);
        await tx.exec('set local role service_role');
        const purges = await valeur<number>(tx, `select api.contacts_purger() as v`);
        return { dernier, purges };
      },
    );
    const aujourdhui = (await db.query<{ d: string }>('select current_date::text as d')).rows[0]!.d;
    expect(constat).toEqual({ dernier: aujourdhui, purges: 0 });
  });

  test('sans activité depuis 3 ans, le contact est purgé ; le modifier compte comme une activité', async () => {
    const vieux = `update prive.contacts set derniere_activite = now() - interval '3 years 2 days' where organisation_id = '${COPIE}'`;
    const sansActivite = await en('service_role', null, vieux, [], async (tx) => {
      await tx.exec('set local role service_role');
      return valeur<number>(tx, `select api.contacts_purger() as v`);
    });
    expect(sansActivite.constat).toBe(1);
    const modifie = await en('service_role', null, vieux, [], async (tx) => {
      await commeAppelant(tx, 'authenticated', ALICE);
      await tx.query(`update prive.contacts set fonction = 'Gérant' where organisation_id = $1`, [COPIE]);
      await tx.exec('reset role');
      await tx.exec('set local role service_role');
      return valeur<number>(tx, `select api.contacts_purger() as v`);
    });
    expect(modifie.constat).toBe(0);
  });

  test('import tout ou rien : une ligne refusée par la base, aucune n’est écrite', async () => {
    const lignes = [
      { nom: 'Imprimerie A (fictive)', code_naf: '18.12Z', commune_insee: '48095', commune_nom: 'Mende', departement: '48' },
      { nom: 'Imprimerie B (fictive)', code_naf: 'pas un code', commune_insee: '48095', commune_nom: 'Mende', departement: '48' },
    ];
    const { lignes: r, constat } = await en<{ r: unknown }>('authenticated', ALICE, `select api.carnet_importer($1) as r`, [JSON.stringify(lignes)], (tx) =>
      valeur(tx, `select count(*)::int as v from prive.organisations where nom like 'Imprimerie _ (fictive)'`),
    );
    expect(r[0]!.r).toEqual({ creees: 0, completees: 0, erreurs: [{ rang: 2, code: 'LIGNE_INVALIDE' }] });
    expect(constat).toBe(0);
    const ok = await en<{ r: unknown }>('authenticated', ALICE, `select api.carnet_importer($1) as r`, [JSON.stringify(lignes.slice(0, 1))]);
    expect(ok.lignes[0]!.r).toEqual({ creees: 1, completees: 0, erreurs: [] });
  });

  test('recherche : période et places libres (offres), compte par département sans le filtre de lieu', async () => {
    const r = await en<{ r: { total: number; par_departement: Record<string, number>; organisations: { nom: string; places_libres: number }[] } }>(
      'authenticated',
      ALICE,
      `select api.carnet_rechercher(p_places_libres => true) as r`,
    );
    expect(r.lignes[0]!.r.organisations).toEqual([expect.objectContaining({ nom: 'Atelier mécanique des Garrigues (fictif)', places_libres: 2 })]);
    const periode = await en<{ r: { total: number } }>(
      'authenticated',
      ALICE,
      `select api.carnet_rechercher(p_debut => current_date + 100, p_fin => current_date + 120) as r`,
    );
    expect(periode.lignes[0]!.r.total).toBe(0);
    const tout = await en<{ r: { total: number; par_departement: Record<string, number> } }>(
      'authenticated',
      ALICE,
      `select api.carnet_rechercher(p_departement => '30') as r`,
    );
    expect(tout.lignes[0]!.r).toMatchObject({ total: 2, par_departement: { '11': 1, '30': 2, '34': 1 } });
    await refuse(en('authenticated', ALICE, `select api.carnet_rechercher(p_limite => 500)`), 'REQUETE_INVALIDE');
    await refuse(en('authenticated', SANS_FICHE, `select api.carnet_rechercher()`), /NON_MEMBRE|SESSION_EXPIREE/);
  });
  /** Exécute sous un rôle et valide (vraie concurrence : chaque appel a sa connexion). */
  const valide = <T>(sub: string, sql: string, params: unknown[] = []) =>
    db.transaction(async (tx) => {
      await commeAppelant(tx, 'authenticated', sub);
      return (await tx.query<T>(sql, params)).rows[0]!;
    });
  /** Un SIRET valide (clé de Luhn) à partir de 13 chiffres. */
  const siret = (debut: string) => {
    for (let c = 0; c <= 9; c++) {
      const s = `${debut}${c}`;
      const somme = [...s].reduce((n, ch, i) => {
        const d = Number(ch) * (i % 2 ? 1 : 2);
        return n + (d > 9 ? d - 9 : d);
      }, 0);
      if (somme % 10 === 0) return s;
    }
    throw new Error('clé introuvable');
  };

  test.runIf(genre === 'postgres')(
    'fusions croisées simultanées (A ← B et B ← A) : une seule réussit, sans interblocage ni fiche perdue (PostgreSQL)',
    async () => {
      // Cinq paires de fiches de Mende, chacune avec un contact ; chaque paire est fusionnée dans les deux sens à la fois.
      const paires = Array.from({ length: 5 }, (_, k) => [`40000000-0000-4000-8000-0000000000${k}a`, `40000000-0000-4000-8000-0000000000${k}b`] as const);
      for (const [a, b] of paires) {
        await db.exec(`
        insert into prive.organisations (id, nom, code_naf, commune_insee, commune_nom, departement)
          values ('${a}', 'Scierie de Lozère (fictive)', '16.10A', '48095', 'Mende', '48'), ('${b}', 'Scierie Lozere (fictive)', '16.10A', '48095', 'Mende', '48');
        insert into prive.contacts (organisation_id, nom) values ('${a}', 'Contact A'), ('${b}', 'Contact B');`);
      }
      const fusion = `select api.organisations_fusionner($1, $2) as r`;
      const resultats = await Promise.allSettled(paires.flatMap(([a, b]) => [valide(ADMIN, fusion, [a, b]), valide(ADMIN, fusion, [b, a])]));
      const echecs = resultats.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason.message);
      expect(echecs).toEqual(Array(5).fill('ORGANISATION_INCONNUE'));
      for (const [a, b] of paires) {
        const { rows } = await db.query<{ id: string; contacts: number }>(
          `select o.id, (select count(*)::int from prive.contacts c where c.organisation_id = o.id) as contacts from prive.organisations o where o.id in ($1, $2)`,
          [a, b],
        );
        // Une fiche reste, avec les deux contacts.
        expect(rows).toHaveLength(1);
        expect(rows[0]!.contacts).toBe(2);
      }
    },
  );

  test.runIf(genre === 'postgres')('deux imports simultanés du même SIRET : un seul est écrit, l’autre est annulé en entier (PostgreSQL)', async () => {
    const commun = {
      nom: 'Menuiserie du Causse (fictive)',
      siret: siret('9990000077001'),
      code_naf: '16.23Z',
      commune_insee: '48095',
      commune_nom: 'Mende',
      departement: '48',
    };
    const propre = (n: number) => ({ ...commun, nom: `Menuiserie ${n} (fictive)`, siret: siret(`99900000600${n}1`) });
    const importer = (n: number) =>
      valide<{ r: unknown }>(n === 1 ? ALICE : MARIE, `select api.carnet_importer($1) as r`, [JSON.stringify([propre(n), commun])]);
    const [un, deux] = await Promise.all([importer(1), importer(2)]);
    const bilans = [un.r, deux.r] as { creees: number; erreurs: unknown[] }[];
    expect(bilans.map((b) => b.creees).sort(), JSON.stringify(bilans)).toEqual([0, 2]);
    expect(bilans.find((b) => b.creees === 0)!.erreurs).toEqual([{ rang: 2, code: 'DEJA_EXISTANT' }]);
    const { rows } = await db.query<{ nom: string }>(`select nom from prive.organisations where nom like 'Menuiserie % (fictive)' order by nom`);
    const gagnant = bilans[0]!.creees === 2 ? 1 : 2;
    // L'organisation commune une fois ; celle de l'import annulé, jamais.
    expect(rows.map((r) => r.nom)).toEqual([`Menuiserie ${gagnant} (fictive)`, 'Menuiserie du Causse (fictive)']);
  });
});
