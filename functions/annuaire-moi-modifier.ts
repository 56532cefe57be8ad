import type { Config } from '@netlify/functions';
import { modificationFicheSchema } from '../src/schemas/annuaire.ts';
import { modifierMaFiche } from './_lib/annuaire/moi.ts';
import { ok, route } from './_lib/http/route.ts';

/** PUT /api/annuaire/moi — remplace ma fiche et ses visibilités. */
export default route({ qui: 'membre', corps: modificationFicheSchema }, async ({ corps, ctx }) => ok(await modifierMaFiche(corps, ctx)));

export const config: Config = { path: '/api/annuaire/moi', method: 'PUT' };
