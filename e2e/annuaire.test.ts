// Parcours de l'annuaire dans Chromium, sous la vraie CSP, axe en thème clair et sombre sur chaque écran :
// Alice complète sa fiche et masque son téléphone au réseau ; Bruno la trouve par département et expertise,
// sans le téléphone, et télécharge sa vCard ; l'administratrice invite Nina, qui se connecte avec son code.
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
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
const contextes: BrowserContext[] = [];
const erreurs: string[][] = [];

beforeAll(async () => {
  verifierSiteConstruit();
  [pile, navigateur] = await Promise.all([demarrerPileAvecSite(), lancerNavigateur()]);
});
afterAll(async () => {
  await fermerNavigateur(navigateur);
  await pile?.arreter();
});
afterEach(async () => {
  for (const c of contextes.splice(0)) await c.close();
  expect(erreurs.splice(0).flat(), 'erreurs JavaScript, violations CSP ou ressources en échec').toEqual([]);
});

/** Un navigateur neuf, connecté avec le code reçu par courriel ; renvoie sa page. */
async function connecter(email: string): Promise<Page> {
  const contexte = await nouveauContexte(navigateur, pile);
  contextes.push(contexte);
  const page = await contexte.newPage();
  erreurs.push(surveillerErreurs(page));
  await page.goto('/connexion/');
  await page.getByLabel('Adresse électronique professionnelle').fill(email);
  await page.getByRole('button', { name: 'Recevoir un code' }).click();
  await page.getByLabel('Code reçu par courriel').waitFor();
  await page.getByLabel('Code reçu par courriel').fill(await pile.dernierCode(email));
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await page.waitForURL('**/mon-espace/');
  return page;
}

describe('Annuaire', () => {
  test('Alice masque son téléphone au réseau ; Bruno la trouve par département et expertise, sans le téléphone, et télécharge sa vCard', async () => {
    const alice = await connecter('alice.martin@exemple.test');
    await alice.goto('/annuaire/ma-fiche/');
    await alice.getByLabel(/Téléphone professionnel/).fill('04 67 00 00 44');
    await alice.locator('label[for="expertise-convention"]').click();
    expect(await alice.getByLabel('Convention').isChecked()).toBe(true);
    await alice.getByLabel('Qui voit : téléphone professionnel').selectOption('organisateurs');
    await verifierAccessibilite(alice, 'ma fiche');
    await alice.getByRole('button', { name: 'Enregistrer ma fiche' }).click();
    await alice.getByText('Votre fiche est enregistrée.').waitFor();
    expect(await alice.getByText(/Fiche mise à jour le/).count()).toBe(1);

    const bruno = await connecter('bruno.garcia@exemple.test');
    await bruno.goto('/annuaire/');
    await bruno.getByRole('heading', { name: 'Nouveaux dans le réseau' }).waitFor();
    await verifierAccessibilite(bruno, 'annuaire, accueil');
    await bruno.getByLabel('Département', { exact: true }).selectOption('11');
    await bruno.getByLabel('Expertise', { exact: true }).selectOption('convention');
    await bruno.waitForURL((u) => u.search === '?departement=11&expertise=convention');
    const carte = bruno.getByRole('article').filter({ has: bruno.getByRole('heading', { name: 'Alice Martin' }) });
    await carte.waitFor();
    await bruno.getByText('1 membre trouvé.').waitFor();
    expect(await bruno.getByRole('main').textContent()).not.toContain('04 67 00 00 44');
    expect(await carte.textContent()).toContain('alice.martin@exemple.test');
    await verifierAccessibilite(bruno, 'annuaire, recherche par département et expertise');

    const [telechargement] = await Promise.all([bruno.waitForEvent('download'), carte.getByRole('link', { name: /vCard/ }).click()]);
    expect(telechargement.suggestedFilename()).toBe('alice-martin.vcf');
    const vcard = readFileSync((await telechargement.path())!, 'utf8');
    expect(vcard).toContain('FN:Alice Martin');
    expect(vcard).not.toContain('04 67 00 00 44');

    // La carte filtre aussi ; l'adresse garde les filtres au rechargement.
    await bruno.getByRole('button', { name: /^Gard \(30\)/ }).click();
    await bruno.waitForURL((u) => u.searchParams.get('departement') === '30');
    await bruno.reload();
    expect(await bruno.getByLabel('Département', { exact: true }).inputValue()).toBe('30');
    await bruno.getByRole('button', { name: 'Afficher en tableau' }).click();
    await bruno.getByRole('table').waitFor();
    await verifierAccessibilite(bruno, 'annuaire, vue tableau');

    // Sur un guide de son thème, « Qui contacter » montre Alice à Bruno, connecté (témoin de connexion lu par la page).
    await bruno.goto('/guides/reglementation/convention-pfmp/');
    const qui = bruno.locator('section', { has: bruno.getByRole('heading', { name: 'Qui contacter' }) });
    await qui.getByText('Alice Martin').waitFor();
    expect(await qui.getByRole('link', { name: 'Se connecter' }).count()).toBe(0);
  });

  test('l’administratrice invite Nina ; Nina reçoit l’invitation, se connecte avec le code et figure parmi les nouveaux', async () => {
    const admin = await connecter('admin@exemple.test');
    await admin.goto('/annuaire/administration/');
    await admin.getByRole('heading', { name: 'Journal d’administration' }).waitFor();
    await verifierAccessibilite(admin, 'administration');
    await admin.getByLabel('Adresse électronique professionnelle').fill('nina.nouvelle@exemple.test');
    await admin.getByLabel('Prénom').fill('Nina');
    await admin.getByLabel('Nom', { exact: true }).fill('Nouvelle');
    await admin.getByRole('button', { name: 'Inviter' }).click();
    await admin.getByText('Invitation envoyée à nina.nouvelle@exemple.test.').waitFor();
    await admin.getByText(/Invitation de Nina Nouvelle par Adèle Administratrice/).waitFor();
    expect(pile.messages.some((m) => m.a.includes('nina.nouvelle@exemple.test') && /Invitation/.test(m.objet))).toBe(true);

    const nina = await connecter('nina.nouvelle@exemple.test');
    await nina.goto('/annuaire/');
    const nouveaux = nina
      .getByRole('region', { name: 'Nouveaux dans le réseau' })
      .or(nina.locator('section', { has: nina.getByRole('heading', { name: 'Nouveaux dans le réseau' }) }));
    await nouveaux.getByText('Nina Nouvelle').waitFor();
  });

  test('sans session, l’annuaire et « Qui contacter » ne montrent personne', async () => {
    const contexte = await nouveauContexte(navigateur, pile);
    contextes.push(contexte);
    const page = await contexte.newPage();
    erreurs.push(surveillerErreurs(page));
    await page.goto('/annuaire/');
    await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).waitFor();
    await verifierAccessibilite(page, 'annuaire, sans session');
    // Un lecteur anonyme ne coûte aucun appel de fonction : sans témoin de connexion, la page n'appelle pas l'API.
    const appels: string[] = [];
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.startsWith('/api/')) appels.push(r.url());
    });
    await page.goto('/guides/');
    await page.locator('.rbde-liste-guides a').first().click();
    await page.getByRole('heading', { name: 'Qui contacter' }).waitFor();
    expect(await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).count()).toBe(1);
    expect(await page.getByRole('main').textContent()).not.toMatch(/exemple\.test/);
    expect(appels).toEqual([]);
  });
});
