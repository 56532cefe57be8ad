// Démarre la pile locale : base (PGlite ou PostgreSQL), remplaçant Supabase, capteur SMTP, et le site.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import type { Server as ServeurTcp } from 'node:net';
import { join } from 'node:path';
import { createDatabase, type Database } from './base/base.ts';
import { CLES, environnementLocal, JWT_SECRET_LOCAL, PORTS } from './config.ts';
import { envConfigLocal, lireConfigSupabase, type ConfigSupabase } from './supabase/config.ts';
import { migrer } from './base/migrer.ts';
import { creerCapteurSmtp, type MessageCapte } from './smtp/capteur.ts';
import { creerSupabaseLocal } from './supabase/serveur.ts';

export const RACINE = join(import.meta.dirname, '..');

export interface OptionsPile {
  /** Dossier des données locales (PGlite, boîte d'envoi) ; défaut .data/ */
  donnees?: string;
  /** Serveur PostgreSQL à utiliser à la place de PGlite. */
  databaseUrl?: string;
  /** Une base déjà ouverte et migrée (tests) ; la pile la fermera. */
  db?: Database;
  /** Ports ; 0 = un port libre. */
  ports?: { site?: number; supabase?: number; smtp?: number };
  /** Dossier du site construit à servir (défaut : dist/). */
  dist?: string;
  /** Servir aussi le site (dist/ et /api/*). */
  site?: boolean;
  /** Réglages Supabase à la place de supabase/config.toml (tests seulement : configSupabaseModifiee). */
  configSupabase?: ConfigSupabase;
  /** @deprecated Transition, pour functions/__tests__ seulement : équivaut à configSupabase avec
   *  auth.jwt_expiry = dureeJeton. À retirer quand ces tests passent configSupabase. */
  dureeJeton?: number;
  surMessage?: (m: MessageCapte) => void;
  hote?: string;
}

export interface Pile {
  db: Database;
  ports: { site: number; supabase: number; smtp: number };
  env: Record<string, string>;
  outbox: string;
  arreter(): Promise<void>;
}

const ecouter = (s: Server | ServeurTcp, port: number, hote: string) =>
  new Promise<number>((ok, ko) => {
    s.once('error', ko);
    s.listen(port, hote, () => ok((s.address() as AddressInfo).port));
  });

/** Démarre la pile et pose ses variables dans process.env (celles des fonctions). */
export async function demarrerPile(options: OptionsPile = {}): Promise<Pile> {
  const donnees = options.donnees ?? join(RACINE, '.data');
  const outbox = join(donnees, 'outbox');
  const hote = options.hote ?? '127.0.0.1';
  const demandes = { ...PORTS, ...options.ports };
  // Lu avant toute autre chose : un réglage manquant arrête le démarrage, avec la raison.
  const lu = options.configSupabase ?? lireConfigSupabase({ env: envConfigLocal({ smtpPort: demandes.smtp || PORTS.smtp, siteUrl: `http://localhost:${demandes.site || PORTS.site}` }) });
  const config: ConfigSupabase = options.dureeJeton ? { ...lu, auth: { ...lu.auth, jwt_expiry: options.dureeJeton } } : lu;
  const db =
    options.db ??
    (await createDatabase(options.databaseUrl ? { url: options.databaseUrl } : { dossier: join(donnees, 'pglite') }));
  if (!options.db) await migrer(db);

  const smtp = creerCapteurSmtp({ dossier: outbox, surMessage: options.surMessage });
  const portSmtp = await ecouter(smtp, demandes.smtp, hote);
  // En local, le relais SMTP de config.toml est toujours le capteur qu'on vient de démarrer.
  const configLocale: ConfigSupabase = { ...config, auth: { ...config.auth, email: { ...config.auth.email, smtp: { ...config.auth.email.smtp, host: hote, port: portSmtp } } } };
  const supabase = creerSupabaseLocal({ db, jwtSecret: JWT_SECRET_LOCAL, cles: CLES, config: configLocale });
  const portSupabase = await ecouter(supabase, demandes.supabase, hote);

  let site: Server | undefined;
  let portSite = demandes.site;
  const env = environnementLocal({ supabase: portSupabase, smtp: portSmtp, site: portSite });
  for (const [k, v] of Object.entries(env)) process.env[k] = v;
  if (options.site) {
    const { creerServeurSite } = await import('./netlify/serveur.ts');
    site = await creerServeurSite({ dist: options.dist ?? join(RACINE, 'dist') });
    portSite = await ecouter(site, demandes.site, hote);
    env.SITE_URL = `http://localhost:${portSite}`;
  }
  let arretee = false;
  return {
    db,
    ports: { site: portSite, supabase: portSupabase, smtp: portSmtp },
    env,
    outbox,
    async arreter() {
      if (arretee) return;
      arretee = true;
      for (const s of [site, supabase, smtp]) {
        if (!s) continue;
        (s as Server).closeAllConnections?.();
        await new Promise((ok) => s.close(() => ok(null)));
      }
      await db.close();
    },
  };
}
