// Accès aux collections pour les pages (au moment de la construction).
import { getCollection, type CollectionEntry } from 'astro:content';
import { FAMILLES, type Famille } from '../schemas/guide.ts';

export type GuideEntree = CollectionEntry<'guides'>;

/** Les guides publiés (hors brouillons), triés par famille puis ordre puis titre. */
export async function guidesPublies(): Promise<GuideEntree[]> {
  const familles = Object.keys(FAMILLES);
  return (await getCollection('guides', (g) => !g.data.brouillon)).sort(
    (a, b) =>
      familles.indexOf(a.data.famille) - familles.indexOf(b.data.famille) || a.data.ordre - b.data.ordre || a.data.titre.localeCompare(b.data.titre, 'fr'),
  );
}

/** Les guides d'une famille, dans l'ordre du menu. */
export async function guidesDeLaFamille(famille: Famille): Promise<GuideEntree[]> {
  return (await guidesPublies()).filter((g) => g.data.famille === famille);
}

/** Adresse de la page d'un guide. */
export const urlGuide = (g: Pick<GuideEntree, 'id'>) => `/guides/${g.id}/`;

/** Chemin du fichier source d'un guide dans le dépôt (pour « Proposer une modification »). */
export const fichierGuide = (g: GuideEntree) => g.filePath ?? `content/guides/${g.id}.mdx`;
