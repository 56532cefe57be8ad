// Configuration des fonctions, lue une fois avec zod au démarrage à froid. Aucun défaut pour les secrets.
// Ne sont exigées que les variables que le code lit. En production (contexte Netlify « production »),
// une valeur de démonstration (marquée NE-PAS-UTILISER-EN-PRODUCTION) ou absente fait refuser le
// démarrage, avec une ligne en français dans le journal.
import { z } from 'zod';

/** Marque que portent toutes les valeurs de démonstration locales (local/config.ts). */
export const MARQUE_DEMO = 'NE-PAS-UTILISER-EN-PRODUCTION';

/** Une clé de 32 octets, en base64 ou base64url (44 ou 43 caractères). */
const cle32 = (nom: string) =>
  z
    .string()
    .trim()
    .refine((v) => Buffer.from(v, 'base64').length === 32, `${nom} : chaque clé doit faire 32 octets, encodés en base64 (openssl rand -base64 32).`);

const envSchema = z.object({
  SUPABASE_URL: z.url({ error: 'SUPABASE_URL doit être l’adresse du projet Supabase.' }),
  SUPABASE_PUBLISHABLE_KEY: z.string().regex(/^sb_publishable_\S{8,}$/, 'SUPABASE_PUBLISHABLE_KEY doit être la clé publiable du projet (sb_publishable_…).'),
  SUPABASE_SECRET_KEY: z.string().regex(/^sb_secret_\S{8,}$/, 'SUPABASE_SECRET_KEY doit être une clé secrète du projet (sb_secret_…).'),
  /** Clés de chiffrement du cookie de session, séparées par des virgules : la première chiffre, toutes déchiffrent. */
  SESSION_KEYS: z
    .string({ error: 'SESSION_KEYS manque : une ou plusieurs clés de 32 octets en base64, séparées par des virgules.' })
    .transform((v) =>
      v
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean),
    )
    .pipe(z.array(cle32('SESSION_KEYS')).min(1, 'SESSION_KEYS doit contenir au moins une clé.')),
  /** Clé HMAC des empreintes d'adresses et d'IP (distincte des clés du cookie). */
  PSEUDONYMISATION_KEY: cle32('PSEUDONYMISATION_KEY'),
  /** Relais SMTP des courriels des fonctions (confirmation d'inscription, promotion). */
  SMTP_URL: z
    .string({ error: 'SMTP_URL manque : l’adresse du relais SMTP (smtp://… ou smtps://…).' })
    .regex(/^smtps?:\/\/\S+$/, 'SMTP_URL doit commencer par smtp:// ou smtps://.'),
  /** Expéditeur des courriels (« Réseau BDE <ne-pas-repondre@…> »). */
  MAIL_FROM: z.string({ error: 'MAIL_FROM manque : l’expéditeur des courriels.' }).min(3, 'MAIL_FROM est trop court.'),
  /** Adresse publique du site, pour les liens des courriels. */
  SITE_URL: z.url({ error: 'SITE_URL doit être l’adresse publique du site (https://…).' }),
  /** Durée minimale d'une réponse à une demande de code (ms) : membres et inconnus répondent en même temps. */
  DUREE_MIN_DEMANDE_CODE_MS: z.coerce.number().int().min(0).max(10_000).default(1200),
});
export type Env = z.infer<typeof envSchema>;

let cache: Env | undefined;

/** Erreur de configuration : message en français, sans valeur secrète. */
export class ErreurConfiguration extends Error {
  override name = 'ErreurConfiguration';
}

/** La configuration validée ; lève ErreurConfiguration (une ligne lisible) si une variable manque. */
export function env(contexte?: string): Env {
  if (!cache) {
    const resultat = envSchema.safeParse(process.env);
    if (!resultat.success) {
      throw new ErreurConfiguration(
        `Configuration invalide : ${resultat.error.issues.map((i) => `${i.path.join('.') || 'variables'} : ${i.message}`).join(' ; ')}`,
      );
    }
    cache = resultat.data;
  }
  if (contexte === 'production') {
    const demo = Object.entries(process.env)
      .filter(([k, v]) => k in envSchema.shape && v?.includes(MARQUE_DEMO))
      .map(([k]) => k);
    if (demo.length) throw new ErreurConfiguration(`Configuration refusée en production : ${demo.join(', ')} porte une valeur de démonstration.`);
  }
  return cache;
}

/** Pour les tests : oublie la configuration lue (les variables ont changé). */
export function oublierEnv() {
  cache = undefined;
}
