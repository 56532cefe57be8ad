import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { academie } from '../../academie.ts';
import { guidesPublies, urlGuide } from '../../lib/contenu.ts';
import { derniereModification } from '../../lib/derniere-modification.ts';
import { FAMILLES } from '../../schemas/guide.ts';

/** Flux RSS des guides nouveaux et mis à jour (date : dernière modification git, sinon vérification). */
export async function GET(context: APIContext) {
  const guides = (await guidesPublies())
    .map((g) => ({ g, date: derniereModification(g.filePath ?? '') ?? g.data.verifieLe ?? null }))
    .filter((x): x is { g: (typeof x)['g']; date: Date } => x.date !== null)
    .sort((a, b) => b.date.getTime() - a.date.getTime());
  return rss({
    title: `Guides du ${academie.nomService}`,
    description: `Guides nouveaux et mis à jour du ${academie.nomService}, ${academie.nom}.`,
    site: context.site ?? academie.site,
    customData: '<language>fr-fr</language>',
    items: guides.map(({ g, date }) => ({
      title: g.data.titre,
      description: g.data.description,
      link: urlGuide(g),
      pubDate: date,
      categories: [FAMILLES[g.data.famille]],
    })),
  });
}
