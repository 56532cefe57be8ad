import type { Config } from '@netlify/functions';
import { filtresRecherchesSchema } from '../src/schemas/bourse.ts';
import { chercherRecherches } from './_lib/bourse/recherches.ts';
import { ok, route } from './_lib/http/route.ts';

/** POST /api/bourse/recherches/filtre — recherches ouvertes par secteur, commune ou département, formation, période. */
export default route({ qui: 'membre', corps: filtresRecherchesSchema }, async ({ corps, ctx }) => ok(await chercherRecherches(corps, ctx)));

export const config: Config = { path: '/api/bourse/recherches/filtre', method: 'POST' };
