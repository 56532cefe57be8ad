// npm run build : construit le site (Astro) puis son index de recherche (Pagefind), en une fois.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as pagefind from 'pagefind';
import { allegerCss, motsClasses } from './alleger-css.ts';

const racine = join(import.meta.dirname, '..');
const debut = performance.now();

// Le programme des rencontres est publié dans la base par la construction de production seulement
// (Netlify pose CONTEXT=production ; jamais en aperçu de déploiement). Un refus arrête la construction.
if (process.env.CONTEXT === 'production') {
  const { publierParSupabase } = await import('./publier-rencontres.ts');
  try {
    const publiees = await publierParSupabase(process.env.SUPABASE_URL ?? '', process.env.SUPABASE_SECRET_KEY ?? '');
    console.log(`Rencontres publiées dans la base : ${publiees.join(', ') || 'aucune'}.`);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}

// RBDE_DIST : construire ailleurs que dans dist/ (mesures).
const dist = process.env.RBDE_DIST ?? join(racine, 'dist');
const astro = spawnSync(process.execPath, [join(racine, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent', '--outDir', dist], { cwd: racine, stdio: 'inherit' });
if (astro.status !== 0) {
  console.error('La construction du site a échoué (voir ci-dessus).');
  process.exit(astro.status ?? 1);
}
const finAstro = performance.now();

// Feuille de style : seulement ce que les pages et les scripts emploient.
const fichiers = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? fichiers(join(d, f)) : [join(d, f)]));
const tous = fichiers(dist);
const mots = motsClasses(tous.filter((f) => /\.(html|js)$/.test(f)).map((f) => readFileSync(f, 'utf8')));
// RBDE_CSS_COMPLET=1 : garder la feuille entière (pour comparer l'affichage avec et sans allègement).
if (!process.env.RBDE_CSS_COMPLET) for (const css of tous.filter((f) => f.endsWith('.css'))) writeFileSync(css, allegerCss(readFileSync(css, 'utf8'), mots));

const { index, errors } = await pagefind.createIndex({ forceLanguage: 'fr' });
if (!index) throw new Error(`Pagefind : ${errors.join(' ; ')}`);
const ajout = await index.addDirectory({ path: dist });
if (ajout.errors.length) throw new Error(`Pagefind : ${ajout.errors.join(' ; ')}`);
const ecriture = await index.writeFiles({ outputPath: join(dist, 'pagefind') });
if (ecriture.errors.length) throw new Error(`Pagefind : ${ecriture.errors.join(' ; ')}`);
await pagefind.close();

const fin = performance.now();
console.log(`Site construit en ${((finAstro - debut) / 1000).toFixed(1)} s, ${ajout.page_count} pages indexées en ${((fin - finAstro) / 1000).toFixed(1)} s.`);
