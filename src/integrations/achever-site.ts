// Intégration Astro : achève le site à la fin de `astro build` (crochet astro:build:done), si bien que
// `astro build` seul produit le site complet. En deux lectures des pages :
//   1. allège la feuille de style (règles du DSFR qu'aucune page n'emploie, polices complètes du DSFR), et en fait
//      une copie plus légère encore pour les pages sans îlot React (lecture des seules balises) ;
//   2. page par page, lue et écrite une fois : marque les sigles du glossaire (<abbr>) dans les guides (sur le HTML
//      produit, indépendamment du moteur Markdown : Sätteri n'exécute pas les plugins rehype), fait pointer les pages
//      sans îlot vers leur feuille, compte les mots du vocabulaire de correction des fautes, et donne à l'index
//      Pagefind (français, API Node) la seule partie indexée de la page ; puis écrit le vocabulaire, découpé par
//      longueur de mot, et l'index.
// Une étape qui ne trouve rien à faire (0 guide marqué, vocabulaire vide, 0 règle retirée, index vide) fait
// échouer la construction avec un message en français : un site à moitié construit ne doit pas partir en ligne.
// Profil sur 1 000 guides (3 décembre 2026) : trois lectures et deux écritures de chaque page de 100 Ko, et
// l'index nourri de pages entières, coûtaient 16 s sur les 34 de la construction.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { parse } from 'yaml';
import { allegerCssCompte, balisesEtScripts, motsClasses, retirerPolicesCompletes } from '../../scripts/alleger-css.ts';
import { marquerPage, type TermeAMarquer } from '../lib/marquer-sigles.ts';
import { detacher, LONGUEUR_MAX_VOCABULAIRE, motsDe } from '../lib/requete.ts';
import { glossaireSchema } from '../schemas/glossaire.ts';

/**
 * Les pages sont lues et écrites octet par octet (latin1 : un caractère par octet de leur UTF-8). Lue en UTF-8, une
 * page de guide (80 Ko, accents compris) devient une chaîne de 160 Ko, que V8 range parmi ses grands objets : ici,
 * chacune de ces allocations coûte environ 0,6 ms, contre quelques microsecondes sous 128 Ko, et lire les 1 000 guides
 * prenait 0,86 s au lieu de 0,05. Ce que l'on cherche dans une page (balises, attributs, noms de fichiers) est en
 * ASCII et se trouve à l'identique dans ses octets ; seul le texte transformé (sigles) ou lu (partie indexée,
 * vocabulaire) est décodé.
 */
const deOctets = (s: string) => Buffer.from(s, 'latin1').toString('utf8');
const versOctets = (s: string) => Buffer.from(s, 'utf8').toString('latin1');

/** Erreur d'une étape de fin de construction (message en français, destiné à la personne qui construit). */
export class EchecConstruction extends Error {
  override name = 'EchecConstruction';
}

function exiger(condition: boolean, message: string): asserts condition {
  if (!condition) throw new EchecConstruction(message);
}

/** Lit les entrées du glossaire (frontmatter de content/glossaire/*.md). */
export function lireGlossaire(dossier: string): TermeAMarquer[] {
  return readdirSync(dossier)
    .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
    .map((f) => {
      const frontmatter = readFileSync(join(dossier, f), 'utf8').match(/^---\r?\n([\s\S]*?)\r?\n---/)?.[1] ?? '';
      return glossaireSchema.parse(parse(frontmatter));
    });
}

