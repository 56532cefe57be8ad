import type { Config } from '@netlify/functions';
import { route } from './_lib/http/route.ts';
import { revoquerAbonnement } from './_lib/outils/calendrier-pfmp.ts';

/** DELETE /api/calendrier-pfmp/abonnement — révoque l'adresse du calendrier .ics du lycée du membre. */
export default route({ qui: 'membre' }, async ({ ctx }) => {
  await revoquerAbonnement(ctx);
  return { statut: 204, corps: null };
});

export const config: Config = { path: '/api/calendrier-pfmp/abonnement', method: 'DELETE' };
