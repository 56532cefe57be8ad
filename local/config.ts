// Les valeurs locales, en un seul endroit : défauts de « npm start », « npm run dev » et des tests.
// Rien ici n'est un secret de production : ce sont des valeurs de démonstration, publiques, que
// `npm run verifier-deploiement` refuse de trouver sur un site déployé.
import { signerJwt } from './supabase/jwt.ts';

export const JWT_SECRET_LOCAL = 'secret-jwt-local-reseau-bde-ne-pas-utiliser-en-production';
const emission = 1764500000; // date fixe : les clés restent identiques d'un lancement à l'autre
const dixAns = 10 * 365 * 24 * 3600;

export const PORTS = { site: 4321, supabase: 54321, smtp: 54325 } as const;

/** Clés d'API locales. Le projet utilise les clés actuelles de Supabase (`sb_publishable_…`,
 *  `sb_secret_…`) ; les clés JWT historiques (anon, service_role) restent acceptées par le
 *  remplaçant comme par Supabase pendant la transition. */
export const CLES = {
  publishable: 'sb_publishable_local_NE-PAS-UTILISER-EN-PRODUCTION',
  secret: 'sb_secret_local_NE-PAS-UTILISER-EN-PRODUCTION',
  anon: signerJwt({ iss: 'supabase-local', role: 'anon', iat: emission, exp: emission + dixAns }, JWT_SECRET_LOCAL),
  service: signerJwt({ iss: 'supabase-local', role: 'service_role', iat: emission, exp: emission + dixAns }, JWT_SECRET_LOCAL),
};

/** Clé de chiffrement du cookie de session et clé de pseudonymisation, de démonstration : 32 octets
 *  en base64url, marqués NE-PAS-UTILISER-EN-PRODUCTION (les fonctions les refusent en production). */
export const SESSION_KEYS_LOCALES = 'sessionLocale-NE-PAS-UTILISER-EN-PRODUCTION';
export const PSEUDONYMISATION_KEY_LOCALE = 'pseudonymes01-NE-PAS-UTILISER-EN-PRODUCTION';

/** Variables d'environnement des fonctions en local (lues par functions/_lib/env.ts). */
export function environnementLocal(ports: { supabase?: number; smtp?: number; site?: number } = {}) {
  const p = { ...PORTS, ...ports };
  return {
    SUPABASE_URL: `http://127.0.0.1:${p.supabase}`,
    SUPABASE_PUBLISHABLE_KEY: CLES.publishable,
    SUPABASE_SECRET_KEY: CLES.secret,
    SESSION_KEYS: SESSION_KEYS_LOCALES,
    PSEUDONYMISATION_KEY: PSEUDONYMISATION_KEY_LOCALE,
    SMTP_URL: `smtp://127.0.0.1:${p.smtp}`,
    MAIL_FROM: 'Réseau BDE (local) <ne-pas-repondre@exemple.test>',
    SITE_URL: `http://localhost:${p.site}`,
  };
}

/** Les valeurs de démonstration qu'un site déployé ne doit jamais laisser paraître. */
export const VALEURS_DEMO = [CLES.publishable, CLES.secret, CLES.anon, CLES.service, JWT_SECRET_LOCAL, SESSION_KEYS_LOCALES, PSEUDONYMISATION_KEY_LOCALE];
