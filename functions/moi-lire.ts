import type { Config } from '@netlify/functions';
import { lireMonProfil } from './_lib/annuaire/moi.ts';
import { requireMembre } from './_lib/auth/session.ts';
import { json, withErrorHandling } from './_lib/http.ts';

/** GET /api/moi — la fiche du membre connecté. */
export default withErrorHandling(async (req) => {
  const appelant = await requireMembre(req);
  return json(await lireMonProfil(req, appelant));
});

export const config: Config = { path: '/api/moi', method: 'GET' };
