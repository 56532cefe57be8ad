import type { Config } from '@netlify/functions';
import { demandeVoeuxSchema } from '../src/schemas/voeux.ts';
import { ok, route } from './_lib/http/route.ts';
import { enregistrerVoeux } from './_lib/rencontres/voeux.ts';

/** Classer les ateliers de chaque créneau (remplace les vœux précédents), jusqu'à la fermeture. */
export default route({ qui: 'membre', corps: demandeVoeuxSchema }, async ({ corps, params, ctx }) => ok(await enregistrerVoeux(params.slug ?? '', corps, ctx)));
export const config: Config = { path: '/api/rencontres/:slug/voeux', method: 'POST' };
