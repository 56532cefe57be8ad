// Pages de guides dans un vrai navigateur (Chromium de Debian), sur le site construit (dist/) et une pile locale :
// sommaire, sources, dates de vérification, badge « À revérifier », sigles du glossaire, lien de modification,
// absence de React, filtre par thème de /guides, et contrôle axe en thème clair et sombre.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Response } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { academie } from '../src/academie.ts';
import { lireGlossaire } from '../src/integrations/achever-site.ts';
import { dateIso, dateLongue } from '../src/lib/dates-fr.ts';
import { attendreResultats, utiliserPageUnique, verifierAccessibilite } from './outils.ts';

const RACINE = join(import.meta.dirname, '..');
/** Un guide riche : sommaire à deux niveaux, sources, sigles (PFMP, RBDE, DDFPT…). */
const GUIDE = { famille: 'reglementation', slug: 'encadrement-suivi' };
const URL_GUIDE = `/guides/${GUIDE.famille}/${GUIDE.slug}/`;

/** Le frontmatter d'un guide, tel qu'écrit dans content/. */
function frontmatter(famille: string, slug: string): Record<string, unknown> {
  const texte = readFileSync(join(RACINE, 'content', 'guides', famille, `${slug}.mdx`), 'utf8');
  return parse(texte.match(/^---\r?\n([\s\S]*?)\r?\n---/)![1]!) as Record<string, unknown>;
}
/** AAAA-MM-JJ d'une date du frontmatter (YAML la lit comme une Date, ou la laisse en texte). */
const jour = (v: unknown) => (v instanceof Date ? dateIso(v) : String(v));

