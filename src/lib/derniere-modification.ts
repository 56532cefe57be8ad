// Date de la dernière modification d'un fichier d'après git (au moment de la construction).
// Un seul `git log` pour tout le dépôt, lu une fois : un `git log` par guide coûtait un processus par page
// (2 000 sur 1 000 guides, avec le flux RSS), le premier poste du profil de construction.
// Sur un clone superficiel, une date qui tombe sur la limite du clone est inconnue, jamais inventée.
import { execFileSync } from 'node:child_process';
import { isAbsolute, relative, resolve, sep } from 'node:path';

function git(args: string[], cwd?: string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

interface Historique {
  /** Racine du dépôt (chemin absolu), ou '' hors d'un dépôt git. */
  racine: string;
  /** Chemin relatif à la racine (séparateur /) → date du dernier commit qui l'a touché ; null : date inconnue. */
  dates: Map<string, Date | null>;
}

/**
 * Lit l'historique d'un dépôt : pour chaque fichier, le commit le plus récent qui l'a touché
 * (le premier rencontré, `git log` allant du plus récent au plus ancien).
 */
export function lireHistorique(cwd = process.cwd()): Historique {
  const racine = git(['rev-parse', '--show-toplevel'], cwd);
  const dates = new Map<string, Date | null>();
  if (!racine) return { racine, dates };
  const superficiel = git(['rev-parse', '--is-shallow-repository'], cwd) === 'true';
  // %x00 sépare les commits ; %P : les parents (aucun sur la limite d'un clone superficiel).
  const sortie = git(['-c', 'core.quotepath=off', 'log', '--name-only', '--no-renames', '--format=%x00%H %cI %P', 'HEAD'], cwd);
  for (const bloc of sortie.split('\0')) {
    const [entete = '', ...fichiers] = bloc.split('\n');
    const [hash, date, ...parents] = entete.trim().split(' ');
    if (!hash || !date) continue;
    const limite = superficiel && parents.filter(Boolean).length === 0;
    const d = new Date(date);
    for (const f of fichiers) {
      if (f && !dates.has(f)) dates.set(f, limite || Number.isNaN(d.getTime()) ? null : d);
    }
  }
  return { racine, dates };
}

let historique: Historique | undefined;

/** Date du dernier commit qui a touché le fichier ; null si inconnue (fichier non suivi, clone superficiel). */
export function derniereModification(chemin: string): Date | null {
  historique ??= lireHistorique();
  if (!historique.racine || !chemin) return null;
  const rel = relative(historique.racine, resolve(chemin));
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  return historique.dates.get(rel.split(sep).join('/')) ?? null;
}
