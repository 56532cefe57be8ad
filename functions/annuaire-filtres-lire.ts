import type { Config } from '@netlify/functions';
import { ok, route } from './_lib/http/route.ts';

/** GET /api/annuaire/filtres — lycées, bassins et secteurs proposés par les filtres (membres). */
export default route({ qui: 'membre' }, async ({ ctx }) => ok(await ctx.api.annuaire_filtres()));

export const config: Config = { path: '/api/annuaire/filtres', method: 'GET' };
