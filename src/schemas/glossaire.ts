import { z } from 'zod';

/** Frontmatter d’une entrée du glossaire (`content/glossaire/<slug>.md`) ; le corps est la définition. */
export const glossaireSchema = z.object({
  /** Le sigle ou le terme, tel qu’il s’écrit dans les textes (« PFMP »). */
  terme: z.string({ error: 'Le terme est obligatoire.' }).min(2, 'Le terme est trop court.'),
  /** Forme développée (« période de formation en milieu professionnel »). */
  forme: z.string({ error: 'La forme développée est obligatoire.' }).min(3, 'La forme développée est trop courte.'),
  /** Autres graphies reconnues dans les guides (« GRETA-CFA »). */
  variantes: z.array(z.string()).default([]),
  /** Mots courants qui désignent la même chose (« stage » pour PFMP, « patron » pour tuteur) : la recherche les
   *  cherche aussi sous le terme et ses variantes, pour qu’une requête avec le mot courant trouve les guides qui
   *  emploient le terme (voir tableSynonymes, src/lib/requete.ts). */
  synonymes: z.array(z.string().min(2, 'Un synonyme fait au moins deux caractères.')).default([]),
  /** Faut-il marquer le terme `<abbr>` dans les guides (faux pour les mots ordinaires). */
  abreviation: z.boolean().default(true),
  /** Source officielle de la définition. */
  source: z.object({ titre: z.string(), url: z.url({ error: 'L’adresse de la source doit être une URL complète.' }).optional() }).optional(),
});
export type EntreeGlossaire = z.infer<typeof glossaireSchema>;
