// Rencontres en SQL : publication, inscription, liste d'attente, annulation et promotion, droits
// rôle par rôle. Sur PGlite, et sur PostgreSQL quand DATABASE_URL est donné ; les courses seulement
// sur PostgreSQL (PGlite n'exécute qu'une transaction à la fois : une course n'y prouve rien).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../local/base/base.ts';
import { creerBaseDeTest, GENRES_DE_BASE } from '../../local/tests/base-test.ts';
import { executeurSousRole, type Role } from '../../local/tests/sous-role.ts';
import { enHeureDeParis, type RencontrePubliee } from '../../src/lib/rencontres.ts';

const ADMIN = '00000000-0000-4000-8000-000000000001';
const ORGA = '00000000-0000-4000-8000-000000000002';
const MARIE = '00000000-0000-4000-8000-000000000003';
const ALICE = '00000000-0000-4000-8000-000000000004';
const BRUNO = '00000000-0000-4000-8000-000000000005';
const CHLOE = '00000000-0000-4000-8000-000000000006';

const jour = 86_400_000;

/** Une rencontre d'essai ouverte aux inscriptions : deux créneaux, un atelier de 2 places. */
export function rencontreEssai(slug = 'essai', { ouverte = true, capacitePetit = 2 } = {}): RencontrePubliee {
  const maintenant = Date.now();
  return {
    slug,
    titre: 'Rencontre d’essai',
    lieu: 'Lycée d’essai, 1 rue X, Montpellier',
    debut: enHeureDeParis(new Date(maintenant + 20 * jour)),
    fin: enHeureDeParis(new Date(maintenant + 20 * jour + 3_600_000)),
    ouverture: enHeureDeParis(new Date(maintenant - (ouverte ? 1 : 10) * jour)),
    fermeture: enHeureDeParis(new Date(maintenant + (ouverte ? 10 : -5) * jour)),
    mode: 'premier_arrive',
    questions: { repas: true, regime: true, accessibilite: true },
    ateliers: [
      { code: 'petit', creneau: 'c1', creneau_libelle: 'Début d’après-midi', titre: 'Atelier à deux places', salle: 'S1', capacite: capacitePetit },
      { code: 'grand', creneau: 'c1', creneau_libelle: 'Début d’après-midi', titre: 'Grand atelier', salle: 'S2', capacite: 30 },
      { code: 'fin', creneau: 'c2', creneau_libelle: 'Fin d’après-midi', titre: 'Atelier de fin de journée', salle: 'S1', capacite: 30 },
    ],
  };
}

interface Detail {
  id: string;
  ateliers: { atelier: string; statut: string; position: number | null }[];
}
interface Resultat {
  inscription: Detail;
  promus: { email: string; atelier: string }[];
  modifiee?: boolean;
}

