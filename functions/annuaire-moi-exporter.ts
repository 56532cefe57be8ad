import type { Config } from '@netlify/functions';
import { exporterMesDonnees } from './_lib/annuaire/moi.ts';
import { route } from './_lib/http/route.ts';

/** GET /api/annuaire/moi/export — toutes mes données en JSON. */
export default route({ qui: 'membre' }, async ({ ctx }) => exporterMesDonnees(ctx));

export const config: Config = { path: '/api/annuaire/moi/export', method: 'GET' };
