import type { Config } from '@netlify/functions';
import { demandeCodeSchema } from '../src/schemas/auth.ts';
import { demanderCode } from './_lib/auth/connexion.ts';
import { env } from './_lib/env.ts';
import { accepte, route } from './_lib/http/route.ts';

/** POST /api/auth/code — envoie un code de connexion aux membres (même réponse, même durée, sinon). */
export default route({ qui: 'public', corps: demandeCodeSchema, liaison: 'poser', dureeMin: () => env().DUREE_MIN_DEMANDE_CODE_MS }, async ({ corps, ctx }) =>
  accepte(await demanderCode(corps, ctx)),
);

export const config: Config = { path: '/api/auth/code', method: 'POST' };
