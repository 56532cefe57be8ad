import type { Config } from '@netlify/functions';
import { rechercheCarnetSchema } from '../src/schemas/carnet.ts';
import { ok, route } from './_lib/http/route.ts';

/** POST /api/carnet/resultats — une page de résultats, leur total et leur compte par département (carte). */
export default route({ qui: 'membre', corps: rechercheCarnetSchema }, async ({ corps, ctx }) =>
  ok(
    await ctx.api.carnet_rechercher({
      p_texte: corps.texte ?? undefined,
      p_naf: corps.naf ?? undefined,
      p_departement: corps.departement ?? undefined,
      p_commune_insee: corps.commune ?? undefined,
      p_formation: corps.formation ?? undefined,
      p_debut: corps.debut ?? undefined,
      p_fin: corps.fin ?? undefined,
      p_places_libres: corps.places_libres,
      p_limite: corps.limite,
      p_decalage: corps.decalage,
    }),
  ),
);

export const config: Config = { path: '/api/carnet/resultats', method: 'POST' };
