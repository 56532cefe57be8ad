// Lit supabase/config.toml, le fichier que `supabase config push` applique en production, pour que
// les remplaçants locaux suivent exactement les mêmes réglages. Un réglage absent ou invalide
// arrête le démarrage avec un message en français : en production, la CLI aurait poussé sa
// valeur par défaut, souvent la mauvaise (code valable 1 h, inscriptions ouvertes…).
import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse } from 'smol-toml';
import { z } from 'zod';

const RACINE = join(import.meta.dirname, '..', '..');
export const FICHIER_CONFIG = join(RACINE, 'supabase', 'config.toml');

/** Durée au format Go (« 60s », « 1m30s », « 500ms »), comme max_frequency de la CLI ; en secondes. */
export function dureeGo(texte: string): number | null {
  if (!/^(\d+(\.\d+)?(h|m|s|ms))+$/.test(texte)) return null;
  const facteurs: Record<string, number> = { h: 3600, m: 60, s: 1, ms: 0.001 };
  let total = 0;
  for (const [, n, , u] of texte.matchAll(/(\d+(\.\d+)?)(h|ms|m|s)/g)) total += Number(n) * facteurs[u!]!;
  return total;
}

const entier = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z.coerce.number().int(`doit être un nombre entier`).min(min, `doit valoir au moins ${min}`).max(max, `doit valoir au plus ${max}`);
const texte = z.string().min(1, 'ne doit pas être vide');

const modele = z.object({
  subject: texte,
  content_path: texte,
});

const schemaConfig = z.object({
  project_id: texte,
  api: z.object({
    enabled: z.boolean(),
    schemas: z.array(texte).min(1, 'doit exposer au moins un schéma'),
    extra_search_path: z.array(z.string()),
    max_rows: entier(1),
  }),
  db: z.object({ major_version: entier(15, 17) }),
  auth: z.object({
    enabled: z.boolean(),
    site_url: z.url('doit être une adresse web complète'),
    additional_redirect_urls: z.array(z.string()),
    jwt_expiry: entier(30, 604_800),
    enable_refresh_token_rotation: z.boolean(),
    refresh_token_reuse_interval: entier(0),
    enable_signup: z.boolean(),
    rate_limit: z.object({
      email_sent: entier(0),
      token_refresh: entier(1),
      sign_in_sign_ups: entier(1),
      token_verifications: entier(1),
    }),
    email: z.object({
      enable_signup: z.boolean(),
      double_confirm_changes: z.boolean(),
      enable_confirmations: z.boolean(),
      max_frequency: z.string().refine((v) => dureeGo(v) !== null, 'doit être une durée comme « 60s » ou « 1m »'),
      otp_length: entier(6, 10),
      otp_expiry: entier(1, 86_400),
      smtp: z.object({
        enabled: z.boolean(),
        host: texte,
        port: entier(1, 65_535),
        user: texte,
        pass: texte,
        admin_email: z.email('doit être une adresse e-mail'),
        sender_name: texte,
      }),
      template: z.object({ magic_link: modele, confirmation: modele }),
    }),
  }),
});

export type FichierConfigSupabase = z.infer<typeof schemaConfig>;

/** La configuration lue : celle du fichier, env() résolus, durées en secondes, modèles chargés. */
export interface ConfigSupabase extends FichierConfigSupabase {
  /** max_frequency en secondes. */
  frequenceMaxCodes: number;
  /** Contenu des modèles de courriel (content_path lu). */
  modeles: { magic_link: { sujet: string; contenu: string }; confirmation: { sujet: string; contenu: string } };
}

export interface OptionsLecture {
  /** Fichier à lire ; défaut supabase/config.toml. */
  fichier?: string;
  /** Valeurs des env(NOM) ; les remplaçants locaux ne lisent jamais process.env pour cela,
   *  pour ne jamais envoyer de courriel par un vrai relais depuis un poste de développement. */
  env?: Record<string, string | undefined>;
}

/** Valeurs de démonstration des env() de config.toml en local. */
export function envConfigLocal({ smtpPort = 54325, siteUrl = 'http://localhost:4321' }: { smtpPort?: number; siteUrl?: string } = {}) {
  return {
    SITE_URL: siteUrl,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtpPort),
    SMTP_USER: 'capteur-local',
    SMTP_PASS: 'capteur-local',
    SMTP_ADMIN_EMAIL: 'ne-pas-repondre@exemple.test',
  };
}

