// npm run build : `astro build`, rien de plus. Le marquage des sigles, le vocabulaire de recherche, l'allègement
// CSS et l'index Pagefind tournent dans la construction Astro (src/integrations/achever-site.ts) ; ce fichier
// reste pour les commandes qui l'appellent (npm start, npm run dev) et chronomètre l'ensemble.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

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
const astro = spawnSync(process.execPath, [join(racine, 'node_modules/astro/bin/astro.mjs'), 'build', ...process.argv.slice(2)], {
  cwd: racine,
  stdio: 'inherit',
});
if (astro.status !== 0) {
  console.error('La construction du site a échoué (voir ci-dessus).');
  process.exit(astro.status ?? 1);
}
console.log(`Site et index de recherche construits en ${((performance.now() - debut) / 1000).toFixed(1)} s.`);
