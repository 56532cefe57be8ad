// npm start : construit le site et son index, migre et peuple la base locale, démarre les remplaçants,
// et sert le tout sur une seule adresse. Hors ligne, sans rien à configurer.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { demarrerPile, RACINE } from './pile.ts';
import { planifier } from './netlify/planificateur.ts';

const debut = performance.now();
if (!process.argv.includes('--sans-construction')) {
  console.log('Construction du site et de son index de recherche…');
  // RBDE_RENCONTRES_DEMO : la rencontre de démonstration (local/rencontres/) est construite et publiée
  // ici seulement ; une construction de production n'en a aucune trace.
  const r = spawnSync(process.execPath, [join(RACINE, 'scripts/construire.ts')], {
    stdio: 'inherit',
    cwd: RACINE,
    env: { ...process.env, RBDE_RENCONTRES_DEMO: '1' },
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const port = Number(process.env.PORT ?? 4321);
let pile;
try {
  pile = await demarrerPile({
    site: true,
    ports: { site: port, ...(process.env.RBDE_PORTS_LIBRES ? { supabase: 0, smtp: 0 } : {}) },
    databaseUrl: process.env.DATABASE_URL,
    donnees: process.env.RBDE_DONNEES,
  });
} catch (e) {
  const err = e as NodeJS.ErrnoException;
  console.error(
    err.code === 'EADDRINUSE'
      ? `Le port ${(err as { port?: number }).port ?? ''} est déjà pris : un autre « npm start » tourne-t-il ? Sinon, choisissez un autre port avec PORT=4322 npm start.`
      : err.message,
  );
  process.exit(1);
}

// Le programme des rencontres (et la démonstration) publié dans la base locale, comme le fait la
// construction de production : un refus de la base (capacité sous les places confirmées) arrête tout.
try {
  const { publierParSupabase } = await import('../scripts/publier-rencontres.ts');
  const cle = pile.env.SUPABASE_SECRET_KEY ?? '';
  const publiees = await publierParSupabase(pile.env.SUPABASE_URL!, cle, { demo: true });
  console.log(`Rencontres publiées dans la base locale : ${publiees.join(', ')}.`);
  // Quelques inscriptions fictives à la rencontre de démonstration (idempotent).
  await pile.db.exec(readFileSync(join(RACINE, 'local/rencontres/inscriptions-demo.sql'), 'utf8'));
} catch (e) {
  console.error((e as Error).message);
  await pile.arreter().catch(() => {});
  process.exit(1);
}

const arreterTaches = await planifier();
const duree = ((performance.now() - debut) / 1000).toFixed(1);
console.log(`
Réseau BDE est prêt en ${duree} s.

  Site et API        http://localhost:${pile.ports.site}
  Supabase (local)   http://127.0.0.1:${pile.ports.supabase}   (RPC /rest/v1/rpc, Auth /auth/v1)
  SMTP (local)       smtp://127.0.0.1:${pile.ports.smtp}       courriels écrits dans ${pile.outbox}
  Base de données    ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `PGlite, fichiers dans ${join(process.env.RBDE_DONNEES ?? join(RACINE, '.data'), 'pglite')}`}

Pour se connecter : membre@exemple.test, organisation@exemple.test ou admin@exemple.test ;
le code s'affiche ci-dessous et dans .data/outbox/. Ctrl+C pour arrêter.

Rencontre de démonstration (inscriptions ouvertes) : http://localhost:${pile.ports.site}/rencontres/rencontre-demonstration/
Espace organisateur (organisation@exemple.test) : http://localhost:${pile.ports.site}/rencontres/rencontre-demonstration/organisation/
Vœux classés (clos) : attribution à prévisualiser puis publier dans http://localhost:${pile.ports.site}/rencontres/rencontre-demonstration-voeux/organisation/
`);

const arreter = async () => {
  arreterTaches();
  await pile.arreter().catch(() => {});
  process.exit(0);
};
process.on('SIGINT', arreter);
process.on('SIGTERM', arreter);
