import type { Config } from '@netlify/functions';
import { organisationEntreeSchema } from '../src/schemas/carnet.ts';
import { enregistrerOrganisation } from './_lib/carnet/organisations.ts';
import { identifiant } from './_lib/http/identifiant.ts';
import { ok, route } from './_lib/http/route.ts';

/** PUT /api/carnet/organisations/:id — modifie une organisation (historique des valeurs avant / après). */
export default route({ qui: 'membre', corps: organisationEntreeSchema }, async ({ corps, params, ctx }) =>
  ok(await enregistrerOrganisation(identifiant(params), corps, ctx)),
);

export const config: Config = { path: '/api/carnet/organisations/:id', method: 'PUT' };
