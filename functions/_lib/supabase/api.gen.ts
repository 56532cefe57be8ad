// Généré par `npm run generer-api` (scripts/generer-api.ts) depuis le catalogue du schéma api : ne pas modifier.
// Pour changer une fonction : une migration, puis `npm run generer-api`. Un test échoue si ce fichier est en retard.
import type { MembreProvisionne, ReponseDemandeCode, Sante, TentativeCode } from '../../../src/schemas/api-retours.ts';
import type {
  BilanPurgeRencontres,
  Destinataires,
  MesInscriptions,
  Participants,
  PlacesRencontre,
  ResultatInscription,
  ResultatPointage,
  ResultatPublication,
} from '../../../src/schemas/inscription.ts';
import type { Profil } from '../../../src/schemas/membre.ts';
import type { DonneesAllocation, MesVoeux, ResultatPublicationAllocation } from '../../../src/schemas/voeux.ts';

/** Une valeur JSON quelconque. */
export type Json = string | number | boolean | null | Json[] | { [cle: string]: Json };

/** Arguments et résultat de chaque fonction du schéma api. */
export interface FonctionsApi {
  /** `api.allocation_donnees(p_rencontre text)` → `jsonb` */
  allocation_donnees: { arguments: { p_rencontre: string }; resultat: DonneesAllocation };
  /** `api.allocation_publier(p_rencontre text, p_graine text, p_attributions jsonb)` → `jsonb` */
  allocation_publier: { arguments: { p_rencontre: string; p_graine: string; p_attributions: Json }; resultat: ResultatPublicationAllocation };
  /** `api.annuler(p_rencontre text, p_atelier text DEFAULT NULL::text)` → `jsonb` */
  annuler: { arguments: { p_rencontre: string; p_atelier?: string }; resultat: ResultatInscription };
  /** `api.code_demander(p_adresse text, p_client text, p_navigateur text)` → `jsonb` */
  code_demander: { arguments: { p_adresse: string; p_client: string; p_navigateur: string }; resultat: ReponseDemandeCode };
  /** `api.code_reussir(p_adresse text)` → `void` */
  code_reussir: { arguments: { p_adresse: string }; resultat: void };
  /** `api.code_tenter(p_adresse text, p_client text, p_navigateur text)` → `jsonb` */
  code_tenter: { arguments: { p_adresse: string; p_client: string; p_navigateur: string }; resultat: TentativeCode };
  /** `api.connexions_purger()` → `integer` */
  connexions_purger: { arguments: Record<string, never>; resultat: number };
  /** `api.inscrire(p_rencontre text, p_ateliers text[], p_reponses jsonb DEFAULT '{}'::jsonb)` → `jsonb` */
  inscrire: { arguments: { p_rencontre: string; p_ateliers: string[]; p_reponses?: Json }; resultat: ResultatInscription };
  /** `api.membre_destinataire_code(p_email text)` → `boolean` */
  membre_destinataire_code: { arguments: { p_email: string }; resultat: boolean };
  /** `api.membre_provisionner(p_user_id uuid, p_email text, p_prenom text, p_nom text, p_role prive.role_membre DEFAULT 'membre'::prive.role_membre, p_uai text DEFAULT NULL::text, p_fonction text DEFAULT NULL::text)` → `jsonb` */
  membre_provisionner: {
    arguments: {
      p_user_id: string;
      p_email: string;
      p_prenom: string;
      p_nom: string;
      p_role?: 'membre' | 'organisateur' | 'admin';
      p_uai?: string;
      p_fonction?: string;
    };
    resultat: MembreProvisionne;
  };
  /** `api.mes_inscriptions()` → `jsonb` */
  mes_inscriptions: { arguments: Record<string, never>; resultat: MesInscriptions };
  /** `api.mes_voeux(p_rencontre text)` → `jsonb` */
  mes_voeux: { arguments: { p_rencontre: string }; resultat: MesVoeux };
  /** `api.moi()` → `jsonb` */
  moi: { arguments: Record<string, never>; resultat: Profil };
  /** `api.pointer(p_rencontre text, p_inscription uuid, p_present boolean DEFAULT true)` → `jsonb` */
  pointer: { arguments: { p_rencontre: string; p_inscription: string; p_present?: boolean }; resultat: ResultatPointage };
  /** `api.rencontre_destinataires(p_rencontre text, p_atelier text DEFAULT NULL::text)` → `jsonb` */
  rencontre_destinataires: { arguments: { p_rencontre: string; p_atelier?: string }; resultat: Destinataires };
  /** `api.rencontre_participants(p_rencontre text)` → `jsonb` */
  rencontre_participants: { arguments: { p_rencontre: string }; resultat: Participants };
  /** `api.rencontre_places(p_rencontre text)` → `jsonb` */
  rencontre_places: { arguments: { p_rencontre: string }; resultat: PlacesRencontre };
  /** `api.rencontre_publier(p_rencontre jsonb)` → `jsonb` */
  rencontre_publier: { arguments: { p_rencontre: Json }; resultat: ResultatPublication };
  /** `api.rencontres_purger()` → `jsonb` */
  rencontres_purger: { arguments: Record<string, never>; resultat: BilanPurgeRencontres };
  /** `api.sante()` → `jsonb` */
  sante: { arguments: Record<string, never>; resultat: Sante };
  /** `api.voeux_enregistrer(p_rencontre text, p_voeux jsonb)` → `jsonb` */
  voeux_enregistrer: { arguments: { p_rencontre: string; p_voeux: Json }; resultat: MesVoeux };
}

