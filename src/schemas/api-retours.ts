import { z } from 'zod';

// Les résultats JSON des fonctions du schéma api qui n'ont pas déjà leur schéma ailleurs.
// Chaque fonction les désigne par `comment on function api.<nom>() is '@retour <Type> from src/schemas/api-retours.ts'`,
// et scripts/generer-api.ts en fait le type de son résultat dans functions/_lib/supabase/api.gen.ts.

/** Réponse de `api.sante()`. */
export const santeSchema = z.object({
  /** « ok » quand la base répond. */
  base: z.literal('ok'),
  /** Heure de la base (ISO 8601). */
  heure: z.string(),
});
export type Sante = z.infer<typeof santeSchema>;

/** Réponse de `api.code_demander(p_empreinte)` : la demande est acceptée, ou il faut attendre. */
export const reponseDemandeCodeSchema = z.object({
  /** Vrai si un code peut être envoyé maintenant. */
  accepte: z.boolean(),
  /** Secondes à attendre avant une nouvelle demande, quand elle est refusée. */
  attente: z.number().int().positive().optional(),
});
export type ReponseDemandeCode = z.infer<typeof reponseDemandeCodeSchema>;

/** Réponse de `api.code_tenter(p_empreinte)` : l'essai est consommé avant la vérification du code. */
export const tentativeCodeSchema = z.object({
  /** Faux quand les essais de ce code sont épuisés. */
  autorise: z.boolean(),
  /** Essais restants après celui-ci. */
  restants: z.number().int().min(0),
});
export type TentativeCode = z.infer<typeof tentativeCodeSchema>;
