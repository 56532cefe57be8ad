import type { Config } from '@netlify/functions';
import { filtresOffresSchema } from '../src/schemas/bourse.ts';
import { ok, route } from './_lib/http/route.ts';

/**
 * POST /api/bourse/recherche — offres à venir par secteur, commune ou département, formation, période ; places libres
 * seulement par défaut. Rend une page d'offres (limite, decalage), leur nombre total et leur nombre par département.
 */
export default route({ qui: 'membre', corps: filtresOffresSchema }, async ({ corps, ctx }) =>
  ok(
    await ctx.api.offres_rechercher({
      p_naf: corps.naf ?? undefined,
      p_departement: corps.departement ?? undefined,
      p_commune_insee: corps.commune ?? undefined,
      p_formation: corps.formation ?? undefined,
      p_du: corps.du ?? undefined,
      p_au: corps.au ?? undefined,
      p_libres_seulement: corps.libres,
      p_limite: corps.limite,
      p_decalage: corps.decalage,
    }),
  ),
);

export const config: Config = { path: '/api/bourse/recherche', method: 'POST' };
