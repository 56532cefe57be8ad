// Outils des tests navigateur : Chromium de Debian piloté par playwright-core, pile locale isolée, contrôle axe-core.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../local/tests/pile-test.ts';

const RACINE = join(import.meta.dirname, '..');
const DIST = join(RACINE, 'dist');
const CHROMIUM = process.env.RBDE_CHROMIUM ?? '/usr/bin/chromium';

/** Vérifie que le site est construit (npm test construit avant les tests) ; sinon, un message clair. */
export function verifierSiteConstruit(): void {
  const manquants = ['index.html', '404.html', 'pagefind/pagefind.js'].filter((f) => !existsSync(join(DIST, f)));
  if (manquants.length) {
    throw new Error(
      `Le site n’est pas construit : ${manquants.map((f) => `dist/${f}`).join(', ')} introuvable. ` +
        'Lancez « npm run build » (ou « npm test », qui construit avant de tester) puis relancez les tests navigateur.',
    );
  }
}

/** Lance le Chromium du système (sans téléchargement de navigateur par Playwright). */
export async function lancerNavigateur(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium introuvable à ${CHROMIUM} : installez le paquet Debian « chromium » ou indiquez son chemin dans RBDE_CHROMIUM.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export async function fermerNavigateur(navigateur: Browser | undefined): Promise<void> {
  await navigateur?.close();
}

/** Démarre une pile isolée qui sert aussi le site (dist/ et /api/*). */
export async function demarrerPileAvecSite(): Promise<PileDeTest> {
  verifierSiteConstruit();
  return demarrerPileDeTest({ site: true });
}

/** L'adresse du site : localhost (contexte sûr, les cookies Secure y sont acceptés). */
export const adresseSite = (pile: PileDeTest, chemin = '/') => `http://localhost:${pile.ports.site}${chemin}`;

/** Préfixe des violations CSP relevées dans la page (voir SIGNALER_VIOLATIONS_CSP). */
export const PREFIXE_VIOLATION_CSP = 'Violation CSP';

/**
 * Script posé dans chaque document avant les siens : chaque violation de la politique de sécurité du
 * contenu (en-tête de netlify.toml ou <meta> d'Astro) est écrite dans la console, où surveillerErreurs
 * la relève. Chromium y écrit déjà « Refused to … » pour la plupart ; l'événement les couvre toutes.
 * Les scripts d'initialisation passent par le protocole de débogage : la CSP ne les bloque pas.
 */
const SIGNALER_VIOLATIONS_CSP = `addEventListener('securitypolicyviolation', (e) => {
  console.error('${PREFIXE_VIOLATION_CSP} : « ' + e.violatedDirective + ' » a bloqué ' + (e.blockedURI || 'un contenu') +
    (e.sourceFile ? ' (' + e.sourceFile + ':' + e.lineNumber + ')' : '') + (e.sample ? ' : ' + e.sample : ''));
}, true);`;

/** Un contexte neuf (cookies vides), en français, avec une fenêtre de bureau, sous la vraie CSP. */
export async function nouveauContexte(navigateur: Browser, pile: PileDeTest): Promise<BrowserContext> {
  const contexte = await navigateur.newContext({
    baseURL: adresseSite(pile),
    locale: 'fr-FR',
    viewport: { width: 1280, height: 900 },
    colorScheme: 'light',
    // Jamais bypassCSP : les tests tournent sous la politique que les pages recevront en production.
  });
  await contexte.addInitScript({ content: SIGNALER_VIOLATIONS_CSP });
  contexte.setDefaultTimeout(10_000);
  contexte.setDefaultNavigationTimeout(15_000);
  return contexte;
}

/**
 * Erreurs JavaScript, violations de la CSP et ressources en échec d'une page, relevées pendant le test.
 * Les réponses 4xx de /api/* (401 sans session, 400 pour un code erroné) et le document d'une page 404
 * sont attendues : seules les ressources du site (scripts, styles, index de recherche…) en échec comptent.
 */
export function surveillerErreurs(page: Page): string[] {
  const erreurs: string[] = [];
  page.on('pageerror', (e) => erreurs.push(`Erreur JavaScript : ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) erreurs.push(`Console : ${m.text()}`);
  });
  page.on('requestfailed', (r) => {
    // Une requête abandonnée parce qu'on quitte la page (favicon, préchargement) n'est pas une panne.
    if (r.failure()?.errorText === 'net::ERR_ABORTED') return;
    erreurs.push(`Requête en échec : ${r.url()} (${r.failure()?.errorText})`);
  });
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (r.status() >= 400 && !url.pathname.startsWith('/api/') && r.request().resourceType() !== 'document') {
      erreurs.push(`Ressource en échec : ${r.status()} ${url.pathname}`);
    }
  });
  return erreurs;
}

const require = createRequire(import.meta.url);
const SOURCE_AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface ViolationAxe {
  id: string;
  impact: string | null;
  description: string;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Texte lisible d'une liste de violations axe. */
export function decrireViolations(violations: ViolationAxe[]): string {
  return violations
    .map((v) => {
      const cibles = v.nodes.map(
        (n) => `    - ${n.target.map(String).join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`,
      );
      return `• ${v.id} (${v.impact ?? 'impact inconnu'}) : ${v.description}\n  ${v.helpUrl}\n${cibles.join('\n')}`;
    })
    .join('\n');
}

/**
 * Passe le système en thème clair ou sombre et attend que la page le suive : le JS du DSFR pose
 * data-fr-theme sur <html>, PUIS les couleurs du thème s'appliquent vraiment (fond de page sombre ou clair).
 * Le second contrôle évite un contrôle « sombre » fait en réalité sur des couleurs claires.
 */
async function attendreTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  try {
    await page.waitForFunction((t) => document.documentElement.getAttribute('data-fr-theme') === t, theme, { timeout: 5_000 });
  } catch {
    const actuel = await page.evaluate(() => document.documentElement.getAttribute('data-fr-theme'));
    throw new Error(`Le DSFR n’a pas appliqué le thème « ${theme} » (data-fr-theme vaut « ${actuel} ») sur ${page.url()}.`);
  }
  try {
    await page.waitForFunction(
      (t) => {
        // Luminance relative (WCAG) du fond de <body> : 0 noir, 1 blanc.
        const [r, g, b] = (getComputedStyle(document.body).backgroundColor.match(/[\d.]+/g) ?? []).map(Number);
        const lin = (c = 255) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
        const l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
        return t === 'dark' ? l < 0.05 : l > 0.8;
      },
      theme,
      { timeout: 5_000 },
    );
  } catch {
    const fond = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    throw new Error(
      `data-fr-theme vaut « ${theme} » mais le fond de la page reste ${fond} sur ${page.url()} : ` +
        'les couleurs du thème ne sont pas chargées (feuille « scheme » du DSFR manquante ?).',
    );
  }
  // Laisse passer une image de plus avant de mesurer les contrastes.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
}

/** Exécute axe (WCAG 2.0/2.1 A et AA) sur l'état actuel de la page ; renvoie les violations. */
async function executerAxe(page: Page): Promise<ViolationAxe[]> {
  // page.evaluate, pas addScriptTag : un <script> en ligne ajouté serait (à juste titre) refusé par la CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(SOURCE_AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, o: unknown): Promise<{ violations: ViolationAxe[] }> } }).axe;
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      description: v.description,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
}

/**
 * Contrôle axe de la page en thème clair ET en thème sombre (le site suit le thème du système :
 * data-fr-scheme="system", et le JS du DSFR pose data-fr-theme). Échoue en listant chaque violation.
 * Laisse la page en thème clair.
 */
export async function verifierAccessibilite(page: Page, libelle: string): Promise<void> {
  const rapports: string[] = [];
  for (const theme of ['dark', 'light'] as const) {
    await attendreTheme(page, theme);
    const violations = await executerAxe(page);
    if (violations.length) {
      rapports.push(`Thème ${theme === 'dark' ? 'sombre' : 'clair'} — ${violations.length} règle(s) enfreinte(s) :\n${decrireViolations(violations)}`);
    }
  }
  expect(rapports, `Accessibilité (axe, WCAG 2.1 A et AA) : « ${libelle} » (${page.url()})`).toEqual([]);
}

/**
 * Attend la fin d'une recherche sur /recherche/ : « Recherche en cours… » a laissé place au bilan (un h2,
 * « N résultats pour … » ou « Aucun résultat pour … »). Renvoie les chemins des résultats, dans l'ordre affiché.
 */
export async function attendreResultats(page: Page): Promise<string[]> {
  await page.waitForFunction(
    () => {
      const zone = document.getElementById('resultats');
      return Boolean(zone?.querySelector('h2')) && !zone!.textContent!.includes('Recherche en cours');
    },
    null,
    { timeout: 15_000 },
  );
  return page.$$eval('#resultats ol li h3 a', (liens) => liens.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

/** Installe les crochets communs d'une suite à page unique : pile + site, navigateur, contexte, page,
 *  et l'échec de chaque test qui laisse une erreur JavaScript ou une ressource en échec. */
export function utiliserPageUnique(libelleErreurs = 'erreurs JavaScript ou ressources en échec') {
  const etat = {} as { pile: PileDeTest; navigateur: Browser; contexte: BrowserContext; page: Page; erreurs: string[] };
  beforeAll(async () => {
    verifierSiteConstruit();
    [etat.pile, etat.navigateur] = await Promise.all([demarrerPileAvecSite(), lancerNavigateur()]);
    etat.contexte = await nouveauContexte(etat.navigateur, etat.pile);
    etat.page = await etat.contexte.newPage();
    etat.erreurs = surveillerErreurs(etat.page);
  });
  afterAll(async () => {
    await etat.contexte?.close();
    await fermerNavigateur(etat.navigateur);
    await etat.pile?.arreter();
  });
  afterEach(() => {
    const relevees = etat.erreurs?.splice(0) ?? [];
    expect(relevees, libelleErreurs).toEqual([]);
  });
  return etat;
}

/** Choisit une commune dans un champ à suggestions : le début du nom, puis la suggestion exacte. */
export async function choisirCommune(page: Page, champ: ReturnType<Page['getByLabel']>, debut: string, libelle: string) {
  await champ.fill(debut);
  await page.locator(`datalist option[value="${libelle}"]`).first().waitFor({ state: 'attached' });
  await champ.fill(libelle);
}

/**
 * Installe les crochets d'un parcours à plusieurs membres : pile + site, navigateur, et `connecte(email)` qui
 * ouvre un navigateur neuf connecté par l'API de connexion (la page /connexion/ est couverte ailleurs). Chaque
 * contexte ouvert est fermé à la fin, et ses erreurs JavaScript, CSP ou ressources en échec font échouer la suite.
 */
export function utiliserParcoursMembres() {
  const etat = {} as { pile: PileDeTest; navigateur: Browser };
  const ouverts: { contexte: BrowserContext; erreurs: string[] }[] = [];
  beforeAll(async () => {
    verifierSiteConstruit();
    [etat.pile, etat.navigateur] = await Promise.all([demarrerPileAvecSite(), lancerNavigateur()]);
  }, 120_000);
  afterAll(async () => {
    for (const o of ouverts) await o.contexte.close();
    await fermerNavigateur(etat.navigateur);
    await etat.pile?.arreter();
    for (const o of ouverts) expect(o.erreurs, 'erreurs JavaScript, CSP ou ressources en échec').toEqual([]);
  });
  /** Un navigateur neuf, connecté au nom de `email`. */
  async function connecte(email: string): Promise<Page> {
    const contexte = await nouveauContexte(etat.navigateur, etat.pile);
    const page = await contexte.newPage();
    ouverts.push({ contexte, erreurs: surveillerErreurs(page) });
    const demande = await contexte.request.post('/api/auth/code', { data: { email } });
    expect(demande.status()).toBe(202);
    const session = await contexte.request.post('/api/auth/session', { data: { email, code: await etat.pile.dernierCode(email) } });
    expect(session.status()).toBe(201);
    return page;
  }
  return Object.assign(etat, { connecte, ouverts });
}