/** Une méthode par fonction du schéma api (voir creerApi dans api.ts). */
export interface Api {
  /** `api.allocation_donnees(p_rencontre text)` → `jsonb` */
  allocation_donnees(args: FonctionsApi['allocation_donnees']['arguments']): Promise<FonctionsApi['allocation_donnees']['resultat']>;
  /** `api.allocation_publier(p_rencontre text, p_graine text, p_attributions jsonb)` → `jsonb` */
  allocation_publier(args: FonctionsApi['allocation_publier']['arguments']): Promise<FonctionsApi['allocation_publier']['resultat']>;
  /** `api.annuler(p_rencontre text, p_atelier text DEFAULT NULL::text)` → `jsonb` */
  annuler(args: FonctionsApi['annuler']['arguments']): Promise<FonctionsApi['annuler']['resultat']>;
  /** `api.code_demander(p_adresse text, p_client text, p_navigateur text)` → `jsonb` */
  code_demander(args: FonctionsApi['code_demander']['arguments']): Promise<FonctionsApi['code_demander']['resultat']>;
  /** `api.code_reussir(p_adresse text)` → `void` */
  code_reussir(args: FonctionsApi['code_reussir']['arguments']): Promise<FonctionsApi['code_reussir']['resultat']>;
  /** `api.code_tenter(p_adresse text, p_client text, p_navigateur text)` → `jsonb` */
  code_tenter(args: FonctionsApi['code_tenter']['arguments']): Promise<FonctionsApi['code_tenter']['resultat']>;
  /** `api.connexions_purger()` → `integer` */
  connexions_purger(): Promise<FonctionsApi['connexions_purger']['resultat']>;
  /** `api.inscrire(p_rencontre text, p_ateliers text[], p_reponses jsonb DEFAULT '{}'::jsonb)` → `jsonb` */
  inscrire(args: FonctionsApi['inscrire']['arguments']): Promise<FonctionsApi['inscrire']['resultat']>;
  /** `api.membre_destinataire_code(p_email text)` → `boolean` */
  membre_destinataire_code(args: FonctionsApi['membre_destinataire_code']['arguments']): Promise<FonctionsApi['membre_destinataire_code']['resultat']>;
  /** `api.membre_provisionner(p_user_id uuid, p_email text, p_prenom text, p_nom text, p_role prive.role_membre DEFAULT 'membre'::prive.role_membre, p_uai text DEFAULT NULL::text, p_fonction text DEFAULT NULL::text)` → `jsonb` */
  membre_provisionner(args: FonctionsApi['membre_provisionner']['arguments']): Promise<FonctionsApi['membre_provisionner']['resultat']>;
  /** `api.mes_inscriptions()` → `jsonb` */
  mes_inscriptions(): Promise<FonctionsApi['mes_inscriptions']['resultat']>;
  /** `api.mes_voeux(p_rencontre text)` → `jsonb` */
  mes_voeux(args: FonctionsApi['mes_voeux']['arguments']): Promise<FonctionsApi['mes_voeux']['resultat']>;
  /** `api.moi()` → `jsonb` */
  moi(): Promise<FonctionsApi['moi']['resultat']>;
  /** `api.pointer(p_rencontre text, p_inscription uuid, p_present boolean DEFAULT true)` → `jsonb` */
  pointer(args: FonctionsApi['pointer']['arguments']): Promise<FonctionsApi['pointer']['resultat']>;
  /** `api.rencontre_destinataires(p_rencontre text, p_atelier text DEFAULT NULL::text)` → `jsonb` */
  rencontre_destinataires(args: FonctionsApi['rencontre_destinataires']['arguments']): Promise<FonctionsApi['rencontre_destinataires']['resultat']>;
  /** `api.rencontre_participants(p_rencontre text)` → `jsonb` */
  rencontre_participants(args: FonctionsApi['rencontre_participants']['arguments']): Promise<FonctionsApi['rencontre_participants']['resultat']>;
  /** `api.rencontre_places(p_rencontre text)` → `jsonb` */
  rencontre_places(args: FonctionsApi['rencontre_places']['arguments']): Promise<FonctionsApi['rencontre_places']['resultat']>;
  /** `api.rencontre_publier(p_rencontre jsonb)` → `jsonb` */
  rencontre_publier(args: FonctionsApi['rencontre_publier']['arguments']): Promise<FonctionsApi['rencontre_publier']['resultat']>;
  /** `api.rencontres_purger()` → `jsonb` */
  rencontres_purger(): Promise<FonctionsApi['rencontres_purger']['resultat']>;
  /** `api.sante()` → `jsonb` */
  sante(): Promise<FonctionsApi['sante']['resultat']>;
  /** `api.voeux_enregistrer(p_rencontre text, p_voeux jsonb)` → `jsonb` */
  voeux_enregistrer(args: FonctionsApi['voeux_enregistrer']['arguments']): Promise<FonctionsApi['voeux_enregistrer']['resultat']>;
}

