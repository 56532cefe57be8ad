import type { Config } from '@netlify/functions';
import { purgerMembres } from './_lib/annuaire/taches.ts';
import { creerContexte } from './_lib/contexte.ts';

/** Tâche quotidienne : supprime les membres désactivés depuis plus de 3 mois (page « Données personnelles »). */
export default async (_req: Request, context?: { requestId?: string }) => {
  const ctx = creerContexte({ appelant: null, ip: '0.0.0.0', navigateur: null, requestId: context?.requestId ?? 'tache' });
  await purgerMembres(ctx);
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '@daily' };
