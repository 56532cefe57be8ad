import type { Config } from '@netlify/functions';
import { envoyerResumes } from './_lib/bourse/resume.ts';
import { creerContexte } from './_lib/contexte.ts';

/** Tâche hebdomadaire : le résumé des nouvelles offres de la bourse aux membres inscrits (un courriel chacun, jamais deux fois la même offre). */
export default async (_req: Request, context?: { requestId?: string }) => {
  const ctx = creerContexte({ appelant: null, ip: '0.0.0.0', navigateur: null, requestId: context?.requestId ?? 'tache' });
  await envoyerResumes(ctx);
  return new Response(null, { status: 204 });
};

export const config: Config = { schedule: '@weekly' };
