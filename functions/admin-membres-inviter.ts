import type { Config } from '@netlify/functions';
import { inviterMembre } from './_lib/admin/membres.ts';
import { cree, route } from './_lib/http/route.ts';
import { provisionnementSchema } from './_lib/membres/provisionner.ts';

/** POST /api/admin/membres — invite un membre : compte confirmé + fiche, journal, courriel (administrateurs). */
export default route({ qui: 'membre', corps: provisionnementSchema }, async ({ corps, ctx }) => cree(await inviterMembre(corps, ctx)));

export const config: Config = { path: '/api/admin/membres', method: 'POST' };
