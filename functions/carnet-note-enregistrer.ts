import type { Config } from '@netlify/functions';
import { noteEntreeSchema } from '../src/schemas/carnet.ts';
import { identifiant } from './_lib/http/identifiant.ts';
import { ok, route } from './_lib/http/route.ts';

/** PUT /api/carnet/organisations/:id/note — les notes de mon lycée (lues par mon lycée seulement). */
export default route({ qui: 'membre', corps: noteEntreeSchema }, async ({ corps, params, ctx }) => {
  await ctx.api.note_enregistrer({ p_organisation: identifiant(params), p_texte: corps.texte });
  return ok({ enregistree: true });
});

export const config: Config = { path: '/api/carnet/organisations/:id/note', method: 'PUT' };
