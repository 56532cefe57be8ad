// PROVISOIRE : remplacé par la surface générée depuis le catalogue (scripts/generer-api.ts).
import { appelerRpc, type ClientRpc } from '../supabase.ts';
import type { Profil } from '../../../src/schemas/membre.ts';
import type { InscriptionDetail, Participants, PlacesRencontre, ResultatInscription } from '../../../src/schemas/inscription.ts';

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
  rencontre_publier: { args: { p_rencontre: unknown }; retour: { slug: string; ateliers: number; promus: number } };
  inscrire: { args: { p_rencontre: string; p_ateliers: string[]; p_reponses?: Record<string, unknown> }; retour: ResultatInscription };
  annuler: { args: { p_rencontre: string; p_atelier?: string | null }; retour: ResultatInscription };
  mes_inscriptions: { args: Record<string, never>; retour: InscriptionDetail[] };
  rencontre_places: { args: { p_rencontre: string }; retour: PlacesRencontre };
  rencontre_participants: { args: { p_rencontre: string }; retour: Participants };
  rencontre_destinataires: { args: { p_rencontre: string; p_atelier?: string | null }; retour: { titre: string; destinataires: { email: string; prenom: string }[] } };
  rencontres_purger: { args: Record<string, never>; retour: { reponses_effacees: number; inscriptions_supprimees: number } };
  pointer: { args: { p_rencontre: string; p_inscription: string; p_present?: boolean }; retour: { inscription: string; present: boolean } };
}

export type Api = { [K in keyof FonctionsApi]: (args?: FonctionsApi[K]['args']) => Promise<FonctionsApi[K]['retour']> };

/** Un objet avec une méthode typée par fonction du schéma api. */
export function creerApi(client: ClientRpc): Api {
  return new Proxy({} as Api, {
    get: (_, nom: string) => (args: Record<string, unknown> = {}) => appelerRpc(client, nom, args),
  });
}
