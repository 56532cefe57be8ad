// Bourse aux places par les vraies fonctions et la pile locale (PGlite) : le sens inverse (recherche →
// réponse avec une organisation du carnet → acceptation, qui met le carnet à jour), les courriels de chaque
// étape (et le choix « l'action est faite, le courriel est au mieux »), les filtres, le résumé hebdomadaire
// sur inscription. Entrées invalides et droits : 4xx en français, rien d'écrit.
import type { Context } from '@netlify/functions';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import type { MessageCapte } from '../../local/smtp/capteur.ts';
import { demarrerPileDeTest, type PileDeTest } from '../../local/tests/pile-test.ts';
import { mailerSmtp } from '../_lib/mail.ts';
import chercherOffres from '../bourse-offres-chercher.ts';
import publierOffre from '../bourse-offre-publier.ts';
import reserver from '../bourse-place-reserver.ts';
import fermer from '../bourse-recherche-fermer.ts';
import publierRecherche from '../bourse-recherche-publier.ts';
import repondre from '../bourse-recherche-repondre.ts';
import chercherRecherches from '../bourse-recherches-chercher.ts';
import miennes from '../bourse-recherches-miennes.ts';
import accepter from '../bourse-reponse-accepter.ts';
import lireResume from '../bourse-resume-lire.ts';
import desinscrire from '../bourse-resume-desinscrire.ts';
import reglerResume from '../bourse-resume-regler.ts';
import lireOrganisation from '../carnet-organisation-lire.ts';
import resumer from '../taches-resumer-bourse.ts';
import { contexte, type Handler, requete, seConnecter, testerEntreesInvalides } from './aide.fixture.ts';

const GARRIGUES = '20000000-0000-4000-8000-000000000001'; // Nîmes (30)
const ECUSSON = '20000000-0000-4000-8000-000000000002'; // Montpellier (34)
const CANAL = '20000000-0000-4000-8000-000000000003'; // Narbonne (11)

let pile: PileDeTest;
let marie: string; // Lycée des Arènes, Nîmes (30)
let alice: string; // Lycée des Remparts (11)
let bruno: string; // Lycée du Canal (11)
let chloe: string; // Lycée des Cévennes (30)
beforeAll(async () => {
  pile = await demarrerPileDeTest();
  const cookies = await Promise.all(
    ['membre@exemple.test', 'alice.martin@exemple.test', 'bruno.garcia@exemple.test', 'chloe.bernard@exemple.test'].map((e) => seConnecter(pile, e)),
  );
  [marie, alice, bruno, chloe] = cookies as [string, string, string, string];
});
afterAll(() => pile?.arreter());

async function appel(
  handler: Handler,
  { method = 'GET', corps, cookie, params = {} }: { method?: string; corps?: unknown; cookie?: string; params?: Record<string, string> },
) {
  const r = await handler(requete('/api/bourse/x', { method, corps, headers: cookie ? { cookie } : {} }), contexte(params) as Context);
  const texte = await r.text();
  return { statut: r.status, corps: texte ? JSON.parse(texte) : null };
}

async function compter() {
  const { rows } = await pile.db.query<{ q: number; r: number; p: number; f: number; res: number; abo: number }>(
    `select (select count(*) from prive.recherches_places)::int as q, (select count(*) from prive.reponses_recherche)::int as r,
            (select count(*) from prive.placements)::int as p, (select count(*) from prive.offres_places)::int as f,
            (select count(*) from prive.reservations)::int as res, (select count(*) from prive.resume_bourse)::int as abo`,
  );
  return { ...rows[0]!, courriels: pile.messages.length };
}

/** Le texte d'un courriel capté (quoted-printable décodé). */
const texte = (m: MessageCapte) =>
  Buffer.from(
    m.brut
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/g, (_t, h: string) => String.fromCharCode(parseInt(h, 16)))
      .split('')
      .map((c) => c.charCodeAt(0)),
  ).toString('utf8');
const pour = (email: string, depuis: number) => pile.messages.slice(depuis).filter((m) => m.a.includes(email));
const attendre = () => new Promise((r) => setTimeout(r, 300));

