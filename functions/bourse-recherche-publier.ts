import type { Config } from '@netlify/functions';
import { rechercheEntreeSchema } from '../src/schemas/bourse.ts';
import { publierRecherche } from './_lib/bourse/recherches.ts';
import { cree, route } from './_lib/http/route.ts';

/** POST /api/bourse/recherches — publie une recherche de places (formation, niveau, période, commune, nombre d'élèves, contraintes). */
export default route({ qui: 'membre', corps: rechercheEntreeSchema }, async ({ corps, ctx }) => cree({ id: await publierRecherche(corps, ctx) }));

export const config: Config = { path: '/api/bourse/recherches', method: 'POST' };
