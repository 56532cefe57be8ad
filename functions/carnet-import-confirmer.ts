import type { Config } from '@netlify/functions';
import { lignesImportSchema, TAILLE_MAX_REQUETE_IMPORT } from '../src/schemas/carnet-import.ts';
import { importerLignes } from './_lib/carnet/importer.ts';
import { cree, route } from './_lib/http/route.ts';

/** POST /api/carnet/import — importe les lignes confirmées : toutes ou aucune (400 et rapport ligne par ligne). */
export default route({ qui: 'membre', corps: lignesImportSchema, tailleMax: TAILLE_MAX_REQUETE_IMPORT }, async ({ corps, ctx }) =>
  cree(await importerLignes(corps.lignes, ctx)),
);

export const config: Config = { path: '/api/carnet/import', method: 'POST' };
