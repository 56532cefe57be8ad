import type { Config } from '@netlify/functions';
import { ok, route } from './_lib/http/route.ts';
import { participants } from './_lib/rencontres/organisation.ts';

/** Organisateurs : par atelier, les confirmés et la liste d'attente ; les inscrits et leurs réponses. */
export default route({ qui: 'membre' }, async ({ params, ctx }) => ok(await participants(params.slug ?? '', ctx)));
export const config: Config = { path: '/api/rencontres/:slug/participants', method: 'GET' };