const dansJours = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const RECHERCHE = {
  formation: 'CAP Maintenance des véhicules',
  secteur: '45',
  niveau: 'CAP 1re année',
  debut: dansJours(40),
  fin: dansJours(68),
  commune: '30189',
  eleves: 1,
  conditions: 'Élève mineur (16 ans)',
};

testerEntreesInvalides('POST /api/bourse/recherches', () => ({ handler: publierRecherche, pile }), '/api/bourse/recherches', 'POST', RECHERCHE);
testerEntreesInvalides('POST /api/bourse/recherches/:id/reponses', () => ({ handler: repondre, pile }), '/api/bourse/recherches/x/reponses', 'POST', {
  organisation_id: GARRIGUES,
  places: 1,
});
testerEntreesInvalides('PUT /api/bourse/resume', () => ({ handler: reglerResume, pile }), '/api/bourse/resume', 'PUT', { inscrit: true });

describe('recherches de places : recherche → réponse avec une organisation du carnet → acceptation', () => {
  let recherche: string;
  let reponseAlice: string;
  let reponseBruno: string;

  test('un visiteur non connecté : 401, rien de lu ni d’écrit', async () => {
    const avant = await compter();
    expect((await appel(chercherRecherches, { method: 'POST', corps: {} })).statut).toBe(401);
    expect((await appel(publierRecherche, { method: 'POST', corps: RECHERCHE })).statut).toBe(401);
    expect(await compter()).toEqual(avant);
  });

  test.each([
    ['une commune inconnue', { commune: '30999' }, 400, /commune est inconnue/],
    ['une période déjà commencée', { debut: dansJours(0), fin: dansJours(10) }, 400, /commencer après aujourd’hui/],
    ['une fin avant le début', { debut: dansJours(20), fin: dansJours(10) }, 400, /doit suivre son début/],
    ['un niveau hors liste', { niveau: 'Master' }, 400, /niveau/],
    ['51 élèves', { eleves: 51 }, 400, /50 élèves/],
    ['un secteur qui n’est pas une division NAF', { secteur: 'garage' }, 400, /division NAF/],
  ])('refuse %s (%i, message français) sans rien écrire', async (_l, champ, statut, message) => {
    const avant = await compter();
    const r = await appel(publierRecherche, { method: 'POST', corps: { ...RECHERCHE, ...champ }, cookie: marie });
    expect(r.statut).toBe(statut);
    expect(JSON.stringify(r.corps.erreur)).toMatch(message);
    expect(await compter()).toEqual(avant);
  });

  test('Marie publie une recherche ; Alice la trouve par département, secteur, formation et période', async () => {
    const r = await appel(publierRecherche, { method: 'POST', corps: RECHERCHE, cookie: marie });
    expect(r.statut).toBe(201);
    recherche = r.corps.id;
    const trouve = await appel(chercherRecherches, {
      method: 'POST',
      cookie: alice,
      corps: { departement: '30', naf: '45.20', formation: 'maintenance', du: dansJours(50), au: dansJours(90) },
    });
    expect(trouve.corps).toMatchObject({
      total: 1,
      recherches: [
        { id: recherche, commune: 'Nîmes', departement: '30', eleves: 1, restants: 1, de_moi: false, lycee: 'Lycée professionnel des Arènes (fictif)' },
      ],
    });
    for (const filtre of [{ departement: '11' }, { commune: '11069' }, { naf: '10' }, { au: dansJours(39) }, { du: dansJours(69) }]) {
      expect((await appel(chercherRecherches, { method: 'POST', cookie: alice, corps: filtre })).corps, JSON.stringify(filtre)).toEqual({
        total: 0,
        recherches: [],
      });
    }
  });

  test('Alice répond avec une organisation du carnet : Marie reçoit un courriel (sans donnée d’élève)', async () => {
    const avant = pile.messages.length;
    const r = await appel(repondre, { method: 'POST', cookie: alice, corps: { organisation_id: GARRIGUES, places: 1 }, params: { id: recherche } });
    expect(r.statut).toBe(201);
    expect(r.corps.courriel).toBe(true);
    reponseAlice = r.corps.reponse;
    await attendre();
    const [m] = pour('membre@exemple.test', avant);
    expect(m?.objet).toBe('Bourse aux places : une réponse à votre recherche (CAP Maintenance des véhicules)');
    expect(texte(m!)).toContain('Alice Martin (Lycée professionnel des Remparts (fictif)) propose Atelier mécanique des Garrigues (fictif) (Nîmes)');
    expect(texte(m!)).toContain('/outils/bourse-aux-places/?onglet=recherches');
  });

  test.each([
    [
      'une organisation absente du carnet',
      () => ({ organisation_id: '20000000-0000-4000-8000-0000000000ee', places: 1 }),
      'alice',
      404,
      'ORGANISATION_INCONNUE',
    ],
    ['la même organisation une seconde fois', () => ({ organisation_id: GARRIGUES, places: 1 }), 'alice', 409, 'DEJA_PROPOSEE'],
    ['sa propre recherche', () => ({ organisation_id: ECUSSON, places: 1 }), 'marie', 409, 'RECHERCHE_PROPRE'],
  ])('refuse une réponse avec %s sans rien écrire ni envoyer', async (_l, corps, qui, statut, code) => {
    const avant = await compter();
    const r = await appel(repondre, { method: 'POST', cookie: qui === 'alice' ? alice : marie, corps: corps(), params: { id: recherche } });
    expect(r.statut).toBe(statut);
    expect(r.corps.erreur.code).toBe(code);
    expect(r.corps.erreur.message).toMatch(/[a-zé]/);
    await attendre();
    expect(await compter()).toEqual(avant);
  });

  test('une recherche inconnue : 404 en français', async () => {
    const r = await appel(repondre, {
      method: 'POST',
      cookie: alice,
      corps: { organisation_id: GARRIGUES, places: 1 },
      params: { id: '30000000-0000-4000-8000-0000000000ee' },
    });
    expect(r.statut).toBe(404);
    expect(r.corps.erreur.code).toBe('RECHERCHE_INCONNUE');
  });

  test('Marie voit les deux réponses ; le répondant ne peut pas accepter (404), l’acceptation ne se fait qu’une fois', async () => {
    reponseBruno = (await appel(repondre, { method: 'POST', cookie: bruno, corps: { organisation_id: CANAL, places: 2 }, params: { id: recherche } })).corps
      .reponse;
    const m = await appel(miennes, { cookie: marie });
    expect(m.corps.recherches[0]).toMatchObject({
      id: recherche,
      statut: 'ouverte',
      reponses: [
        { id: reponseAlice, organisation: 'Atelier mécanique des Garrigues (fictif)', repondant: 'Alice Martin', statut: 'proposee' },
        { id: reponseBruno, organisation: 'Hôtel du Canal (fictif)', repondant: 'Bruno Garcia', places: 2 },
      ],
    });
    expect((await appel(miennes, { cookie: alice })).corps).toMatchObject({ recherches: [], reponses: [{ id: reponseAlice, statut: 'proposee' }] });
    const avant = await compter();
    const refus = await appel(accepter, { method: 'POST', cookie: alice, params: { id: reponseAlice } });
    expect(refus.statut).toBe(404);
    expect(refus.corps.erreur.code).toBe('REPONSE_INCONNUE');
    expect(await compter()).toEqual(avant);
  });

  test('Marie accepte la réponse d’Alice : Alice est prévenue, le carnet montre le placement, la recherche satisfaite se ferme', async () => {
    const avant = pile.messages.length;
    const r = await appel(accepter, { method: 'POST', cookie: marie, params: { id: reponseAlice } });
    expect(r.statut).toBe(200);
    expect(r.corps).toMatchObject({ organisation_id: GARRIGUES, eleves: 1, satisfaite: true, courriel: true });
    await attendre();
    const [m] = pour('alice.martin@exemple.test', avant);
    expect(m?.objet).toBe('Bourse aux places : votre proposition de Atelier mécanique des Garrigues (fictif) est acceptée');
    expect(texte(m!)).toContain('membre@exemple.test');
    const fiche = await appel(lireOrganisation, { cookie: chloe, params: { id: GARRIGUES } });
    expect(fiche.corps.placements).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ lycee: 'Lycée professionnel des Arènes (fictif)', formation: 'CAP Maintenance des véhicules', niveau: 'CAP 1re année' }),
      ]),
    );
    expect(fiche.corps.historique[0]).toMatchObject({ action: 'placement confirmé (recherche)', qui: 'Marie Membre' });
    expect((await appel(chercherRecherches, { method: 'POST', cookie: chloe, corps: {} })).corps).toEqual({ total: 0, recherches: [] });
    expect((await appel(miennes, { cookie: marie })).corps.recherches[0].statut).toBe('satisfaite');
    const encore = await appel(accepter, { method: 'POST', cookie: marie, params: { id: reponseBruno } });
    expect(encore.statut).toBe(409);
    expect(encore.corps.erreur.code).toBe('RECHERCHE_FERMEE');
  });

  test('Marie ferme une autre recherche : elle n’est plus listée, personne d’autre ne peut la fermer', async () => {
    const id = (await appel(publierRecherche, { method: 'POST', corps: { ...RECHERCHE, eleves: 3 }, cookie: marie })).corps.id;
    expect((await appel(fermer, { method: 'POST', cookie: chloe, params: { id } })).statut).toBe(404);
    expect((await appel(fermer, { method: 'POST', cookie: marie, params: { id } })).statut).toBe(200);
    expect((await appel(fermer, { method: 'POST', cookie: marie, params: { id } })).corps.erreur.code).toBe('RECHERCHE_FERMEE');
    expect((await appel(chercherRecherches, { method: 'POST', cookie: chloe, corps: {} })).corps).toEqual({ total: 0, recherches: [] });
  });
});

