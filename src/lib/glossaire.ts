// Reconnaître les termes du glossaire dans un texte (pages, <abbr>, métadonnées de recherche).
import type { EntreeGlossaire } from '../schemas/glossaire.ts';

const echapper = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Expression qui trouve le terme ou une de ses variantes comme mot entier (sensible à la casse pour les sigles). */
export function motifTerme(e: Pick<EntreeGlossaire, 'terme' | 'variantes' | 'abreviation'>): RegExp {
  const formes = [e.terme, ...e.variantes].sort((a, b) => b.length - a.length).map(echapper);
  return new RegExp(`(?<![\\p{L}\\p{N}-])(?:${formes.join('|')})(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`, e.abreviation ? 'u' : 'iu');
}

/** Les guides dont le texte emploie le terme. */
export function guidesQuiEmploient<G extends { body?: string }>(e: EntreeGlossaire, guides: G[]): G[] {
  const motif = motifTerme(e);
  return guides.filter((g) => motif.test(g.body ?? ''));
}
