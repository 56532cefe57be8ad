import type { Config } from '@netlify/functions';
import { z } from 'zod';
import { DomainError } from './_lib/errors.ts';
import { route, type Resultat } from './_lib/http/route.ts';
import { retirerPeriode } from './_lib/outils/calendrier-pfmp.ts';

const identifiant = z.uuid();

/** DELETE /api/calendrier-pfmp/periodes/:id — retire une période du lycée du membre connecté. */
export default route({ qui: 'membre' }, async ({ params, ctx }): Promise<Resultat> => {
  if (!identifiant.safeParse(params.id).success) throw new DomainError('INTROUVABLE', 'Cette période n’existe pas.');
  await retirerPeriode(params.id!, ctx);
  return { statut: 204, corps: null };
});

export const config: Config = { path: '/api/calendrier-pfmp/periodes/:id', method: 'DELETE' };
