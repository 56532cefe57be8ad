import type { Config } from '@netlify/functions';
import { ok, route } from './_lib/http/route.ts';

/** GET /api/bourse/resume — mon inscription au résumé hebdomadaire des nouvelles offres. */
export default route({ qui: 'membre' }, async ({ ctx }) => ok(await ctx.api.resume_bourse_lire()));

export const config: Config = { path: '/api/bourse/resume', method: 'GET' };
