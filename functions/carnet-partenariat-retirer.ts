import type { Config } from '@netlify/functions';
import { partenariatEntreeSchema } from '../src/schemas/carnet.ts';
import { identifiant } from './_lib/http/identifiant.ts';
import { ok, route } from './_lib/http/route.ts';

/** POST /api/carnet/organisations/:id/partenariats/retrait — retire un lien de MON lycée (celui d'un autre lycée est introuvable). */
export default route({ qui: 'membre', corps: partenariatEntreeSchema }, async ({ corps, params, ctx }) => {
  await ctx.api.partenariat_retirer({ p_organisation: identifiant(params), p_formation: corps.formation });
  return ok({ retire: true });
});

export const config: Config = { path: '/api/carnet/organisations/:id/partenariats/retrait', method: 'POST' };