/** Tous les fichiers d'un dossier, récursivement (chemins complets). */
function fichiers(dossier: string): string[] {
  let entrees;
  try {
    entrees = readdirSync(dossier, { withFileTypes: true, recursive: true });
  } catch {
    return [];
  }
  return entrees.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

/** Les scripts qu'un script charge (imports statiques et dynamiques, chemins relatifs de _astro/). */
const importsDe = (js: string) => [...js.matchAll(/(?:from|import)\s*\(?\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]!);

/** Feuille de style à remplacer, par page : href d'origine → href de la copie allégée. */
export type Liens = Map<string, [string, string][]>;

/** Ajoute à l'ensemble, s'il n'y est pas déjà, une copie du morceau de page (detacher : pas la page entière). */
const ajouterCopie = (ensemble: Set<string>, morceau: string) => {
  if (!ensemble.has(morceau)) ensemble.add(detacher(morceau));
};

/**
 * Première lecture : allège chaque feuille de style ; retire les fichiers de police complets du DSFR que plus rien
 * ne cite. Puis écrit, pour les pages sans îlot React (guides, glossaire, accueil, recherche, pages de contenu), une
 * copie de la feuille allégée des seules classes qu'elles et leurs scripts emploient : les styles des outils et de
 * l'espace membre (tableaux, onglets, fenêtres…) ne pèsent plus sur la lecture d'un guide. Les pages ne sont pas
 * réécrites ici : la seconde lecture (traiterPages) change leur lien, d'après les Liens renvoyés.
 * Seules les balises comptent (balisesEtScripts), et chacune une fois : 1 000 guides répètent les mêmes.
 */
export function allegerFeuilles(dist: string): { feuilles: number; regles: number; pagesSansIlot: number; liens: Liens } {
  const tous = fichiers(dist);
  const astro = join(dist, '_astro');
  // Les pages sans îlot et les scripts qu'elles citent, relevés pendant la même lecture.
  const sansIlot = new Map<string, string[]>();
  const scriptsSansIlot = new Set<string>();
  const balises = new Set<string>();
  const balisesSansIlot = new Set<string>();
  const scripts: string[] = [];
  for (const f of tous) {
    if (!/\.(html|js)$/.test(f)) continue;
    if (f.endsWith('.js')) {
      scripts.push(readFileSync(f, 'utf8'));
      continue;
    }
    // En octets (voir deOctets) : seules les balises et leurs mots ASCII comptent.
    const texte = readFileSync(f, 'latin1');
    const dePage = balisesEtScripts(texte);
    for (const b of dePage) ajouterCopie(balises, b);
    const feuillesPage = [...texte.matchAll(/<link rel="stylesheet" href="\/_astro\/([^"]+\.css)"/g)].map((m) => detacher(m[1]!));
    if (!texte.includes('<astro-island') && feuillesPage.length && !f.startsWith(join(dist, 'pagefind'))) {
      sansIlot.set(f, feuillesPage);
      for (const m of texte.matchAll(/<script[^>]* src="\/_astro\/([^"]+\.js)"/g)) ajouterCopie(scriptsSansIlot, m[1]!);
      for (const b of dePage) ajouterCopie(balisesSansIlot, b);
    }
  }
  // La seconde lecture ajoute aux guides des <abbr title> et <span data-sigle> (marquerSigles) : leurs mots comptent.
  const ajouts = ['<abbr title="" data-pagefind-index-attrs="title">', '<span data-sigle="" data-pagefind-index-attrs="data-sigle">'];
  const mots = motsClasses([...balises, ...ajouts, ...scripts]);
  const feuilles = tous.filter((f) => f.endsWith('.css'));
  exiger(feuilles.length > 0, `Allègement CSS : aucune feuille de style dans ${dist}.`);
  let regles = 0;
  const contenus: string[] = [];
  const allegees = new Map<string, string>();
  for (const feuille of feuilles) {
    const { css, retirees } = allegerCssCompte(retirerPolicesCompletes(readFileSync(feuille, 'utf8')), mots);
    writeFileSync(feuille, css);
    allegees.set(feuille, css);
    contenus.push(css);
    regles += retirees;
  }
  exiger(regles > 0, `Allègement CSS : aucune règle retirée des ${feuilles.length} feuilles (le DSFR est-il encore importé ?).`);
  // Les polices complètes du DSFR (copiées par Vite) : plus citées par aucune feuille, elles ne partent pas en ligne.
  for (const f of tous.filter((x) => /\/_astro\/[^/]+\.(woff2?|ttf)$/.test(x))) {
    const nom = f.slice(f.lastIndexOf('/') + 1);
    if (!contenus.some((css) => css.includes(nom))) rmSync(f);
  }

  // Les scripts des pages sans îlot, et ceux qu'ils chargent.
  const motsSansIlot = motsClasses([...balisesSansIlot, ...ajouts]);
  const aLire = [...scriptsSansIlot];
  for (let nom = aLire.pop(); nom; nom = aLire.pop()) {
    let js: string;
    try {
      js = readFileSync(join(astro, nom), 'utf8');
    } catch {
      continue;
    }
    for (const m of motsClasses([js])) motsSansIlot.add(m);
    for (const i of importsDe(js)) {
      if (scriptsSansIlot.has(i)) continue;
      scriptsSansIlot.add(i);
      aLire.push(i);
    }
  }
  const copies = new Map<string, string>();
  for (const nom of new Set([...sansIlot.values()].flat())) {
    const css = allegees.get(join(astro, nom));
    if (css === undefined) continue;
    const copie = allegerCssCompte(css, motsSansIlot);
    if (!copie.retirees) continue;
    const empreinte = createHash('sha256').update(copie.css).digest('base64url').slice(0, 8);
    const nouveau = nom.replace(/\.css$/, `.pages.${empreinte}.css`);
    writeFileSync(join(astro, nouveau), copie.css);
    copies.set(nom, nouveau);
  }
  const liens: Liens = new Map();
  for (const [page, liees] of sansIlot) {
    const remplacements = liees.filter((n) => copies.has(n)).map((n): [string, string] => [`href="/_astro/${n}"`, `href="/_astro/${copies.get(n)}"`]);
    if (remplacements.length) liens.set(page, remplacements);
  }
  return { feuilles: feuilles.length, regles, pagesSansIlot: liens.size, liens };
}

/**
 * La page /recherche/ reçoit le nom des métadonnées de Pagefind (leur empreinte n'est connue que maintenant) : son
 * script annonce, dès qu'il démarre, les fichiers dont toute recherche a besoin (script, moteur WebAssembly,
 * métadonnées), que le navigateur télécharge alors en parallèle au lieu de les découvrir l'un après l'autre (voir
 * chargerPagefind dans src/lib/recherche-client.ts). Pas de <link rel="preload"> dans l'en-tête : ces 80 Ko passaient
 * avant la feuille de style et la police, et retardaient de 0,4 s l'affichage du texte de la page (Lighthouse mobile,
 * LCP 2,2 s au lieu de 1,8 s).
 */
export function precharger(dist: string) {
  const page = join(dist, 'recherche', 'index.html');
  let html: string;
  try {
    html = readFileSync(page, 'utf8');
  } catch {
    return;
  }
  const pagefind = readdirSync(join(dist, 'pagefind'));
  const meta = pagefind.find((f) => /^pagefind\.fr_[0-9a-f]+\.pf_meta$/.test(f));
  exiger(Boolean(meta) && pagefind.includes('wasm.fr.pagefind'), `Pagefind : index français introuvable dans ${join(dist, 'pagefind')}.`);
  const apres = html.replace('id="formulaire-recherche"', `id="formulaire-recherche" data-pagefind-meta="/pagefind/${meta}"`);
  exiger(apres !== html, `Pagefind : le formulaire de recherche (id="formulaire-recherche") est introuvable dans ${page}.`);
  writeFileSync(page, apres);
}

/**
 * Le texte donné à Pagefind : l'apostrophe typographique entre deux lettres (« l’embauche », « aujourd’hui ») devient
 * l'apostrophe droite. Pagefind ne découpe un mot que sur la ponctuation ASCII : avec « ’ » il n'indexe que
 * « lembauche », et « embauche » ne trouve pas la page ; avec « ' » il indexe « lembauche » et aussi ses parties
 * (« embauche »). Les pages servies gardent leur typographie ; les extraits affichés la retrouvent
 * (voir typographierExtrait dans src/lib/recherche-client.ts).
 */
export const apostrophesPourIndex = (html: string) => html.replace(/(?<=\p{L})’(?=(?:<[^>]+>)*\p{L})/gu, "'");

/**
 * Le HTML donné à l'index : apostrophes redressées (apostrophesPourIndex) et sans attributs id. Pagefind garde
 * chaque élément à id dans les « ancres » de l'extrait de page qu'il fait télécharger à chaque résultat ; la
 * recherche ne s'en sert pas (elle renvoie à la page) : les retirer allège ces fichiers.
 */
export const htmlPourIndex = (html: string) => apostrophesPourIndex(html).replace(/(<[a-z][a-z0-9-]*\b[^>]*?)\s+id="[^"]*"/gi, '$1');

/**
 * La fin de l'élément ouvert à la position `debut` (balise `nom`), en comptant ses semblables imbriqués ; -1 si le
 * HTML n'est pas équilibré. Le HTML vient d'Astro : chaque élément non vide est fermé.
 */
function finElement(html: string, debut: number, nom: string): number {
  const ouverture = html.indexOf('>', debut) + 1;
  if (ouverture === 0) return -1;
  if (html[ouverture - 2] === '/' || VIDES.has(nom.toLowerCase())) return ouverture;
  const re = new RegExp(`<(/?)${nom}\\b[^>]*>`, 'gi');
  re.lastIndex = debut;
  let profondeur = 0;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    profondeur += m[1] ? -1 : 1;
    if (profondeur === 0) return m.index + m[0].length;
  }
  return -1;
}

const VIDES = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const ATTRIBUT_INDEX = /data-pagefind-(?:filter|meta|sort|default-meta)\b/;
const ATTRIBUT_INDEX_ICI = new RegExp(`^${ATTRIBUT_INDEX.source}`);

/**
 * Début de la balise ouvrante qui porte l'attribut, à partir de `depuis` ; -1 s'il n'y en a pas. Par indexOf : une
 * expression qui essaie chaque balise d'une page de 100 Ko coûtait une seconde sur 1 000 guides.
 */
function baliseAvec(html: string, attribut: string, depuis = 0): number {
  for (let i = html.indexOf(attribut, depuis); i >= 0; i = html.indexOf(attribut, i + 1)) {
    const debut = html.lastIndexOf('<', i);
    const apres = html[i + attribut.length];
    // Dans une balise (pas de « > » entre « < » et l'attribut), précédé d'une espace, suivi de « = », « > » ou d'une espace.
    if (debut >= depuis && html.indexOf('>', debut) > i && /\s/.test(html[i - 1] ?? '') && /[\s>=]/.test(apres ?? '')) return debut;
  }
  return -1;
}

/**
 * La partie d'une page que Pagefind lit : l'en-tête, et dans le corps le seul élément data-pagefind-body, privé des
 * éléments data-pagefind-ignore (Pagefind n'en indexerait rien). Sur un guide : 25 Ko au lieu de 100 (le menu de la
 * rubrique compte des centaines de liens). Si un filtre, une métadonnée ou un tri de Pagefind devait se perdre, ou
 * si le HTML n'est pas celui attendu, la page entière.
 * @returns null pour une page que Pagefind n'indexe pas (sans data-pagefind-body).
 */
export function partieIndexee(html: string): string | null {
  const corps = baliseAvec(html, 'data-pagefind-body');
  if (corps < 0) return null;
  const nom = html.slice(corps + 1).match(/^[a-z0-9-]+/i)![0];
  const fin = finElement(html, corps, nom);
  const finTete = html.indexOf('</head>');
  if (fin < 0 || finTete < 0 || finTete > corps) return html;
  // Les morceaux gardés, assemblés une fois à la fin : retirer un ignoré par concaténation recopiait le reste de
  // l'élément à chaque recherche du suivant (0,3 s sur 1 000 guides).
  const morceaux = [html.slice(0, finTete), '</head><body>'];
  let garde = corps;
  for (let i = baliseAvec(html, 'data-pagefind-ignore', corps); i >= 0 && i < fin;) {
    const n = html.slice(i + 1).match(/^[a-z0-9-]+/i)![0];
    const f = finElement(html, i, n);
    if (f < 0 || f > fin) return html;
    // Un ignoré qui porte un filtre ou une métadonnée (valeur par défaut « index ») reste : Pagefind les lit.
    if (!ATTRIBUT_INDEX.test(html.slice(i, f))) {
      morceaux.push(html.slice(garde, i));
      garde = f;
    }
    i = baliseAvec(html, 'data-pagefind-ignore', f);
  }
  morceaux.push(html.slice(garde, fin), '</body></html>');
  // Ce qui part hors du corps (entre l'en-tête et lui, après lui) ne doit porter aucun filtre.
  return porteAttributIndex(html, finTete, corps) || porteAttributIndex(html, fin, html.length) ? html : morceaux.join('');
}

/** Vrai si un attribut que Pagefind lit (filtre, métadonnée, tri) se trouve entre `debut` et `fin`. */
function porteAttributIndex(html: string, debut: number, fin: number): boolean {
  for (let i = html.indexOf('data-pagefind-', debut); i >= 0 && i < fin; i = html.indexOf('data-pagefind-', i + 1)) {
    if (ATTRIBUT_INDEX_ICI.test(html.slice(i, i + 40))) return true;
  }
  return false;
}

/** Le texte d'une partie indexée, pour le vocabulaire. */
const texteDe = (html: string) =>
  html
    .slice(html.indexOf('<body'))
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');

/**
 * Seconde lecture, chaque page lue et écrite une fois : sigles marqués dans les guides, lien vers la feuille des
 * pages sans îlot (liens, voir allegerFeuilles), mots du vocabulaire comptés (guides et glossaire), partie indexée
 * donnée à Pagefind pendant que la page suivante se prépare. Écrit ensuite le vocabulaire (mots vus au moins deux
 * fois, un fichier par longueur de mot : recherche/vocabulaire/<longueur>.json, la correction d'un mot n'a besoin
 * que des longueurs voisines), puis l'index Pagefind, en français. Les pages sont données une à une (addHTMLFile,
 * URL tirée de leur chemin comme le ferait addDirectory) pour que l'index lise leurs élisions découpées
 * (apostrophesPourIndex).
 */
export async function traiterPages(
  dist: string,
  termes: TermeAMarquer[],
  liens: Liens = new Map(),
): Promise<{ guides: number; marques: number; mots: number; pages: number }> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
  try {
    exiger(Boolean(index), `Pagefind n'a pas pu démarrer : ${errors.join(' ; ')}`);
    const html = fichiers(dist).filter((f) => f.endsWith('.html') && !f.startsWith(join(dist, 'pagefind')));
    // Pages de guide : guides/<famille>/<guide>/index.html (guides/ et guides/<famille>/ sont des listes).
    const estGuide = (f: string) => /\/guides\/[^/]+\/.+\/index\.html$/.test(f);
    const pageGlossaire = join(dist, 'glossaire', 'index.html');
    const frequences = new Map<string, number>();
    let guides = 0;
    let marques = 0;
    let pages = 0;
    let glossaireVu = false;
    // Deux lots : Pagefind indexe l'un pendant que l'autre se prépare ici.
    let precedent: Promise<unknown>[] = [];
    let courant: Promise<unknown>[] = [];
    for (const f of html) {
      const avant = readFileSync(f, 'latin1');
      let apres = avant;
      if (estGuide(f)) {
        guides++;
        apres = marquerPage(avant, termes, deOctets, versOctets);
        if (apres !== avant) marques++;
      }
      for (const [ancien, nouveau] of liens.get(f) ?? []) apres = apres.replaceAll(ancien, nouveau);
      if (apres !== avant) writeFileSync(f, apres, 'latin1');
      const octets = partieIndexee(apres);
      const partie = octets === null ? null : deOctets(octets);
      if (estGuide(f) || f === pageGlossaire) {
        glossaireVu ||= f === pageGlossaire;
        for (const mot of motsDe(texteDe(partie ?? deOctets(apres)))) frequences.set(mot, (frequences.get(mot) ?? 0) + 1);
      }
      if (partie === null) continue;
      pages++;
      courant.push(
        index!.addHTMLFile({ sourcePath: relative(dist, f), content: htmlPourIndex(partie) }).then((ajout) => {
          exiger(ajout.errors.length === 0, `Pagefind n'a pas pu lire ${f} : ${ajout.errors.join(' ; ')}`);
        }),
      );
      if (courant.length === 32) {
        await Promise.all(precedent);
        [precedent, courant] = [courant, []];
      }
    }
    await Promise.all([...precedent, ...courant]);
    exiger(guides > 0, `Aucune page de guide dans ${join(dist, 'guides')} : la construction n'a produit aucun guide.`);
    exiger(marques > 0, `Sigles du glossaire : aucun des ${guides} guides n'a été marqué (glossaire vide, ou pages sans <div class="rbde-contenu"> ?).`);
    exiger(glossaireVu, `Vocabulaire de recherche : la page du glossaire (${pageGlossaire}) est introuvable.`);
    const mots = ecrireVocabulaire(dist, frequences);
    exiger(pages > 0, `Index de recherche vide : aucune page de ${dist} ne porte data-pagefind-body.`);
    const ecriture = await index!.writeFiles({ outputPath: join(dist, 'pagefind') });
    exiger(ecriture.errors.length === 0, `Pagefind n'a pas pu écrire l'index : ${ecriture.errors.join(' ; ')}`);
    precharger(dist);
    return { guides, marques, mots, pages };
  } finally {
    await pagefind.close();
  }
}

