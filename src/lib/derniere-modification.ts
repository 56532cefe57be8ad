// Date de la dernière modification d'un fichier d'après git (au moment de la construction).
// Sur un clone superficiel, une date qui tombe sur la limite du clone est inconnue, jamais inventée.
import { execFileSync } from 'node:child_process';

function git(args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

let limites: Set<string> | undefined;
/** Sur un clone superficiel, les commits « greffés » (sans parents connus) : leur date ne dit rien des fichiers. */
function commitsLimites(): Set<string> {
  if (!limites) {
    limites = new Set();
    if (git(['rev-parse', '--is-shallow-repository']) === 'true') {
      for (const ligne of git(['log', '--format=%H %P', 'HEAD']).split('\n')) {
        const [hash, ...parents] = ligne.split(' ');
        if (hash && parents.filter(Boolean).length === 0) limites.add(hash);
      }
    }
  }
  return limites;
}

/** Date du dernier commit qui a touché le fichier ; null si inconnue (fichier non suivi, clone superficiel). */
export function derniereModification(chemin: string): Date | null {
  const sortie = git(['log', '-1', '--format=%H %cI', '--', chemin]);
  if (!sortie) return null;
  const [hash = '', date = ''] = sortie.split(' ');
  if (commitsLimites().has(hash)) return null;
  const d = new Date(date);
  return Number.isNaN(d.getTime()) ? null : d;
}
