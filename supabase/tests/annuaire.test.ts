// Annuaire : la visibilité de chaque champ est appliquée par la base, champ par champ et rôle par rôle ;
// recherche, « qui contacter », modification de sa fiche, administration et journal.
// Tourne sur PGlite, et aussi sur PostgreSQL quand DATABASE_URL est donné.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../local/base/base.ts';
import { creerBaseDeTest, GENRES_DE_BASE } from '../../local/tests/base-test.ts';
import { executeurSousRole } from '../../local/tests/sous-role.ts';
import { THEMES } from '../../src/schemas/guide.ts';

const ADMIN = '00000000-0000-4000-8000-000000000001';
const ORGA = '00000000-0000-4000-8000-000000000002';
const MEMBRE = '00000000-0000-4000-8000-000000000003';
const ALICE = '00000000-0000-4000-8000-000000000004';
const BRUNO = '00000000-0000-4000-8000-000000000005';

type Fiche = Record<string, unknown> & { id: string; etablissement: Record<string, string> | null };
type Recherche = { total: number; fiches: Fiche[]; departements: Record<string, number> };

describe.each(GENRES_DE_BASE)('annuaire sur %s', (genre) => {
  let db: Database;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    db = await creerBaseDeTest(genre);
    for (const r of (await db.query<{ id: string; user_id: string }>('select id, user_id from prive.membres')).rows) ids[r.user_id] = r.id;
  });
  afterAll(() => db?.close());

  const en = executeurSousRole(() => db);
  /** Une valeur unique renvoyée par une fonction (`select … as v`). */
  const v = async <T>(sub: string, sql: string, params: unknown[] = [], avant = '') =>
    (await en<{ v: T }>('authenticated', sub, `select ${sql} as v`, params, { avant }))[0]!.v;
  const erreur = (p: Promise<unknown>, code: string) => expect(p).rejects.toMatchObject({ message: code });

  test('les expertises possibles en base sont exactement les thèmes des guides', async () => {
    const [r] = (await db.query<{ t: string[] }>('select prive.themes_expertise() as t')).rows;
    expect(r!.t).toEqual(Object.keys(THEMES));
  });

  describe('visibilité champ par champ, rôle par rôle', () => {
    // Alice remplit tous ses champs ; on règle la visibilité d'un seul à la fois.
    const remplir = (champ: string, visibilite: string) => `
      update prive.membres set telephone = '04 99 99 99 04', presentation = 'Présentation d’Alice (fictive)', langues = '{anglais}',
        visibilites = jsonb_build_object('${champ}', '${visibilite}') where user_id = '${ALICE}';`;
    const valeur = (f: Fiche, champ: string) => {
      const x = f[champ];
      return Array.isArray(x) ? (x.length ? x : null) : x;
    };
    /** Ce qui trahirait la valeur d'un champ masqué, n'importe où dans la réponse. */
    const TRACES: Record<string, RegExp> = {
      email: /alice\.martin@/,
      telephone: /04 99 99 99 04/,
      etablissement: /0119901A|Remparts|Carcassonne/,
      secteurs: /Maintenance|Chaudronnerie/,
      expertises: /pfmp|mineurs/,
      presentation: /Présentation d’Alice/,
      langues: /anglais/,
      accompagne: /"accompagne":(true|false)/,
    };
    const CHAMPS = ['email', 'telephone', 'etablissement', 'secteurs', 'expertises', 'presentation', 'langues', 'accompagne'];
    const LECTEURS = [
      ['un membre', MEMBRE, { reseau: true, organisateurs: false, moi: false }],
      ['un organisateur', ORGA, { reseau: true, organisateurs: true, moi: false }],
      ['un administrateur', ADMIN, { reseau: true, organisateurs: true, moi: false }],
      ['la personne elle-même', ALICE, { reseau: true, organisateurs: true, moi: true }],
    ] as const;
    for (const champ of CHAMPS) {
      for (const visibilite of ['reseau', 'organisateurs', 'moi'] as const) {
        for (const [qui, sub, attendu] of LECTEURS) {
          test(`${champ} en « ${visibilite} » : ${qui} ${attendu[visibilite] ? 'le voit' : 'ne le voit pas'} (fiche et recherche)`, async () => {
            const fiche = await v<Fiche>(sub, 'api.annuaire_fiche($1)', [ids[ALICE]], remplir(champ, visibilite));
            const recherche = await v<Recherche>(sub, `api.annuaire_rechercher(p_q => 'alice martin')`, [], remplir(champ, visibilite));
            const trouvee = recherche.fiches.find((f) => f.id === ids[ALICE])!;
            if (attendu[visibilite]) {
              expect(valeur(fiche, champ)).not.toBeNull();
              expect(valeur(trouvee, champ)).not.toBeNull();
            } else {
              expect(valeur(fiche, champ)).toBeNull();
              expect(valeur(trouvee, champ)).toBeNull();
              expect(JSON.stringify([fiche, trouvee])).not.toMatch(TRACES[champ]!);
            }
          });
        }
      }
    }

    test('un champ masqué demandé explicitement : CHAMP_MASQUE, sans la valeur', async () => {
      await erreur(v(MEMBRE, `api.annuaire_fiche($1, '{telephone}')`, [ids[ALICE]], remplir('telephone', 'organisateurs')), 'CHAMP_MASQUE');
      expect(await v<Fiche>(ORGA, `api.annuaire_fiche($1, '{telephone}')`, [ids[ALICE]], remplir('telephone', 'organisateurs'))).toMatchObject({
        telephone: '04 99 99 99 04',
      });
    });
    test('un champ inconnu demandé explicitement : REQUETE_INVALIDE', () =>
      erreur(v(MEMBRE, `api.annuaire_fiche($1, '{role}')`, [ids[ALICE]]), 'REQUETE_INVALIDE'));

    test('filtrer par un champ masqué ne révèle rien (département, bassin, lycée, secteur, expertise)', async () => {
      const avant = `update prive.membres set visibilites = '{"etablissement":"moi","secteurs":"moi","expertises":"moi"}' where user_id = '${ALICE}';`;
      for (const filtre of [
        `p_departement => '11'`,
        `p_bassin => 'Carcassonne'`,
        `p_uai => '0119901A'`,
        `p_secteur => 'chaudronnerie'`,
        `p_expertise => 'mineurs'`,
      ]) {
        const r = await v<Recherche>(MEMBRE, `api.annuaire_rechercher(${filtre})`, [], avant);
        expect(
          r.fiches.map((f) => f.id),
          filtre,
        ).not.toContain(ids[ALICE]);
        const visible = await v<Recherche>(MEMBRE, `api.annuaire_rechercher(${filtre})`);
        expect(
          visible.fiches.map((f) => f.id),
          filtre,
        ).toContain(ids[ALICE]);
      }
    });

    test('la table ne se lit pas directement : ni téléphone, ni adresse, ni visibilités', async () => {
      for (const col of ['telephone', 'email', 'presentation', 'visibilites', 'expertises']) {
        await expect(en('authenticated', MEMBRE, `select ${col} from prive.membres`)).rejects.toMatchObject({ code: '42501' });
      }
    });
  });

  describe('recherche', () => {
    test('un anonyme ne cherche pas', () => expect(en('anon', null, 'select api.annuaire_rechercher()')).rejects.toMatchObject({ code: '42501' }));
    test('un membre désactivé ne cherche pas', () =>
      erreur(v(MEMBRE, 'api.annuaire_rechercher()', [], `update prive.membres set actif = false where user_id = '${MEMBRE}'`), 'NON_MEMBRE'));
    test('sans filtre : tous les membres actifs, comptés par département', async () => {
      const r = await v<Recherche>(MEMBRE, 'api.annuaire_rechercher()');
      expect(r.total).toBe(14);
      // David Roux montre son lycée aux seuls organisateurs : un membre compte 3 fiches dans l'Hérault.
      expect(r.departements).toEqual({ '11': 2, '30': 3, '34': 3, '48': 2, '66': 3 });
      expect((await v<Recherche>(ORGA, 'api.annuaire_rechercher()')).departements).toMatchObject({ '34': 4 });
    });
    test('par nom, sans accents ni majuscules', async () => {
      const r = await v<Recherche>(MEMBRE, `api.annuaire_rechercher(p_q => 'CHLOE')`);
      expect(r.fiches.map((f) => f.nom)).toEqual(['Bernard']);
    });
    test('par département et expertise ; la carte compte les autres départements', async () => {
      const r = await v<Recherche>(MEMBRE, `api.annuaire_rechercher(p_departement => '11', p_expertise => 'pfmp')`);
      expect(r.fiches.map((f) => f.nom)).toEqual(['Martin']);
      expect(r.departements).toMatchObject({ '11': 1, '30': 1, '66': 1 });
    });
    test('par bassin, lycée et secteur', async () => {
      expect((await v<Recherche>(MEMBRE, `api.annuaire_rechercher(p_bassin => 'Narbonne')`)).fiches.map((f) => f.nom)).toEqual(['Garcia']);
      expect((await v<Recherche>(MEMBRE, `api.annuaire_rechercher(p_uai => '0489901H')`)).fiches.map((f) => f.nom)).toEqual(['Fabre', 'Teissier']);
      expect((await v<Recherche>(MEMBRE, `api.annuaire_rechercher(p_secteur => 'hotellerie')`)).fiches.map((f) => f.nom)).toEqual(['Membre', 'Puig']);
    });
    test('nouveaux (moins de 60 jours) et volontaires pour accompagner', async () => {
      expect((await v<Recherche>(MEMBRE, `api.annuaire_rechercher(p_nouveaux => true)`)).fiches.map((f) => f.nom)).toEqual(['Soler', 'Teissier']);
      expect((await v<Recherche>(MEMBRE, `api.annuaire_rechercher(p_accompagne => true)`)).fiches.map((f) => f.nom)).toEqual([
        'Administratrice',
        'Bernard',
        'Fabre',
        'Martin',
      ]);
    });
    test('un membre désactivé disparaît de l’annuaire et sa fiche est introuvable', async () => {
      const avant = `update prive.membres set actif = false where user_id = '${ALICE}'`;
      expect((await v<Recherche>(MEMBRE, 'api.annuaire_rechercher()', [], avant)).total).toBe(13);
      await erreur(v(MEMBRE, 'api.annuaire_fiche($1)', [ids[ALICE]], avant), 'MEMBRE_INCONNU');
    });
    test('membre inconnu : MEMBRE_INCONNU', () => erreur(v(MEMBRE, 'api.annuaire_fiche($1)', [randomUUID()]), 'MEMBRE_INCONNU'));
    test('limite et expertise invalides : REQUETE_INVALIDE', async () => {
      await erreur(v(MEMBRE, 'api.annuaire_rechercher(p_limite => 0)'), 'REQUETE_INVALIDE');
      await erreur(v(MEMBRE, `api.annuaire_rechercher(p_expertise => 'cuisine')`), 'REQUETE_INVALIDE');
    });
  });

  describe('liste pour les organisateurs (CSV)', () => {
    test('un membre : INTERDIT ; un organisateur voit les champs « organisateurs », jamais « moi »', async () => {
      await erreur(v(MEMBRE, 'api.annuaire_liste_organisateurs()'), 'INTERDIT');
      const avant = `update prive.membres set telephone = '04 99 99 99 04', visibilites = '{"telephone":"moi"}' where user_id = '${ALICE}'`;
      const l = await v<Fiche[]>(ORGA, 'api.annuaire_liste_organisateurs()', [], avant);
      expect(l).toHaveLength(14);
      expect(l.find((f) => f.nom === 'Membre')).toMatchObject({ telephone: '04 00 00 00 03' });
      expect(JSON.stringify(l)).not.toContain('04 99 99 99 04');
    });
  });

  describe('qui contacter', () => {
    test('les membres dont l’expertise recoupe les thèmes, sans l’appelant', async () => {
      const r = await v<Fiche[]>(MEMBRE, `api.annuaire_qui_contacter('{pfmp,mineurs}')`);
      expect(r.map((f) => f.nom)).toEqual(['Martin', 'Benali', 'Vidal']);
    });
    test('une expertise masquée ne fait pas apparaître la personne', async () => {
      const r = await v<Fiche[]>(
        MEMBRE,
        `api.annuaire_qui_contacter('{pfmp,mineurs}')`,
        [],
        `update prive.membres set visibilites = '{"expertises":"organisateurs"}' where user_id = '${ALICE}'`,
      );
      expect(r.map((f) => f.nom)).not.toContain('Martin');
    });
    test('thème inconnu : REQUETE_INVALIDE', () => erreur(v(MEMBRE, `api.annuaire_qui_contacter('{cuisine}')`), 'REQUETE_INVALIDE'));
  });

  describe('ma fiche', () => {
    const modifier = `api.annuaire_modifier(p_prenom => 'Marie', p_nom => 'Membre', p_fonction => 'RBDE', p_uai => $1, p_telephone => '04 11 22 33 44',
      p_secteurs => '{Commerce}', p_expertises => $2, p_presentation => 'Bonjour', p_langues => '{anglais}', p_accompagne => true, p_visibilites => $3)`;
    test('le membre modifie sa fiche et choisit ses visibilités ; la date de mise à jour suit', async () => {
      const f = await v<Record<string, unknown>>(MEMBRE, modifier, ['0349901E', ['pfmp'], { telephone: 'moi' }]);
      expect(f).toMatchObject({ telephone: '04 11 22 33 44', uai: '0349901E', expertises: ['pfmp'], accompagne: true });
      expect(f.visibilites).toMatchObject({ telephone: 'moi', email: 'reseau' });
      expect(f.mis_a_jour_le).not.toBeNull();
    });
    test('lycée inconnu, expertise inconnue, visibilité inconnue, téléphone invalide : refusés', async () => {
      await erreur(v(MEMBRE, modifier, ['0349999Z', ['pfmp'], {}]), 'ETABLISSEMENT_INCONNU');
      await erreur(v(MEMBRE, modifier, ['0349901E', ['cuisine'], {}]), 'REQUETE_INVALIDE');
      await erreur(v(MEMBRE, modifier, ['0349901E', ['pfmp'], { telephone: 'tous' }]), 'REQUETE_INVALIDE');
      await erreur(v(MEMBRE, modifier, ['0349901E', ['pfmp'], { role: 'moi' }]), 'REQUETE_INVALIDE');
      await erreur(v(MEMBRE, modifier.replace("'04 11 22 33 44'", "'appelez-moi'"), ['0349901E', ['pfmp'], {}]), 'REQUETE_INVALIDE');
    });
    test('effacer ses données facultatives garde le nom, l’adresse et le lycée', async () => {
      const f = await v<Record<string, unknown>>(MEMBRE, 'api.annuaire_effacer()');
      expect(f).toMatchObject({
        telephone: null,
        secteurs: [],
        expertises: [],
        presentation: null,
        langues: [],
        accompagne: false,
        prenom: 'Marie',
        email: 'membre@exemple.test',
        uai: '0309901C',
      });
    });
    test('l’export contient toute la fiche et les actions d’administration me concernant', async () => {
      const avant = `insert into prive.journal_admin (auteur, action, cible, details) select a.id, 'changement_role', m.id, '{"avant":"membre","apres":"organisateur"}' from prive.membres a, prive.membres m where a.user_id = '${ADMIN}' and m.user_id = '${MEMBRE}'`;
      const e = await v<{ fiche: Record<string, unknown>; journal_administration: unknown[] }>(MEMBRE, 'api.annuaire_exporter()', [], avant);
      expect(e.fiche).toMatchObject({ email: 'membre@exemple.test', telephone: '04 00 00 00 03', visibilites: { telephone: 'organisateurs' } });
      expect(e.journal_administration).toHaveLength(1);
    });
  });

  describe('administration', () => {
    const nb = async (sql: string) => (await db.query<{ n: number }>(`select count(*)::int as n from ${sql}`)).rows[0]!.n;
    test('un membre ou un organisateur : INTERDIT partout, rien n’est écrit', async () => {
      for (const sub of [MEMBRE, ORGA]) {
        for (const appel of [
          'api.admin_membres()',
          'api.admin_journal()',
          'api.admin_desactiver($1)',
          'api.admin_reactiver($1)',
          `api.admin_changer_role($1, 'admin')`,
          'api.admin_journaliser_invitation($1)',
        ]) {
          const params = appel.includes('$1') ? [ids[BRUNO]] : [];
          await erreur(v(sub, appel, params), 'INTERDIT');
        }
      }
      expect(await nb('prive.journal_admin')).toBe(0);
    });
    test('un membre ne lit pas le journal directement', async () => {
      expect(
        await en('authenticated', MEMBRE, 'select * from prive.journal_admin', [], { avant: `insert into prive.journal_admin (action) values ('invitation')` }),
      ).toEqual([]);
      expect(
        await en('authenticated', ADMIN, 'select action from prive.journal_admin', [], {
          avant: `insert into prive.journal_admin (action) values ('invitation')`,
        }),
      ).toEqual([{ action: 'invitation' }]);
    });
    test('désactiver : la fiche disparaît, le code n’est plus envoyé, l’action est au journal', async () => {
      const [r] = await en<{ a: unknown; n: number; code: boolean; j: { action: string; cible: { nom: string } }[] }>(
        'authenticated',
        ADMIN,
        [
          `select api.admin_desactiver($1)`,
          `select (api.annuaire_rechercher() ->> 'total')::int as n,
                (select actif from prive.membres where id = $1) is false as code, api.admin_journal() as j`,
        ],
        [ids[BRUNO]],
      );
      expect(r!.n).toBe(13);
      expect(r!.code).toBe(true);
      expect(r!.j[0]).toMatchObject({ action: 'desactivation', cible: { nom: 'Garcia' } });
      const [d] = await en<{ d: boolean }>('service_role', null, `select api.membre_destinataire_code('bruno.garcia@exemple.test') as d`, [], {
        avant: `update prive.membres set actif = false where user_id = '${BRUNO}'`,
      });
      expect(d!.d).toBe(false);
    });
    test('changer un rôle, réactiver ; déjà fait : DEJA_FAIT', async () => {
      const [r] = await en<{ j: { action: string; details: unknown }[] }>(
        'authenticated',
        ADMIN,
        [`select api.admin_changer_role($1, 'organisateur')`, `select api.admin_journal() as j`],
        [ids[BRUNO]],
      );
      expect(r!.j[0]).toMatchObject({ action: 'changement_role', details: { avant: 'membre', apres: 'organisateur' } });
      await erreur(v(ADMIN, `api.admin_changer_role($1, 'membre')`, [ids[BRUNO]]), 'DEJA_FAIT');
      await erreur(v(ADMIN, `api.admin_reactiver($1)`, [ids[BRUNO]]), 'DEJA_FAIT');
    });
    test('le dernier administrateur ne perd pas son rôle ; un administrateur ne se désactive pas', async () => {
      await erreur(v(ADMIN, `api.admin_desactiver($1)`, [ids[ADMIN]]), 'INTERDIT');
      await erreur(v(ADMIN, `api.admin_changer_role($1, 'membre')`, [ids[ADMIN]]), 'DERNIER_ADMIN');
    });
    test('membre inconnu : MEMBRE_INCONNU', () => erreur(v(ADMIN, 'api.admin_desactiver($1)', [randomUUID()]), 'MEMBRE_INCONNU'));
  });

  describe('rappel annuel « toujours à jour ? »', () => {
    test('les fiches de plus d’un an, une seule fois : relancée, la tâche ne renvoie plus rien', async () => {
      // Seed : tous arrivés il y a 400 jours, fiches mises à jour il y a 30 jours, sauf deux nouveaux (12 jours)
      // et l'organisateur, qui n'a jamais complété sa fiche.
      const avant = `update prive.membres set fiche_modifiee_le = now() - interval '13 months' where user_id in ('${ALICE}', '${BRUNO}')`;
      const [r] = await en<{ v: { email: string }[] }>('service_role', null, `select api.fiches_a_rappeler() as v`, [], { avant });
      expect(r!.v.map((x) => x.email).sort()).toEqual(['alice.martin@exemple.test', 'bruno.garcia@exemple.test', 'organisation@exemple.test']);
      const [deux] = await en<{ v: unknown[] }>('service_role', null, [`select api.fiches_a_rappeler()`, `select api.fiches_a_rappeler() as v`], [], { avant });
      expect(deux!.v).toEqual([]);
    });
    test('un membre n’appelle pas la tâche', () =>
      expect(en('authenticated', ADMIN, 'select api.fiches_a_rappeler()')).rejects.toMatchObject({ code: '42501' }));
  });

  describe('purge des membres désactivés', () => {
    test('supprime ceux désactivés depuis plus de 3 mois, garde les autres', async () => {
      const avant = `update prive.membres set actif = false where user_id in ('${ALICE}', '${BRUNO}');
        update prive.membres set desactive_le = now() - interval '3 months 1 day' where user_id = '${ALICE}';`;
      const [r] = await en<{ p: { nombre: number; comptes: string[] } }>('service_role', null, `select api.membres_purger() as p`, [], { avant });
      expect(r!.p).toEqual({ nombre: 1, comptes: [ALICE] });
      const [n] = await en<{ reste: number }>('service_role', null, [`select api.membres_purger()`, `select count(*)::int as reste from prive.membres`], [], {
        avant,
      });
      expect(n!.reste).toBe(13);
    });
    test('un membre n’appelle pas la purge', () => expect(en('authenticated', ADMIN, 'select api.membres_purger()')).rejects.toMatchObject({ code: '42501' }));
  });
});