describe('courriels de la bourse : l’action est faite, le courriel est au mieux', () => {
  test('relais SMTP en panne : la réservation est enregistrée, la réponse dit que le courriel n’est pas parti', async () => {
    const offre = (
      await appel(publierOffre, {
        method: 'POST',
        cookie: chloe,
        corps: { organisation_id: ECUSSON, formation: 'CAP Boulanger', debut: dansJours(30), fin: dansJours(50), places: 1 },
      })
    ).corps.id;
    const panne = vi.spyOn(mailerSmtp, 'envoyer').mockRejectedValue(new Error('relais injoignable'));
    const journal = vi.spyOn(console, 'info').mockImplementation(() => undefined);
    try {
      const avant = await compter();
      const r = await appel(reserver, { method: 'POST', cookie: bruno, corps: { formation: 'CAP Boulanger', niveau: 'Seconde' }, params: { id: offre } });
      expect(r.statut).toBe(201);
      expect(r.corps.courriel).toBe(false);
      expect(await compter()).toEqual({ ...avant, res: avant.res + 1 });
      expect(journal.mock.calls.map((c) => String(c[0])).join('\n')).toContain('bourse.courriel_echec');
      expect(journal.mock.calls.map((c) => String(c[0])).join('\n')).not.toContain('@');
    } finally {
      panne.mockRestore();
      journal.mockRestore();
    }
  });
});

