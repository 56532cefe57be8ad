// Un petit contenu d'exemple, valide, pour les tests des contrôles.
import { verifierFichiers, type Fichier } from './index.ts';
import type { Probleme } from './types.ts';

/** Frontmatter d'un guide valide ; `champs` remplace ou ajoute des lignes (`null` retire le champ). */
export function frontmatterGuide(champs: Record<string, string | null> = {}): string {
  const base: Record<string, string | null> = {
    titre: '"Un guide d’exemple"',
    description: '"Une description assez longue pour dépasser les quarante caractères demandés."',
    famille: 'pratiques',
    themes: '[pfmp]',
    verifieLe: '2026-11-30',
    ...champs,
  };
  const lignes = Object.entries(base).flatMap(([cle, valeur]) => (valeur === null ? [] : [`${cle}: ${valeur}`]));
  return `---\n${lignes.join('\n')}\n---\n`;
}

/** Un guide complet : frontmatter (lignes 1 à 7 par défaut), une ligne vide, puis le corps à partir de la ligne 9. */
export const guide = (corps: string, champs: Record<string, string | null> = {}) => `${frontmatterGuide(champs)}\n${corps}`;

/** Le guide de réglementation cité par les autres fichiers d'exemple. */
const convention = `---
titre: "La convention de PFMP"
description: "Qui signe la convention de PFMP et ce que contiennent ses annexes, pour les RBDE."
famille: reglementation
themes: [convention]
verifieLe: 2026-11-30
sources:
  - titre: "Code de l’éducation, art. L. 124-1"
    url: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000029234221"
    nature: code
---

## Qui signe la convention

Texte.

## Ce qui est établi

Texte.
`;

/** Le contenu d'exemple : un guide de réglementation, un brouillon, une entrée du glossaire, une page. */
export const CONTENU: Fichier[] = [
  { chemin: 'content/guides/reglementation/convention-pfmp.mdx', source: convention },
  { chemin: 'content/guides/pratiques/brouillon.mdx', source: guide('Texte.\n', { brouillon: 'true' }) },
  { chemin: 'content/glossaire/pfmp.md', source: '---\nterme: "PFMP"\nforme: "période de formation en milieu professionnel"\n---\nDéfinition.\n' },
  {
    chemin: 'content/pages/accessibilite.mdx',
    source:
      '---\ntitre: "Accessibilité"\ndescription: "Déclaration d’accessibilité du site."\nmisAJourLe: 2026-11-30\n---\n\n## État de conformité\n\nTexte.\n',
  },
];

/** Chemin du fichier vérifié par défaut dans les tests. */
export const FICHIER = 'content/guides/pratiques/essai.mdx';

/** Les problèmes du fichier `chemin` (contenu `source`), vérifié au milieu du contenu d'exemple. */
export function problemesDe(source: string, chemin = FICHIER, fichiersPublics: string[] = []): Probleme[] {
  return verifierFichiers([...CONTENU, { chemin, source }], fichiersPublics).problemes.filter((p) => p.fichier === chemin);
}

/** Les problèmes sous la forme affichée, sans le nom du fichier : `ligne : message`. */
export const lignes = (problemes: Probleme[]) => problemes.map((p) => `${p.ligne} : ${p.message}`);
