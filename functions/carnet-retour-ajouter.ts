import type { Config } from '@netlify/functions';
import { retourEntreeSchema } from '../src/schemas/carnet.ts';
import { identifiant } from './_lib/http/identifiant.ts';
import { cree, route } from './_lib/http/route.ts';

/** POST /api/carnet/organisations/:id/retours — retour structuré d'une période (critères notés). */
export default route({ qui: 'membre', corps: retourEntreeSchema }, async ({ corps, params, ctx }) => {
  await ctx.api.retour_ajouter({
    p_organisation: identifiant(params),
    p_formation: corps.formation,
    p_accueil: corps.accueil,
    p_encadrement: corps.encadrement,
    p_activites: corps.activites,
    p_securite: corps.securite,
    p_reprendrait: corps.reprendrait,
  });
  return cree({ enregistre: true });
});

export const config: Config = { path: '/api/carnet/organisations/:id/retours', method: 'POST' };
