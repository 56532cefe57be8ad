import type { Config } from '@netlify/functions';
import { identifiant } from './_lib/http/identifiant.ts';
import { ok, route } from './_lib/http/route.ts';

/** POST /api/bourse/recherches/:id/fermeture — le demandeur retire sa recherche (trouvée ailleurs, annulée). */
export default route({ qui: 'membre' }, async ({ params, ctx }) => {
  await ctx.api.recherche_fermer({ p_recherche: identifiant(params) });
  return ok({ fermee: true });
});

export const config: Config = { path: '/api/bourse/recherches/:id/fermeture', method: 'POST' };
