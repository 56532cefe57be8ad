// Parcours dans un vrai navigateur (Chromium de Debian) sur le site construit (dist/) et une pile locale isolée.
// Chaque page visitée passe le contrôle axe (WCAG 2.1 A et AA) en thème clair et en thème sombre.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
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
let contexte: BrowserContext;
let page: Page;
let erreurs: string[];

beforeAll(async () => {
  verifierSiteConstruit();
  [pile, navigateur] = await Promise.all([demarrerPileAvecSite(), lancerNavigateur()]);
});

afterAll(async () => {
  await fermerNavigateur(navigateur);
  await pile?.arreter();
});

beforeEach(async () => {
  contexte = await nouveauContexte(navigateur, pile);
  page = await contexte.newPage();
  erreurs = surveillerErreurs(page);
});

afterEach(async () => {
  await contexte?.close();
  // Une erreur JavaScript ou une ressource du site en échec fait échouer le parcours, même si le reste a marché.
  expect(erreurs, 'erreurs JavaScript ou ressources en échec pendant le parcours').toEqual([]);
});

/** Le h1 de la page, une fois présent. */
const titrePrincipal = (p: Page) => p.locator('main h1').first();

/** Saisit l'adresse et demande un code ; renvoie le code reçu par courriel. */
async function demanderCode(p: Page, email: string): Promise<string> {
  await p.getByLabel('Adresse électronique professionnelle').fill(email);
  await p.getByRole('button', { name: 'Recevoir un code' }).click();
  await p.getByLabel('Code reçu par courriel').waitFor();
  return pile.dernierCode(email);
}

