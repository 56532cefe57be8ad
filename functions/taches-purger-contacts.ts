import type { Config } from '@netlify/functions';
import { creerContexte } from './_lib/contexte.ts';

/** Tâche quotidienne : supprime les contacts d'entreprise sans activité depuis 3 ans (page « Données personnelles »). */
export default async (_req: Request, context?: { requestId?: string }) => {
  const ctx = creerContexte({ appelant: null, ip: '0.0.0.0', navigateur: null, requestId: context?.requestId ?? 'tache' });
  const supprimes = await ctx.service.contacts_purger();
  ctx.journal('tache.purger_contacts', { supprimes });
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '@daily' };
