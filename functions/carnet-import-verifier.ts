import type { Config } from '@netlify/functions';
import { lignesImportSchema, TAILLE_MAX_REQUETE_IMPORT } from '../src/schemas/carnet-import.ts';
import { verifierLignes } from './_lib/carnet/importer.ts';
import { ok, route } from './_lib/http/route.ts';

/** POST /api/carnet/import/verification — rapport ligne par ligne (erreurs, doublons probables). Rien n'est écrit. */
export default route({ qui: 'membre', corps: lignesImportSchema, tailleMax: TAILLE_MAX_REQUETE_IMPORT }, async ({ corps, ctx }) =>
  ok(await verifierLignes(corps.lignes, ctx)),
);

export const config: Config = { path: '/api/carnet/import/verification', method: 'POST' };