describe.each(GENRES_DE_BASE)('rencontres sur %s', (genre) => {
  let db: Database;
  beforeAll(async () => {
    db = await creerBaseDeTest(genre);
  });
  afterAll(() => db?.close());

  const en = executeurSousRole(() => db);
  const v = async <T>(role: Role, sub: string | null, sql: string, params: unknown[] = []) =>
    (await en<{ v: T }>(role, sub, sql, params, { valider: true }))[0]!.v;
  const publier = (r: RencontrePubliee) => v<{ promus: number }>('service_role', null, 'select api.rencontre_publier($1) as v', [JSON.stringify(r)]);
  const inscrire = (sub: string, ateliers: string[], slug = 'essai', reponses: unknown = {}) =>
    v<Resultat>('authenticated', sub, 'select api.inscrire($1, $2, $3) as v', [slug, ateliers, JSON.stringify(reponses)]);
  const annuler = (sub: string, atelier: string | null = null, slug = 'essai') =>
    v<Resultat>('authenticated', sub, 'select api.annuler($1, $2) as v', [slug, atelier]);
  const etat = async () =>
    (
      await db.query<{ e: string }>(
        `select (select count(*) from prive.inscriptions)::text || '/' || (select count(*) from prive.choix_ateliers)::text || '/' ||
                (select coalesce(string_agg(statut::text, ',' order by rang), '') from prive.choix_ateliers) as e`,
      )
    ).rows[0]!.e;
  const vider = () => db.exec(`delete from prive.choix_ateliers; delete from prive.inscriptions; delete from prive.ateliers; delete from prive.rencontres;`);
  const refuse = (p: Promise<unknown>, code: string) => expect(p).rejects.toMatchObject({ code: 'P0001', message: code });

  describe('publication', () => {
    beforeAll(vider);
    test('est idempotente : republier ne crée rien de plus', async () => {
      await publier(rencontreEssai());
      const avant = (await db.query<{ id: string }>('select id from prive.ateliers order by code')).rows;
      await publier(rencontreEssai());
      expect((await db.query<{ id: string }>('select id from prive.ateliers order by code')).rows).toEqual(avant);
      expect((await db.query<{ n: number }>('select count(*)::int as n from prive.rencontres')).rows[0]!.n).toBe(1);
    });
    test('convertit les heures de Paris (heure d’hiver et d’été)', async () => {
      await publier({ ...rencontreEssai('hiver'), debut: '2027-01-15T09:00', fin: '2027-01-15T17:00', ouverture: null, fermeture: null, ateliers: [] });
      await publier({ ...rencontreEssai('ete'), debut: '2027-07-15T09:00', fin: '2027-07-15T17:00', ouverture: null, fermeture: null, ateliers: [] });
      const { rows } = await db.query<{ slug: string; h: string }>(
        `select slug, to_char(debut at time zone 'UTC', 'HH24:MI') as h from prive.rencontres where slug in ('hiver', 'ete') order by slug`,
      );
      expect(rows).toEqual([
        { slug: 'ete', h: '07:00' },
        { slug: 'hiver', h: '08:00' },
      ]);
    });
    test('refuse une capacité inférieure aux places confirmées, en nommant l’atelier', async () => {
      await inscrire(MARIE, ['petit']);
      await inscrire(ALICE, ['petit']);
      await expect(publier(rencontreEssai('essai', { capacitePetit: 1 }))).rejects.toMatchObject({
        message: 'CAPACITE_INSUFFISANTE',
        detail: 'L’atelier « Atelier à deux places » (petit) a déjà 2 place(s) confirmée(s) : sa capacité ne peut pas descendre à 1.',
      });
      expect((await db.query<{ c: number }>(`select capacite as c from prive.ateliers where code = 'petit'`)).rows[0]!.c).toBe(2);
    });
    test('refuse de retirer un atelier qui a des inscrits', async () => {
      const r = rencontreEssai();
      await expect(publier({ ...r, ateliers: r.ateliers.filter((a) => a.code !== 'petit') })).rejects.toMatchObject({ message: 'ATELIER_RETIRE' });
    });
    test('une capacité augmentée fait entrer les premiers en attente', async () => {
      await inscrire(BRUNO, ['petit']);
      expect(await etat()).toBe('3/3/confirmee,confirmee,en_attente');
      expect((await publier(rencontreEssai('essai', { capacitePetit: 3 }))).promus).toBe(1);
      expect(await etat()).toBe('3/3/confirmee,confirmee,confirmee');
    });
    test('un membre ne publie pas', () =>
      expect(en('authenticated', ORGA, 'select api.rencontre_publier($1)', [JSON.stringify(rencontreEssai())])).rejects.toMatchObject({ code: '42501' }));
  });

  describe('inscription', () => {
    beforeAll(async () => {
      await vider();
      await publier(rencontreEssai());
      await publier(rencontreEssai('fermee', { ouverte: false }));
      await publier({
        ...rencontreEssai('autre'),
        ateliers: [{ code: 'ailleurs', creneau: 'c1', creneau_libelle: 'Matin', titre: 'Atelier d’une autre rencontre', salle: 'S', capacite: 5 }],
      });
    });

    test('confirme tant qu’il reste des places, puis met en attente avec une position', async () => {
      const a = await inscrire(MARIE, ['petit', 'fin'], 'essai', { repas: true, regime: 'végétarien' });
      expect(a.modifiee).toBe(true);
      expect(a.inscription.ateliers.map((x) => [x.atelier, x.statut, x.position])).toEqual([
        ['petit', 'confirmee', null],
        ['fin', 'confirmee', null],
      ]);
      await inscrire(ALICE, ['petit']);
      const c = await inscrire(BRUNO, ['petit']);
      expect(c.inscription.ateliers).toEqual([expect.objectContaining({ atelier: 'petit', statut: 'en_attente', position: 1 })]);
      const d = await inscrire(CHLOE, ['petit']);
      expect(d.inscription.ateliers[0]!.position).toBe(2);
    });

    test('un double envoi ne change rien', async () => {
      const avant = await etat();
      const r = await inscrire(MARIE, ['petit', 'fin'], 'essai', { repas: true, regime: 'végétarien' });
      expect(r.promus).toEqual([]);
      expect(r.modifiee).toBe(false);
      expect(await etat()).toBe(avant);
    });

    test('places restantes : lisibles par un anonyme, des nombres sans aucun nom', async () => {
      const places = await v<{ ouverte: boolean; ateliers: { atelier: string; restantes: number; en_attente: number }[] }>(
        'anon',
        null,
        `select api.rencontre_places('essai') as v`,
      );
      expect(places.ouverte).toBe(true);
      expect(places.ateliers.map((a) => [a.atelier, a.restantes, a.en_attente])).toEqual([
        ['petit', 0, 2],
        ['grand', 30, 0],
        ['fin', 29, 0],
      ]);
      expect(JSON.stringify(places)).not.toMatch(/@/);
    });

    test('changer d’atelier dans un créneau libère la place : le premier en attente est promu, et nommé', async () => {
      const r = await inscrire(ALICE, ['grand']);
      expect(r.inscription.ateliers.map((x) => [x.atelier, x.statut])).toEqual([['grand', 'confirmee']]);
      expect(r.promus).toEqual([expect.objectContaining({ email: 'bruno.garcia@exemple.test', atelier: 'petit' })]);
      const chloe = await v<Detail[]>('authenticated', CHLOE, 'select api.mes_inscriptions() as v');
      expect(chloe[0]!.ateliers[0]).toMatchObject({ statut: 'en_attente', position: 1 });
    });

    test('annuler une place confirmée promeut le premier en attente, dans la même transaction', async () => {
      const r = await annuler(BRUNO);
      expect(r.promus).toEqual([expect.objectContaining({ email: 'chloe.bernard@exemple.test', atelier: 'petit' })]);
      expect(await v<Detail[]>('authenticated', BRUNO, 'select api.mes_inscriptions() as v')).toEqual([]);
      const { rows } = await db.query<{ n: number }>(
        `select count(*)::int as n from prive.choix_ateliers c join prive.ateliers t on t.id = c.atelier_id where t.code = 'petit' and c.statut = 'confirmee'`,
      );
      expect(rows[0]!.n).toBe(2);
    });

    test('annuler une place en attente ne promeut personne', async () => {
      await inscrire(BRUNO, ['petit']);
      expect((await annuler(BRUNO, 'petit')).promus).toEqual([]);
    });

    test('on peut se réinscrire après une annulation (même inscription)', async () => {
      const r = await inscrire(BRUNO, ['fin']);
      expect(r.inscription.ateliers[0]!.statut).toBe('confirmee');
      expect(
        (
          await db.query<{ n: number }>(
            `select count(*)::int as n from prive.inscriptions i join auth.users u on u.id = (select user_id from prive.membres where id = i.membre_id) where u.id = $1`,
            [BRUNO],
          )
        ).rows[0]!.n,
      ).toBe(1);
    });

    describe('entrées refusées, rien d’écrit', () => {
      const cas: [string, () => Promise<unknown>, string][] = [
        ['une rencontre inconnue', () => inscrire(MARIE, ['petit'], 'inconnue'), 'RENCONTRE_INCONNUE'],
        ['un atelier inconnu', () => inscrire(MARIE, ['nulle-part']), 'ATELIER_INCONNU'],
        ['un atelier d’une autre rencontre', () => inscrire(MARIE, ['ailleurs']), 'ATELIER_INCONNU'],
        ['deux ateliers du même créneau', () => inscrire(MARIE, ['petit', 'grand']), 'MEME_CRENEAU'],
        ['des inscriptions closes', () => inscrire(MARIE, ['petit'], 'fermee'), 'INSCRIPTIONS_FERMEES'],
        ['une liste vide', () => inscrire(MARIE, []), 'REQUETE_INVALIDE'],
        ['l’annulation sans inscription', () => annuler(ADMIN), 'NON_INSCRIT'],
        ['l’annulation d’un atelier inconnu', () => annuler(MARIE, 'nulle-part'), 'ATELIER_INCONNU'],
        ['l’annulation d’un atelier où l’on n’est pas', () => annuler(MARIE, 'grand'), 'NON_INSCRIT'],
        [
          'la liste des participants demandée par un membre',
          () => v('authenticated', MARIE, `select api.rencontre_participants('essai') as v`),
          'ORGANISATEUR_REQUIS',
        ],
        ['le pointage par un membre', () => v('authenticated', MARIE, `select api.pointer('essai', gen_random_uuid(), true) as v`), 'ORGANISATEUR_REQUIS'],
        ['le pointage d’une inscription inconnue', () => v('authenticated', ORGA, `select api.pointer('essai', gen_random_uuid(), true) as v`), 'NON_INSCRIT'],
      ];
      for (const [libelle, appel, code] of cas) {
        test(`refuse ${libelle} (${code})`, async () => {
          const avant = await etat();
          await refuse(appel(), code);
          expect(await etat()).toBe(avant);
        });
      }
      test('refuse un compte sans fiche de membre (NON_MEMBRE)', async () => {
        const sansFiche = '00000000-0000-4000-8000-0000000000fe';
        await db.query(`insert into auth.users (id, email) values ($1, 'sans.fiche.r@exemple.test') on conflict do nothing`, [sansFiche]);
        const avant = await etat();
        await refuse(inscrire(sansFiche, ['petit']), 'NON_MEMBRE');
        expect(await etat()).toBe(avant);
      });
      test('refuse un membre désactivé (NON_MEMBRE)', async () => {
        await db.query(`update prive.membres set actif = false where user_id = $1`, [ADMIN]);
        try {
          await refuse(inscrire(ADMIN, ['grand']), 'NON_MEMBRE');
        } finally {
          await db.query(`update prive.membres set actif = true where user_id = $1`, [ADMIN]);
        }
      });
    });

    test('un organisateur voit les confirmés, l’attente et les réponses ; il pointe', async () => {
      const p = await v<{
        ateliers: { atelier: string; confirmes: { nom: string; inscription: string }[]; attente: unknown[] }[];
        inscrits: { nom: string; regime: string | null; present: boolean }[];
      }>('authenticated', ORGA, `select api.rencontre_participants('essai') as v`);
      const petit = p.ateliers.find((a) => a.atelier === 'petit')!;
      expect(petit.confirmes.map((c) => c.nom).sort()).toEqual(['Bernard', 'Membre']);
      expect(p.inscrits.find((i) => i.nom === 'Membre')!.regime).toBe('végétarien');
      const id = petit.confirmes.find((c) => c.nom === 'Membre')!.inscription;
      expect(await v('authenticated', ORGA, `select api.pointer('essai', $1, true) as v`, [id])).toEqual({ inscription: id, present: true });
      expect(await v('authenticated', ORGA, `select api.pointer('essai', $1, true) as v`, [id])).toEqual({ inscription: id, present: true });
      expect(await v('authenticated', ADMIN, `select api.pointer('essai', $1, false) as v`, [id])).toEqual({ inscription: id, present: false });
    });
  });

  describe('RLS table par table', () => {
    for (const table of ['prive.rencontres', 'prive.ateliers', 'prive.inscriptions', 'prive.choix_ateliers']) {
      test(`${table} : un anonyme ne lit rien`, () => expect(en('anon', null, `select * from ${table}`)).rejects.toMatchObject({ code: '42501' }));
      test(`${table} : un membre n’écrit rien directement`, async () => {
        await expect(en('authenticated', MARIE, `delete from ${table}`)).rejects.toMatchObject({ code: '42501' });
        await expect(en('authenticated', ORGA, `update ${table} set id = id`)).rejects.toMatchObject({ code: '42501' });
      });
      test(`${table} : le rôle de service lit`, async () => {
        expect((await en('service_role', null, `select count(*) from ${table}`)).length).toBe(1);
      });
    }
    test('un membre voit le programme, mais seulement ses propres inscriptions et choix', async () => {
      expect(
        (await en('authenticated', MARIE, `select code from prive.ateliers where rencontre_id = (select id from prive.rencontres where slug = 'essai')`))
          .length,
      ).toBe(3);
      const mesInsc = await en<{ membre_id: string }>('authenticated', MARIE, 'select membre_id from prive.inscriptions');
      expect(new Set(mesInsc.map((i) => i.membre_id)).size).toBe(1);
      const total = (await db.query<{ n: number }>('select count(*)::int as n from prive.choix_ateliers')).rows[0]!.n;
      const miens = (await en('authenticated', MARIE, 'select id from prive.choix_ateliers')).length;
      expect(miens).toBeGreaterThan(0);
      expect(miens).toBeLessThan(total);
    });
    test('un organisateur voit toutes les inscriptions et tous les choix', async () => {
      const total = (await db.query<{ n: number }>('select count(*)::int as n from prive.choix_ateliers')).rows[0]!.n;
      expect((await en('authenticated', ORGA, 'select id from prive.choix_ateliers')).length).toBe(total);
    });
    test('la réponse d’accessibilité n’est lisible dans la table par personne, pas même un organisateur', async () => {
      await expect(en('authenticated', ORGA, 'select accessibilite from prive.inscriptions')).rejects.toMatchObject({ code: '42501' });
      await expect(en('authenticated', MARIE, 'select accessibilite from prive.inscriptions')).rejects.toMatchObject({ code: '42501' });
    });
    test('un membre n’appelle pas directement les fonctions internes avec un autre membre', async () => {
      await expect(en('authenticated', MARIE, `select prive.liberer_place(gen_random_uuid(), gen_random_uuid())`)).rejects.toMatchObject({ code: '42501' });
    });
  });

  describe('droits d’exécution (has_function_privilege)', () => {
    const attendus: [string, Role[]][] = [
      ['api.rencontre_publier(jsonb)', ['service_role']],
      ['api.inscrire(text, text[], jsonb)', ['authenticated']],
      ['api.annuler(text, text)', ['authenticated']],
      ['api.mes_inscriptions()', ['authenticated']],
      ['api.rencontre_places(text)', ['anon', 'authenticated', 'service_role']],
      ['api.rencontre_participants(text)', ['authenticated']],
      ['api.pointer(text, uuid, boolean)', ['authenticated']],
      ['prive.inscrire(text, text[], jsonb)', ['authenticated']],
      ['prive.annuler(text, text)', ['authenticated']],
      ['prive.liberer_place(uuid, uuid)', []],
      ['prive.inscription_detail(uuid)', []],
      ['prive.mes_inscriptions()', ['authenticated']],
      ['prive.rencontre_places(text)', ['anon', 'authenticated', 'service_role']],
      ['prive.rencontre_participants(text)', ['authenticated']],
      ['prive.pointer(text, uuid, boolean)', ['authenticated']],
      ['prive.membre_courant()', ['authenticated']],
    ];
    for (const [fn, roles] of attendus) {
      test(`${fn} : exécutable par ${roles.join(', ') || 'personne (hors propriétaire)'}`, async () => {
        for (const role of ['anon', 'authenticated', 'service_role', 'public'] as const) {
          const { rows } = await db.query<{ ok: boolean }>(
            role === 'public'
              ? `select exists (select 1 from pg_proc p, aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a where p.oid = $1::regprocedure and a.grantee = 0 and a.privilege_type = 'EXECUTE') as ok`
              : `select has_function_privilege($2, $1, 'execute') as ok`,
            role === 'public' ? [fn] : [fn, role],
          );
          expect({ role, ok: rows[0]!.ok }).toEqual({ role, ok: (roles as string[]).includes(role) });
        }
      });
    }
  });

  // Une course ne se prouve que sur PostgreSQL : PGlite exécute une transaction à la fois.
  describe.runIf(genre === 'postgres')('courses (PostgreSQL)', () => {
    const TEMPETES = Number(process.env.RBDE_TEMPETES ?? 20);
    const PAR_TEMPETE = 500;
    let pool: import('pg').Pool;
    let membres: string[] = [];

    beforeAll(async () => {
      const { default: pg } = await import('pg');
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${(await db.query<{ d: string }>('select current_database() as d')).rows[0]!.d}`;
      // 40 connexions : assez pour que des centaines de transactions se disputent le verrou, sans
      // épuiser le serveur partagé (max_connections = 100).
      pool = new pg.Pool({ connectionString: url.toString(), max: 40 });
      // La base jetable est supprimée « with (force) » en fin de fichier : une connexion encore en
      // train de se fermer reçoit alors 57P01, qu'un pool sans écouteur lèverait hors de tout test.
      pool.on('error', () => {});
      const { rows } = await pool.query<{ id: string }>(
        `with u as (insert into auth.users (id, email) select gen_random_uuid(), 'course' || g || '@exemple.test' from generate_series(1, $1) g returning id, email)
         insert into prive.membres (user_id, email, prenom, nom) select id, email, 'Course', email from u returning user_id as id`,
        [PAR_TEMPETE],
      );
      membres = rows.map((r) => r.id);
      await pool.query(`insert into auth.sessions (id, user_id) select id, id from unnest($1::uuid[]) id`, [membres]);
    }, 120_000);
    afterAll(() => pool?.end());

    /** Un appel comme le remplaçant de PostgREST : une transaction, rôle authenticated, revendications. */
    async function appel<T>(sub: string, sql: string, params: unknown[]): Promise<T> {
      const c = await pool.connect();
      try {
        await c.query('begin');
        await c.query('set local role authenticated');
        await c.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify({ sub, role: 'authenticated', session_id: sub })]);
        const r = (await c.query<{ v: T }>(sql, params)).rows[0]!.v;
        await c.query('commit');
        return r;
      } catch (e) {
        await c.query('rollback').catch(() => {});
        throw e;
      } finally {
        c.release();
      }
    }

    test(`${TEMPETES} tempêtes de ${PAR_TEMPETE} inscriptions simultanées pour 30 places : exactement 30 confirmées, les autres en attente dans l’ordre, aucun doublon, aucun interblocage`, async () => {
      for (let t = 0; t < TEMPETES; t++) {
        const slug = `tempete-${t}`;
        await publier({
          ...rencontreEssai(slug),
          ateliers: [{ code: 'trente', creneau: 'c1', creneau_libelle: 'Après-midi', titre: 'Atelier de trente places', salle: 'S', capacite: 30 }],
        });
        // Chaque membre envoie deux fois (double clic) : 1 000 appels simultanés.
        const appels = membres.flatMap((m) => [m, m]).map((m) => appel<Resultat>(m, 'select api.inscrire($1, $2) as v', [slug, ['trente']]));
        const resultats = await Promise.allSettled(appels);
        const echecs = resultats.filter((r) => r.status === 'rejected');
        expect(echecs.map((e) => (e as PromiseRejectedResult).reason?.message)).toEqual([]);
        const { rows } = await pool.query<{ statut: string; rang: string; n: number; position: number | null }>(
          `select c.statut, c.rang::text as rang, count(*) over (partition by c.inscription_id)::int as n,
                    case when c.statut = 'en_attente' then row_number() over (partition by c.statut order by c.rang) end::int as position
               from prive.choix_ateliers c join prive.ateliers t on t.id = c.atelier_id join prive.rencontres r on r.id = t.rencontre_id
              where r.slug = $1 order by c.rang`,
          [slug],
        );
        expect(rows).toHaveLength(PAR_TEMPETE);
        expect(rows.filter((r) => r.n > 1)).toEqual([]);
        expect(rows.filter((r) => r.statut === 'confirmee')).toHaveLength(30);
        // L'ordre des décisions : les 30 premiers rangs sont les confirmés, puis l'attente 1, 2, 3…
        expect(rows.slice(0, 30).every((r) => r.statut === 'confirmee')).toBe(true);
        expect(rows.slice(30).map((r) => r.position)).toEqual(Array.from({ length: PAR_TEMPETE - 30 }, (_, i) => i + 1));
      }
    }, 600_000);

    test('annulations et promotions simultanées : jamais plus de 30 confirmés, l’attente avance dans l’ordre', async () => {
      const slug = 'tempete-0';
      const confirmes = (
        await pool.query<{ user_id: string }>(
          `select m.user_id from prive.choix_ateliers c join prive.inscriptions i on i.id = c.inscription_id join prive.membres m on m.id = i.membre_id
           join prive.rencontres r on r.id = i.rencontre_id where r.slug = $1 and c.statut = 'confirmee'`,
          [slug],
        )
      ).rows.map((r) => r.user_id);
      const attente = (
        await pool.query<{ user_id: string }>(
          `select m.user_id from prive.choix_ateliers c join prive.inscriptions i on i.id = c.inscription_id join prive.membres m on m.id = i.membre_id
           join prive.rencontres r on r.id = i.rencontre_id where r.slug = $1 and c.statut = 'en_attente' order by c.rang`,
          [slug],
        )
      ).rows.map((r) => r.user_id);
      // 20 confirmés et 50 en attente annulent en même temps que 100 nouveaux essais d'inscription.
      const annulations = [...confirmes.slice(0, 20), ...attente.slice(100, 150)];
      const resultats = await Promise.allSettled([
        ...annulations.map((m) => appel<Resultat>(m, 'select api.annuler($1) as v', [slug])),
        ...attente.slice(200, 300).map((m) => appel<Resultat>(m, 'select api.inscrire($1, $2) as v', [slug, ['trente']])),
      ]);
      expect(resultats.filter((r) => r.status === 'rejected').map((r) => (r as PromiseRejectedResult).reason?.message)).toEqual([]);
      const promus = resultats.slice(0, annulations.length).flatMap((r) => (r as PromiseFulfilledResult<Resultat>).value.promus.map((p) => p.email));
      expect(promus).toHaveLength(20);
      expect(new Set(promus).size).toBe(20);
      const { rows } = await pool.query<{ statut: string; email: string }>(
        `select c.statut, m.email from prive.choix_ateliers c join prive.inscriptions i on i.id = c.inscription_id join prive.membres m on m.id = i.membre_id
           join prive.rencontres r on r.id = i.rencontre_id where r.slug = $1 and c.statut <> 'annulee' order by c.rang`,
        [slug],
      );
      expect(rows.filter((r) => r.statut === 'confirmee')).toHaveLength(30);
      // Les promus sont les 20 premiers de l'attente (ceux qui n'ont pas annulé).
      const premiers = (
        await pool.query<{ email: string }>(`select email from prive.membres where user_id = any($1::uuid[])`, [attente.slice(0, 20)])
      ).rows.map((r) => r.email);
      expect(new Set(promus)).toEqual(new Set(premiers));
    }, 120_000);
  });
});

describe.each(GENRES_DE_BASE)('conservation des inscriptions sur %s', (genre) => {
  let db: Database;
  beforeAll(async () => {
    db = await creerBaseDeTest(genre);
  });
  afterAll(() => db?.close());

  test('réponses facultatives effacées 30 jours après la rencontre, inscription supprimée un an après, et rien d’autre', async () => {
    const base = rencontreEssai('conservation');
    await db.transaction(async (tx) => {
      await tx.exec('set local role service_role');
      for (const [slug, jours] of [
        ['recente', 10],
        ['mois', 40],
        ['an', 400],
      ] as const) {
        const d = new Date(Date.now() - jours * 86_400_000);
        await tx.query('select api.rencontre_publier($1)', [
          JSON.stringify({ ...base, slug, debut: enHeureDeParis(new Date(d.getTime() - 3_600_000)), fin: enHeureDeParis(d), ouverture: null, fermeture: null }),
        ]);
      }
      await tx.query(`insert into prive.inscriptions (rencontre_id, membre_id, repas, regime, accessibilite)
        select r.id, m.id, true, 'végétarien', 'fauteuil' from prive.rencontres r, prive.membres m where m.email = 'membre@exemple.test'`);
    });
    const purger = () =>
      db.transaction(async (tx) => {
        await tx.exec('set local role service_role');
        return (await tx.query<{ v: unknown }>('select api.rencontres_purger() as v')).rows[0]!.v;
      });
    expect(await purger()).toEqual({ reponses_effacees: 2, inscriptions_supprimees: 1 });
    const { rows } = await db.query<{ slug: string; regime: string | null; accessibilite: string | null }>(
      `select r.slug, i.regime, i.accessibilite from prive.inscriptions i join prive.rencontres r on r.id = i.rencontre_id order by r.slug`,
    );
    expect(rows).toEqual([
      { slug: 'mois', regime: null, accessibilite: null },
      { slug: 'recente', regime: 'végétarien', accessibilite: 'fauteuil' },
    ]);
    expect(await purger()).toEqual({ reponses_effacees: 0, inscriptions_supprimees: 0 });
  });

  test('seul le rôle de service purge', async () => {
    const { rows } = await db.query<{ a: boolean; m: boolean; s: boolean }>(
      `select has_function_privilege('anon', 'api.rencontres_purger()', 'execute') as a, has_function_privilege('authenticated', 'api.rencontres_purger()', 'execute') as m,
              has_function_privilege('service_role', 'api.rencontres_purger()', 'execute') as s`,
    );
    expect(rows[0]).toEqual({ a: false, m: false, s: true });
  });
});
