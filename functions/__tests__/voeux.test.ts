// Routes des vœux classés : vœux d'un membre, aperçu puis publication de l'attribution par un
// organisateur, et chaque entrée refusée (rôle, fenêtre, déjà publié, créneau, doublons), sans écriture.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/tests/pile-test.ts';
import { enHeureDeParis, type RencontrePubliee } from '../../src/lib/rencontres.ts';
import { allouer } from '../_lib/rencontres/allocation.ts';
import apercu from '../rencontres-allocation-apercu.ts';
import publier from '../rencontres-allocation-publier.ts';
import inscrire from '../rencontres-inscription-creer.ts';
import enregistrer from '../rencontres-voeux-enregistrer.ts';
import lireVoeux from '../rencontres-voeux-lire.ts';
import { contexte, requete, seConnecter, testerEntreesInvalides, type Handler } from './aide.fixture.ts';

const jour = 86_400_000;
function rencontre(slug: string, etat: 'ouverte' | 'close', mode: 'voeux' | 'premier_arrive' = 'voeux'): RencontrePubliee {
  const t = Date.now();
  return {
    slug,
    titre: `Rencontre « ${slug} »`,
    lieu: 'Lycée d’essai (fictif), Montpellier',
    debut: enHeureDeParis(new Date(t + 20 * jour)),
    fin: enHeureDeParis(new Date(t + 20 * jour + 3 * 3_600_000)),
    ouverture: enHeureDeParis(new Date(t - 10 * jour)),
    fermeture: enHeureDeParis(new Date(t + (etat === 'ouverte' ? 10 : -1) * jour)),
    mode,
    questions: { repas: false, regime: false, accessibilite: false },
    ateliers: [
      { code: 'x', creneau: 'c1', creneau_libelle: 'Début d’après-midi', titre: 'Atelier X', salle: 'S1', capacite: 1 },
      { code: 'y', creneau: 'c1', creneau_libelle: 'Début d’après-midi', titre: 'Atelier Y', salle: 'S2', capacite: 1 },
      { code: 'z', creneau: 'c2', creneau_libelle: 'Fin d’après-midi', titre: 'Atelier Z', salle: 'S1', capacite: 1 },
    ],
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- corps JSON des réponses : leur forme est ce que les assertions vérifient.
type Corps = Record<string, any>;

const MEMBRE = 'membre@exemple.test';
const ALICE = 'alice.martin@exemple.test';
const BRUNO = 'bruno.garcia@exemple.test';
const ORGA = 'organisation@exemple.test';

let pile: PileDeTest;
const cookies: Record<string, string> = {};
async function publierProgramme(r: RencontrePubliee) {
  await pile.db.transaction(async (tx) => {
    await tx.exec('set local role service_role');
    await tx.query('select api.rencontre_publier($1)', [JSON.stringify(r)]);
  });
}
beforeAll(async () => {
  pile = await demarrerPileDeTest();
  await publierProgramme(rencontre('voeux-essai', 'ouverte'));
  await publierProgramme(rencontre('premier-arrive', 'ouverte', 'premier_arrive'));
  for (const email of [MEMBRE, ALICE, BRUNO, ORGA]) cookies[email] = await seConnecter(pile, email);
}, 120_000);
afterAll(() => pile?.arreter());

async function appel(handler: Handler, chemin: string, params: Record<string, string>, init: Parameters<typeof requete>[1] & { qui?: string } = {}) {
  const { qui, ...reste } = init;
  const req = requete(chemin, { ...reste, headers: { ...reste.headers, ...(qui ? { cookie: cookies[qui]! } : {}) } });
  const reponse = await handler(req, contexte(params));
  const texte = await reponse.text();
  return { statut: reponse.status, corps: (texte ? JSON.parse(texte) : null) as Corps };
}
const voeux = (qui: string, v: { creneau: string; ateliers: string[] }[], slug = 'voeux-essai') =>
  appel(enregistrer, `/api/rencontres/${slug}/voeux`, { slug }, { method: 'POST', corps: { voeux: v }, qui });
const mesVoeux = (qui: string, slug = 'voeux-essai') => appel(lireVoeux, `/api/rencontres/${slug}/voeux`, { slug }, { qui });
const lancer = (h: Handler, quoi: 'apercu' | 'publier', qui: string, graine = 'tirage-public-2026', slug = 'voeux-essai') =>
  appel(h, `/api/rencontres/${slug}/allocation/${quoi}`, { slug }, { method: 'POST', corps: { graine }, qui });

/** Tout ce que l'attribution peut écrire : vœux, allocations, attributions, inscriptions, choix. */
async function etat() {
  const r = await pile.db.query<{ n: string }>(
    `select (select count(*) from prive.voeux)::text || '/' || (select string_agg(rang::text, ',' order by membre_id, atelier_id) from prive.voeux)
            || '/' || (select count(*) from prive.allocations) || '/' || (select count(*) from prive.attributions)
            || '/' || (select count(*) from prive.inscriptions) || '/' || (select count(*) from prive.choix_ateliers) as n`,
  );
  return r.rows[0]!.n;
}

describe('vœux classés', () => {
  test('un membre classe les ateliers de chaque créneau ; un nouvel envoi remplace le précédent', async () => {
    expect((await voeux(MEMBRE, [{ creneau: 'c1', ateliers: ['y'] }])).statut).toBe(200);
    const r = await voeux(MEMBRE, [
      { creneau: 'c1', ateliers: ['x', 'y'] },
      { creneau: 'c2', ateliers: ['z'] },
    ]);
    expect(r.statut).toBe(200);
    expect(r.corps).toMatchObject({
      rencontre: 'voeux-essai',
      graine: null,
      creneaux: [
        { creneau: 'c1', voeux: ['x', 'y'], attribution: null },
        { creneau: 'c2', voeux: ['z'], attribution: null },
      ],
    });
    expect(
      (
        await voeux(ALICE, [
          { creneau: 'c1', ateliers: ['x', 'y'] },
          { creneau: 'c2', ateliers: ['z'] },
        ])
      ).statut,
    ).toBe(200);
    expect((await voeux(BRUNO, [{ creneau: 'c1', ateliers: ['x'] }])).statut).toBe(200);
    expect((await mesVoeux(BRUNO)).corps.creneaux).toEqual([{ creneau: 'c1', voeux: ['x'], attribution: null }]);
  });

  test('vœux refusés, rien d’écrit : atelier d’un autre créneau, inconnu, classé deux fois, créneau inconnu ou en double', async () => {
    const avant = await etat();
    const cas: [{ creneau: string; ateliers: string[] }[], number, string][] = [
      [[{ creneau: 'c1', ateliers: ['x', 'z'] }], 400, 'AUTRE_CRENEAU'],
      [[{ creneau: 'c1', ateliers: ['x', 'inconnu'] }], 400, 'ATELIER_INCONNU'],
      [[{ creneau: 'c1', ateliers: ['x', 'x'] }], 400, 'REQUETE_INVALIDE'],
      [[{ creneau: 'c9', ateliers: ['x'] }], 400, 'CRENEAU_INCONNU'],
      [
        [
          { creneau: 'c1', ateliers: ['x'] },
          { creneau: 'c1', ateliers: ['y'] },
        ],
        400,
        'REQUETE_INVALIDE',
      ],
      [[{ creneau: 'c1', ateliers: [] }], 400, 'REQUETE_INVALIDE'],
    ];
    for (const [v, statut, code] of cas) {
      const r = await voeux(MEMBRE, v);
      expect([r.statut, r.corps.erreur.code]).toEqual([statut, code]);
      expect(r.corps.erreur.message).toMatch(/[a-zé]/);
    }
    expect(await etat()).toBe(avant);
  });

  test('rencontre inconnue (404), rencontre au premier arrivé (409), sans session (401)', async () => {
    expect((await voeux(MEMBRE, [{ creneau: 'c1', ateliers: ['x'] }], 'inconnue')).corps.erreur.code).toBe('RENCONTRE_INCONNUE');
    const r = await voeux(MEMBRE, [{ creneau: 'c1', ateliers: ['x'] }], 'premier-arrive');
    expect([r.statut, r.corps.erreur.code]).toEqual([409, 'MODE_PREMIER_ARRIVE']);
    const s = await appel(enregistrer, '/api/rencontres/voeux-essai/voeux', { slug: 'voeux-essai' }, { method: 'POST', corps: { voeux: [] } });
    expect(s.statut).toBe(401);
  });

  test('l’inscription directe reste refusée en mode vœux (409 MODE_VOEUX)', async () => {
    const r = await appel(
      inscrire,
      '/api/rencontres/voeux-essai/inscription',
      { slug: 'voeux-essai' },
      { method: 'POST', corps: { ateliers: ['x'] }, qui: MEMBRE },
    );
    expect([r.statut, r.corps.erreur.code]).toEqual([409, 'MODE_VOEUX']);
  });

  test('avant la fermeture : pas d’attribution (409 VOEUX_OUVERTS) ; un membre n’en lance jamais (403)', async () => {
    const avant = await etat();
    for (const h of [apercu, publier] as const) {
      const quoi = h === apercu ? 'apercu' : 'publier';
      const o = await lancer(h, quoi, ORGA);
      expect([o.statut, o.corps.erreur.code]).toEqual([409, 'VOEUX_OUVERTS']);
      const m = await lancer(h, quoi, MEMBRE);
      expect([m.statut, m.corps.erreur.code]).toEqual([403, 'ORGANISATEUR_REQUIS']);
    }
    expect(await etat()).toBe(avant);
  });

  describe('après la fermeture', () => {
    beforeAll(() => publierProgramme(rencontre('voeux-essai', 'close')));

    test('les vœux ne se modifient plus (409 INSCRIPTIONS_FERMEES)', async () => {
      const r = await voeux(MEMBRE, [{ creneau: 'c1', ateliers: ['y'] }]);
      expect([r.statut, r.corps.erreur.code]).toEqual([409, 'INSCRIPTIONS_FERMEES']);
    });

    test('un membre ne prévisualise ni ne publie (403), rien d’écrit', async () => {
      const avant = await etat();
      expect((await lancer(apercu, 'apercu', ALICE)).corps.erreur.code).toBe('ORGANISATEUR_REQUIS');
      expect((await lancer(publier, 'publier', ALICE)).corps.erreur.code).toBe('ORGANISATEUR_REQUIS');
      expect(await etat()).toBe(avant);
    });

    test('l’aperçu est déterministe, égal au calcul pur, et n’écrit rien', async () => {
      const avant = await etat();
      const a = await lancer(apercu, 'apercu', ORGA);
      expect(a.statut).toBe(200);
      expect(await lancer(apercu, 'apercu', ORGA)).toEqual(a);
      expect(await etat()).toBe(avant);
      const ids = await pile.db.query<{ id: string; email: string }>(`select id::text, email from prive.membres where email in ($1, $2, $3)`, [
        MEMBRE,
        ALICE,
        BRUNO,
      ]);
      const id = Object.fromEntries(ids.rows.map((r) => [r.email, r.id]));
      const attendu = allouer(
        'tirage-public-2026',
        [
          { code: 'x', creneau: 'c1', capacite: 1 },
          { code: 'y', creneau: 'c1', capacite: 1 },
          { code: 'z', creneau: 'c2', capacite: 1 },
        ],
        [
          { membre: id[MEMBRE]!, creneau: 'c1', ateliers: ['x', 'y'] },
          { membre: id[MEMBRE]!, creneau: 'c2', ateliers: ['z'] },
          { membre: id[ALICE]!, creneau: 'c1', ateliers: ['x', 'y'] },
          { membre: id[ALICE]!, creneau: 'c2', ateliers: ['z'] },
          { membre: id[BRUNO]!, creneau: 'c1', ateliers: ['x'] },
        ],
      );
      expect(a.corps.attributions.map(({ nom: _nom, ...x }: Corps) => x)).toEqual(attendu.attributions);
      expect(a.corps.attributions.find((x: Corps) => x.membre === id[BRUNO]).nom).toBe('Bruno Garcia');
      expect(a.corps.publiee).toBeNull();
    });

    test('publier écrit places confirmées et listes d’attente dans l’ordre de priorité ; une seconde publication est refusée', async () => {
      const a = (await lancer(apercu, 'apercu', ORGA)).corps.attributions as Corps[];
      const p = await lancer(publier, 'publier', ORGA);
      expect(p.statut).toBe(201);
      expect(p.corps).toEqual({ rencontre: 'voeux-essai', graine: 'tirage-public-2026', confirmees: 3, en_attente: 2 });
      const choix = await pile.db.query<{ membre: string; code: string; statut: string }>(
        `select i.membre_id::text as membre, t.code, c.statut::text as statut from prive.choix_ateliers c
           join prive.inscriptions i on i.id = c.inscription_id join prive.ateliers t on t.id = c.atelier_id
           join prive.rencontres r on r.id = t.rencontre_id where r.slug = 'voeux-essai' order by c.rang`,
      );
      // Chaque attribution de l'aperçu est écrite telle quelle.
      for (const x of a) {
        expect(choix.rows).toContainEqual({ membre: x.membre, code: x.atelier ?? x.attente.atelier, statut: x.atelier ? 'confirmee' : 'en_attente' });
      }
      // Listes d'attente : dans l'ordre de priorité (le rang de la séquence suit la priorité).
      const attente = choix.rows
        .filter((c) => c.statut === 'en_attente')
        .map((c) => a.find((x) => x.membre === c.membre && x.attente?.atelier === c.code)!.priorite);
      expect(attente).toEqual([...attente].sort((p1, p2) => p1 - p2));

      const avant = await etat();
      const encore = await lancer(publier, 'publier', ORGA);
      expect([encore.statut, encore.corps.erreur.code]).toEqual([409, 'ALLOCATION_PUBLIEE']);
      const autreGraine = await lancer(publier, 'publier', ORGA, 'une-autre-graine');
      expect([autreGraine.statut, autreGraine.corps.erreur.code]).toEqual([409, 'ALLOCATION_PUBLIEE']);
      expect(await etat()).toBe(avant);
    });

    test('chaque membre voit le vœu obtenu et pourquoi (priorité, ateliers complets à son tour)', async () => {
      const a = (await lancer(apercu, 'apercu', ORGA)).corps;
      expect(a.publiee).toMatchObject({ graine: 'tirage-public-2026' });
      for (const qui of [MEMBRE, ALICE, BRUNO]) {
        const id = (await pile.db.query<{ id: string }>('select id::text from prive.membres where email = $1', [qui])).rows[0]!.id;
        const r = await mesVoeux(qui);
        expect(r.statut).toBe(200);
        expect(r.corps.graine).toBe('tirage-public-2026');
        for (const c of r.corps.creneaux as Corps[]) {
          const x = (a.attributions as Corps[]).find((y) => y.creneau === c.creneau && y.membre === id)!;
          expect(c.attribution).toEqual({ priorite: x.priorite, atelier: x.atelier, rang: x.rang, complets: x.complets });
        }
      }
      // Le premier servi a son premier vœu ; le dernier servi dans c1 (capacité 2 pour 3) n'a rien et voit x complet.
      const c1 = (a.attributions as Corps[]).filter((x) => x.creneau === 'c1').sort((p, q) => p.priorite - q.priorite);
      expect(c1[0]).toMatchObject({ rang: 1, complets: [] });
      expect(c1.filter((x) => x.atelier === null)).toHaveLength(1);
    });

    test('après publication, les vœux ne se modifient plus (409 ALLOCATION_PUBLIEE)', async () => {
      const r = await voeux(MEMBRE, [{ creneau: 'c1', ateliers: ['y'] }]);
      expect([r.statut, r.corps.erreur.code]).toEqual([409, 'ALLOCATION_PUBLIEE']);
    });
  });

  testerEntreesInvalides(
    'POST /api/rencontres/:slug/voeux',
    () => ({ handler: (req) => enregistrer(req, contexte({ slug: 'voeux-essai' })), pile }),
    '/api/rencontres/voeux-essai/voeux',
    'POST',
    { voeux: [{ creneau: 'c1', ateliers: ['x'] }] },
  );
  testerEntreesInvalides(
    'POST /api/rencontres/:slug/allocation/apercu',
    () => ({ handler: (req) => apercu(req, contexte({ slug: 'voeux-essai' })), pile }),
    '/api/rencontres/voeux-essai/allocation/apercu',
    'POST',
    { graine: 'tirage-public-2026' },
  );
  testerEntreesInvalides(
    'POST /api/rencontres/:slug/allocation/publier',
    () => ({ handler: (req) => publier(req, contexte({ slug: 'voeux-essai' })), pile }),
    '/api/rencontres/voeux-essai/allocation/publier',
    'POST',
    { graine: 'tirage-public-2026' },
  );
});
