import type { Config } from '@netlify/functions';
import { rechercheAnnuaireSchema } from '../src/schemas/annuaire.ts';
import { vcardListe } from './_lib/annuaire/fiches.ts';
import { route } from './_lib/http/route.ts';

/** GET /api/annuaire/vcard?… — les vCards de la liste filtrée (membres). */
export default route({ qui: 'membre', requete: rechercheAnnuaireSchema }, async ({ requete, ctx }) => vcardListe(requete, ctx));

export const config: Config = { path: '/api/annuaire/vcard', method: 'GET' };
