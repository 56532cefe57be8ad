import type { Config } from '@netlify/functions';
import { confirmerReservation } from './_lib/bourse/places.ts';
import { identifiant } from './_lib/http/identifiant.ts';
import { ok, route } from './_lib/http/route.ts';

/** POST /api/bourse/reservations/:id/confirmation — l'émetteur confirme le passage de relais (placement au registre). */
export default route({ qui: 'membre' }, async ({ params, ctx }) => ok(await confirmerReservation(identifiant(params), ctx)));

export const config: Config = { path: '/api/bourse/reservations/:id/confirmation', method: 'POST' };
