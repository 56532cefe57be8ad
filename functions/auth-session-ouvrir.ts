import type { Config } from '@netlify/functions';
import { ouvertureSessionSchema } from '../src/schemas/auth.ts';
import { ouvrirSession } from './_lib/auth/connexion.ts';
import { cree, route } from './_lib/http/route.ts';

/** POST /api/auth/session — échange le code contre une session (cookie). */
export default route({ qui: 'public', corps: ouvertureSessionSchema, liaison: 'lire' }, async ({ corps, ctx }) => {
  const { profil, session } = await ouvrirSession(corps, ctx);
  return cree(profil, { session });
});

export const config: Config = { path: '/api/auth/session', method: 'POST' };
