import type { Config } from '@netlify/functions';
import { fichier, route } from './_lib/http/route.ts';
import { exporterParticipants } from './_lib/rencontres/organisation.ts';

/** Organisateurs : les inscrits en CSV (UTF-8 avec BOM). */
export default route({ qui: 'membre' }, async ({ params, ctx }) => {
  const { nom, contenu } = await exporterParticipants(params.slug ?? '', ctx);
  return fichier(contenu, 'text/csv; charset=utf-8', nom);
});
export const config: Config = { path: '/api/rencontres/:slug/participants.csv', method: 'GET' };
