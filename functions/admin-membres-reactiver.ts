import type { Config } from '@netlify/functions';
import { identifiantSchema } from '../src/schemas/annuaire.ts';
import { reactiver } from './_lib/admin/membres.ts';
import { ok, route, valider } from './_lib/http/route.ts';

/** POST /api/admin/membres/:id/reactivation — réactive un membre désactivé (administrateurs). */
export default route({ qui: 'membre' }, async ({ params, ctx }) => ok(await reactiver(valider(params.id, identifiantSchema), ctx)));

export const config: Config = { path: '/api/admin/membres/:id/reactivation', method: 'POST' };
