import type { Config } from '@netlify/functions';
import { ok, route } from './_lib/http/route.ts';
import { mesPeriodes } from './_lib/outils/calendrier-pfmp.ts';

/** GET /api/calendrier-pfmp/periodes — les périodes du lycée du membre connecté, et les formations. */
export default route({ qui: 'membre' }, async ({ ctx }) => ok(await mesPeriodes(ctx)));

export const config: Config = { path: '/api/calendrier-pfmp/periodes', method: 'GET' };
