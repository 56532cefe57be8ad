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

/** Réponse de `api.code_demander(p_adresse, p_client, p_navigateur)` : la demande est acceptée, ou il faut attendre. */
export const reponseDemandeCodeSchema = z.object({
  /** Vrai si un code peut être envoyé maintenant. */
  accepte: z.boolean(),
  /** Limite atteinte, quand la demande est refusée. */
  raison: z.enum(['ADRESSE_MINUTE', 'ADRESSE_HEURE', 'ADRESSE_JOUR', 'CLIENT', 'GLOBAL']).optional(),
  /** Secondes à attendre avant une nouvelle demande, quand elle est refusée. */
  attente: z.number().int().positive().optional(),
});
export type ReponseDemandeCode = z.infer<typeof reponseDemandeCodeSchema>;

/** Réponse de `api.code_tenter(p_adresse, p_client, p_navigateur)` : l'essai est consommé avant la vérification du code. */
export const tentativeCodeSchema = z.object({
  /** Faux quand l'essai est refusé (voir raison). */
  autorise: z.boolean(),
  /** Essais restants après celui-ci (le plus petit des restes : par code, par heure). */
  restants: z.number().int().min(0),
  /** Pourquoi l'essai est refusé : autre navigateur, code épuisé, adresse verrouillée, client ou plafond global. */
  raison: z.enum(['NAVIGATEUR', 'CODE_EPUISE', 'VERROUILLE', 'CLIENT', 'GLOBAL']).optional(),
  /** Secondes avant de pouvoir réessayer, pour les verrous dans le temps. */
  attente: z.number().int().positive().optional(),
});
export type TentativeCode = z.infer<typeof tentativeCodeSchema>;

/** Réponse de `api.membre_provisionner(...)` : la fiche créée ou reliée. */
export const membreProvisionneSchema = z.object({
  /** Identifiant de la fiche. */
  id: z.string().uuid(),
  /** Adresse (en minuscules). */
  email: z.string(),
  /** Rôle dans le réseau. */
  role: z.enum(['membre', 'organisateur', 'admin']),
  /** Compte Supabase Auth relié. */
  user_id: z.string().uuid(),
});
export type MembreProvisionne = z.infer<typeof membreProvisionneSchema>;
