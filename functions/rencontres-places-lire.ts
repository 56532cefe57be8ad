import type { Config } from '@netlify/functions';
import { ok, route } from './_lib/http/route.ts';
import { places } from './_lib/rencontres/inscriptions.ts';

/** Places restantes par atelier (public). */
export default route({ qui: 'public' }, async ({ params, ctx }) => ok(await places(params.slug ?? '', ctx)));
export const config: Config = { path: '/api/rencontres/:slug/places', method: 'GET' };
