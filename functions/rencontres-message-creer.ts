import type { Config } from '@netlify/functions';
import { demandeMessageSchema } from '../src/schemas/rencontre.ts';
import { ok, route } from './_lib/http/route.ts';
import { envoyerMessage } from './_lib/rencontres/organisation.ts';

/** Organisateurs : un message à tous les inscrits, ou à ceux d'un atelier. */
export default route({ qui: 'membre', corps: demandeMessageSchema }, async ({ corps, params, ctx }) => ok(await envoyerMessage(params.slug ?? '', corps, ctx)));
export const config: Config = { path: '/api/rencontres/:slug/message', method: 'POST' };
