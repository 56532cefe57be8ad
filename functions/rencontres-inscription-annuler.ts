import type { Config } from '@netlify/functions';
import { ok, route } from './_lib/http/route.ts';
import { annuler } from './_lib/rencontres/inscriptions.ts';

/** Annuler son inscription ; les premiers en attente prennent les places libérées. */
export default route({ qui: 'membre' }, async ({ params, ctx }) => ok(await annuler(params.slug ?? '', ctx)));
export const config: Config = { path: '/api/rencontres/:slug/inscription', method: 'DELETE' };
