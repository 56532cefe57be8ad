import type { Config } from '@netlify/functions';
import { reservationEntreeSchema } from '../src/schemas/bourse.ts';
import { reserverPlace } from './_lib/bourse/places.ts';
import { identifiant } from './_lib/http/identifiant.ts';
import { cree, route } from './_lib/http/route.ts';

/** POST /api/bourse/offres/:id/reservations — réserve une place pour un élève (formation et niveau seulement). */
export default route({ qui: 'membre', corps: reservationEntreeSchema }, async ({ corps, params, ctx }) =>
  cree(await reserverPlace(identifiant(params), corps, ctx)),
);

export const config: Config = { path: '/api/bourse/offres/:id/reservations', method: 'POST' };
