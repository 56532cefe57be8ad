import type { Config } from '@netlify/functions';
import { ajoutFormationSchema } from '../src/schemas/calendrier-pfmp.ts';
import { cree, route } from './_lib/http/route.ts';
import { ajouterFormation } from './_lib/outils/formations.ts';

/** POST /api/calendrier-pfmp/formations — ajoute une formation manquante (administrateurs ; la base vérifie le rôle). */
export default route({ qui: 'membre', corps: ajoutFormationSchema }, async ({ corps, ctx }) => cree(await ajouterFormation(corps, ctx)));

export const config: Config = { path: '/api/calendrier-pfmp/formations', method: 'POST' };
