import type { Config } from '@netlify/functions';
import { z } from 'zod';
import { chercherCommunes } from '../src/lib/referentiels.ts';
import { ok, route } from './_lib/http/route.ts';

/** Les départements de l'académie, proposés en premier. */
const DEPARTEMENTS_ACADEMIE = ['11', '30', '34', '48', '66'];

/** POST /api/carnet/communes — au plus 10 communes dont le nom commence par le texte. */
export default route(
  { qui: 'membre', corps: z.object({ texte: z.string({ error: 'Tapez le début du nom de la commune.' }).max(100, 'Texte trop long.') }) },
  async ({ corps }) => ok(chercherCommunes(corps.texte, DEPARTEMENTS_ACADEMIE)),
);

export const config: Config = { path: '/api/carnet/communes', method: 'POST' };
