import { z } from 'zod';

/** Rôles dans le réseau : membre, organisateur (rencontres), administrateur (liste des membres). */
export const roleSchema = z.enum(['membre', 'organisateur', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/** L'établissement d'un membre. */
export const etablissementSchema = z.object({
  /** Identifiant national (UAI), 7 chiffres et une lettre. */
  uai: z.string(),
  /** Nom du lycée. */
  nom: z.string(),
  /** Commune. */
  commune: z.string(),
  /** Numéro du département. */
  departement: z.string(),
});

/** La fiche d'un membre telle que `GET /api/moi` la renvoie. */
export const profilSchema = z.object({
  /** Identifiant de la fiche. */
  id: z.string(),
  /** Adresse professionnelle. */
  email: z.string(),
  /** Rôle dans le réseau. */
  role: roleSchema,
  /** Prénom. */
  prenom: z.string(),
  /** Nom. */
  nom: z.string(),
  /** Fonction occupée. */
  fonction: z.string(),
  /** Téléphone professionnel, facultatif. */
  telephone: z.string().nullable(),
  /** Établissement de rattachement, s'il est connu. */
  etablissement: etablissementSchema.nullable(),
});
export type Profil = z.infer<typeof profilSchema>;
