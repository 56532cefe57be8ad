// Les valeurs locales, en un seul endroit : défauts de « npm start », « npm run dev » et des tests.
// Rien ici n'est un secret de production : ce sont des valeurs de démonstration, publiques.
import { signerJwt } from './jwt.ts';

export const JWT_SECRET_LOCAL = 'secret-jwt-local-reseau-bde-ne-pas-utiliser-en-production';
const emission = 1764500000; // date fixe : les clés restent identiques d'un lancement à l'autre
const dixAns = 10 * 365 * 24 * 3600;

export const PORTS = { site: 4321, supabase: 54321, smtp: 54325 } as const;

/** Clés « anon » et « service_role », signées comme les clés JWT historiques de Supabase. */
export const CLES = {
  anon: signerJwt({ iss: 'supabase-local', role: 'anon', iat: emission, exp: emission + dixAns }, JWT_SECRET_LOCAL),
  service: signerJwt({ iss: 'supabase-local', role: 'service_role', iat: emission, exp: emission + dixAns }, JWT_SECRET_LOCAL),
};

/** Variables d'environnement des fonctions en local (lues par functions/_lib/env.ts). */
export function environnementLocal(ports: { supabase?: number; smtp?: number; site?: number } = {}) {
  const p = { ...PORTS, ...ports };
  return {
    SUPABASE_URL: `http://127.0.0.1:${p.supabase}`,
    SUPABASE_ANON_KEY: CLES.anon,
    SUPABASE_SERVICE_ROLE_KEY: CLES.service,
    SMTP_URL: `smtp://127.0.0.1:${p.smtp}`,
    MAIL_FROM: 'Réseau BDE (local) <ne-pas-repondre@exemple.test>',
    SESSION_SECRET: 'secret-de-session-local-reseau-bde-32-caracteres-au-moins',
    SITE_URL: `http://localhost:${p.site}`,
  };
}