/** Les traces de React d'une page : îlot Astro, script dont l'adresse ou le code est celui de React. */
const CODE_REACT = /Symbol\.for\(["'`]react\.|__reactFiber|__reactContainer|react-dom/;
async function tracesDeReact(p: Page, chemin: string): Promise<string[]> {
  const scripts: Response[] = [];
  const ecouter = (r: Response) => {
    if (r.request().resourceType() === 'script') scripts.push(r);
  };
  p.on('response', ecouter);
  try {
    await p.goto(chemin, { waitUntil: 'networkidle' });
  } finally {
    p.off('response', ecouter);
  }
  const traces: string[] = [];
  const ilots = await p.locator('astro-island').count();
  if (ilots) traces.push(`${ilots} îlot(s) <astro-island>`);
  for (const r of scripts) {
    const adresse = new URL(r.url()).pathname;
    if (/react|jsx-runtime/i.test(adresse)) traces.push(`script ${adresse}`);
    else if (CODE_REACT.test(await r.text())) traces.push(`code de React dans ${adresse}`);
  }
  for (const code of await p.$$eval('script:not([src])', (s) => s.map((e) => e.textContent ?? ''))) {
    if (CODE_REACT.test(code)) traces.push('code de React dans un script en ligne');
  }
  return traces;
}

const env = utiliserPageUnique();
let page: Page;
beforeAll(() => {
  ({ page } = env);
});

describe('Une page de guide', () => {
  test('montre son sommaire, dont chaque lien mène à un titre de la page', async () => {
    await page.goto(URL_GUIDE);
    const sommaire = page.getByRole('navigation', { name: 'Sommaire' });
    const liens = await sommaire.locator('a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, texte: a.textContent!.trim() })));
    expect(liens.length).toBeGreaterThanOrEqual(3);
    for (const { href, texte } of liens) {
      expect(href, texte).toMatch(/^#./);
      const cible = await page.evaluate(
        (id) => {
          const e = document.getElementById(id);
          return e ? { balise: e.tagName, texte: e.textContent!.trim() } : null;
        },
        decodeURIComponent(href.slice(1)),
      );
      expect(cible, `ancre ${href} introuvable`).not.toBeNull();
      expect(cible!.balise).toMatch(/^H[23]$/);
      expect(cible!.texte).toBe(texte);
    }
    expect(liens.map((l) => l.texte)).toContain('Sources');
  });

  test('a une section « Sources » avec des liens, et affiche « Vérifié le » et « À revoir le » du frontmatter', async () => {
    await page.goto(URL_GUIDE);
    const sources = await page.evaluate(() => {
      const titre = document.getElementById('sources');
      const liste = titre?.nextElementSibling;
      return {
        titre: titre ? `${titre.tagName} ${titre.textContent}` : null,
        liens: liste?.tagName === 'UL' ? [...liste.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '') : [],
      };
    });
    expect(sources.titre).toBe('H2 Sources');
    expect(sources.liens.length).toBeGreaterThan(0);
    for (const href of sources.liens) expect(href).toMatch(/^https?:\/\/\S+$/);

    const fm = frontmatter(GUIDE.famille, GUIDE.slug);
    for (const [libelle, champ] of [
      ['Vérifié le', 'verifieLe'],
      ['À revoir le', 'aRevoirLe'],
    ] as const) {
      const ligne = page.locator('article ul.rbde-meta li').filter({ hasText: new RegExp(`^${libelle} `) });
      expect(await ligne.count(), libelle).toBe(1);
      const temps = ligne.locator('time');
      const datetime = await temps.getAttribute('datetime');
      expect(datetime, libelle).toBe(jour(fm[champ]));
      expect(await temps.textContent(), libelle).toBe(dateLongue(new Date(datetime!)));
    }
  });

  test('le badge « À revérifier » apparaît sur les guides dont la date « À revoir le » est passée, et seulement eux', async () => {
    await page.goto('/guides/');
    const adresses = await page.locator('.rbde-liste-guides h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
    expect(adresses.length).toBeGreaterThan(10);
    const perimes: string[] = [];
    for (const adresse of adresses) {
      const html = await (await page.request.get(adresse)).text();
      const aRevoir = html.match(/À revoir le <time datetime="(\d{4}-\d{2}-\d{2})">/)?.[1];
      expect(aRevoir, `${adresse} : date « À revoir le » absente`).toBeTruthy();
      // La date est comparée au jour de la construction de la page (le badge est calculé à ce moment-là).
      const construction = dateIso(statSync(join(RACINE, 'dist', adresse, 'index.html')).mtime);
      const passee = aRevoir! < construction;
      const badge = html.includes('fr-badge--warning">À revérifier<');
      expect(badge, `${adresse} : à revoir le ${aRevoir}, page construite le ${construction}`).toBe(passee);
      expect(html.includes('cette date est passée, le contenu doit être revérifié'), adresse).toBe(passee);
      if (passee) perimes.push(adresse);
    }
    // La liste /guides porte le même badge, sur les mêmes guides.
    const dansLaListe = await page
      .locator('.rbde-liste-guides li')
      .filter({ has: page.locator('.fr-badge--warning', { hasText: 'À revérifier' }) })
      .locator('h3 a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(dansLaListe).toEqual(perimes);
    if (perimes.length) {
      await page.goto(perimes[0]!);
      expect(await page.locator('article .fr-badge--warning').textContent()).toBe('À revérifier');
    } else {
      // Aucun guide à revérifier aujourd'hui : le guide de référence n'a pas de badge mais montre sa date.
      await page.goto(URL_GUIDE);
      expect(await page.locator('article .fr-badge--warning').count()).toBe(0);
      expect(
        await page
          .locator('article ul.rbde-meta li', { hasText: /^À revoir le / })
          .locator('time')
          .getAttribute('datetime'),
      ).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  test('chaque <abbr> d’un sigle expose en title la forme longue du glossaire', async () => {
    await page.goto(URL_GUIDE);
    const abbrs = await page
      .locator('article .rbde-contenu abbr')
      .evaluateAll((as) => as.map((a) => ({ sigle: a.textContent!, title: a.getAttribute('title') })));
    expect(abbrs.map((a) => a.sigle)).toContain('PFMP');
    const glossaire = lireGlossaire(join(RACINE, 'content', 'glossaire'));
    for (const { sigle, title } of abbrs) {
      const entree = glossaire.find((e) => e.terme === sigle || e.variantes.includes(sigle));
      expect(entree, `${sigle} absent du glossaire`).toBeDefined();
      expect(title, sigle).toBe(entree!.forme);
    }
    expect(abbrs.find((a) => a.sigle === 'PFMP')!.title).toBe('période de formation en milieu professionnel');
  });

  test('« Proposer une modification de ce guide » pointe vers le fichier du guide dans le dépôt', async () => {
    await page.goto(URL_GUIDE);
    const lien = page.getByRole('link', { name: 'Proposer une modification de ce guide' });
    const attendu = `${academie.depot.url}/edit/${academie.depot.branche}/content/guides/${GUIDE.famille}/${GUIDE.slug}.mdx`;
    expect(await lien.getAttribute('href')).toBe(attendu);
    expect(attendu).toBe('https://github.com/ac-montpellier/reseau-bde/edit/main/content/guides/reglementation/encadrement-suivi.mdx');
    expect(statSync(join(RACINE, 'content', 'guides', GUIDE.famille, `${GUIDE.slug}.mdx`)).isFile()).toBe(true);
  });

  test('ne charge aucun JavaScript de React (ni îlot astro-island, ni script de React)', async () => {
    expect(await tracesDeReact(page, URL_GUIDE)).toEqual([]);
    // Témoin : la page de connexion, elle, est un îlot React ; le contrôle sait donc le voir.
    expect((await tracesDeReact(page, '/connexion/')).length).toBeGreaterThan(0);
  });
});

describe('La liste des guides', () => {
  test('/guides filtre par thème : le compte diminue, seuls les guides du thème restent visibles, l’adresse garde le filtre', async () => {
    await page.goto('/guides/');
    const compte = page.locator('#compte-guides');
    const lire = async () => Number((await compte.textContent())!.match(/^(\d+) guides?$/)![1]);
    const total = await lire();
    expect(total).toBe(await page.locator('.rbde-liste-guides > li').count());

    await page.getByLabel('Thème', { exact: true }).selectOption({ label: 'Mineurs et sécurité' });
    await page.waitForFunction((n) => document.getElementById('compte-guides')!.textContent !== `${n} guides`, total);
    const filtre = await lire();
    expect(filtre).toBeGreaterThan(0);
    expect(filtre).toBeLessThan(total);
    const visibles = await page
      .locator('.rbde-liste-guides > li:not([hidden])')
      .evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.themes!.split(' ')));
    expect(visibles).toHaveLength(filtre);
    expect(visibles.every((t) => t.includes('mineurs'))).toBe(true);
    expect(await page.locator('.rbde-liste-guides > li[hidden]').count()).toBe(total - filtre);
    expect(new URL(page.url()).searchParams.get('theme')).toBe('mineurs');

    // Le filtre survit au rechargement (il vit dans l'adresse), et « Tous les thèmes » rend toute la liste.
    await page.reload();
    expect(await lire()).toBe(filtre);
    await page.getByLabel('Thème', { exact: true }).selectOption('');
    expect(await lire()).toBe(total);
  });
});

describe('Accessibilité (axe, WCAG 2.1 A et AA, thèmes clair et sombre)', () => {
  test.each([
    ['un guide', URL_GUIDE],
    ['le glossaire', '/glossaire/'],
    ['la liste des guides', '/guides/'],
    ['la famille « Réglementation »', '/guides/reglementation/'],
    ['la recherche « allocation »', '/recherche/?q=allocation'],
  ])('%s (%s) est sans violation', async (libelle, chemin) => {
    await page.goto(chemin);
    if (chemin.startsWith('/recherche/')) expect((await attendreResultats(page)).length).toBeGreaterThan(0);
    await verifierAccessibilite(page, libelle);
  });
});
