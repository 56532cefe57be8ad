import { z } from 'zod';
import { LONGUEUR_CODE } from '../lib/config-auth.ts';

export { DUREE_CODE_MIN, LONGUEUR_CODE } from '../lib/config-auth.ts';

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
  /** Code reçu par courriel, de LONGUEUR_CODE chiffres (espaces tolérés). */
  code: z
    .string({ error: 'Indiquez le code reçu par courriel.' })
    .transform((c) => c.replace(/\s+/g, ''))
    .pipe(z.string().regex(new RegExp(`^\\d{${LONGUEUR_CODE}}$`), `Le code se compose de ${LONGUEUR_CODE} chiffres.`)),
});
export type OuvertureSession = z.infer<typeof ouvertureSessionSchema>;
