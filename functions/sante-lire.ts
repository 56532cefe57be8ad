import type { Config } from '@netlify/functions';
import { ok, route } from './_lib/http/route.ts';

/** GET /api/sante — 200 quand la base répond. */
export default route({ qui: 'public' }, async ({ ctx }) => ok({ statut: 'ok', ...(await ctx.api.sante()) }));

export const config: Config = { path: '/api/sante', method: 'GET' };
