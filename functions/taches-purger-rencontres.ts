import type { Config } from '@netlify/functions';
import { creerContexte } from './_lib/contexte.ts';

/** Tâche quotidienne : efface les réponses facultatives 30 jours après une rencontre, les inscriptions un an après (page « Données personnelles »). */
export default async (_req: Request, context?: { requestId?: string }) => {
  const ctx = creerContexte({ appelant: null, ip: '0.0.0.0', navigateur: null, requestId: context?.requestId ?? 'tache' });
  const bilan = await ctx.service.rencontres_purger();
  ctx.journal('tache.purger_rencontres', { ...bilan });
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '@daily' };
