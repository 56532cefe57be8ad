import type { Config } from '@netlify/functions';
import { demandeCodeSchema } from '../src/schemas/auth.ts';
import { demanderCode } from './_lib/auth/connexion.ts';
import { json, readJson, withErrorHandling } from './_lib/http.ts';

/** POST /api/auth/code — envoie un code de connexion aux membres. */
export default withErrorHandling(async (req) => {
  const demande = await readJson(req, demandeCodeSchema);
  return json(await demanderCode(demande), 202);
});

export const config: Config = { path: '/api/auth/code', method: 'POST' };