describe('Consultation des guides', () => {
  test('depuis l’accueil, la navigation « Guides » puis un guide mène à la page du guide, qui affiche son titre', async () => {
    await page.goto('/');
    await expect(titrePrincipal(page).textContent()).resolves.toBe('Réseau BDE');
    await verifierAccessibilite(page, 'accueil');

    await page.getByRole('navigation', { name: 'Menu principal' }).getByRole('link', { name: 'Guides', exact: true }).click();
    await page.waitForURL('**/guides/');
    await expect(titrePrincipal(page).textContent()).resolves.toBe('Guides');
    await verifierAccessibilite(page, 'liste des guides');

    const lien = page.locator('.rbde-liste-guides a').first();
    const titreGuide = (await lien.textContent())!.trim();
    expect(titreGuide).not.toBe('');
    await lien.click();
    await page.waitForURL(/\/guides\/[a-z-]+\/[a-z0-9-]+\/$/);
    await expect(titrePrincipal(page).textContent()).resolves.toBe(titreGuide);
    expect(await page.title()).toContain(titreGuide);
    await verifierAccessibilite(page, `guide « ${titreGuide} »`);
  });

  test('la recherche de l’en-tête trouve « entreprise » quand on cherche « entreprises », et ouvre le résultat', async () => {
    await page.goto('/');
    const champ = page.getByRole('banner').getByRole('searchbox', { name: 'Rechercher dans les guides' });
    await champ.fill('entreprises');
    await champ.press('Enter');
    await page.waitForURL((u) => u.pathname === '/recherche/' && u.searchParams.get('q') === 'entreprises');

    const bilan = page.locator('#resultats h2');
    await bilan.waitFor();
    expect(await bilan.textContent()).toMatch(/^\d+ (premiers résultats sur \d+|résultats?) pour « entreprises »$/);
    await verifierAccessibilite(page, 'résultats de recherche « entreprises »');

    // Pagefind (racinisation française) surligne aussi la forme au singulier : la flexion est bien rapprochée.
    const resultats = page.locator('#resultats li.rbde-resultat');
    expect(await resultats.count()).toBeGreaterThan(0);
    const auSingulier = resultats.filter({ has: page.locator('mark', { hasText: /^entreprise$/i }) }).first();
    // Cinq résultats d'abord : on demande les suivants tant qu'aucun extrait affiché ne montre le singulier.
    const plus = page.getByRole('button', { name: /^Afficher \d+ résultats de plus$/ });
    for (let i = 0; i < 6 && (await auSingulier.count()) === 0 && (await plus.count()) > 0; i++) {
      const avant = await resultats.count();
      await plus.click();
      await page.waitForFunction((n) => document.querySelectorAll('#resultats li.rbde-resultat').length > n, avant);
    }
    expect(await auSingulier.count(), 'aucun extrait ne surligne « entreprise » au singulier').toBe(1);

    const lien = auSingulier.locator('h3 a');
    const titre = (await lien.textContent())!.trim();
    await lien.click();
    await page.waitForURL((u) => u.pathname !== '/recherche/');
    await expect(titrePrincipal(page).textContent()).resolves.toBe(titre);
    expect(await page.locator('main').textContent()).toMatch(/\bentreprise\b/i);
  });

  test('le script du DSFR n’écrit rien dans la console, et la fenêtre de recherche de l’en-tête est nommée par son bouton', async () => {
    // Chaque message du DSFR (version, démarrage, avertissements) coûtait du calcul à l'ouverture de chaque page.
    const messages: string[] = [];
    page.on('console', (m) => {
      if (m.text().includes('dsfr')) messages.push(`${m.type()} : ${m.text()}`);
    });
    // Sur mobile, la recherche de l'en-tête est une fenêtre (sur grand écran, le DSFR la désactive).
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto('/guides/');
    await page.waitForLoadState('networkidle');
    expect(messages).toEqual([]);
    // Le DSFR avertissait « Modal #modal-recherche - missing accessible name » et nommait la fenêtre lui-même.
    const html = await (await page.request.get('/guides/')).text();
    expect(html).toMatch(/<div class="fr-header__search fr-modal" id="modal-recherche" aria-labelledby="bouton-recherche">/);
    expect(html).toMatch(/<button class="fr-btn--search fr-btn"[^>]* id="bouton-recherche" title="Rechercher">/);
    await page.locator('#bouton-recherche').click();
    await page.getByRole('dialog', { name: 'Rechercher' }).getByLabel('Rechercher dans les guides').waitFor();
  });

  test('l’accueil ne télécharge pas Marianne italique : le texte indicatif des champs, seul en italique, est penché par le navigateur', async () => {
    const polices: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('.woff2')) polices.push(r.url().replace(/.*\//, ''));
    });
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    expect(polices.some((p) => p.startsWith('marianne-400.'))).toBe(true);
    expect(polices.filter((p) => p.includes('italique'))).toEqual([]);
    expect(await page.locator('#recherche-entete').evaluate((e) => getComputedStyle(e, '::placeholder').fontStyle)).toBe('italic');
  });

  test('le glossaire, la déclaration d’accessibilité et une adresse inexistante (404) sont accessibles', async () => {
    await page.goto('/glossaire/');
    await expect(titrePrincipal(page).textContent()).resolves.toBe('Glossaire');
    await verifierAccessibilite(page, 'glossaire');

    await page.goto('/accessibilite/');
    await expect(titrePrincipal(page).textContent()).resolves.toBe('Déclaration d’accessibilité');
    await verifierAccessibilite(page, 'déclaration d’accessibilité');

    const reponse = await page.goto('/cette-page-n-existe-pas/');
    expect(reponse?.status()).toBe(404);
    await expect(titrePrincipal(page).textContent()).resolves.toBe('Page introuvable');
    await verifierAccessibilite(page, 'page 404');
  });

  test('les paramètres d’affichage montrent leurs trois pictogrammes, téléchargés à l’ouverture seulement, et passent au thème sombre', async () => {
    const pictogrammes: string[] = [];
    page.on('request', (r) => {
      if (/\/_astro\/(light|dark|system)\.[\w-]+\.svg$/.test(r.url())) pictogrammes.push(r.url());
    });
    await page.goto('/');
    await page.waitForLoadState('networkidle');
    expect(pictogrammes, 'pictogrammes téléchargés avant l’ouverture de la fenêtre').toEqual([]);
    // Aucun pictogramme écrit dans la page (Vite mettait le sombre en ligne) : des fichiers, mis en cache.
    expect(await page.content()).not.toContain('artwork-major');
    await page.getByRole('button', { name: 'Paramètres d’affichage' }).click();
    const fenetre = page.getByRole('dialog', { name: 'Paramètres d’affichage' });
    await fenetre.waitFor();
    await expect
      .poll(() => fenetre.locator('img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0)))
      .toEqual([true, true, true]);
    expect(pictogrammes).toHaveLength(3);
    await fenetre.getByText('Thème sombre').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('data-fr-theme'))).toBe('dark');
  });
});

