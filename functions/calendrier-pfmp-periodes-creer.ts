import type { Config } from '@netlify/functions';
import { publicationPeriodeSchema } from '../src/schemas/calendrier-pfmp.ts';
import { cree, route } from './_lib/http/route.ts';
import { publierPeriode } from './_lib/outils/calendrier-pfmp.ts';

/** POST /api/calendrier-pfmp/periodes — publie une période de PFMP du lycée du membre connecté. */
export default route({ qui: 'membre', corps: publicationPeriodeSchema }, async ({ corps, ctx }) => cree(await publierPeriode(corps, ctx)));

export const config: Config = { path: '/api/calendrier-pfmp/periodes', method: 'POST' };
