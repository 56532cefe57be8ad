import type { Config } from '@netlify/functions';
import { lireMonProfil } from './_lib/annuaire/moi.ts';
import { ok, route } from './_lib/http/route.ts';

/** GET /api/moi — la fiche du membre connecté. */
export default route({ qui: 'membre' }, async ({ ctx }) => ok(await lireMonProfil(ctx)));

export const config: Config = { path: '/api/moi', method: 'GET' };