describe('droits d’exécution des fonctions de l’annuaire', () => {
  let db: Database;
  beforeAll(async () => {
    db = await creerBaseDeTest('pglite');
  });
  afterAll(() => db?.close());
  test('chaque fonction api de l’annuaire et de l’administration : ni PUBLIC ni anon ; authenticated ou service_role seulement', async () => {
    const { rows } = await db.query<{ f: string; anon: boolean; authenticated: boolean; service: boolean; public_: boolean }>(`
      select p.oid::regprocedure::text as f,
             has_function_privilege('anon', p.oid, 'execute') as anon,
             has_function_privilege('authenticated', p.oid, 'execute') as authenticated,
             has_function_privilege('service_role', p.oid, 'execute') as service,
             coalesce(exists (select 1 from aclexplode(p.proacl) a where a.grantee = 0 and a.privilege_type = 'EXECUTE'), true) as public_
        from pg_proc p join pg_namespace n on n.oid = p.pronamespace
       where n.nspname = 'api' and (p.proname like 'annuaire\\_%' or p.proname like 'admin\\_%' or p.proname in ('membres_purger', 'moi', 'fiches_a_rappeler'))
       order by 1`);
    expect(rows.length).toBe(19);
    for (const r of rows) {
      expect(r.public_, r.f).toBe(false);
      expect(r.anon, r.f).toBe(false);
      expect(r.authenticated, r.f).toBe(!['api.membres_purger()', 'api.fiches_a_rappeler(integer)'].includes(r.f));
    }
    expect(rows.find((r) => r.f === 'api.membres_purger()')!.service).toBe(true);
  });
});
