import { z } from 'zod';

/** Une adresse électronique, ramenée en minuscules et sans espaces autour. */
export const emailSchema = z
  .string({ error: 'Indiquez votre adresse électronique.' })
  .trim()
  .min(1, 'Indiquez votre adresse électronique.')
  .max(254, 'Cette adresse électronique est trop longue.')
  .pipe(z.email({ error: 'Cette adresse électronique n’est pas valide (exemple : prenom.nom@ac-exemple.fr).' }))
  .transform((e) => e.toLowerCase());

/** Corps de `POST /api/auth/code`. */
export const demandeCodeSchema = z.object({
  /** Adresse à laquelle envoyer le code, si elle est celle d'un membre. */
  email: emailSchema,
});
export type DemandeCode = z.infer<typeof demandeCodeSchema>;

/** Corps de `POST /api/auth/session`. */
export const ouvertureSessionSchema = z.object({
  /** Adresse qui a reçu le code. */
  email: emailSchema,
  /** Code à 6 chiffres reçu par courriel (espaces tolérés). */
  code: z
    .string({ error: 'Indiquez le code reçu par courriel.' })
    .transform((c) => c.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, 'Le code se compose de 6 chiffres.')),
});
export type OuvertureSession = z.infer<typeof ouvertureSessionSchema>;
