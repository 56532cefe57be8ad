import type { Config } from '@netlify/functions';
import { lireMaFiche } from './_lib/annuaire/moi.ts';
import { ok, route } from './_lib/http/route.ts';

/** GET /api/annuaire/moi — ma fiche complète et ses visibilités. */
export default route({ qui: 'membre' }, async ({ ctx }) => ok(await lireMaFiche(ctx)));

export const config: Config = { path: '/api/annuaire/moi', method: 'GET' };
