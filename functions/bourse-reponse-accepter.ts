import type { Config } from '@netlify/functions';
import { accepterReponse } from './_lib/bourse/recherches.ts';
import { identifiant } from './_lib/http/identifiant.ts';
import { ok, route } from './_lib/http/route.ts';

/** POST /api/bourse/reponses/:id/acceptation — le demandeur accepte une réponse (placements au registre du carnet). */
export default route({ qui: 'membre' }, async ({ params, ctx }) => ok(await accepterReponse(identifiant(params), ctx)));

export const config: Config = { path: '/api/bourse/reponses/:id/acceptation', method: 'POST' };
