// Budgets de poids (octets brotli) du site construit, vérifiés par scripts/budgets.test.ts dans npm test :
// la prochaine fonctionnalité ne peut pas défaire en silence ce que l'issue « plus léger que Starlight » a gagné.
// Mesuré sans navigateur : la page, les feuilles et scripts qu'elle cite (et ceux qu'ils importent), les polices.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Les budgets, en octets compressés (brotli 11, comme un CDN). Relevés le 3 décembre 2026 (guide 50,4 Ko, polices 53,0, accueil 45,6, recherche 197,1), marge de 5 à 10 %. */
export const BUDGETS = {
  /** Page de guide : HTML + CSS + JS. 51,3 Ko mesurés le 3 décembre 2026 : feuille propre aux pages sans îlot React
   *  (55,0 Ko avant), pictogrammes des paramètres d'affichage en fichiers et non en ligne (52,9 Ko avant). */
  guide: 53_000,
  /** Polices d'une page (toutes les @font-face de la feuille, au pire). */
  polices: 58_000,
  /** Page d'accueil : HTML + CSS + JS. 44,5 Ko mesurés le 3 décembre 2026. */
  accueil: 47_000,
  /** Chemin de recherche : page /recherche/, ses scripts, Pagefind (script, worker, moteur, métadonnées), vocabulaire
   *  pour un mot de 9 lettres (5 longueurs), et au pire deux morceaux d'index et cinq fragments. 206 Ko mesurés le
   *  3 décembre 2026 (194 Ko sans le worker, pris pour ne plus bloquer la page). */
  recherche: 212_000,
  /** JavaScript que la page du simulateur de l'allocation charge de plus qu'une page sans îlot (le glossaire) : îlot,
   *  Preact (preact/compat) et son moteur d'îlots. L'issue 10 demande moins de 15 Ko compressés ; 13,4 Ko mesurés
   *  le 3 décembre 2026 (14,7 Ko en gzip). */
  simulateur: 15_000,
} as const;
export type Poste = keyof typeof BUDGETS;

const brotli = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Les ressources /_astro/ qu'une page charge : feuilles, scripts de module, et ce que ces scripts importent. */
function ressources(dist: string, html: string): string[] {
  const vues = new Set<string>();
  const aVoir = [...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]!);
  while (aVoir.length) {
    const r = aVoir.pop()!;
    if (vues.has(r)) continue;
    vues.add(r);
    if (r.endsWith('.js'))
      for (const m of readFileSync(join(dist, r), 'utf8').matchAll(/(?:from|import)\s*\(?\s*"\.\/([^"]+\.js)"/g)) aVoir.push(`/_astro/${m[1]}`);
  }
  return [...vues];
}

/** Poids brotli d'une page (HTML + CSS + JS) et de ses polices. */
export function poidsPage(dist: string, chemin: string) {
  const fichier = join(dist, chemin, 'index.html');
  if (!existsSync(fichier)) throw new Error(`Page introuvable dans le site construit : ${fichier} (lancez npm run build).`);
  const html = readFileSync(fichier);
  const liste = ressources(dist, html.toString());
  const page = brotli(html) + liste.reduce((n, r) => n + brotli(readFileSync(join(dist, r))), 0);
  const polices = new Set(
    liste
      .filter((r) => r.endsWith('.css'))
      .flatMap((r) => [...readFileSync(join(dist, r), 'utf8').matchAll(/url\((\/_astro\/[^)]+\.woff2)\)/g)].map((m) => m[1]!)),
  );
  return { page, polices: [...polices].reduce((n, p) => n + readFileSync(join(dist, p)).length, 0) };
}

/** Poids du chemin de recherche, au pire raisonnable (voir BUDGETS.recherche). */
export function poidsRecherche(dist: string): number {
  const html = readFileSync(join(dist, 'recherche', 'index.html'));
  const pf = join(dist, 'pagefind');
  const taille = (f: string) => brotli(readFileSync(f));
  const plusGros = (dossier: string, n: number) =>
    readdirSync(dossier)
      .map((f) => readFileSync(join(dossier, f)).length) // déjà compressés par Pagefind
      .sort((a, b) => b - a)
      .slice(0, n)
      .reduce((a, b) => a + b, 0);
  const meta = readdirSync(pf).find((f) => f.endsWith('.pf_meta'))!;
  const vocabulaire = [7, 8, 9, 10, 11].reduce((n, l) => n + taille(join(dist, 'recherche', 'vocabulaire', `${l}.json`)), 0);
  const scripts = ressources(dist, html.toString())
    .filter((r) => r.endsWith('.js'))
    .reduce((n, r) => n + taille(join(dist, r)), 0);
  return (
    brotli(html) +
    scripts +
    taille(join(pf, 'pagefind.js')) +
    taille(join(pf, 'pagefind-worker.js')) +
    readFileSync(join(pf, 'wasm.fr.pagefind')).length +
    readFileSync(join(pf, meta)).length +
    vocabulaire +
    plusGros(join(pf, 'index'), 2) +
    plusGros(join(pf, 'fragment'), 5)
  );
}

/** Les scripts qu'une page charge (balises, îlots, moteurs d'îlots) et ce qu'ils importent, transitivement. */
function scriptsDe(dist: string, html: string): Set<string> {
  const vus = new Set<string>();
  const aVoir = [...html.matchAll(/(?:src|component-url|renderer-url)="(\/_astro\/[^"]+\.js)"/g)].map((m) => m[1]!);
  while (aVoir.length) {
    const r = aVoir.pop()!;
    if (vus.has(r)) continue;
    vus.add(r);
    for (const m of readFileSync(join(dist, r), 'utf8').matchAll(/(?:from|import)\s*\(?\s*["']\.\/([^"']+\.js)["']/g)) aVoir.push(`/_astro/${m[1]}`);
  }
  return vus;
}

/** Le JavaScript qu'une page charge de plus qu'une page de référence : fichiers, octets brotli et gzip. */
export function javascriptAjoute(dist: string, chemin: string, reference: string) {
  const lirePage = (c: string) => readFileSync(join(dist, c, 'index.html'), 'utf8');
  const ref = scriptsDe(dist, lirePage(reference));
  const fichiers = [...scriptsDe(dist, lirePage(chemin))].filter((u) => !ref.has(u)).sort();
  const contenus = fichiers.map((u) => readFileSync(join(dist, u)));
  return {
    fichiers,
    brotli: contenus.reduce((n, c) => n + brotli(c), 0),
    gzip: contenus.reduce((n, c) => n + gzipSync(c, { level: 9 }).length, 0),
  };
}

/** Tous les postes mesurés sur un site construit. */
export function mesurerPoids(dist: string): Record<Poste, number> {
  const guide = poidsPage(dist, 'guides/reglementation/allocation-pfmp');
  return {
    guide: guide.page,
    polices: guide.polices,
    accueil: poidsPage(dist, '').page,
    recherche: poidsRecherche(dist),
    simulateur: javascriptAjoute(dist, 'outils/simulateur-allocation', 'glossaire').brotli,
  };
}

/** Les dépassements, en français ; vide si tout tient. */
export function depassements(poids: Record<Poste, number>, budgets: Record<Poste, number> = BUDGETS): string[] {
  const ko = (n: number) => `${(n / 1000).toFixed(1)} Ko`;
  return (Object.keys(budgets) as Poste[])
    .filter((p) => poids[p] > budgets[p])
    .map((p) => `${p} : ${ko(poids[p])} compressés, au-delà du budget de ${ko(budgets[p])} (scripts/budgets.ts)`);
}
