import type { Config } from '@netlify/functions';
import { identifiantSchema } from '../src/schemas/annuaire.ts';
import { vcardFiche } from './_lib/annuaire/fiches.ts';
import { route, valider } from './_lib/http/route.ts';

/** GET /api/annuaire/membres/:id/vcard — la vCard d'une fiche, sans ses champs masqués (membres). */
export default route({ qui: 'membre' }, async ({ params, ctx }) => vcardFiche(valider(params.id, identifiantSchema), ctx));

export const config: Config = { path: '/api/annuaire/membres/:id/vcard', method: 'GET' };
