import type { Config } from '@netlify/functions';
import { fichier, route } from './_lib/http/route.ts';
import { calendrierIcs } from './_lib/outils/calendrier-pfmp.ts';

/** GET /api/calendrier-pfmp/ics/:jeton(.ics) — le calendrier des PFMP d'un lycée, pour une application d'agenda (sans connexion). */
export default route({ qui: 'public' }, async ({ params, ctx }) =>
  fichier(await calendrierIcs((params.jeton ?? '').replace(/\.ics$/, ''), ctx), 'text/calendar; charset=utf-8', 'pfmp.ics'),
);

export const config: Config = { path: '/api/calendrier-pfmp/ics/:jeton', method: 'GET' };