describe('filtres des offres', () => {
  test('période et « places libres seulement » (par défaut), combinés au secteur et à la commune', async () => {
    // L'offre de Chloé chez l'Écusson (Montpellier, 10.71C) est complète depuis la réservation de Bruno.
    const libres = await appel(chercherOffres, { method: 'POST', cookie: alice, corps: { naf: '10', commune: '34172' } });
    expect(libres.corps).toEqual({ total: 0, par_departement: {}, offres: [] });
    const toutes = await appel(chercherOffres, { method: 'POST', cookie: alice, corps: { naf: '10', commune: '34172', libres: false } });
    expect(toutes.corps).toMatchObject({
      total: 1,
      par_departement: { '34': 1 },
      offres: [{ organisation: 'Boulangerie de l’Écusson (fictive)', libres: 0, places: 1 }],
    });
    expect(
      (await appel(chercherOffres, { method: 'POST', cookie: alice, corps: { departement: '34', libres: false, du: dansJours(51) } })).corps.offres,
    ).toEqual([]);
    expect(
      (await appel(chercherOffres, { method: 'POST', cookie: alice, corps: { departement: '34', libres: false, du: dansJours(45), au: dansJours(46) } })).corps
        .offres,
    ).toHaveLength(1);
    const invalide = await appel(chercherOffres, { method: 'POST', cookie: alice, corps: { du: dansJours(10), au: dansJours(5) } });
    expect(invalide.statut).toBe(400);
    expect(JSON.stringify(invalide.corps.erreur)).toContain('doit suivre son début');
  });

  test('une page trop grande, un rang négatif ou pas un nombre : 400 en français', async () => {
    for (const [corps, message] of [
      [{ limite: 201 }, '200 offres au plus par page.'],
      [{ limite: 0 }, 'limite doit valoir au moins 1.'],
      [{ limite: 2.5 }, 'limite doit être un nombre entier.'],
      [{ decalage: -1 }, 'decalage ne peut pas être négatif.'],
      [{ decalage: 'deux' }, 'decalage doit être un nombre.'],
    ] as const) {
      const r = await appel(chercherOffres, { method: 'POST', cookie: alice, corps });
      expect(r.statut, JSON.stringify(corps)).toBe(400);
      expect(JSON.stringify(r.corps.erreur)).toContain(message);
    }
  });
});

