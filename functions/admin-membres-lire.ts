import type { Config } from '@netlify/functions';
import { listerMembres } from './_lib/admin/membres.ts';
import { ok, route } from './_lib/http/route.ts';

/** GET /api/admin/membres — tous les membres, actifs ou non (administrateurs). */
export default route({ qui: 'membre' }, async ({ ctx }) => ok(await listerMembres(ctx)));

export const config: Config = { path: '/api/admin/membres', method: 'GET' };
