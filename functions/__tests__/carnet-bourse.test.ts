// Carnet des entreprises et bourse aux places, par les vraies fonctions et la pile locale (PGlite) :
// parcours complet, entrées invalides et droits (4xx en français, rien d'écrit).
import type { Context } from '@netlify/functions';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/tests/pile-test.ts';
import reserver from '../bourse-place-reserver.ts';
import confirmer from '../bourse-reservation-confirmer.ts';
import chercherOffres from '../bourse-offres-chercher.ts';
import publier from '../bourse-offre-publier.ts';
import ajouterContact from '../carnet-contact-ajouter.ts';
import opposer from '../carnet-contact-opposer.ts';
import enregistrerNote from '../carnet-note-enregistrer.ts';
import ajouter from '../carnet-organisation-ajouter.ts';
import lire from '../carnet-organisation-lire.ts';
import modifier from '../carnet-organisation-modifier.ts';
import purgerContacts from '../taches-purger-contacts.ts';
import exporter from '../carnet-exporter.ts';
import chercher from '../carnet-organisations-chercher.ts';
import { contexte, type Handler, requete, seConnecter, testerEntreesInvalides } from './aide.fixture.ts';

let pile: PileDeTest;
let alice: string; // Lycée des Remparts (11)
let bruno: string; // Lycée du Canal (11)
let chloe: string; // Lycée des Cévennes (30)
beforeAll(async () => {
  pile = await demarrerPileDeTest();
  alice = await seConnecter(pile, 'alice.martin@exemple.test');
  bruno = await seConnecter(pile, 'bruno.garcia@exemple.test');
  chloe = await seConnecter(pile, 'chloe.bernard@exemple.test');
});
afterAll(() => pile?.arreter());

/** Appelle le handler avec un cookie et des paramètres de chemin. */
async function appel(
  handler: Handler,
  chemin: string,
  { method = 'GET', corps, cookie, params = {} }: { method?: string; corps?: unknown; cookie?: string; params?: Record<string, string> },
) {
  const r = await handler(requete(chemin, { method, corps, headers: cookie ? { cookie } : {} }), contexte(params) as Context);
  const texte = await r.text();
  return { statut: r.status, corps: texte ? JSON.parse(texte) : null };
}

async function compter() {
  const { rows } = await pile.db.query<Record<string, number>>(
    `select (select count(*) from prive.organisations)::int as o, (select count(*) from prive.offres_places)::int as f,
            (select count(*) from prive.reservations)::int as r, (select count(*) from prive.notes_lycee)::int as n,
            (select count(*) from prive.historique_carnet)::int as h, (select count(*) from prive.contacts)::int as c`,
  );
  return { ...rows[0], courriels: pile.messages.length };
}

const dansJours = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const ORGA = { nom: 'Garage du Midi (fictif)', siret: '999 000 001 00019', code_naf: '45.20A', commune: '11069', adresse: '1 rue des Essais', taille: '10-49' };

testerEntreesInvalides('POST /api/carnet/organisations', () => ({ handler: ajouter, pile }), '/api/carnet/organisations', 'POST', ORGA);