class ErreurConfig extends Error {}

/** Lit, valide et résout supabase/config.toml ; lève une erreur en français au premier défaut. */
export function lireConfigSupabase({ fichier = FICHIER_CONFIG, env = envConfigLocal() }: OptionsLecture = {}): ConfigSupabase {
  let brut: unknown;
  try {
    brut = parse(readFileSync(fichier, 'utf8'));
  } catch (e) {
    throw new ErreurConfig(`${fichier} illisible : ${(e as Error).message}`);
  }
  const resolu = resoudreEnv(brut, env, fichier, []);
  const r = schemaConfig.safeParse(resolu);
  if (!r.success) {
    const lignes = r.error.issues.map((i) => {
      const chemin = i.path.join('.');
      const valeur = i.path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<PropertyKey, unknown>)[k] : undefined), resolu);
      return valeur === undefined ? `réglage manquant : ${chemin}` : `${chemin} ${i.message}`;
    });
    throw new ErreurConfig(`${fichier} incomplet ou invalide (supabase config push pousserait la valeur par défaut de la CLI) :\n  - ${lignes.join('\n  - ')}`);
  }
  const c = r.data;
  // Comme la CLI : les chemins des modèles de courriel partent du dossier qui contient supabase/.
  const base = join(fichier, '..', '..');
  const charger = (nom: 'magic_link' | 'confirmation') => {
    const m = c.auth.email.template[nom];
    const chemin = isAbsolute(m.content_path) ? m.content_path : join(base, m.content_path);
    try {
      return { sujet: m.subject, contenu: readFileSync(chemin, 'utf8') };
    } catch {
      throw new ErreurConfig(`${fichier} : auth.email.template.${nom}.content_path désigne ${chemin}, introuvable.`);
    }
  };
  return { ...c, frequenceMaxCodes: dureeGo(c.auth.email.max_frequency)!, modeles: { magic_link: charger('magic_link'), confirmation: charger('confirmation') } };
}

/** Copie de la configuration du fichier, modifiée pour un test (ex. un code qui expire vite). */
export function configSupabaseModifiee(modifier: (c: ConfigSupabase) => void, options: OptionsLecture = {}): ConfigSupabase {
  const c = structuredClone(lireConfigSupabase(options));
  modifier(c);
  return c;
}

// « env(NOM) » comme la CLI (motif ^env\((.*)\)$ sur toute chaîne) ; une variable sans valeur
// est une erreur ici, alors que la CLI pousserait le texte « env(NOM) » tel quel.
function resoudreEnv(v: unknown, env: Record<string, string | undefined>, fichier: string, chemin: string[]): unknown {
  if (typeof v === 'string') {
    const nom = v.match(/^env\((.*)\)$/)?.[1];
    if (nom === undefined) return v;
    const valeur = env[nom];
    if (!valeur) throw new ErreurConfig(`${fichier} : ${chemin.join('.')} vaut env(${nom}), mais la variable ${nom} n’a pas de valeur.`);
    return valeur;
  }
  if (Array.isArray(v)) return v.map((x, i) => resoudreEnv(x, env, fichier, [...chemin, String(i)]));
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, resoudreEnv(x, env, fichier, [...chemin, k])]));
  }
  return v;
}

/** Rend un modèle de courriel Go (`{{ .Token }}`, `{{ .Email }}`, `{{ .SiteURL }}`…) comme Supabase Auth :
 *  valeurs échappées pour le HTML ; toute autre construction est refusée plutôt que mal rendue. */
export function rendreModele(modele: string, donnees: Record<string, string>): string {
  return modele.replace(/\{\{-?\s*(.*?)\s*-?\}\}/g, (tout, expr: string) => {
    const nom = expr.match(/^\.([A-Za-z]+)$/)?.[1];
    if (!nom || !(nom in donnees)) throw new Error(`Modèle de courriel : « ${tout} » n’est pas pris en charge par le remplaçant local (seuls ${Object.keys(donnees).map((k) => `{{ .${k} }}`).join(', ')}).`);
    return echapperHtml(donnees[nom]!);
  });
}

const echapperHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&#34;', "'": '&#39;' })[c]!);
