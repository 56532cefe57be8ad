import type { Config } from '@netlify/functions';
import { fusionEntreeSchema } from '../src/schemas/carnet.ts';
import { identifiant } from './_lib/http/identifiant.ts';
import { ok, route } from './_lib/http/route.ts';

/** POST /api/carnet/organisations/:id/fusion — la fiche :id absorbe la fiche `absorber` (membres concernés ou administrateur). */
export default route({ qui: 'membre', corps: fusionEntreeSchema }, async ({ corps, params, ctx }) =>
  ok(await ctx.api.organisations_fusionner({ p_garder: identifiant(params), p_absorber: corps.absorber })),
);

export const config: Config = { path: '/api/carnet/organisations/:id/fusion', method: 'POST' };
