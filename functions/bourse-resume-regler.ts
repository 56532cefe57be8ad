import type { Config } from '@netlify/functions';
import { reglageResumeSchema } from '../src/schemas/bourse.ts';
import { ok, route } from './_lib/http/route.ts';

/** PUT /api/bourse/resume — s'inscrire au résumé hebdomadaire (départements suivis), ou s'en désinscrire. */
export default route({ qui: 'membre', corps: reglageResumeSchema }, async ({ corps, ctx }) =>
  ok(await ctx.api.resume_bourse_regler({ p_inscrit: corps.inscrit, p_departements: corps.departements })),
);

export const config: Config = { path: '/api/bourse/resume', method: 'PUT' };
