import type { Config } from '@netlify/functions';
import { demandeAllocationSchema } from '../src/schemas/voeux.ts';
import { ok, route } from './_lib/http/route.ts';
import { apercuAllocation } from './_lib/rencontres/voeux.ts';

/** Organisateurs, après la fermeture : l'attribution que donne une graine. Rien n'est écrit. */
export default route({ qui: 'membre', corps: demandeAllocationSchema }, async ({ corps, params, ctx }) =>
  ok(await apercuAllocation(params.slug ?? '', corps, ctx)),
);
export const config: Config = { path: '/api/rencontres/:slug/allocation/apercu', method: 'POST' };
