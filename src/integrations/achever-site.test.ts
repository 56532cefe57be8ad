// Les étapes de fin de construction échouent bruyamment quand elles ne trouvent rien à faire.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { allegerFeuilles, apostrophesPourIndex, EchecConstruction, htmlPourIndex, indexer, marquerEtCompter } from './achever-site.ts';
import type { TermeAMarquer } from '../lib/marquer-sigles.ts';

const termes: TermeAMarquer[] = [{ terme: 'PFMP', forme: 'période de formation en milieu professionnel', variantes: [], abreviation: true }];
const dossiers: string[] = [];
afterEach(() => {
  for (const d of dossiers.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** Un faux dist/ : chemin → contenu. */
function dist(fichiers: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'rbde-achever-'));
  dossiers.push(d);
  for (const [chemin, contenu] of Object.entries(fichiers)) {
    mkdirSync(dirname(join(d, chemin)), { recursive: true });
    writeFileSync(join(d, chemin), contenu);
  }
  return d;
}

const guide = (texte: string) => `<html><body><main data-pagefind-body><div class="rbde-contenu"><p>${texte}</p></div></main></body></html>`;
const glossaire = guide('PFMP : période de formation en milieu professionnel. Convention, convention.');

describe('sigles et vocabulaire', () => {
  test('marque les guides et écrit le vocabulaire en un fichier par longueur de mot', () => {
    const d = dist({
      'guides/reglementation/a/index.html': guide('La PFMP et la convention de stage.'),
      'guides/reglementation/b/index.html': guide('Une convention signée avant le stage.'),
      'glossaire/index.html': glossaire,
    });
    expect(marquerEtCompter(d, termes)).toMatchObject({ guides: 2, marques: 1 });
    expect(readFileSync(join(d, 'guides/reglementation/a/index.html'), 'utf8')).toContain('<abbr title="période de formation en milieu professionnel"');
    const dix = JSON.parse(readFileSync(join(d, 'recherche/vocabulaire/10.json'), 'utf8')) as [string, number][];
    expect(dix).toContainEqual(['convention', 4]);
    expect(readdirSync(join(d, 'recherche/vocabulaire')).every((f) => /^\d+\.json$/.test(f))).toBe(true);
  });

  test('échoue sans aucune page de guide', () => {
    const d = dist({ 'guides/index.html': guide('PFMP'), 'guides/pratiques/index.html': guide('PFMP'), 'glossaire/index.html': glossaire });
    expect(() => marquerEtCompter(d, termes)).toThrow(EchecConstruction);
    expect(() => marquerEtCompter(d, termes)).toThrow(/Aucune page de guide/);
  });

  test('échoue quand aucun guide n’est marqué', () => {
    const d = dist({ 'guides/pratiques/a/index.html': guide('Rien à marquer ici, rien du tout.'), 'glossaire/index.html': glossaire });
    expect(() => marquerEtCompter(d, termes)).toThrow(/aucun des 1 guides n'a été marqué/);
  });

  test('échoue quand le vocabulaire est vide', () => {
    const d = dist({ 'guides/pratiques/a/index.html': guide('PFMP'), 'glossaire/index.html': guide('') });
    expect(() => marquerEtCompter(d, termes)).toThrow(/Vocabulaire de recherche vide/);
  });
});

describe('allègement CSS', () => {
  test('retire les règles inutiles et les polices complètes du DSFR', () => {
    const d = dist({
      'index.html': '<p class="fr-btn">x</p>',
      '_astro/Base.css':
        '@font-face{font-family:Marianne;src:url(/_astro/Marianne-Bold.x1.woff2) format("woff2")}@font-face{font-family:Marianne;src:url(/polices/marianne-700.woff2)}.fr-btn{color:red}.fr-tile{color:blue}',
      '_astro/Marianne-Bold.x1.woff2': 'police',
    });
    expect(allegerFeuilles(d)).toEqual({ feuilles: 1, regles: 1, pagesSansIlot: 0 });
    const css = readFileSync(join(d, '_astro/Base.css'), 'utf8');
    expect(css).not.toContain('fr-tile');
    expect(css).not.toContain('Marianne-Bold');
    expect(css).toContain('/polices/marianne-700.woff2');
    expect(existsSync(join(d, '_astro/Marianne-Bold.x1.woff2'))).toBe(false);
  });

  test('donne aux pages sans îlot une feuille sans les styles que seuls les îlots emploient', () => {
    const lien = '<link rel="stylesheet" href="/_astro/Base.css">';
    const d = dist({
      'guides/a/index.html': `<html><head>${lien}<script type="module" src="/_astro/page.js"></script></head><body><p class="fr-btn">x</p></body></html>`,
      'outils/index.html': `<html><head>${lien}</head><body><astro-island><table class="fr-table"></table></astro-island></body></html>`,
      '_astro/page.js': 'import{x}from"./partage.js";',
      '_astro/partage.js': 'e.classList.add("fr-modal")',
      '_astro/Base.css': '.fr-btn{color:red}.fr-table{color:blue}.fr-modal{color:green}.fr-tile{color:gray}',
    });
    expect(allegerFeuilles(d)).toEqual({ feuilles: 1, regles: 1, pagesSansIlot: 1 });
    const guide = readFileSync(join(d, 'guides/a/index.html'), 'utf8');
    const feuille = guide.match(/href="\/_astro\/(Base\.pages\.[\w-]+\.css)"/)?.[1];
    expect(feuille).toBeDefined();
    const css = readFileSync(join(d, '_astro', feuille!), 'utf8');
    // La classe posée par un script que la page charge (même indirectement) reste.
    expect(css).toContain('fr-btn');
    expect(css).toContain('fr-modal');
    expect(css).not.toContain('fr-table');
    // La page à îlot garde la feuille commune.
    expect(readFileSync(join(d, 'outils/index.html'), 'utf8')).toContain(lien);
    expect(readFileSync(join(d, '_astro/Base.css'), 'utf8')).toContain('fr-table');
  });

  test('échoue quand aucune règle n’est retirée', () => {
    const d = dist({ 'index.html': '<p class="fr-btn">x</p>', '_astro/Base.css': '.fr-btn{color:red}' });
    expect(() => allegerFeuilles(d)).toThrow(/aucune règle retirée/);
  });

  test('échoue sans feuille de style', () => {
    expect(() => allegerFeuilles(dist({ 'index.html': '<p>x</p>' }))).toThrow(/aucune feuille de style/);
  });
});

describe('index Pagefind', () => {
  test('indexe les pages', async () => {
    const d = dist({ 'guides/pratiques/a/index.html': `<html lang="fr"><body>${guide('La convention de stage.')}</body></html>` });
    expect(await indexer(d)).toBe(1);
    expect(existsSync(join(d, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  test('la page de recherche précharge le script, le moteur et les métadonnées de Pagefind', async () => {
    const d = dist({
      'guides/pratiques/a/index.html': `<html lang="fr"><body>${guide('La convention de stage.')}</body></html>`,
      'recherche/index.html': '<html lang="fr"><head><title>Rechercher</title></head><body></body></html>',
    });
    await indexer(d);
    const html = readFileSync(join(d, 'recherche/index.html'), 'utf8');
    expect(html).toContain('<link rel="modulepreload" href="/pagefind/pagefind.js">');
    expect(html).toContain('<link rel="preload" href="/pagefind/wasm.fr.pagefind" as="fetch" crossorigin>');
    expect(html).toMatch(/<link rel="preload" href="\/pagefind\/pagefind\.fr_[0-9a-f]+\.pf_meta" as="fetch" crossorigin><\/head>/);
  });

  test('échoue quand l’index serait vide', async () => {
    await expect(indexer(dist({ 'robots.txt': 'User-agent: *' }))).rejects.toThrow(/Index de recherche vide/);
  });
});

describe('texte donné à l’index', () => {
  test('redresse l’apostrophe typographique entre deux lettres, et elle seule', () => {
    expect(apostrophesPourIndex('<p>l’embauche d’apprentis, aujourd’hui, L’ONISEP</p>')).toBe("<p>l'embauche d'apprentis, aujourd'hui, L'ONISEP</p>");
    expect(apostrophesPourIndex('<p>« citation ’ seule » fin’</p>')).toBe('<p>« citation ’ seule » fin’</p>');
    // Devant un sigle marqué : « l’<abbr>ASP</abbr> ».
    expect(apostrophesPourIndex('<p>l’<abbr title="x">ASP</abbr> et d’<span data-sigle="PFMP">une</span></p>')).toBe(
      '<p>l\'<abbr title="x">ASP</abbr> et d\'<span data-sigle="PFMP">une</span></p>',
    );
  });
  test('retire les id (ancres que la recherche n’emploie pas) et garde le reste', () => {
    expect(htmlPourIndex('<h2 id="les-textes" class="fr-h3">Les textes</h2><p data-id="garde">l’ASP</p>')).toBe(
      '<h2 class="fr-h3">Les textes</h2><p data-id="garde">l\'ASP</p>',
    );
  });
});
