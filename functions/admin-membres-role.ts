import type { Config } from '@netlify/functions';
import { changementRoleSchema, identifiantSchema } from '../src/schemas/annuaire.ts';
import { changerRole } from './_lib/admin/membres.ts';
import { ok, route, valider } from './_lib/http/route.ts';

/** PUT /api/admin/membres/:id/role — change le rôle d'un membre (administrateurs). */
export default route({ qui: 'membre', corps: changementRoleSchema }, async ({ params, corps, ctx }) =>
  ok(await changerRole(valider(params.id, identifiantSchema), corps.role, ctx)),
);

export const config: Config = { path: '/api/admin/membres/:id/role', method: 'PUT' };
