import type { Config } from '@netlify/functions';
import { demandeInscriptionSchema } from '../src/schemas/rencontre.ts';
import { cree, route } from './_lib/http/route.ts';
import { inscrire } from './_lib/rencontres/inscriptions.ts';

/** S'inscrire à une rencontre, ou modifier son inscription (tous les ateliers voulus). */
export default route({ qui: 'membre', corps: demandeInscriptionSchema }, async ({ corps, params, ctx }) => cree(await inscrire(params.slug ?? '', corps, ctx)));
export const config: Config = { path: '/api/rencontres/:slug/inscription', method: 'POST' };
