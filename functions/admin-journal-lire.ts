import type { Config } from '@netlify/functions';
import { lireJournal } from './_lib/admin/membres.ts';
import { ok, route } from './_lib/http/route.ts';

/** GET /api/admin/journal — les 200 dernières actions d'administration (administrateurs). */
export default route({ qui: 'membre' }, async ({ ctx }) => ok(await lireJournal(ctx)));

export const config: Config = { path: '/api/admin/journal', method: 'GET' };
