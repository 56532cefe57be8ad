import type { Config } from '@netlify/functions';
import { fermerSession } from './_lib/auth/connexion.ts';
import { json, withErrorHandling } from './_lib/http.ts';

/** DELETE /api/auth/session — déconnexion. */
export default withErrorHandling(async (req) => {
  await fermerSession(req);
  return json({ message: 'Vous êtes déconnecté.' });
});

export const config: Config = { path: '/api/auth/session', method: 'DELETE' };
