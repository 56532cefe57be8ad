// npm run dev : les remplaçants locaux, puis Astro en rechargement à chaud ; les fonctions tournent
// sous l'émulation de Netlify (@netlify/vite-plugin), contre les mêmes remplaçants.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { demarrerPile, RACINE } from './pile.ts';

const pile = await demarrerPile({ databaseUrl: process.env.DATABASE_URL });

// La recherche a besoin d'un index Pagefind : on le construit une fois et on le sert depuis public/.
const index = join(RACINE, 'public', 'pagefind');
if (!existsSync(index)) {
  console.log('Première construction de l’index de recherche…');
  const r = spawnSync(process.execPath, [join(RACINE, 'scripts/construire.ts')], { stdio: 'inherit', cwd: RACINE });
  if (r.status === 0) cpSync(join(RACINE, 'dist', 'pagefind'), index, { recursive: true });
}

console.log(`Remplaçants prêts : Supabase http://127.0.0.1:${pile.ports.supabase}, SMTP ${pile.ports.smtp} (courriels dans ${pile.outbox}).`);
const astro = spawn(process.execPath, [join(RACINE, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', process.env.PORT ?? '4321'], {
  cwd: RACINE,
  stdio: 'inherit',
  env: { ...process.env, ...pile.env },
});

const arreter = async () => {
  astro.kill('SIGTERM');
  await pile.arreter().catch(() => {});
  process.exit(0);
};
process.on('SIGINT', arreter);
process.on('SIGTERM', arreter);
astro.on('exit', async (code) => {
  await pile.arreter().catch(() => {});
  process.exit(code ?? 0);
});
