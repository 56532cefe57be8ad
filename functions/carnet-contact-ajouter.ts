import type { Config } from '@netlify/functions';
import { contactEntreeSchema } from '../src/schemas/carnet.ts';
import { ajouterContact } from './_lib/carnet/organisations.ts';
import { identifiant } from './_lib/http/identifiant.ts';
import { cree, route } from './_lib/http/route.ts';

/** POST /api/carnet/organisations/:id/contacts — un contact professionnel. */
export default route({ qui: 'membre', corps: contactEntreeSchema }, async ({ corps, params, ctx }) =>
  cree({ id: await ajouterContact(identifiant(params), corps, ctx) }),
);

export const config: Config = { path: '/api/carnet/organisations/:id/contacts', method: 'POST' };
