import type { Config } from '@netlify/functions';
import { ok, route } from './_lib/http/route.ts';
import { mesInscriptions } from './_lib/rencontres/inscriptions.ts';

/** Mes inscriptions aux rencontres. */
export default route({ qui: 'membre' }, async ({ ctx }) => ok(await mesInscriptions(ctx)));
export const config: Config = { path: '/api/mes-inscriptions', method: 'GET' };
