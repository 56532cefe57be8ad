import type { Config } from '@netlify/functions';
import { rappelerFiches } from './_lib/annuaire/taches.ts';
import { creerContexte } from './_lib/contexte.ts';

/** Tâche quotidienne : « votre fiche est-elle toujours à jour ? » aux membres dont la fiche a plus d'un an (une fois par an chacun). */
export default async (_req: Request, context?: { requestId?: string }) => {
  const ctx = creerContexte({ appelant: null, ip: '0.0.0.0', navigateur: null, requestId: context?.requestId ?? 'tache' });
  await rappelerFiches(ctx);
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '@daily' };
