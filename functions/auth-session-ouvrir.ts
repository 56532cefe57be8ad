import type { Config } from '@netlify/functions';
import { ouvertureSessionSchema } from '../src/schemas/auth.ts';
import { ouvrirSession } from './_lib/auth/connexion.ts';
import { json, readJson, withErrorHandling } from './_lib/http.ts';

/** POST /api/auth/session — échange le code contre une session (cookie). */
export default withErrorHandling(async (req) => {
  const demande = await readJson(req, ouvertureSessionSchema);
  return json(await ouvrirSession(req, demande), 201);
});

export const config: Config = { path: '/api/auth/session', method: 'POST' };
