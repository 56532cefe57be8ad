// PROVISOIRE : remplacé par la surface générée depuis le catalogue (scripts/generer-api.ts).
import { appelerRpc, type ClientRpc } from '../supabase.ts';
import type { Profil } from '../../../src/schemas/membre.ts';

export interface FonctionsApi {
  moi: { args: Record<string, never>; retour: Profil };
  sante: { args: Record<string, never>; retour: { base: string; heure: string } };
  code_demander: { args: { p_adresse: string; p_client: string; p_navigateur: string }; retour: { accepte: boolean; raison?: string; attente?: number } };
  code_tenter: { args: { p_adresse: string; p_client: string; p_navigateur: string }; retour: { autorise: boolean; restants: number; raison?: string; attente?: number } };
  code_reussir: { args: { p_adresse: string }; retour: undefined };
  connexions_purger: { args: Record<string, never>; retour: number };
  membre_destinataire_code: { args: { p_email: string }; retour: boolean };
  membre_provisionner: {
    args: { p_user_id: string; p_email: string; p_prenom: string; p_nom: string; p_role?: 'membre' | 'organisateur' | 'admin'; p_uai?: string | null; p_fonction?: string | null };
    retour: { id: string; email: string; role: string; user_id: string };
  };
}

export type Api = { [K in keyof FonctionsApi]: (args?: FonctionsApi[K]['args']) => Promise<FonctionsApi[K]['retour']> };

/** Un objet avec une méthode typée par fonction du schéma api. */
export function creerApi(client: ClientRpc): Api {
  return new Proxy({} as Api, {
    get: (_, nom: string) => (args: Record<string, unknown> = {}) => appelerRpc(client, nom, args),
  });
}
