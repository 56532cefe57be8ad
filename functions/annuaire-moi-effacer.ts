import type { Config } from '@netlify/functions';
import { effacerMesDonnees } from './_lib/annuaire/moi.ts';
import { ok, route } from './_lib/http/route.ts';

/** DELETE /api/annuaire/moi — efface mes données facultatives. */
export default route({ qui: 'membre' }, async ({ ctx }) => ok(await effacerMesDonnees(ctx)));

export const config: Config = { path: '/api/annuaire/moi', method: 'DELETE' };
