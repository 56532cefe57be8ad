import type { Config } from '@netlify/functions';
import { reponseEntreeSchema } from '../src/schemas/bourse.ts';
import { repondreRecherche } from './_lib/bourse/recherches.ts';
import { identifiant } from './_lib/http/identifiant.ts';
import { cree, route } from './_lib/http/route.ts';

/** POST /api/bourse/recherches/:id/reponses — répond à une recherche avec une organisation du carnet. */
export default route({ qui: 'membre', corps: reponseEntreeSchema }, async ({ corps, params, ctx }) =>
  cree(await repondreRecherche(identifiant(params), corps, ctx)),
);

export const config: Config = { path: '/api/bourse/recherches/:id/reponses', method: 'POST' };
