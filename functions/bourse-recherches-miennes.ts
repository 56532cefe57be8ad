import type { Config } from '@netlify/functions';
import { ok, route } from './_lib/http/route.ts';

/** GET /api/bourse/recherches/miennes — mes recherches et leurs réponses, et les réponses que j'ai faites. */
export default route({ qui: 'membre' }, async ({ ctx }) => ok(await ctx.api.recherches_miennes()));

export const config: Config = { path: '/api/bourse/recherches/miennes', method: 'GET' };
