import { z } from 'zod';

/** Enveloppe de toute réponse d'erreur de `/api/*`. */
export const reponseErreurSchema = z.object({
  erreur: z.object({
    /** Code stable, pour les programmes (`CODE_INVALIDE`). */
    code: z.string(),
    /** Message en français, pour une personne. */
    message: z.string(),
    /** Précisions : erreurs par champ (`champs`), essais restants… */
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});
export type ReponseErreur = z.infer<typeof reponseErreurSchema>;
