import type { Config } from '@netlify/functions';
import { rechercheOffresSchema } from '../src/schemas/bourse.ts';
import { ok, route } from './_lib/http/route.ts';

/** POST /api/bourse/recherche — offres ouvertes (période à venir, places libres) par secteur, commune ou département, formation. */
export default route({ qui: 'membre', corps: rechercheOffresSchema }, async ({ corps, ctx }) =>
  ok(
    await ctx.api.offres_rechercher({
      p_naf: corps.naf ?? undefined,
      p_departement: corps.departement ?? undefined,
      p_commune_insee: corps.commune ?? undefined,
      p_formation: corps.formation ?? undefined,
    }),
  ),
);

export const config: Config = { path: '/api/bourse/recherche', method: 'POST' };
