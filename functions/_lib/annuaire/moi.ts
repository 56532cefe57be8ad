import type { Profil } from '../../../src/schemas/membre.ts';
import { effacerSession, type Appelant } from '../auth/session.ts';
import { DomainError } from '../errors.ts';
import { appelerRpc, clientAppelant } from '../supabase.ts';

/** La fiche du membre connecté ; un jeton refusé par la base ferme la session. */
export async function lireMonProfil(req: Request, appelant: Appelant): Promise<Profil> {
  try {
    return await appelerRpc<Profil>(clientAppelant(appelant.accessToken), 'moi');
  } catch (e) {
    if (e instanceof DomainError && (e.code === 'SESSION_EXPIREE' || e.code === 'NON_MEMBRE')) effacerSession(req);
    throw e;
  }
}
