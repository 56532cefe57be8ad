import type { Config } from '@netlify/functions';
import { identifiantSchema, lectureFicheSchema } from '../src/schemas/annuaire.ts';
import { lireFiche } from './_lib/annuaire/fiches.ts';
import { ok, route, valider } from './_lib/http/route.ts';

/** GET /api/annuaire/membres/:id[?champs=telephone,email] — une fiche, champs masqués selon l'appelant (membres). */
export default route({ qui: 'membre', requete: lectureFicheSchema }, async ({ params, requete, ctx }) =>
  ok(await lireFiche(valider(params.id, identifiantSchema), requete.champs, ctx)),
);

export const config: Config = { path: '/api/annuaire/membres/:id', method: 'GET' };
