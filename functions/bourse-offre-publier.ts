import type { Config } from '@netlify/functions';
import { offreEntreeSchema } from '../src/schemas/bourse.ts';
import { publierOffre } from './_lib/bourse/places.ts';
import { cree, route } from './_lib/http/route.ts';

/** POST /api/bourse/offres — publie des places qu'une organisation offre et que mon lycée ne pourvoit pas. */
export default route({ qui: 'membre', corps: offreEntreeSchema }, async ({ corps, ctx }) => cree({ id: await publierOffre(corps, ctx) }));

export const config: Config = { path: '/api/bourse/offres', method: 'POST' };
