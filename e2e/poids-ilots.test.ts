// Poids du JavaScript des outils publics, lu dans le site construit (dist/) : React n'est chargé que par les
// pages qui ont un îlot, l'accueil, le glossaire, la page Outils et la check-list n'en ont pas, et le simulateur de
// l'allocation (îlot servi par Preact) ajoute moins de 15 Ko compressés à sa page, sans React.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { verifierSiteConstruit } from './outils.ts';

const DIST = join(import.meta.dirname, '..', 'dist');
const CODE_REACT = /Symbol\.for\(["'`]react\.|__reactFiber|__reactContainer/;

function pagesHtml(dossier = DIST): string[] {
  return readdirSync(dossier, { withFileTypes: true }).flatMap((e) => {
    const chemin = join(dossier, e.name);
    if (e.isDirectory()) return e.name === '_astro' || e.name === 'pagefind' ? [] : pagesHtml(chemin);
    return e.name.endsWith('.html') ? [chemin] : [];
  });
}
const adresse = (fichier: string) => `/${relative(DIST, fichier).replace(/index\.html$/, '')}`;
const lire = (url: string) => readFileSync(join(DIST, url), 'utf8');

/** Un module et tous ceux qu'il importe (statiquement ou non), en adresses /_astro/… */
function fermeture(url: string, vus = new Set<string>()): Set<string> {
  if (vus.has(url)) return vus;
  vus.add(url);
  for (const m of lire(url).matchAll(/(?:from|import)\s*\(?\s*["'](\.\/[^"']+\.js)["']/g)) fermeture(new URL(m[1]!, `http://x${url}`).pathname, vus);
  return vus;
}

/** Les scripts d'une page : <script src>, îlots (component-url, renderer-url), préchargements de modules. */
function scriptsDe(html: string): string[] {
  const urls = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"|component-url="([^"]+)"|renderer-url="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m.slice(1).find(Boolean)!);
  return [...new Set(urls.filter((u) => u.startsWith('/_astro/')).flatMap((u) => [...fermeture(u)]))];
}
const octetsCompresses = (urls: Iterable<string>) => [...urls].reduce((t, u) => t + gzipSync(readFileSync(join(DIST, u)), { level: 9 }).length, 0);

describe('JavaScript des pages (site construit)', () => {
  verifierSiteConstruit();
  const pages = pagesHtml().map((f) => ({ url: adresse(f), html: readFileSync(f, 'utf8') }));

  test('une page sans îlot ne charge aucun code de React', () => {
    const fautives = pages
      .filter((p) => !p.html.includes('<astro-island'))
      .flatMap((p) =>
        scriptsDe(p.html)
          .filter((s) => CODE_REACT.test(lire(s)))
          .map((s) => `${p.url} charge ${s}`),
      );
    expect(fautives).toEqual([]);
  });

  // Les guides ont depuis l'annuaire un îlot « Qui contacter » (hors de ce test) ; les pages ci-dessous n'en ont aucun.
  test('le glossaire, l’accueil, la page Outils et la check-list n’ont pas d’îlot', () => {
    const publiques = pages.filter((p) => /^\/(glossaire\/|outils\/(check-list-pfmp\/)?$|$)/.test(p.url));
    expect(publiques.length).toBe(4);
    expect(publiques.filter((p) => p.html.includes('<astro-island')).map((p) => p.url)).toEqual([]);
  });

  // L'îlot du simulateur est écrit avec l'API de React mais servi par Preact (astro.config.mjs) : sa page ne charge pas React.
  test('le simulateur de l’allocation ajoute moins de 15 Ko compressés (gzip) à sa page et ne charge pas React ; les autres îlots gardent React', () => {
    const REACT_DOM = /__reactContainer|__reactFiber/;
    const simulateur = readFileSync(join(DIST, 'outils/simulateur-allocation/index.html'), 'utf8');
    expect(/component-url="[^"]+SimulateurAllocation[^"]*"/.test(simulateur), 'îlot du simulateur introuvable').toBe(true);
    const reference = new Set(scriptsDe(readFileSync(join(DIST, 'glossaire/index.html'), 'utf8')));
    const ajoutes = scriptsDe(simulateur).filter((u) => !reference.has(u));
    const poids = octetsCompresses(ajoutes);
    console.info(`Simulateur : ${(poids / 1024).toFixed(1)} Ko gzip ajoutés à la page (${ajoutes.join(', ')}).`);
    expect(poids).toBeLessThan(15 * 1024);
    expect(scriptsDe(simulateur).filter((u) => REACT_DOM.test(lire(u)))).toEqual([]);
    const calendrier = readFileSync(join(DIST, 'outils/calendrier-pfmp/index.html'), 'utf8');
    expect(scriptsDe(calendrier).some((u) => REACT_DOM.test(lire(u)))).toBe(true);
  });
});
