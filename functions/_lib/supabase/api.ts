// PROVISOIRE : remplacé par la surface générée depuis le catalogue (scripts/generer-api.ts).
import { appelerRpc, type ClientRpc } from '../supabase.ts';
import type { Profil, Role } from '../../../src/schemas/membre.ts';
import type { EntreeJournal, FicheAnnuaire, FiltresAnnuaire, MaFiche, MembreAdmin, Visibilite } from '../../../src/schemas/annuaire.ts';

type Recherche = { total: number; fiches: FicheAnnuaire[]; departements: Record<string, number> };

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
  annuaire_rechercher: {
    args: {
      p_q?: string | null; p_departement?: string | null; p_bassin?: string | null; p_uai?: string | null; p_secteur?: string | null;
      p_expertise?: string | null; p_nouveaux?: boolean; p_accompagne?: boolean; p_limite?: number; p_decalage?: number;
    };
    retour: Recherche;
  };
  annuaire_liste_organisateurs: {
    args: {
      p_q?: string | null; p_departement?: string | null; p_bassin?: string | null; p_uai?: string | null; p_secteur?: string | null;
      p_expertise?: string | null; p_nouveaux?: boolean; p_accompagne?: boolean;
    };
    retour: FicheAnnuaire[];
  };
  annuaire_filtres: { args: Record<string, never>; retour: FiltresAnnuaire };
  annuaire_fiche: { args: { p_id: string; p_champs?: string[] | null }; retour: FicheAnnuaire };
  annuaire_qui_contacter: { args: { p_themes: string[]; p_limite?: number }; retour: FicheAnnuaire[] };
  annuaire_moi: { args: Record<string, never>; retour: MaFiche };
  annuaire_modifier: {
    args: {
      p_prenom: string; p_nom: string; p_fonction: string; p_uai: string | null; p_telephone: string | null; p_secteurs: string[];
      p_expertises: string[]; p_presentation: string | null; p_langues: string[]; p_accompagne: boolean; p_visibilites: Partial<Record<string, Visibilite>>;
    };
    retour: MaFiche;
  };
  annuaire_effacer: { args: Record<string, never>; retour: MaFiche };
  annuaire_exporter: { args: Record<string, never>; retour: { exporte_le: string; fiche: MaFiche; journal_administration: unknown[] } };
  admin_exiger: { args: Record<string, never>; retour: undefined };
  admin_membres: { args: Record<string, never>; retour: MembreAdmin[] };
  admin_desactiver: { args: { p_id: string }; retour: { id: string; actif: boolean } };
  admin_reactiver: { args: { p_id: string }; retour: { id: string; actif: boolean } };
  admin_changer_role: { args: { p_id: string; p_role: Role }; retour: { id: string; role: Role } };
  admin_journaliser_invitation: { args: { p_id: string }; retour: undefined };
  admin_journal: { args: { p_limite?: number }; retour: EntreeJournal[] };
  fiches_a_rappeler: { args: { p_limite?: number }; retour: { email: string; prenom: string }[] };
  membres_purger: { args: Record<string, never>; retour: { nombre: number; comptes: string[] } };
}

export type Api = { [K in keyof FonctionsApi]: (args?: FonctionsApi[K]['args']) => Promise<FonctionsApi[K]['retour']> };

/** Un objet avec une méthode typée par fonction du schéma api. */
export function creerApi(client: ClientRpc): Api {
  return new Proxy({} as Api, {
    get: (_, nom: string) => (args: Record<string, unknown> = {}) => appelerRpc(client, nom, args),
  });
}
