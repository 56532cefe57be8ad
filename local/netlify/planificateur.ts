// Les fonctions planifiées de Netlify (config.schedule) en local : lancées par npm start selon leur
// planification (@hourly, @daily ; une expression cron complète tombe sur « une fois par jour »).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dossier = join(import.meta.dirname, '..', '..', 'functions');
const PERIODES: Record<string, number> = { '@hourly': 3600_000, '@daily': 86_400_000, '@weekly': 7 * 86_400_000 };

export interface Tache {
  nom: string;
  planification: string;
  lancer(): Promise<Response>;
}

/** Les fonctions de functions/ qui déclarent config.schedule. */
export async function listerTaches(): Promise<Tache[]> {
  const taches: Tache[] = [];
  for (const f of readdirSync(dossier).filter((n) => /^taches-.*\.ts$/.test(n))) {
    const mod = await import(pathToFileURL(join(dossier, f)).href);
    if (typeof mod.config?.schedule !== 'string') continue;
    taches.push({
      nom: f.replace(/^taches-|\.ts$/g, ''),
      planification: mod.config.schedule,
      lancer: () => mod.default(new Request('http://localhost/.netlify/functions/planifiee', { method: 'POST', body: JSON.stringify({ next_run: null }) }), { requestId: 'local' }),
    });
  }
  return taches;
}

/** Lance chaque tâche une fois au démarrage puis à sa période ; renvoie de quoi arrêter. */
export async function planifier(): Promise<() => void> {
  const minuteries: NodeJS.Timeout[] = [];
  for (const t of await listerTaches()) {
    const lancer = () => t.lancer().catch((e) => console.error(`[tâche ${t.nom}] ${(e as Error).message}`));
    void lancer();
    minuteries.push(setInterval(lancer, PERIODES[t.planification] ?? PERIODES['@daily']!).unref());
  }
  return () => minuteries.forEach(clearInterval);
}
