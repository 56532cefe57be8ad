import type { Config } from '@netlify/functions';
import { rechercheAnnuaireSchema } from '../src/schemas/annuaire.ts';
import { csvListe } from './_lib/annuaire/fiches.ts';
import { route } from './_lib/http/route.ts';

/** GET /api/annuaire/csv?… — la liste filtrée en CSV (organisateurs et administrateurs ; la base refuse les autres). */
export default route({ qui: 'membre', requete: rechercheAnnuaireSchema }, async ({ requete, ctx }) => csvListe(requete, ctx));

export const config: Config = { path: '/api/annuaire/csv', method: 'GET' };
