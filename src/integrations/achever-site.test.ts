// Les étapes de fin de construction échouent bruyamment quand elles ne trouvent rien à faire.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { allegerFeuilles, apostrophesPourIndex, htmlPourIndex, partieIndexee, traiterPages } from './achever-site.ts';
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

const guide = (texte: string) =>
  `<html lang="fr"><head><title>Guide</title></head><body><main data-pagefind-body><h1>Guide</h1><div class="rbde-contenu"><p>${texte}</p></div></main></body></html>`;
const glossaire = guide('PFMP : période de formation en milieu professionnel. Convention, convention.');

describe('sigles, vocabulaire et index, en une lecture des pages', () => {
  test('marque les guides, écrit le vocabulaire en un fichier par longueur de mot, et indexe', async () => {
    const d = dist({
      'guides/reglementation/a/index.html': guide('La PFMP et la convention de stage.'),
      'guides/reglementation/b/index.html': guide('Une convention signée avant le stage.'),
      'glossaire/index.html': glossaire,
    });
    expect(await traiterPages(d, termes)).toMatchObject({ guides: 2, marques: 1, pages: 3 });
    expect(readFileSync(join(d, 'guides/reglementation/a/index.html'), 'utf8')).toContain('<abbr title="période de formation en milieu professionnel"');
    const dix = JSON.parse(readFileSync(join(d, 'recherche/vocabulaire/10.json'), 'utf8')) as [string, number][];
    expect(dix).toContainEqual(['convention', 4]);
    expect(readdirSync(join(d, 'recherche/vocabulaire')).every((f) => /^\d+\.json$/.test(f))).toBe(true);
    expect(existsSync(join(d, 'pagefind', 'pagefind.js'))).toBe(true);
  });

  test('garde intacts accents et apostrophes des pages, lues et réécrites octet par octet', async () => {
    const texte = 'Les élèves d’Hérault : la PFMP « à l’étranger », 3 € ; les élèves.';
    const lien = '<link rel="stylesheet" href="/_astro/Base.css">';
    const d = dist({
      'guides/reglementation/a/index.html': guide(texte).replace('<title>', `${lien}<title>`),
      'guides/reglementation/b/index.html': guide('Des élèves.'),
      'glossaire/index.html': glossaire,
    });
    const page = join(d, 'guides/reglementation/a/index.html');
    await traiterPages(d, termes, new Map([[page, [['href="/_astro/Base.css"', 'href="/_astro/Base.pages.x.css"']]]]));
    const attendu = guide(texte)
      .replace('<title>', '<link rel="stylesheet" href="/_astro/Base.pages.x.css"><title>')
      .replace('la PFMP', 'la <abbr title="période de formation en milieu professionnel" data-pagefind-index-attrs="title">PFMP</abbr>');
    expect(readFileSync(page, 'utf8')).toBe(attendu);
    const six = JSON.parse(readFileSync(join(d, 'recherche/vocabulaire/6.json'), 'utf8')) as [string, number][];
    expect(six).toContainEqual(['eleves', 3]);
  });

  test('fait pointer chaque page sans îlot vers sa feuille, et ne réécrit pas les autres', async () => {
    const lien = '<link rel="stylesheet" href="/_astro/Base.css">';
    const d = dist({
      'guides/reglementation/a/index.html': guide('La PFMP.').replace('<title>', `${lien}<title>`),
      'outils/index.html': `<html><head>${lien}</head><body><p>outil</p></body></html>`,
      'glossaire/index.html': glossaire,
    });
    const page = join(d, 'guides/reglementation/a/index.html');
    await traiterPages(d, termes, new Map([[page, [['href="/_astro/Base.css"', 'href="/_astro/Base.pages.x.css"']]]]));
    expect(readFileSync(page, 'utf8')).toContain('<link rel="stylesheet" href="/_astro/Base.pages.x.css">');
    expect(readFileSync(join(d, 'outils/index.html'), 'utf8')).toContain(lien);
  });

  test('la page de recherche reçoit le nom des métadonnées de Pagefind, sans préchargement dans son en-tête', async () => {
    const d = dist({
      'guides/pratiques/a/index.html': guide('La PFMP et la convention de stage.'),
      'glossaire/index.html': glossaire,
      'recherche/index.html': '<html lang="fr"><head><title>Rechercher</title></head><body><form id="formulaire-recherche"></form></body></html>',
    });
    await traiterPages(d, termes);
    const html = readFileSync(join(d, 'recherche/index.html'), 'utf8');
    const meta = html.match(/<form id="formulaire-recherche" data-pagefind-meta="(\/pagefind\/pagefind\.fr_[0-9a-f]+\.pf_meta)">/)?.[1];
    expect(meta).toBeDefined();
    expect(existsSync(join(d, meta!))).toBe(true);
    expect(html).not.toContain('rel="preload"');
  });

  test('échoue sans aucune page de guide', async () => {
    const d = dist({ 'guides/index.html': guide('PFMP'), 'guides/pratiques/index.html': guide('PFMP'), 'glossaire/index.html': glossaire });
    await expect(traiterPages(d, termes)).rejects.toThrow(/Aucune page de guide/);
  });

  test('échoue quand aucun guide n’est marqué', async () => {
    const d = dist({ 'guides/pratiques/a/index.html': guide('Rien à marquer ici, rien du tout.'), 'glossaire/index.html': glossaire });
    await expect(traiterPages(d, termes)).rejects.toThrow(/aucun des 1 guides n'a été marqué/);
  });

  test('échoue sans la page du glossaire', async () => {
    await expect(traiterPages(dist({ 'guides/pratiques/a/index.html': guide('PFMP PFMP') }), termes)).rejects.toThrow(/page du glossaire/);
  });

  test('échoue quand le vocabulaire est vide', async () => {
    const d = dist({ 'guides/pratiques/a/index.html': guide('PFMP'), 'glossaire/index.html': guide('').replace('<h1>Guide</h1>', '') });
    await expect(traiterPages(d, termes)).rejects.toThrow(/Vocabulaire de recherche vide/);
  });

  test('échoue quand l’index serait vide', async () => {
    const sansCorps = (t: string) => guide(t).replace(' data-pagefind-body', '');
    const d = dist({ 'guides/pratiques/a/index.html': sansCorps('La PFMP, la PFMP.'), 'glossaire/index.html': sansCorps('PFMP, PFMP.') });
    await expect(traiterPages(d, termes)).rejects.toThrow(/Index de recherche vide/);
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
    expect(allegerFeuilles(d)).toMatchObject({ feuilles: 1, regles: 1, pagesSansIlot: 0 });
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
    const { liens, ...compte } = allegerFeuilles(d);
    expect(compte).toEqual({ feuilles: 1, regles: 1, pagesSansIlot: 1 });
    // La page sans îlot changera de feuille (traiterPages) ; la page à îlot garde la feuille commune.
    const [ancien, nouveau] = liens.get(join(d, 'guides/a/index.html'))![0]!;
    expect(ancien).toBe('href="/_astro/Base.css"');
    const feuille = nouveau.match(/^href="\/_astro\/(Base\.pages\.[\w-]+\.css)"$/)?.[1];
    expect(feuille).toBeDefined();
    expect(liens.has(join(d, 'outils/index.html'))).toBe(false);
    const css = readFileSync(join(d, '_astro', feuille!), 'utf8');
    // La classe posée par un script que la page charge (même indirectement) reste.
    expect(css).toContain('fr-btn');
    expect(css).toContain('fr-modal');
    expect(css).not.toContain('fr-table');
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
  test('ne garde que l’en-tête et l’élément data-pagefind-body, sans ses parties ignorées', () => {
    const page =
      '<!DOCTYPE html><html lang="fr"><head><title>T</title></head><body><header>menu</header>' +
      '<main id="m" data-pagefind-body><div data-pagefind-ignore><div><a>lien 1</a></div><div>lien 2</div></div>' +
      '<article data-pagefind-meta="famille:Réglementation"><h1>Titre</h1><img src="x.png" data-pagefind-ignore><p>Le texte.</p>' +
      '<ul data-pagefind-ignore><li>date</li></ul></article></main><footer>pied</footer></body></html>';
    expect(partieIndexee(page)).toBe(
      '<!DOCTYPE html><html lang="fr"><head><title>T</title></head><body><main id="m" data-pagefind-body>' +
        '<article data-pagefind-meta="famille:Réglementation"><h1>Titre</h1><p>Le texte.</p></article></main></body></html>',
    );
    expect(partieIndexee('<html><head></head><body><main>x</main></body></html>')).toBeNull();
  });
  test('garde un élément ignoré qui porte un filtre, et la page entière si un filtre est hors du corps', () => {
    const filtre = '<div data-pagefind-ignore><span data-pagefind-filter="theme:PFMP"></span>bruit</div>';
    const page = `<html><head></head><body><main data-pagefind-body>${filtre}<p>texte</p></main></body></html>`;
    expect(partieIndexee(page)).toContain(filtre);
    const dehors = '<html><head></head><body><span data-pagefind-filter="theme:PFMP"></span><main data-pagefind-body><p>texte</p></main></body></html>';
    expect(partieIndexee(dehors)).toBe(dehors);
  });
});
