// Configuration des fonctions, lue une fois avec zod au démarrage à froid. Aucun défaut pour les secrets.
import { z } from 'zod';

const envSchema = z.object({
  SUPABASE_URL: z.url({ error: 'SUPABASE_URL doit être l’adresse du projet Supabase.' }),
  SUPABASE_ANON_KEY: z.string().min(20, 'SUPABASE_ANON_KEY manque ou est trop courte.'),
  SUPABASE_SERVICE_ROLE_KEY: z.string().min(20, 'SUPABASE_SERVICE_ROLE_KEY manque ou est trop courte.'),
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'SMTP_URL doit commencer par smtp:// ou smtps://.'),
  MAIL_FROM: z.string().min(3, 'MAIL_FROM manque.'),
  SESSION_SECRET: z.string().min(32, 'SESSION_SECRET doit faire au moins 32 caractères.'),
});
export type Env = z.infer<typeof envSchema>;

let cache: Env | undefined;

/** La configuration validée ; lève une erreur lisible si une variable manque. */
export function env(): Env {
  if (!cache) {
    const resultat = envSchema.safeParse(process.env);
    if (!resultat.success) {
      throw new Error(`Configuration invalide : ${resultat.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`).join(' ; ')}`);
    }
    cache = resultat.data;
  }
  return cache;
}
