// Vérification du contenu : lit content/ et applique chaque contrôle. Utilisé par `npm run verifier-contenu` et les tests.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { lireDocument } from './document.ts';
import { verifierImages } from './images.ts';
import { verifierLibelles } from './libelles.ts';
import { verifierLiens } from './liens.ts';
import { verifierMdx } from './mdx.ts';
import { verifierModele } from './modele.ts';
import { verifierRedaction } from './redaction.ts';
import { verifierFrontmatter } from './schema.ts';
import { construireSite } from './site.ts';
import { verifierSources } from './sources.ts';
import { verifierTypographie } from './typographie.ts';
import type { Document, Probleme, Regle } from './types.ts';

/** Les contrôles, dans l'ordre où leurs messages ont le plus de sens pour l'auteur. */
export const REGLES: readonly Regle[] = [
  verifierFrontmatter,
  verifierSources,
  verifierModele,
  verifierMdx,
  verifierLiens,
  verifierImages,
  verifierLibelles,
  verifierRedaction,
  verifierTypographie,
];

/** Un fichier à vérifier : chemin relatif à la racine du projet et texte. */
export interface Fichier {
  chemin: string;
  source: string;
}

/** Vérifie un ensemble de fichiers (le contenu entier, pour que les liens entre fichiers soient vérifiés). */
export function verifierFichiers(fichiers: readonly Fichier[], fichiersPublics: Iterable<string> = []): { documents: Document[]; problemes: Probleme[] } {
  const documents = fichiers.map((f) => lireDocument(f.chemin, f.source));
  const site = construireSite(documents, fichiersPublics);
  const vus = new Set<string>();
  const problemes: Probleme[] = [];
  for (const doc of documents)
    for (const regle of REGLES)
      for (const p of regle(doc, site)) {
        const cle = `${p.fichier}\n${p.ligne}\n${p.message}`;
        if (!vus.has(cle)) {
          vus.add(cle);
          problemes.push(p);
        }
      }
  problemes.sort((a, b) => a.fichier.localeCompare(b.fichier) || a.ligne - b.ligne);
  return { documents, problemes };
}

/** Tous les fichiers d'un dossier, récursivement (chemins absolus). */
function fichiersDe(dossier: string): string[] {
  let entrees: string[];
  try {
    entrees = readdirSync(dossier);
  } catch {
    return [];
  }
  return entrees.flatMap((nom) => {
    const chemin = join(dossier, nom);
    return statSync(chemin).isDirectory() ? fichiersDe(chemin) : [chemin];
  });
}

const versSlash = (chemin: string) => chemin.split(sep).join('/');

/** Lit les fichiers de content/guides, content/glossaire et content/pages (hors fichiers « _… », ignorés par le site). */
export function lireContenu(racine: string): { fichiers: Fichier[]; fichiersPublics: string[] } {
  const fichiers: Fichier[] = [];
  for (const collection of ['guides', 'glossaire', 'pages'])
    for (const absolu of fichiersDe(join(racine, 'content', collection))) {
      const chemin = versSlash(relative(racine, absolu));
      const nom = chemin.slice(chemin.lastIndexOf('/') + 1);
      if (!/\.mdx?$/.test(nom) || nom.startsWith('_')) continue;
      fichiers.push({ chemin, source: readFileSync(absolu, 'utf8') });
    }
  const publics = join(racine, 'public');
  const fichiersPublics = fichiersDe(publics).map((f) => `/${versSlash(relative(publics, f))}`);
  return { fichiers, fichiersPublics };
}

/** Une ligne du rapport : `fichier:ligne : message`. */
export const formaterProbleme = (p: Probleme) => `${p.fichier}:${p.ligne} : ${p.message}`;

/** La dernière ligne du rapport. */
export function formaterTotal(problemes: readonly Probleme[], nombreFichiers: number): string {
  if (problemes.length === 0) return `Aucun problème : ${nombreFichiers} fichiers vérifiés.`;
  const fichiers = new Set(problemes.map((p) => p.fichier)).size;
  return `${problemes.length} problème${problemes.length > 1 ? 's' : ''} dans ${fichiers} fichier${fichiers > 1 ? 's' : ''} (sur ${nombreFichiers} vérifiés).`;
}

const echapperDonnee = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const echapperPropriete = (s: string) => echapperDonnee(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Annotation GitHub Actions : le message s'affiche sur la ligne du fichier, dans l'onglet « Files changed » de la pull request. */
export const annotationGithub = (p: Probleme) =>
  `::error file=${echapperPropriete(p.fichier)},line=${p.ligne},title=${echapperPropriete('Vérification du contenu')}::${echapperDonnee(p.message)}`;
