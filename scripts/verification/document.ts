// Lecture d'un fichier de contenu : frontmatter (YAML, avec les lignes de chaque champ) et corps (arbre Markdown ou MDX).
import GithubSlugger from 'github-slugger';
import { markdownToMdast, mdxToMdast } from 'satteri';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import type { Collection, Document, Noeud, Probleme } from './types.ts';

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?^---[ \t]*$/m;

/** Lit un fichier de contenu ; `chemin` est relatif à la racine du projet (`content/guides/pratiques/x.mdx`). */
export function lireDocument(chemin: string, sourceBrute: string): Document {
  const source = sourceBrute.replace(/^\uFEFF/, '');
  const { collection, id, dossier } = situer(chemin);
  const mdx = chemin.endsWith('.mdx');
  const problemesLecture: Probleme[] = [];

  let yaml: Document['yaml'] = null;
  let lignesYaml: LineCounter | null = null;
  let donnees: Record<string, unknown> = {};
  let ligneCorps = 1;
  const fm = source.startsWith('---') ? FRONTMATTER.exec(source) : null;
  if (!fm || fm.index !== 0) {
    problemesLecture.push({
      fichier: chemin,
      ligne: 1,
      message: 'Le fichier doit commencer par un frontmatter : une ligne « --- », les champs (titre, description…), puis une autre ligne « --- ».',
    });
  } else {
    ligneCorps = fm[0].split('\n').length + 1;
    lignesYaml = new LineCounter();
    yaml = parseDocument(fm[1] ?? '', { lineCounter: lignesYaml, prettyErrors: false, uniqueKeys: true });
    for (const erreur of yaml.errors) {
      const ligne = 1 + (lignesYaml.linePos(erreur.pos[0]).line ?? 1);
      problemesLecture.push({ fichier: chemin, ligne, message: messageYaml(erreur.code, erreur.message) });
    }
    if (yaml.errors.length === 0) {
      const valeur: unknown = yaml.toJS();
      if (valeur && typeof valeur === 'object' && !Array.isArray(valeur)) donnees = valeur as Record<string, unknown>;
      else problemesLecture.push({ fichier: chemin, ligne: 2, message: 'Le frontmatter doit être une liste de champs « nom: valeur », un par ligne.' });
    } else {
      yaml = null;
    }
  }

  let arbre: Noeud;
  let erreurMdx: Document['erreurMdx'] = null;
  if (mdx) {
    try {
      arbre = mdxToMdast(source) as unknown as Noeud;
    } catch (e) {
      const texte = e instanceof Error ? e.message : String(e);
      const m = /^(\d+):(\d+):\s*(.*)$/s.exec(texte);
      erreurMdx = { ligne: m ? Number(m[1]) : ligneCorps, colonne: m ? Number(m[2]) : 1, message: m ? (m[3] ?? texte) : texte };
      arbre = markdownToMdast(source) as unknown as Noeud;
    }
  } else {
    arbre = markdownToMdast(source) as unknown as Noeud;
  }

  return {
    chemin,
    collection,
    id,
    dossier,
    mdx,
    source,
    ligneCorps,
    yaml,
    lignesYaml,
    donnees,
    arbre,
    erreurMdx,
    ancres: ancresDesTitres(arbre),
    problemesLecture,
  };
}

/** Collection, identifiant et dossier de famille d'après le chemin. */
function situer(chemin: string): { collection: Collection; id: string; dossier: string } {
  const m = /(?:^|\/)content\/(guides|glossaire|pages)\/(.+)\.mdx?$/.exec(chemin.replaceAll('\\', '/'));
  if (!m) throw new Error(`Chemin hors de content/guides, content/glossaire ou content/pages : ${chemin}`);
  const collection = m[1] as Collection;
  const id = m[2]!;
  const dossier = collection === 'guides' && id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '';
  return { collection, id, dossier };
}

/** Message d'erreur YAML en français, avec le conseil qui règle le cas le plus fréquent. */
function messageYaml(code: string, message: string): string {
  const detail = message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
  const conseils: Record<string, string> = {
    BAD_INDENT: 'vérifiez l’alignement des lignes (des espaces, pas de tabulation).',
    TAB_AS_INDENT: 'remplacez les tabulations par des espaces.',
    DUPLICATE_KEY: 'ce champ apparaît deux fois ; gardez-en un seul.',
    MISSING_CHAR: 'un guillemet ou un crochet n’est pas refermé.',
  };
  const conseil = conseils[code] ?? 'si la valeur contient « : », « # » ou commence par « [ », « { », « * », mettez-la entre guillemets droits ("…").';
  return `Frontmatter illisible (YAML) : ${conseil} (détail technique : ${detail})`;
}

/** Texte d'un nœud, tel qu'il s'affiche (sans le balisage ni le texte alternatif des images). */
export function texteDe(n: Noeud): string {
  if (n.type === 'text' || n.type === 'inlineCode') return n.value ?? '';
  if (n.type === 'image' || n.type === 'mdxTextExpression' || n.type === 'html') return '';
  return (n.children ?? []).map(texteDe).join('');
}

/** Les `id` des titres, comme les calcule la construction (github-slugger, un compteur par page). */
function ancresDesTitres(arbre: Noeud): Set<string> {
  const slugger = new GithubSlugger();
  const ancres = new Set<string>();
  parcourir(arbre, (n) => {
    if (n.type === 'heading') ancres.add(slugger.slug(texteDe(n)));
  });
  return ancres;
}

/** Visite tous les nœuds de l'arbre, parents d'abord ; `ancetres` va de la racine au parent. */
export function parcourir(n: Noeud, visite: (n: Noeud, ancetres: Noeud[]) => void, ancetres: Noeud[] = []): void {
  visite(n, ancetres);
  for (const enfant of n.children ?? []) parcourir(enfant, visite, [...ancetres, n]);
}

/** Ligne (à partir de 1) d'un champ du frontmatter ; à défaut celle du parent le plus proche, ou 1. */
export function ligneDuChamp(doc: Document, chemin: readonly PropertyKey[]): number {
  if (!doc.yaml || !doc.lignesYaml) return 1;
  let noeud: unknown = doc.yaml.contents;
  let offset: number | undefined;
  for (const cle of chemin) {
    if (isMap(noeud)) {
      const paire = noeud.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === cle);
      if (!paire || !isScalar(paire.key)) break;
      offset = paire.key.range?.[0];
      noeud = paire.value;
    } else if (isSeq(noeud) && typeof cle === 'number') {
      const element = noeud.items[cle] as { range?: [number, number, number] } | undefined;
      if (!element) break;
      offset = element.range?.[0];
      noeud = element;
    } else break;
  }
  return offset === undefined ? 1 : 1 + doc.lignesYaml.linePos(offset).line;
}

/** Ligne de début d'un nœud de l'arbre. */
export const ligneDe = (n: Noeud, defaut = 1) => n.position?.start.line ?? defaut;