describe('Connexion des membres', () => {
  test('sans session, l’espace propose de se connecter ; avec le code reçu par courriel, Marie Membre arrive dans son espace puis se déconnecte', async () => {
    await page.goto('/mon-espace/');
    const seConnecter = page.getByRole('main').getByRole('link', { name: 'Se connecter' });
    await seConnecter.waitFor();
    await verifierAccessibilite(page, 'mon espace, sans session');

    await seConnecter.click();
    await page.waitForURL('**/connexion/');
    await page.getByRole('button', { name: 'Recevoir un code' }).waitFor();
    await verifierAccessibilite(page, 'connexion, étape adresse');

    const code = await demanderCode(page, 'membre@exemple.test');
    expect(code).toMatch(/^\d{6}$/);
    await expect(page.getByRole('status').textContent()).resolves.toContain('un code à 6 chiffres vient d’y être envoyé');
    await verifierAccessibilite(page, 'connexion, étape code');

    await page.getByLabel('Code reçu par courriel').fill(code);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/mon-espace/');
    const bonjour = page.getByRole('heading', { name: 'Bonjour Marie Membre' });
    await bonjour.waitFor();
    expect(await page.getByRole('main').textContent()).toContain('Marie Membre');
    await verifierAccessibilite(page, 'mon espace, connecté');

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).waitFor();
    await expect(page.getByRole('status').textContent()).resolves.toBe('Vous êtes déconnecté.');
    expect(await bonjour.count()).toBe(0);

    const moi = await contexte.request.get('/api/moi');
    expect(moi.status()).toBe(401);
    await page.reload();
    await page.getByRole('main').getByRole('link', { name: 'Se connecter' }).waitFor();
  });

  test('un mauvais code affiche une erreur en français, reliée au champ, qui annonce les essais restants', async () => {
    await page.goto('/connexion/');
    const bon = await demanderCode(page, 'alice.martin@exemple.test');
    const mauvais = bon.replace(/^./, (c) => String((Number(c) + 1) % 10));

    const champ = page.getByLabel('Code reçu par courriel');
    await champ.fill(mauvais);
    await page.getByRole('button', { name: 'Se connecter' }).click();

    const erreur = page.locator('.fr-error-text');
    await erreur.waitFor();
    expect(await erreur.textContent()).toBe('Ce code est incorrect ou a expiré. Il vous reste 4 essais ; au-delà, demandez un nouveau code.');
    const idErreur = await erreur.getAttribute('id');
    expect(idErreur).toBeTruthy();
    expect((await champ.getAttribute('aria-describedby'))?.split(/\s+/)).toContain(idErreur);
    expect(await champ.getAttribute('aria-invalid')).toBe('true');
    // Annoncée dès son apparition par les lecteurs d'écran, même si le focus est sur le bouton.
    expect(await erreur.getAttribute('role')).toBe('alert');
    await verifierAccessibilite(page, 'connexion, code erroné');
    expect(new URL(page.url()).pathname).toBe('/connexion/');
    expect((await contexte.request.get('/api/moi')).status()).toBe(401);
  });

  test('on se connecte au clavier seul : Tab jusqu’au champ, saisie, Entrée, puis le code et Entrée', async () => {
    await page.goto('/connexion/');
    const champEmail = page.getByLabel('Adresse électronique professionnelle');
    await champEmail.waitFor();

    let atteint = false;
    for (let i = 0; i < 60 && !atteint; i++) {
      await page.keyboard.press('Tab');
      atteint = await champEmail.evaluate((el) => el === document.activeElement);
    }
    expect(atteint, 'le champ de l’adresse n’est pas atteignable avec Tab').toBe(true);

    await page.keyboard.type('bruno.garcia@exemple.test');
    await page.keyboard.press('Enter');
    const champCode = page.getByLabel('Code reçu par courriel');
    await champCode.waitFor();
    // Le focus passe de lui-même au champ du code.
    await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'code');

    const code = await pile.dernierCode('bruno.garcia@exemple.test');
    await page.keyboard.type(code);
    await page.keyboard.press('Enter');
    await page.waitForURL('**/mon-espace/');
    await page.getByRole('heading', { name: 'Bonjour Bruno Garcia' }).waitFor();
  });
});
