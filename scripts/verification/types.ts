// Types partagés par les contrôles du contenu.
import type { Document as DocumentYaml, LineCounter } from 'yaml';

/** Un problème trouvé dans un fichier, affiché `fichier:ligne : message`. */
export interface Probleme {
  fichier: string;
  ligne: number;
  message: string;
}

/** Les trois dossiers de contenu vérifiés. */
export type Collection = 'guides' | 'glossaire' | 'pages';

/** Position d'un nœud dans le fichier source (lignes à partir de 1, offsets à partir de 0). */
export interface Position {
  start: { line: number; column: number; offset?: number };
  end: { line: number; column: number; offset?: number };
}

/** Nœud d'arbre Markdown (mdast, y compris les nœuds MDX), réduit à ce que les contrôles lisent. */
export interface Noeud {
  type: string;
  value?: string;
  url?: string;
  alt?: string | null;
  name?: string | null;
  depth?: number;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: Noeud[];
  position?: Position;
}

/** Un fichier de contenu lu et analysé. */
export interface Document {
  /** Chemin affiché, relatif à la racine du projet (`content/guides/pratiques/x.mdx`). */
  chemin: string;
  collection: Collection;
  /** Identifiant du contenu, comme Astro le calcule (`pratiques/x` pour un guide). */
  id: string;
  /** Dossier de famille pour un guide (`pratiques`), vide sinon. */
  dossier: string;
  mdx: boolean;
  source: string;
  /** Numéro de la ligne où commence le corps (après le frontmatter). */
  ligneCorps: number;
  /** Frontmatter analysé (null si absent ou illisible). */
  yaml: DocumentYaml | null;
  lignesYaml: LineCounter | null;
  /** Données du frontmatter, telles que lues (avant le schéma). */
  donnees: Record<string, unknown>;
  /** Arbre du corps (MDX si possible, sinon Markdown simple). */
  arbre: Noeud;
  /** Erreur de lecture MDX (le corps a alors été relu comme du Markdown simple). */
  erreurMdx: { ligne: number; colonne: number; message: string } | null;
  /** Identifiants (`id`) des titres du corps, calculés comme à la construction. */
  ancres: Set<string>;
  /** Problèmes trouvés dès la lecture (frontmatter absent ou YAML invalide). */
  problemesLecture: Probleme[];
}

/** Ce que l'on sait du site entier, pour vérifier les liens. */
export interface Site {
  /** Adresse de page → ancres connues (null : page fixe, ancres non vérifiées). */
  pages: Map<string, Set<string> | null>;
  /** Identifiants des guides publiés (`reglementation/convention-pfmp`). */
  guides: Set<string>;
  /** Identifiants des guides en brouillon. */
  brouillons: Set<string>;
  /** Fichiers présents dans `public/` (chemins commençant par `/`). */
  fichiersPublics: Set<string>;
}

/** Un contrôle : reçoit un document et le site, renvoie ses problèmes. */
export type Regle = (doc: Document, site: Site) => Probleme[];
