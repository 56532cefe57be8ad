// Publie le programme des rencontres (content/rencontres/) dans la base par api.rencontre_publier.
// Appelé par la construction en contexte de production (jamais en aperçu de déploiement) et par
// « npm start » (avec la rencontre de démonstration de local/rencontres/). Échoue bruyamment, en
// français, quand la base refuse (capacité inférieure aux places confirmées : l'atelier est nommé).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { rencontreSchema, type Rencontre } from '../src/schemas/rencontre.ts';
import { versPublication, type RencontrePubliee } from '../src/lib/rencontres.ts';

const racine = join(import.meta.dirname, '..');

/** Les dossiers de rencontres : le contenu, plus la démonstration si demandée. */
export function dossiersRencontres({ demo = false } = {}): string[] {
  return [join(racine, 'content/rencontres'), ...(demo ? [join(racine, 'local/rencontres')] : [])];
}

/** Lit et valide les rencontres des dossiers ; lève une erreur française listant chaque problème. */
export function lireRencontres(dossiers: string[]): { slug: string; rencontre: Rencontre }[] {
  const problemes: string[] = [];
  const lues: { slug: string; rencontre: Rencontre }[] = [];
  for (const dossier of dossiers) {
    for (const f of readdirSync(dossier)
      .filter((x) => /^[^_].*\.mdx?$/.test(x))
      .sort()) {
      const texte = readFileSync(join(dossier, f), 'utf8');
      const entete = /^---\r?\n([\s\S]*?)\r?\n---/.exec(texte)?.[1];
      const r = rencontreSchema.safeParse(entete ? parse(entete) : undefined);
      if (!r.success) problemes.push(...r.error.issues.map((i) => `${f} : ${i.path.join('.') || 'en-tête'} : ${i.message}`));
      else lues.push({ slug: basename(f).replace(/\.mdx?$/, ''), rencontre: r.data });
    }
  }
  if (problemes.length) throw new Error(`Rencontres invalides :\n  ${problemes.join('\n  ')}`);
  return lues;
}

/** Publie chaque rencontre avec `appeler` (api.rencontre_publier) ; lève au premier refus, message de la base compris. */
export async function publierRencontres(
  rencontres: { slug: string; rencontre: Rencontre }[],
  appeler: (r: RencontrePubliee) => Promise<{ promus?: number } | null>,
) {
  const publiees: string[] = [];
  for (const { slug, rencontre } of rencontres) {
    try {
      await appeler(versPublication(slug, rencontre));
      publiees.push(slug);
    } catch (e) {
      const err = e as { message?: string; details?: string; detail?: string };
      throw new Error(`Publication de la rencontre « ${slug} » refusée par la base : ${err.details ?? err.detail ?? err.message}`, { cause: e });
    }
  }
  return publiees;
}

/** Publication par supabase-js avec la clé secrète (production, npm start). */
export async function publierParSupabase(url: string, cleSecrete: string, { demo = false } = {}) {
  const { createClient } = await import('@supabase/supabase-js');
  const client = createClient(url, cleSecrete, { auth: { persistSession: false, autoRefreshToken: false }, db: { schema: 'api' } });
  return publierRencontres(lireRencontres(dossiersRencontres({ demo })), async (p) => {
    const { data, error } = await client.rpc('rencontre_publier', { p_rencontre: p });
    if (error) throw error;
    return data as { promus?: number };
  });
}

if (import.meta.main) {
  const url = process.env.SUPABASE_URL;
  const cle = process.env.SUPABASE_SECRET_KEY;
  if (!url || !cle) {
    console.error('Publication des rencontres : SUPABASE_URL et SUPABASE_SECRET_KEY sont nécessaires.');
    process.exit(1);
  }
  try {
    const publiees = await publierParSupabase(url, cle);
    console.log(`Rencontres publiées : ${publiees.join(', ') || 'aucune'}.`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
