import type { Config } from '@netlify/functions';
import { quiContacterSchema } from '../src/schemas/annuaire.ts';
import { quiContacter } from './_lib/annuaire/fiches.ts';
import { ok, route } from './_lib/http/route.ts';

/** GET /api/annuaire/qui-contacter?themes=pfmp,convention — les membres experts des thèmes d'un guide (membres). */
export default route({ qui: 'membre', requete: quiContacterSchema }, async ({ requete, ctx }) => ok(await quiContacter(requete.themes, ctx)));

export const config: Config = { path: '/api/annuaire/qui-contacter', method: 'GET' };
