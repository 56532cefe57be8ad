// Longueur et durée du code de connexion, sans zod : les îlots l'importent (zod compilerait ses
// validateurs avec new Function, que la politique de sécurité des pages refuse).
import { CONFIG_AUTH } from '../schemas/config-auth.gen.ts';

/** Nombre de chiffres d'un code de connexion (otp_length de supabase/config.toml, 6 à 10). */
export const LONGUEUR_CODE: number = CONFIG_AUTH.longueurCode;
/** Durée de validité d'un code, en minutes (otp_expiry de supabase/config.toml). */
export const DUREE_CODE_MIN: number = Math.round(CONFIG_AUTH.dureeCodeS / 60);
