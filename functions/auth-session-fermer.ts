import type { Config } from '@netlify/functions';
import { fermerSession } from './_lib/auth/connexion.ts';
import { ok, route } from './_lib/http/route.ts';

/** DELETE /api/auth/session — déconnexion : la session Auth est fermée, le cookie effacé. */
export default route({ qui: 'public' }, async ({ ctx }) => {
  await fermerSession(ctx);
  return ok({ message: 'Vous êtes déconnecté.' }, { session: 'fermee' });
});

export const config: Config = { path: '/api/auth/session', method: 'DELETE' };