/** Le vocabulaire de correction : mots vus au moins deux fois, un fichier par longueur (vide s'il le faut). */
function ecrireVocabulaire(dist: string, frequences: Map<string, number>): number {
  const parLongueur = new Map<number, [string, number][]>();
  for (const [mot, f] of frequences) {
    if (f < 2) continue;
    const liste = parLongueur.get(mot.length) ?? [];
    liste.push([mot, f]);
    parLongueur.set(mot.length, liste);
  }
  const mots = [...parLongueur.values()].reduce((n, l) => n + l.length, 0);
  exiger(mots > 0, 'Vocabulaire de recherche vide : aucun mot vu deux fois dans les guides et le glossaire.');
  const dossier = join(dist, 'recherche', 'vocabulaire');
  rmSync(dossier, { recursive: true, force: true });
  mkdirSync(dossier, { recursive: true });
  // Un fichier pour chaque longueur que le client peut demander, vide s'il le faut : jamais de 404.
  for (let longueur = 3; longueur <= LONGUEUR_MAX_VOCABULAIRE; longueur++) {
    writeFileSync(join(dossier, `${longueur}.json`), JSON.stringify((parLongueur.get(longueur) ?? []).sort((a, b) => b[1] - a[1])));
  }
  return mots;
}

/** Les deux lectures, chronométrées dans le journal de construction. */
export async function achever(dist: string, logger: Pick<AstroIntegrationLogger, 'info'>, glossaire = join(process.cwd(), 'content', 'glossaire')) {
  let t = performance.now();
  const duree = () => {
    const d = ((performance.now() - t) / 1000).toFixed(1);
    t = performance.now();
    return `${d} s`;
  };
  let liens: Liens = new Map();
  // RBDE_CSS_COMPLET=1 : garder la feuille entière (pour comparer l'affichage avec et sans allègement).
  if (!process.env.RBDE_CSS_COMPLET) {
    const allegement = allegerFeuilles(dist);
    liens = allegement.liens;
    logger.info(
      `Feuilles de style allégées : ${allegement.regles} règles retirées de ${allegement.feuilles} feuilles ; feuille propre à ${allegement.pagesSansIlot} pages sans îlot (${duree()}).`,
    );
  }
  const { guides, marques, mots, pages } = await traiterPages(dist, lireGlossaire(glossaire), liens);
  logger.info(
    `Sigles du glossaire marqués dans ${marques} guides sur ${guides} ; vocabulaire de recherche : ${mots} mots ; index de recherche : ${pages} pages (${duree()}).`,
  );
}

export default function acheverSite(): AstroIntegration {
  return {
    name: 'reseau-bde:achever-site',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        await achever(fileURLToPath(dir), logger);
      },
    },
  };
}
