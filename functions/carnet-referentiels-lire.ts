import type { Config } from '@netlify/functions';
import { DIVISIONS_NAF, SOUS_CLASSES_NAF } from '../src/lib/referentiels.ts';
import { ok, route } from './_lib/http/route.ts';

/** GET /api/carnet/referentiels — les secteurs (divisions NAF) et les sous-classes NAF, pour les listes des formulaires. */
export default route({ qui: 'membre' }, async () => ok({ divisions: DIVISIONS_NAF, sousClasses: SOUS_CLASSES_NAF }));

export const config: Config = { path: '/api/carnet/referentiels', method: 'GET' };
