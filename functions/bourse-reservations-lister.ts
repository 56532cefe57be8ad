import type { Config } from '@netlify/functions';
import { ok, route } from './_lib/http/route.ts';

/** GET /api/bourse/reservations — les réservations que j'ai faites et celles reçues sur mes offres. */
export default route({ qui: 'membre' }, async ({ ctx }) => ok(await ctx.api.reservations_lister()));

export const config: Config = { path: '/api/bourse/reservations', method: 'GET' };
