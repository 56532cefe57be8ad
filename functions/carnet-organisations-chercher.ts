import type { Config } from '@netlify/functions';
import { rechercheOrganisationsSchema } from '../src/schemas/carnet.ts';
import { ok, route } from './_lib/http/route.ts';

/** POST /api/carnet/recherche — organisations du carnet par nom, secteur, département ou commune, formation. */
export default route({ qui: 'membre', corps: rechercheOrganisationsSchema }, async ({ corps, ctx }) =>
  ok(
    await ctx.api.organisations_rechercher({
      p_texte: corps.texte ?? undefined,
      p_naf: corps.naf ?? undefined,
      p_departement: corps.departement ?? undefined,
      p_commune_insee: corps.commune ?? undefined,
      p_formation: corps.formation ?? undefined,
    }),
  ),
);

export const config: Config = { path: '/api/carnet/recherche', method: 'POST' };
