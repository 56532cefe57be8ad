import type { Profil } from '../../../src/schemas/membre.ts';
import type { Contexte } from '../contexte.ts';

/** La fiche du membre connecté (la base refuse une session fermée ou un membre inactif). */
export function lireMonProfil(ctx: Contexte): Promise<Profil> {
  return ctx.api.moi();
}
