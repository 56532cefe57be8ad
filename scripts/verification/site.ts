// Les adresses du site et leurs ancres, pour vérifier les liens internes.
import { FAMILLES } from '../../src/schemas/guide.ts';
import type { Document, Site } from './types.ts';

/** Pages écrites à la main dans `src/pages/` (leurs ancres ne sont pas vérifiées). */
export const PAGES_FIXES = [
  '/',
  '/guides/',
  '/annuaire/',
  '/outils/',
  '/outils/simulateur-allocation/',
  '/outils/check-list-pfmp/',
  '/outils/calendrier-pfmp/',
  '/rencontres/',
  '/connexion/',
  '/mon-espace/',
  '/plan-du-site/',
  '/recherche/',
];

/** Première lettre d'un terme du glossaire, comme la page du glossaire la calcule pour ses ancres `lettre-…`. */
const initiale = (t: string) =>
  t
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .charAt(0)
    .toUpperCase();

/** Construit l'index des pages à partir des documents lus. */
export function construireSite(documents: readonly Document[], fichiersPublics: Iterable<string> = []): Site {
  const pages: Site['pages'] = new Map();
  for (const p of PAGES_FIXES) pages.set(p, null);
  for (const f of Object.keys(FAMILLES)) pages.set(`/guides/${f}/`, null);

  const guides = new Set<string>();
  const brouillons = new Set<string>();
  const ancresGlossaire = new Set<string>();
  for (const doc of documents) {
    if (doc.collection === 'guides') {
      if (doc.donnees.brouillon === true) brouillons.add(doc.id);
      else {
        guides.add(doc.id);
        pages.set(`/guides/${doc.id}/`, doc.ancres);
      }
    } else if (doc.collection === 'pages') {
      pages.set(`/${doc.id}/`, doc.ancres);
    } else {
      ancresGlossaire.add(`terme-${doc.id}`);
      if (typeof doc.donnees.terme === 'string') ancresGlossaire.add(`lettre-${initiale(doc.donnees.terme)}`);
    }
  }
  pages.set('/glossaire/', ancresGlossaire);
  return { pages, guides, brouillons, fichiersPublics: new Set(fichiersPublics) };
}
