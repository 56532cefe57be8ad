import type { Config } from '@netlify/functions';
import { organisationEntreeSchema } from '../src/schemas/carnet.ts';
import { enregistrerOrganisation } from './_lib/carnet/organisations.ts';
import { cree, ok, route } from './_lib/http/route.ts';

/** POST /api/carnet/organisations — ajoute une organisation ; 200 avec les doublons probables sans rien écrire s'il y en a. */
export default route({ qui: 'membre', corps: organisationEntreeSchema }, async ({ corps, ctx }) => {
  const r = await enregistrerOrganisation(null, corps, ctx);
  return r.statut === 'enregistree' ? cree(r) : ok(r);
});

export const config: Config = { path: '/api/carnet/organisations', method: 'POST' };
