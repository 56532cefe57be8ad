import type { Config } from '@netlify/functions';
import { desinscriptionResumeSchema } from '../src/schemas/bourse.ts';
import { ok, route } from './_lib/http/route.ts';

/**
 * POST /api/bourse/resume/desinscription?jeton=… — ne plus recevoir le résumé hebdomadaire, sans se connecter : le
 * jeton de chaque résumé suffit. Appelée par la page de désinscription (lien du courriel) et par les messageries qui
 * proposent « Se désabonner » (en-tête List-Unsubscribe-Post, RFC 8058 : corps « List-Unsubscribe=One-Click », ignoré).
 */
export default route({ qui: 'public', requete: desinscriptionResumeSchema }, async ({ requete, ctx }) =>
  ok({ desinscrit: await ctx.service.resume_bourse_desinscrire({ p_jeton: requete.jeton }) }),
);

export const config: Config = { path: '/api/bourse/resume/desinscription', method: 'POST' };