/** Un appel RPC : le nom de la fonction et ses arguments ; rend son résultat. */
export type Appeler = <T>(fn: keyof FonctionsApi, args?: Record<string, unknown>) => Promise<T>;

/** Les méthodes de Api, chacune passant par `appeler`. */
export function creerMethodes(appeler: Appeler): Api {
  return {
    allocation_donnees: (args) => appeler('allocation_donnees', args),
    allocation_publier: (args) => appeler('allocation_publier', args),
    annuler: (args) => appeler('annuler', args),
    code_demander: (args) => appeler('code_demander', args),
    code_reussir: (args) => appeler('code_reussir', args),
    code_tenter: (args) => appeler('code_tenter', args),
    connexions_purger: () => appeler('connexions_purger'),
    inscrire: (args) => appeler('inscrire', args),
    membre_destinataire_code: (args) => appeler('membre_destinataire_code', args),
    membre_provisionner: (args) => appeler('membre_provisionner', args),
    mes_inscriptions: () => appeler('mes_inscriptions'),
    mes_voeux: (args) => appeler('mes_voeux', args),
    moi: () => appeler('moi'),
    pointer: (args) => appeler('pointer', args),
    rencontre_destinataires: (args) => appeler('rencontre_destinataires', args),
    rencontre_participants: (args) => appeler('rencontre_participants', args),
    rencontre_places: (args) => appeler('rencontre_places', args),
    rencontre_publier: (args) => appeler('rencontre_publier', args),
    rencontres_purger: () => appeler('rencontres_purger'),
    sante: () => appeler('sante'),
    voeux_enregistrer: (args) => appeler('voeux_enregistrer', args),
  };
}
