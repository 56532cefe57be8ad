import type { Config } from '@netlify/functions';
import { identifiant } from './_lib/http/identifiant.ts';
import { ok, route } from './_lib/http/route.ts';

/** POST /api/carnet/contacts/:id/opposition — le contact s'oppose : retiré de toutes les fiches en une action. */
export default route({ qui: 'membre' }, async ({ params, ctx }) => ok({ retires: await ctx.api.contact_opposition({ p_contact: identifiant(params) }) }));

export const config: Config = { path: '/api/carnet/contacts/:id/opposition', method: 'POST' };
