// Parcours « importer un tableur » dans Chromium, sur dist/ et une pile locale isolée, sous la vraie CSP :
// Alice dépose l'export CSV (Windows-1252, « ; ») de son tableur, garde l'association proposée des colonnes,
// lit le rapport, corrige sur place les deux lignes signalées (SIRET à la clé fausse, commune mal écrite),
// vérifie de nouveau, importe ; les fiches sont dans le carnet. axe en thème clair et sombre à chaque étape.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PileDeTest } from '../local/tests/pile-test.ts';
import {
  demarrerPileAvecSite,
  fermerNavigateur,
  lancerNavigateur,
  nouveauContexte,
  surveillerErreurs,
  verifierAccessibilite,
  verifierSiteConstruit,
} from './outils.ts';

let pile: PileDeTest;
let navigateur: Browser;
const ouverts: { contexte: BrowserContext; erreurs: string[] }[] = [];

beforeAll(async () => {
  verifierSiteConstruit();
  [pile, navigateur] = await Promise.all([demarrerPileAvecSite(), lancerNavigateur()]);
}, 120_000);

afterAll(async () => {
  for (const o of ouverts) await o.contexte.close();
  await fermerNavigateur(navigateur);
  await pile?.arreter();
  for (const o of ouverts) expect(o.erreurs, 'erreurs JavaScript, CSP ou ressources en échec').toEqual([]);
});

async function connecte(email: string): Promise<Page> {
  const contexte = await nouveauContexte(navigateur, pile);
  const page = await contexte.newPage();
  ouverts.push({ contexte, erreurs: surveillerErreurs(page) });
  const demande = await contexte.request.post('/api/auth/code', { data: { email } });
  expect(demande.status()).toBe(202);
  const session = await contexte.request.post('/api/auth/session', { data: { email, code: await pile.dernierCode(email) } });
  expect(session.status()).toBe(201);
  return page;
}

// SIRET fictifs (préfixe 999) : 99900000800014 a une clé juste, 99900000800015 non.
const TABLEUR = [
  'Raison sociale;SIRET;Code APE;Ville;CP;Nom du contact;Téléphone;Formation',
  'Garage des Étangs (fictif);99900000700016;45.20A;Leucate;11370;Paul Exemple;04 00 00 00 01;CAP Maintenance des véhicules',
  'Fleuriste du Lez (fictive);99900000800015;47.76Z;Lattes;34970;;;',
  'Restaurant de la Place (fictif);;56.10A;Montpeliier;;;;Bac pro Cuisine',
  'Menuiserie des Causses (fictive);;16.23Z;Mende;48000;;;',
].join('\r\n');
const NOMS = TABLEUR.split('\r\n')
  .slice(1)
  .map((l) => l.split(';')[0]!);
/** Comme Excel l'enregistre en français : Windows-1252 (« É » est l'octet C9). */
const FICHIER = Buffer.from(TABLEUR, 'latin1');

describe('Carnet des entreprises : import d’un tableur', () => {
  test('importe un petit tableur et corrige les deux lignes que le rapport signale', async () => {
    const alice = await connecte('alice.martin@exemple.test');
    await alice.goto('/outils/carnet-entreprises/');
    await alice.getByRole('link', { name: 'Importer un tableur (CSV)' }).click();
    await alice.getByRole('heading', { level: 1, name: 'Importer un tableur dans le carnet' }).waitFor();
    await verifierAccessibilite(alice, 'import, choix du fichier');

    await alice.getByLabel('Fichier CSV de votre tableur').setInputFiles({ name: 'mes-entreprises.csv', mimeType: 'text/csv', buffer: FICHIER });
    await alice.getByRole('button', { name: 'Lire le fichier' }).click();
    await alice.getByText('Fichier lu : 4 lignes de données, séparateur point-virgule, encodage Windows-1252.', { exact: false }).waitFor();
    await expect(alice.getByLabel('Nom de l’organisation (obligatoire)').inputValue()).resolves.toBe('0');
    await expect(alice.getByLabel('Code postal').inputValue()).resolves.toBe('4');
    await verifierAccessibilite(alice, 'import, association des colonnes');

    await alice.getByRole('button', { name: 'Vérifier les lignes' }).click();
    await alice.getByText('4 lignes : 2 prêtes, 2 à corriger.').waitFor();
    await expect(alice.getByText(/clé de contrôle ne correspond pas/).isVisible()).resolves.toBe(true);
    await expect(alice.getByText('Commune inconnue : « Montpeliier »', { exact: false }).isVisible()).resolves.toBe(true);
    await verifierAccessibilite(alice, 'import, rapport avec deux lignes à corriger');

    // Rien n'est encore écrit.
    const importees = async () =>
      (await pile.db.query<{ n: number }>(`select count(*)::int as n from prive.organisations where nom = any($1)`, [NOMS])).rows[0]!.n;
    expect(await importees()).toBe(0);

    await alice.getByLabel('SIRET (ligne 3)').fill('99900000800014');
    await alice.getByLabel('Commune (nom ou code INSEE) (ligne 4)').fill('Montpellier');
    await alice.getByText('Des lignes ont changé : vérifiez de nouveau avant d’importer.', { exact: false }).waitFor();
    await alice.getByRole('button', { name: 'Vérifier de nouveau' }).click();
    await alice.getByText('4 lignes : 4 prêtes, 0 à corriger.').waitFor();
    await verifierAccessibilite(alice, 'import, rapport corrigé');

    await alice.getByRole('button', { name: 'Importer 4 lignes' }).click();
    await alice.getByText('4 organisations ajoutées au carnet.').waitFor();
    expect(await importees()).toBe(4);
    await verifierAccessibilite(alice, 'import terminé');

    await alice.getByRole('link', { name: 'Retour au carnet des entreprises' }).click();
    await alice.getByLabel('Nom', { exact: true }).fill('fleuriste lez');
    await alice.getByRole('button', { name: 'Chercher', exact: true }).click();
    await alice.getByRole('button', { name: 'Fleuriste du Lez (fictive)' }).click();
    await alice.getByText('99900000800014').waitFor();
    await alice.getByText('organisation importée', { exact: false }).first().waitFor();
  }, 120_000);
});
