import type { Config } from '@netlify/functions';
import { rechercheAnnuaireSchema } from '../src/schemas/annuaire.ts';
import { rechercherAnnuaire } from './_lib/annuaire/rechercher.ts';
import { ok, route } from './_lib/http/route.ts';

/** GET /api/annuaire?q=&departement=&bassin=&uai=&secteur=&expertise=&nouveaux=&accompagne=&page= — recherche (membres). */
export default route({ qui: 'membre', requete: rechercheAnnuaireSchema }, async ({ requete, ctx }) => ok(await rechercherAnnuaire(requete, ctx)));

export const config: Config = { path: '/api/annuaire', method: 'GET' };
