import type { Config } from '@netlify/functions';
import { lireOrganisation } from './_lib/carnet/organisations.ts';
import { identifiant } from './_lib/http/identifiant.ts';
import { ok, route } from './_lib/http/route.ts';

/** GET /api/carnet/organisations/:id — la fiche, ses contacts, retours, placements, historique et les notes de mon lycée. */
export default route({ qui: 'membre' }, async ({ params, ctx }) => ok(await lireOrganisation(identifiant(params), ctx)));

export const config: Config = { path: '/api/carnet/organisations/:id', method: 'GET' };
