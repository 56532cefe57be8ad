import type { APIContext } from 'astro';
import { academie } from '../../academie.ts';
import { toutesLesRencontres, type RencontreEntree } from '../../lib/contenu-rencontres.ts';
import { fichierIcs } from '../../lib/ics-rencontre.ts';
import { bornes } from '../../lib/rencontres.ts';

export async function getStaticPaths() {
  const { aVenir, passees } = await toutesLesRencontres();
  return [...aVenir, ...passees].map((r) => ({ params: { slug: r.id }, props: { rencontre: r } }));
}

/** Le .ics public de la rencontre (construit avec le site). */
export function GET({ props, site }: APIContext<{ rencontre: RencontreEntree }>) {
  const { rencontre } = props;
  const { debut, fin, journeeEntiere } = bornes(rencontre.data);
  const url = new URL(`/rencontres/${rencontre.id}/`, site ?? academie.site).toString();
  const texte = fichierIcs({
    uid: `${rencontre.id}@reseau-bde`,
    titre: rencontre.data.titre,
    description: `${rencontre.data.description}\nProgramme : ${url}`,
    lieu: `${rencontre.data.lieu.nom}, ${rencontre.data.lieu.adresse}, ${rencontre.data.lieu.commune}`,
    debut,
    fin,
    url,
    journeeEntiere,
  });
  return new Response(texte, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
}
