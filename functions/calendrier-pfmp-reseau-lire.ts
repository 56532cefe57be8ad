import type { Config } from '@netlify/functions';
import { requeteReseauSchema } from '../src/schemas/calendrier-pfmp.ts';
import { ok, route } from './_lib/http/route.ts';
import { vueReseau } from './_lib/outils/calendrier-pfmp.ts';

/** GET /api/calendrier-pfmp/reseau?debut=AAAA-MM-JJ&fin=AAAA-MM-JJ&seuil=N[&regroupement=bassin] — élèves en PFMP par semaine, secteur et département (ou bassin). */
export default route({ qui: 'membre', requete: requeteReseauSchema }, async ({ requete, ctx }) => ok(await vueReseau(requete, ctx)));

export const config: Config = { path: '/api/calendrier-pfmp/reseau', method: 'GET' };
