// Intégration Astro : achève le site à la fin de `astro build` (crochet astro:build:done), si bien que
// `astro build` seul produit le site complet. Dans l'ordre :
//   1. marque les sigles du glossaire (<abbr>) dans chaque page de guide, sur le HTML produit
//      (indépendant du moteur Markdown : Sätteri n'exécute pas les plugins rehype) ;
//   2. écrit le vocabulaire du site pour corriger les fautes de frappe dans /recherche, découpé par longueur de mot ;
//   3. allège la feuille de style (règles du DSFR qu'aucune page n'emploie, polices complètes du DSFR) ;
//   4. construit l'index Pagefind (français) par son API Node.
// Une étape qui ne trouve rien à faire (0 guide marqué, vocabulaire vide, 0 règle retirée, index vide) fait
// échouer la construction avec un message en français : un site à moitié construit ne doit pas partir en ligne.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import * as pagefind from 'pagefind';
import { parse } from 'yaml';
import { allegerCssCompte, balisesEtScripts, motsClasses, retirerPolicesCompletes } from '../../scripts/alleger-css.ts';
import { marquerPage, type TermeAMarquer } from '../lib/marquer-sigles.ts';
import { LONGUEUR_MAX_VOCABULAIRE, motsDe } from '../lib/requete.ts';
import { glossaireSchema } from '../schemas/glossaire.ts';

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

const texteDuMain = (html: string) =>
  (html.match(/<main[\s\S]*<\/main>/)?.[0] ?? '')
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z#0-9]+;/gi, ' ');

/**
 * Étapes 1 et 2, en une lecture des pages : marque les sigles dans les guides, puis compte les mots des guides et
 * du glossaire. Le vocabulaire (mots vus au moins deux fois) est écrit en un fichier par longueur de mot,
 * recherche/vocabulaire/<longueur>.json : la correction d'un mot n'a besoin que des longueurs voisines.
 */
export function marquerEtCompter(dist: string, termes: TermeAMarquer[]): { guides: number; marques: number; mots: number } {
  // Pages de guide : guides/<famille>/<guide>/index.html (guides/ et guides/<famille>/ sont des listes).
  const guides = fichiers(join(dist, 'guides')).filter((f) => /\/guides\/[^/]+\/.+\/index\.html$/.test(f));
  const frequences = new Map<string, number>();
  const compter = (html: string) => {
    for (const mot of motsDe(texteDuMain(html))) frequences.set(mot, (frequences.get(mot) ?? 0) + 1);
  };
  let marques = 0;
  for (const fichier of guides) {
    const avant = readFileSync(fichier, 'utf8');
    const apres = marquerPage(avant, termes);
    if (apres !== avant) {
      writeFileSync(fichier, apres);
      marques++;
    }
    compter(apres);
  }
  exiger(guides.length > 0, `Aucune page de guide dans ${join(dist, 'guides')} : la construction n'a produit aucun guide.`);
  exiger(marques > 0, `Sigles du glossaire : aucun des ${guides.length} guides n'a été marqué (glossaire vide, ou pages sans <div class="rbde-contenu"> ?).`);
  try {
    compter(readFileSync(join(dist, 'glossaire', 'index.html'), 'utf8'));
  } catch {
    throw new EchecConstruction(`Vocabulaire de recherche : la page du glossaire (${join(dist, 'glossaire', 'index.html')}) est introuvable.`);
  }
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
  return { guides: guides.length, marques, mots };
}