describe('Carnet des entreprises et bourse aux places', () => {
  let organisation: string;
  let offre: string;
  let reservation: string;

  test('un visiteur non connecté : 401 en français, rien de lu', async () => {
    const r = await appel(chercher, '/api/carnet/recherche', { method: 'POST', corps: {} });
    expect(r.statut).toBe(401);
    expect(r.corps.erreur.message).toContain('connecté');
  });

  test.each([
    ['un SIRET dont la clé est fausse', { siret: '99900000100018' }, /clé de contrôle/],
    ['une commune inconnue', { commune: '11999' }, /commune est inconnue/],
    ['un code NAF inexistant', { code_naf: '99.99Z' }, /NAF n’existe pas/],
  ])('refuse %s (400, message français) sans rien écrire', async (_l, champ, message) => {
    const avant = await compter();
    const r = await appel(ajouter, '/api/carnet/organisations', { method: 'POST', corps: { ...ORGA, ...champ }, cookie: alice });
    expect(r.statut).toBe(400);
    expect(JSON.stringify(r.corps.erreur)).toMatch(message);
    expect(await compter()).toEqual(avant);
  });

  test('Alice ajoute une organisation ; la commune et le département viennent du référentiel', async () => {
    const r = await appel(ajouter, '/api/carnet/organisations', { method: 'POST', corps: ORGA, cookie: alice });
    expect(r.statut).toBe(201);
    organisation = r.corps.id;
    const fiche = await appel(lire, '/api/carnet/organisations/x', { cookie: bruno, params: { id: organisation } });
    expect(fiche.corps).toMatchObject({ nom: 'Garage du Midi (fictif)', siret: '99900000100019', commune: 'Carcassonne', departement: '11' });
    expect(fiche.corps.historique[0]).toMatchObject({ action: 'organisation ajoutée', qui: 'Alice Martin' });
  });

  test('un doublon probable (même nom normalisé dans la même commune) est montré avant d’enregistrer', async () => {
    const avant = await compter();
    const r = await appel(ajouter, '/api/carnet/organisations', {
      method: 'POST',
      corps: { ...ORGA, siret: null, nom: 'GARAGE DU MIDI (Fictif) SARL' },
      cookie: bruno,
    });
    expect(r.statut).toBe(200);
    expect(r.corps).toMatchObject({ statut: 'doublons', doublons: [{ id: organisation, raison: 'nom' }] });
    expect(await compter()).toEqual(avant);
  });

  test('le même SIRET ne s’enregistre jamais deux fois, même en forçant', async () => {
    const r = await appel(ajouter, '/api/carnet/organisations', { method: 'POST', corps: { ...ORGA, nom: 'Autre nom', forcer: true }, cookie: bruno });
    expect(r.corps).toMatchObject({ statut: 'doublons', doublons: [{ raison: 'siret' }] });
  });

  test('une modification garde l’avant et l’après dans l’historique', async () => {
    const r = await appel(modifier, '/api/carnet/organisations/x', {
      method: 'PUT',
      corps: { ...ORGA, taille: '50-249' },
      cookie: bruno,
      params: { id: organisation },
    });
    expect(r.corps).toEqual({ statut: 'enregistree', id: organisation });
    const fiche = await appel(lire, '/x', { cookie: alice, params: { id: organisation } });
    expect(fiche.corps.historique[0]).toMatchObject({
      action: 'organisation modifiée',
      qui: 'Bruno Garcia',
      details: { taille: { avant: '10-49', apres: '50-249' } },
    });
  });

  test('les notes d’un lycée restent à ce lycée', async () => {
    expect(
      (await appel(enregistrerNote, '/x', { method: 'PUT', corps: { texte: 'Tuteur disponible le mardi.' }, cookie: alice, params: { id: organisation } }))
        .statut,
    ).toBe(200);
    expect((await appel(lire, '/x', { cookie: alice, params: { id: organisation } })).corps.note).toBe('Tuteur disponible le mardi.');
    expect((await appel(lire, '/x', { cookie: bruno, params: { id: organisation } })).corps.note).toBeNull();
    // Bruno écrit les notes de SON lycée : celles d'Alice ne changent pas.
    await appel(enregistrerNote, '/x', { method: 'PUT', corps: { texte: 'Nos notes.' }, cookie: bruno, params: { id: organisation } });
    expect((await appel(lire, '/x', { cookie: alice, params: { id: organisation } })).corps.note).toBe('Tuteur disponible le mardi.');
  });

  test('un contact qui s’oppose est retiré de toutes les fiches en une action', async () => {
    const c = await appel(ajouterContact, '/x', {
      method: 'POST',
      corps: { nom: 'Paul Exemple', fonction: 'Chef d’atelier', email: 'paul@garage.exemple.test' },
      cookie: alice,
      params: { id: organisation },
    });
    expect(c.statut).toBe(201);
    const r = await appel(opposer, '/x', { method: 'POST', cookie: bruno, params: { id: c.corps.id } });
    expect(r.corps).toEqual({ retires: 1 });
    const fiche = await appel(lire, '/x', { cookie: alice, params: { id: organisation } });
    expect(fiche.corps.contacts).toEqual([]);
    expect(JSON.stringify(fiche.corps.historique)).not.toContain('paul');
  });

  test('Alice publie une place ; Bruno la trouve par secteur et commune', async () => {
    const r = await appel(publier, '/api/bourse/offres', {
      method: 'POST',
      cookie: alice,
      corps: {
        organisation_id: organisation,
        formation: 'CAP Maintenance des véhicules',
        debut: dansJours(30),
        fin: dansJours(58),
        places: 1,
        conditions: 'Permis AM souhaité',
      },
    });
    expect(r.statut).toBe(201);
    offre = r.corps.id;
    const t = await appel(chercherOffres, '/api/bourse/recherche', { method: 'POST', cookie: bruno, corps: { naf: '45', commune: '11069' } });
    expect(t.corps).toMatchObject({ total: 1, offres: [{ id: offre, organisation: 'Garage du Midi (fictif)', libres: 1, de_moi: false }] });
    expect((await appel(chercherOffres, '/x', { method: 'POST', cookie: bruno, corps: { naf: '10' } })).corps.offres).toEqual([]);
  });

  test('Bruno réserve (formation et niveau seulement) ; Alice et Bruno sont prévenus', async () => {
    const avant = pile.messages.length;
    const r = await appel(reserver, '/x', {
      method: 'POST',
      cookie: bruno,
      corps: { formation: 'CAP Maintenance des véhicules', niveau: 'CAP 1re année' },
      params: { id: offre },
    });
    expect(r.statut).toBe(201);
    reservation = r.corps.reservation;
    await expect.poll(() => pile.messages.length).toBe(avant + 2);
    const recus = pile.messages.slice(avant);
    expect(recus.find((m) => m.a.includes('alice.martin@exemple.test'))?.objet).toContain('place réservée');
    expect(recus.find((m) => m.a.includes('bruno.garcia@exemple.test'))?.objet).toContain('votre réservation');
  });

  test('la place prise ne se réserve pas deux fois (409 OFFRE_COMPLETE, rien d’écrit)', async () => {
    const avant = await compter();
    const r = await appel(reserver, '/x', {
      method: 'POST',
      cookie: chloe,
      corps: { formation: 'CAP Maintenance des véhicules', niveau: 'Terminale' },
      params: { id: offre },
    });
    expect(r.statut).toBe(409);
    expect(r.corps.erreur).toMatchObject({ code: 'OFFRE_COMPLETE', message: expect.stringContaining('déjà réservées') });
    expect(await compter()).toEqual(avant);
  });

  test('une offre dont la période a commencé est expirée (409 OFFRE_EXPIREE)', async () => {
    const { rows } = await pile.db.query<{ id: string }>(
      `insert into prive.offres_places (organisation_id, membre_id, formation, debut, fin, places)
       select $1, id, 'Bac pro MSPC', current_date, current_date + 20, 2 from prive.membres where email = 'alice.martin@exemple.test' returning id`,
      [organisation],
    );
    const avant = await compter();
    const r = await appel(reserver, '/x', {
      method: 'POST',
      cookie: chloe,
      corps: { formation: 'Bac pro MSPC', niveau: 'Première' },
      params: { id: rows[0]!.id },
    });
    expect(r.statut).toBe(409);
    expect(r.corps.erreur.code).toBe('OFFRE_EXPIREE');
    expect(await compter()).toEqual(avant);
  });

  test('seul l’émetteur confirme ; la confirmation inscrit le placement au registre et prévient Bruno', async () => {
    const refus = await appel(confirmer, '/x', { method: 'POST', cookie: bruno, params: { id: reservation } });
    expect(refus.statut).toBe(404);
    const avant = pile.messages.length;
    const r = await appel(confirmer, '/x', { method: 'POST', cookie: alice, params: { id: reservation } });
    expect(r.statut).toBe(200);
    await expect.poll(() => pile.messages.length).toBe(avant + 1);
    expect(pile.messages.at(-1)!.a).toContain('bruno.garcia@exemple.test');
    const fiche = await appel(lire, '/x', { cookie: chloe, params: { id: organisation } });
    expect(fiche.corps.placements).toMatchObject([
      { lycee: 'Lycée polyvalent du Canal (fictif)', formation: 'CAP Maintenance des véhicules', niveau: 'CAP 1re année' },
    ]);
    expect(fiche.corps.partenariats).toMatchObject([{ uai: '0119902B', formation: 'CAP Maintenance des véhicules' }]);
    const encore = await appel(confirmer, '/x', { method: 'POST', cookie: alice, params: { id: reservation } });
    expect(encore.corps.erreur.code).toBe('DEJA_CONFIRMEE');
  });

  test('un identifiant mal formé : 404 en français, jamais une erreur de base', async () => {
    const r = await appel(lire, '/x', { cookie: alice, params: { id: 'pas-un-uuid' } });
    expect(r.statut).toBe(404);
    expect(r.corps.erreur.message).toContain('identifiant');
  });

  test('la tâche quotidienne purge les contacts sans activité depuis 3 ans, et eux seuls', async () => {
    await pile.db.query(
      `insert into prive.contacts (organisation_id, nom, email, derniere_activite) values ($1, 'Ancien Contact', 'ancien@exemple.test', now() - interval '3 years 1 day'),
                                                                                         ($1, 'Contact Récent', 'recent@exemple.test', now() - interval '2 years')`,
      [organisation],
    );
    const r = await purgerContacts(new Request('http://localhost/.netlify/functions/taches-purger-contacts', { method: 'POST' }));
    expect(r.status).toBe(204);
    const { rows } = await pile.db.query<{ nom: string }>('select nom from prive.contacts where organisation_id = $1', [organisation]);
    expect(rows.map((x) => x.nom)).toEqual(['Contact Récent']);
  });

  test('l’export CSV contient le carnet et les notes de mon lycée seulement', async () => {
    const lire = async (cookie: string) => {
      const r = await exporter(requete('/api/carnet/export.csv', { headers: { cookie } }), contexte() as Context);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toContain('text/csv');
      return r.text();
    };
    const pourAlice = await lire(alice);
    expect(pourAlice.split('\r\n')[0]).toContain('Nom;SIRET;Code NAF');
    expect(pourAlice).toContain('Garage du Midi (fictif)');
    expect(pourAlice).toContain('Tuteur disponible le mardi.');
    expect(await lire(chloe)).not.toContain('Tuteur disponible');
    const sans = await exporter(requete('/api/carnet/export.csv'), contexte() as Context);
    expect(sans.status).toBe(401);
  });
});
