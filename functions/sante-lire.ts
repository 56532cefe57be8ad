import type { Config } from '@netlify/functions';
import { json, withErrorHandling } from './_lib/http.ts';
import { appelerRpc, clientAnonyme } from './_lib/supabase.ts';

/** GET /api/sante — 200 quand la base répond. */
export default withErrorHandling(async () => {
  const sante = await appelerRpc<{ base: string; heure: string }>(clientAnonyme(), 'sante');
  return json({ statut: 'ok', ...sante });
});

export const config: Config = { path: '/api/sante', method: 'GET' };