/** Les scripts qu'un script charge (imports statiques et dynamiques, chemins relatifs de _astro/). */
const importsDe = (js: string) => [...js.matchAll(/(?:from|import)\s*\(?\s*"\.\/([^"]+\.js)"/g)].map((m) => m[1]!);

/**
 * Étape 3 : allège chaque feuille de style ; retire les fichiers de police complets du DSFR que plus rien ne cite.
 * Puis les pages sans îlot React (guides, glossaire, accueil, recherche, pages de contenu) reçoivent leur propre
 * copie de la feuille, allégée des seules classes qu'elles et leurs scripts emploient : les styles des outils et
 * de l'espace membre (tableaux, onglets, fenêtres…) ne pèsent plus sur la lecture d'un guide.
 */
export function allegerFeuilles(dist: string): { feuilles: number; regles: number; pagesSansIlot: number } {
  const tous = fichiers(dist);
  const astro = join(dist, '_astro');
  // Les pages sans îlot et les scripts qu'elles citent, relevés pendant la même lecture.
  const sansIlot = new Map<string, { feuilles: string[] }>();
  const scriptsSansIlot = new Set<string>();
  const motsSansIlot = new Set<string>();
  // Un fichier à la fois (générateur) : les pages ne restent pas toutes en mémoire.
  const mots = motsClasses(
    (function* () {
      for (const f of tous) {
        if (!/\.(html|js)$/.test(f)) continue;
        const texte = readFileSync(f, 'utf8');
        if (f.endsWith('.js')) {
          yield texte;
          continue;
        }
        const balises = balisesEtScripts(texte);
        const feuillesPage = [...texte.matchAll(/<link rel="stylesheet" href="\/_astro\/([^"]+\.css)"/g)].map((m) => m[1]!);
        if (!texte.includes('<astro-island') && feuillesPage.length && !f.startsWith(join(dist, 'pagefind'))) {
          sansIlot.set(f, { feuilles: feuillesPage });
          for (const m of texte.matchAll(/<script[^>]* src="\/_astro\/([^"]+\.js)"/g)) scriptsSansIlot.add(m[1]!);
          for (const m of motsClasses([balises])) motsSansIlot.add(m);
        }
        yield balises;
      }
    })(),
  );
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
  for (const nom of new Set([...sansIlot.values()].flatMap((p) => p.feuilles))) {
    const css = allegees.get(join(astro, nom));
    if (css === undefined) continue;
    const copie = allegerCssCompte(css, motsSansIlot);
    if (!copie.retirees) continue;
    const empreinte = createHash('sha256').update(copie.css).digest('base64url').slice(0, 8);
    const nouveau = nom.replace(/\.css$/, `.pages.${empreinte}.css`);
    writeFileSync(join(astro, nouveau), copie.css);
    copies.set(nom, nouveau);
  }
  for (const [page, { feuilles: liees }] of sansIlot) {
    if (!liees.some((n) => copies.has(n))) continue;
    let html = readFileSync(page, 'utf8');
    for (const n of liees) if (copies.has(n)) html = html.replaceAll(`href="/_astro/${n}"`, `href="/_astro/${copies.get(n)}"`);
    writeFileSync(page, html);
  }
  return { feuilles: feuilles.length, regles, pagesSansIlot: copies.size ? sansIlot.size : 0 };
}

/**
 * La page /recherche/ annonce dès son en-tête les fichiers de Pagefind dont toute recherche a besoin (script,
 * moteur WebAssembly, métadonnées dont le nom porte une empreinte connue seulement maintenant) : le navigateur
 * les télécharge en parallèle au lieu de les découvrir l'un après l'autre.
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
  const liens =
    '<link rel="modulepreload" href="/pagefind/pagefind.js">' +
    ['wasm.fr.pagefind', meta!].map((f) => `<link rel="preload" href="/pagefind/${f}" as="fetch" crossorigin>`).join('');
  writeFileSync(page, html.replace('</head>', `${liens}</head>`));
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
 * Étape 4 : l'index Pagefind, en français. Les pages sont données une à une (addHTMLFile, URL tirée de leur
 * chemin comme le ferait addDirectory) pour que l'index lise leurs élisions découpées (apostrophesPourIndex).
 */
export async function indexer(dist: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
  try {
    exiger(Boolean(index), `Pagefind n'a pas pu démarrer : ${errors.join(' ; ')}`);
    let pages = 0;
    const aIndexer = fichiers(dist).filter((f) => f.endsWith('.html'));
    // Par lots : le service Pagefind lit plusieurs pages à la fois sans que toutes soient en mémoire ici.
    for (let i = 0; i < aIndexer.length; i += 32) {
      await Promise.all(
        aIndexer.slice(i, i + 32).map(async (f) => {
          const html = readFileSync(f, 'utf8');
          if (!html.includes('data-pagefind-body')) return;
          const ajout = await index!.addHTMLFile({ sourcePath: relative(dist, f), content: htmlPourIndex(html) });
          exiger(ajout.errors.length === 0, `Pagefind n'a pas pu lire ${f} : ${ajout.errors.join(' ; ')}`);
          pages++;
        }),
      );
    }
    exiger(pages > 0, `Index de recherche vide : aucune page de ${dist} ne porte data-pagefind-body.`);
    const ecriture = await index!.writeFiles({ outputPath: join(dist, 'pagefind') });
    exiger(ecriture.errors.length === 0, `Pagefind n'a pas pu écrire l'index : ${ecriture.errors.join(' ; ')}`);
    precharger(dist);
    return pages;
  } finally {
    await pagefind.close();
  }
}

/** Les quatre étapes, chronométrées dans le journal de construction. */
export async function achever(dist: string, logger: Pick<AstroIntegrationLogger, 'info'>, glossaire = join(process.cwd(), 'content', 'glossaire')) {
  let t = performance.now();
  const duree = () => {
    const d = ((performance.now() - t) / 1000).toFixed(1);
    t = performance.now();
    return `${d} s`;
  };
  const { guides, marques, mots } = marquerEtCompter(dist, lireGlossaire(glossaire));
  logger.info(`Sigles du glossaire marqués dans ${marques} guides sur ${guides} ; vocabulaire de recherche : ${mots} mots (${duree()}).`);
  // RBDE_CSS_COMPLET=1 : garder la feuille entière (pour comparer l'affichage avec et sans allègement).
  if (!process.env.RBDE_CSS_COMPLET) {
    const { feuilles, regles, pagesSansIlot } = allegerFeuilles(dist);
    logger.info(
      `Feuilles de style allégées : ${regles} règles retirées de ${feuilles} feuilles ; feuille propre à ${pagesSansIlot} pages sans îlot (${duree()}).`,
    );
  }
  const pages = await indexer(dist);
  logger.info(`Index de recherche : ${pages} pages (${duree()}).`);
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
