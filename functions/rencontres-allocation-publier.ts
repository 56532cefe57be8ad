import type { Config } from '@netlify/functions';
import { demandeAllocationSchema } from '../src/schemas/voeux.ts';
import { cree, route } from './_lib/http/route.ts';
import { publierAllocation } from './_lib/rencontres/voeux.ts';

/** Organisateurs, après la fermeture : publie l'attribution (inscriptions et listes d'attente), une seule fois. */
export default route({ qui: 'membre', corps: demandeAllocationSchema }, async ({ corps, params, ctx }) =>
  cree(await publierAllocation(params.slug ?? '', corps, ctx)),
);
export const config: Config = { path: '/api/rencontres/:slug/allocation/publier', method: 'POST' };
