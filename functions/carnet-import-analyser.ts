import type { Config } from '@netlify/functions';
import { analyseEntreeSchema, TAILLE_MAX_REQUETE_IMPORT } from '../src/schemas/carnet-import.ts';
import { analyserFichier } from './_lib/carnet/importer.ts';
import { ok, route } from './_lib/http/route.ts';

/** POST /api/carnet/import/analyse — lit un CSV (encodage, séparateur, colonnes) et propose la correspondance. Rien n'est écrit. */
export default route({ qui: 'membre', corps: analyseEntreeSchema, tailleMax: TAILLE_MAX_REQUETE_IMPORT }, async ({ corps }) =>
  ok(analyserFichier(corps.fichier)),
);

export const config: Config = { path: '/api/carnet/import/analyse', method: 'POST' };
