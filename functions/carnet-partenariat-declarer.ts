import type { Config } from '@netlify/functions';
import { partenariatEntreeSchema } from '../src/schemas/carnet.ts';
import { identifiant } from './_lib/http/identifiant.ts';
import { cree, route } from './_lib/http/route.ts';

/** POST /api/carnet/organisations/:id/partenariats — mon lycée travaille avec cette organisation pour cette formation. */
export default route({ qui: 'membre', corps: partenariatEntreeSchema }, async ({ corps, params, ctx }) => {
  await ctx.api.partenariat_declarer({ p_organisation: identifiant(params), p_formation: corps.formation });
  return cree({ enregistre: true });
});

export const config: Config = { path: '/api/carnet/organisations/:id/partenariats', method: 'POST' };
