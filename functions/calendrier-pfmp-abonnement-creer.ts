import type { Config } from '@netlify/functions';
import { cree, route } from './_lib/http/route.ts';
import { creerAbonnement } from './_lib/outils/calendrier-pfmp.ts';

/** POST /api/calendrier-pfmp/abonnement — crée ou remplace l'adresse secrète du calendrier .ics du lycée du membre. */
export default route({ qui: 'membre' }, async ({ ctx, origine }) => cree(await creerAbonnement(ctx, origine)));

export const config: Config = { path: '/api/calendrier-pfmp/abonnement', method: 'POST' };
