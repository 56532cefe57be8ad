import type { Config } from '@netlify/functions';
import { demandePointageSchema } from '../src/schemas/rencontre.ts';
import { ok, route } from './_lib/http/route.ts';
import { pointer } from './_lib/rencontres/organisation.ts';

/** Organisateurs : pointer la présence d'un inscrit (idempotent). */
export default route({ qui: 'membre', corps: demandePointageSchema }, async ({ corps, params, ctx }) => ok(await pointer(params.slug ?? '', corps, ctx)));
export const config: Config = { path: '/api/rencontres/:slug/pointage', method: 'POST' };
