import { z } from 'zod';

/** Frontmatter d’une page institutionnelle (`content/pages/<slug>.mdx`). */
export const pageSchema = z.object({
  /** Titre de la page. */
  titre: z.string({ error: 'Le titre est obligatoire.' }).min(3, 'Le titre est trop court.'),
  /** Résumé pour les moteurs et les listes. */
  description: z.string({ error: 'La description est obligatoire.' }).min(20, 'La description est trop courte.'),
  /** Date de dernière mise à jour du texte. */
  misAJourLe: z.coerce.date({ error: 'misAJourLe : date attendue au format AAAA-MM-JJ.' }),
});
export type Page = z.infer<typeof pageSchema>;
