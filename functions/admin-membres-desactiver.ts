import type { Config } from '@netlify/functions';
import { identifiantSchema } from '../src/schemas/annuaire.ts';
import { desactiver } from './_lib/admin/membres.ts';
import { ok, route, valider } from './_lib/http/route.ts';

/** POST /api/admin/membres/:id/desactivation — le membre disparaît de l'annuaire et ne reçoit plus de code (administrateurs). */
export default route({ qui: 'membre' }, async ({ params, ctx }) => ok(await desactiver(valider(params.id, identifiantSchema), ctx)));

export const config: Config = { path: '/api/admin/membres/:id/desactivation', method: 'POST' };
