import type { Config } from '@netlify/functions';
import { ok, route } from './_lib/http/route.ts';
import { mesVoeux } from './_lib/rencontres/voeux.ts';

/** Mes vœux et, après publication, le vœu obtenu et pourquoi (priorité, ateliers complets). */
export default route({ qui: 'membre' }, async ({ params, ctx }) => ok(await mesVoeux(params.slug ?? '', ctx)));
export const config: Config = { path: '/api/rencontres/:slug/voeux', method: 'GET' };
