import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { academie } from '../../academie.ts';
import { quandRencontre, toutesLesRencontres, urlRencontre } from '../../lib/contenu-rencontres.ts';
import { bornes } from '../../lib/rencontres.ts';

/** Flux RSS des rencontres (à venir puis passées ; date : jour de la rencontre). */
export async function GET(context: APIContext) {
  const { aVenir, passees } = await toutesLesRencontres();
  return rss({
    title: `Rencontres du ${academie.nomService}`,
    description: `Les rencontres académiques des responsables du bureau des entreprises, ${academie.nom}.`,
    site: context.site ?? academie.site,
    customData: '<language>fr-fr</language>',
    items: [...aVenir, ...passees].map((r) => ({
      title: r.data.titre,
      description: `${quandRencontre(r.data)}, ${r.data.lieu.nom} (${r.data.lieu.commune}). ${r.data.description}`,
      link: urlRencontre(r),
      pubDate: bornes(r.data).debut,
    })),
  });
}
