import type { Config } from '@netlify/functions';
import { importCsvSchema } from '../src/schemas/calendrier-pfmp.ts';
import { cree, route } from './_lib/http/route.ts';
import { importerPeriodes } from './_lib/outils/calendrier-pfmp.ts';

/** POST /api/calendrier-pfmp/import — importe les périodes d'un CSV pour le lycée du membre : tout ou rien, rapport ligne par ligne. */
export default route({ qui: 'membre', corps: importCsvSchema }, async ({ corps, ctx }) => cree(await importerPeriodes(corps, ctx)));

export const config: Config = { path: '/api/calendrier-pfmp/import', method: 'POST' };