describe('résumé hebdomadaire des nouvelles offres, sur inscription', () => {
  const lancer = async () => {
    expect((await resumer(new Request('http://localhost/.netlify/functions/taches-resumer-bourse', { method: 'POST' }))).status).toBe(204);
    await attendre();
  };
  const resumes = (depuis: number) => pile.messages.slice(depuis).filter((m) => m.objet.includes('près de chez vous'));
  const publier = (cookie: string, organisation_id: string, formation: string) =>
    appel(publierOffre, { method: 'POST', cookie, corps: { organisation_id, formation, debut: dansJours(60), fin: dansJours(80), places: 2 } });

  test('désactivé par défaut ; on s’inscrit (département de son lycée, ou départements choisis) et on se désinscrit', async () => {
    expect((await appel(lireResume, { cookie: marie })).corps).toEqual({ inscrit: false, departements: null, departement_lycee: '30', dernier_envoi: null });
    const r = await appel(reglerResume, { method: 'PUT', cookie: marie, corps: { inscrit: true } });
    expect(r.corps).toMatchObject({ inscrit: true, departements: null });
    expect((await appel(reglerResume, { method: 'PUT', cookie: bruno, corps: { inscrit: true, departements: ['34', '30'] } })).corps.departements).toEqual([
      '34',
      '30',
    ]);
    expect((await appel(reglerResume, { method: 'PUT', cookie: chloe, corps: { inscrit: true, departements: ['Gard'] } })).statut).toBe(400);
  });

  test('la tâche envoie un seul courriel par inscrit, rien aux non-inscrits, et jamais deux fois la même offre', async () => {
    await publier(chloe, GARRIGUES, 'Bac pro Maintenance des véhicules'); // Nîmes (30) : pour Marie et Bruno
    await publier(alice, CANAL, 'CAP Cuisine'); // Narbonne (11) : pour personne
    const avant = pile.messages.length;
    await lancer();
    const envoyes = resumes(avant);
    expect(envoyes.map((m) => m.a[0]).sort()).toEqual(['bruno.garcia@exemple.test', 'membre@exemple.test']);
    const pourMarie = texte(envoyes.find((m) => m.a.includes('membre@exemple.test'))!);
    expect(pourMarie).toContain('Atelier mécanique des Garrigues (fictif), Nîmes (30) : Bac pro Maintenance des véhicules');
    expect(pourMarie).not.toContain('CAP Cuisine');
    expect(pourMarie).toContain('/outils/bourse-aux-places/?onglet=resume');
    // Relancée aussitôt : rien (une fois par semaine, et ces offres sont annoncées).
    const ensuite = pile.messages.length;
    await lancer();
    expect(resumes(ensuite)).toEqual([]);
    // Une semaine plus tard, une nouvelle offre : le résumé ne porte qu'elle.
    await pile.db.query(`update prive.resume_bourse set dernier_envoi = dernier_envoi - interval '7 days'`);
    await publier(chloe, GARRIGUES, 'CAP Peinture automobile');
    const semaine = pile.messages.length;
    await lancer();
    const second = resumes(semaine).find((m) => m.a.includes('membre@exemple.test'))!;
    expect(texte(second)).toContain('CAP Peinture automobile');
    expect(texte(second)).not.toContain('Bac pro Maintenance');
    expect(second.objet).toBe('Bourse aux places : 1 nouvelle offre près de chez vous');
  });

  test('après désinscription, plus rien n’est gardé ni envoyé', async () => {
    expect((await appel(reglerResume, { method: 'PUT', cookie: marie, corps: { inscrit: false } })).corps.inscrit).toBe(false);
    const { rows } = await pile.db.query(
      `select 1 from prive.resume_bourse r join prive.membres m on m.id = r.membre_id where m.email = 'membre@exemple.test'`,
    );
    expect(rows).toEqual([]);
    await pile.db.query(`update prive.resume_bourse set dernier_envoi = dernier_envoi - interval '7 days'`);
    await publier(chloe, GARRIGUES, 'CAP Carrosserie');
    const avant = pile.messages.length;
    await lancer();
    expect(resumes(avant).map((m) => m.a[0])).toEqual(['bruno.garcia@exemple.test']);
  });

  test('désinscription en un clic, sans connexion : lien du courriel et en-têtes List-Unsubscribe (RFC 8058)', async () => {
    await pile.db.query(`update prive.resume_bourse set dernier_envoi = dernier_envoi - interval '7 days'`);
    await publier(chloe, GARRIGUES, 'CAP Électricité');
    const avant = pile.messages.length;
    await lancer();
    const message = resumes(avant).find((m) => m.a.includes('bruno.garcia@exemple.test'))!;
    const jeton = texte(message).match(/\/outils\/bourse-aux-places\/desinscription\/\?jeton=([0-9a-f-]{36})/)?.[1];
    expect(jeton).toBeDefined();
    const entetes = message.brut.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
    expect(entetes).toMatch(new RegExp(`^List-Unsubscribe: <https?://[^>]+/api/bourse/resume/desinscription\\?jeton=${jeton}>$`, 'm'));
    expect(entetes).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    // Ce qu'envoie une messagerie : un POST sans cookie ni origine, corps de formulaire « List-Unsubscribe=One-Click ».
    const unClic = async (q: string) => {
      const r = await desinscrire(
        new Request(`http://localhost/api/bourse/resume/desinscription${q}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'List-Unsubscribe=One-Click',
        }),
        contexte({}) as Context,
      );
      return { statut: r.status, corps: await r.json() };
    };
    expect(await unClic(`?jeton=${jeton}`)).toEqual({ statut: 200, corps: { desinscrit: true } });
    const { rows } = await pile.db.query(
      `select 1 from prive.resume_bourse r join prive.membres m on m.id = r.membre_id where m.email = 'bruno.garcia@exemple.test'`,
    );
    expect(rows).toEqual([]);
    // Le même lien une seconde fois : rien à retirer, et on le dit.
    expect(await unClic(`?jeton=${jeton}`)).toEqual({ statut: 200, corps: { desinscrit: false } });
    for (const q of ['', '?jeton=pas-un-jeton', `?jeton=${jeton!.slice(0, 20)}`]) {
      const r = await unClic(q);
      expect(r.statut, q).toBe(400);
      expect(JSON.stringify(r.corps.erreur), q).toContain('lien de désinscription est incomplet');
    }
    await pile.db.query(`update prive.resume_bourse set dernier_envoi = dernier_envoi - interval '7 days'`);
    await publier(chloe, GARRIGUES, 'CAP Plomberie');
    const ensuite = pile.messages.length;
    await lancer();
    expect(resumes(ensuite)).toEqual([]);
  });
});
