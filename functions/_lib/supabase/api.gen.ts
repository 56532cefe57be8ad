// Généré par `npm run generer-api` (scripts/generer-api.ts) depuis le catalogue du schéma api : ne pas modifier.
// Pour changer une fonction : une migration, puis `npm run generer-api`. Un test échoue si ce fichier est en retard.
import type {
  EtatMembre,
  ExportDonnees,
  FicheAnnuaire,
  FiltresAnnuaire,
  JournalAdmin,
  ListeFiches,
  ListeMembresAdmin,
  MaFiche,
  PurgeMembres,
  RappelsFiches,
  RechercheBrute,
  RoleChange,
} from '../../../src/schemas/annuaire.ts';
import type { MembreProvisionne, ReponseDemandeCode, Sante, TentativeCode } from '../../../src/schemas/api-retours.ts';
import type {
  ListeReservations,
  MesRecherches,
  ReglageResume,
  ResultatAcceptation,
  ResultatConfirmation,
  ResultatOffres,
  ResultatRecherches,
  ResultatReponse,
  ResultatReservation,
  ResumesAEnvoyer,
} from '../../../src/schemas/bourse.ts';
import type {
  AbonnementCree,
  CalendrierIcsOuRien,
  Formation,
  MesPeriodes,
  Periode,
  RapportImportBase,
  RapportImportFormations,
  VueReseau,
} from '../../../src/schemas/calendrier-pfmp.ts';
import type { DoublonsImport, RapportImportCarnet } from '../../../src/schemas/carnet-import.ts';
import type {
  ExportCarnet,
  ListeDoublons,
  ListeOrganisations,
  Organisation,
  ResultatEnregistrement,
  ResultatFusion,
  ResultatRecherche,
} from '../../../src/schemas/carnet.ts';
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
  /** `api.admin_changer_role(p_id uuid, p_role prive.role_membre)` → `jsonb` */
  admin_changer_role: { arguments: { p_id: string; p_role: 'membre' | 'organisateur' | 'admin' }; resultat: RoleChange };
  /** `api.admin_desactiver(p_id uuid)` → `jsonb` */
  admin_desactiver: { arguments: { p_id: string }; resultat: EtatMembre };
  /** `api.admin_exiger()` → `void` */
  admin_exiger: { arguments: Record<string, never>; resultat: void };
  /** `api.admin_journal(p_limite integer DEFAULT 200)` → `jsonb` */
  admin_journal: { arguments: { p_limite?: number }; resultat: JournalAdmin };
  /** `api.admin_journaliser_invitation(p_id uuid)` → `void` */
  admin_journaliser_invitation: { arguments: { p_id: string }; resultat: void };
  /** `api.admin_membres()` → `jsonb` */
  admin_membres: { arguments: Record<string, never>; resultat: ListeMembresAdmin };
  /** `api.admin_reactiver(p_id uuid)` → `jsonb` */
  admin_reactiver: { arguments: { p_id: string }; resultat: EtatMembre };
  /** `api.allocation_donnees(p_rencontre text)` → `jsonb` */
  allocation_donnees: { arguments: { p_rencontre: string }; resultat: DonneesAllocation };
  /** `api.allocation_publier(p_rencontre text, p_graine text, p_attributions jsonb)` → `jsonb` */
  allocation_publier: { arguments: { p_rencontre: string; p_graine: string; p_attributions: Json }; resultat: ResultatPublicationAllocation };
  /** `api.annuaire_effacer()` → `jsonb` */
  annuaire_effacer: { arguments: Record<string, never>; resultat: MaFiche };
  /** `api.annuaire_exporter()` → `jsonb` */
  annuaire_exporter: { arguments: Record<string, never>; resultat: ExportDonnees };
  /** `api.annuaire_fiche(p_id uuid, p_champs text[] DEFAULT NULL::text[])` → `jsonb` */
  annuaire_fiche: { arguments: { p_id: string; p_champs?: string[] }; resultat: FicheAnnuaire };
  /** `api.annuaire_filtres()` → `jsonb` */
  annuaire_filtres: { arguments: Record<string, never>; resultat: FiltresAnnuaire };
  /** `api.annuaire_liste_organisateurs(p_q text DEFAULT NULL::text, p_departement text DEFAULT NULL::text, p_bassin text DEFAULT NULL::text, p_uai text DEFAULT NULL::text, p_secteur text DEFAULT NULL::text, p_expertise text DEFAULT NULL::text, p_nouveaux boolean DEFAULT false, p_accompagne boolean DEFAULT false)` → `jsonb` */
  annuaire_liste_organisateurs: {
    arguments: {
      p_q?: string;
      p_departement?: string;
      p_bassin?: string;
      p_uai?: string;
      p_secteur?: string;
      p_expertise?: string;
      p_nouveaux?: boolean;
      p_accompagne?: boolean;
    };
    resultat: ListeFiches;
  };
  /** `api.annuaire_modifier(p_prenom text, p_nom text, p_fonction text, p_uai text, p_telephone text, p_secteurs text[], p_expertises text[], p_presentation text, p_langues text[], p_accompagne boolean, p_visibilites jsonb)` → `jsonb` */
  annuaire_modifier: {
    arguments: {
      p_prenom: string;
      p_nom: string;
      p_fonction: string;
      p_uai: string;
      p_telephone: string;
      p_secteurs: string[];
      p_expertises: string[];
      p_presentation: string;
      p_langues: string[];
      p_accompagne: boolean;
      p_visibilites: Json;
    };
    resultat: MaFiche;
  };
  /** `api.annuaire_moi()` → `jsonb` */
  annuaire_moi: { arguments: Record<string, never>; resultat: MaFiche };
  /** `api.annuaire_qui_contacter(p_themes text[], p_limite integer DEFAULT 6)` → `jsonb` */
  annuaire_qui_contacter: { arguments: { p_themes: string[]; p_limite?: number }; resultat: ListeFiches };
  /** `api.annuaire_rechercher(p_q text DEFAULT NULL::text, p_departement text DEFAULT NULL::text, p_bassin text DEFAULT NULL::text, p_uai text DEFAULT NULL::text, p_secteur text DEFAULT NULL::text, p_expertise text DEFAULT NULL::text, p_nouveaux boolean DEFAULT false, p_accompagne boolean DEFAULT false, p_limite integer DEFAULT 60, p_decalage integer DEFAULT 0)` → `jsonb` */
  annuaire_rechercher: {
    arguments: {
      p_q?: string;
      p_departement?: string;
      p_bassin?: string;
      p_uai?: string;
      p_secteur?: string;
      p_expertise?: string;
      p_nouveaux?: boolean;
      p_accompagne?: boolean;
      p_limite?: number;
      p_decalage?: number;
    };
    resultat: RechercheBrute;
  };
  /** `api.annuler(p_rencontre text, p_atelier text DEFAULT NULL::text)` → `jsonb` */
  annuler: { arguments: { p_rencontre: string; p_atelier?: string }; resultat: ResultatInscription };
  /** `api.calendrier_pfmp_abonnement_creer()` → `jsonb` */
  calendrier_pfmp_abonnement_creer: { arguments: Record<string, never>; resultat: AbonnementCree };
  /** `api.calendrier_pfmp_abonnement_revoquer()` → `void` */
  calendrier_pfmp_abonnement_revoquer: { arguments: Record<string, never>; resultat: void };
  /** `api.calendrier_pfmp_ics(p_jeton text)` → `jsonb` */
  calendrier_pfmp_ics: { arguments: { p_jeton: string }; resultat: CalendrierIcsOuRien };
  /** `api.calendrier_pfmp_reseau(p_debut date, p_fin date, p_seuil integer, p_regroupement text DEFAULT 'departement'::text)` → `jsonb` */
  calendrier_pfmp_reseau: { arguments: { p_debut: string; p_fin: string; p_seuil: number; p_regroupement?: string }; resultat: VueReseau };
  /** `api.carnet_exporter()` → `jsonb` */
  carnet_exporter: { arguments: Record<string, never>; resultat: ExportCarnet };
  /** `api.carnet_import_doublons(p_lignes jsonb)` → `jsonb` */
  carnet_import_doublons: { arguments: { p_lignes: Json }; resultat: DoublonsImport };
  /** `api.carnet_importer(p_lignes jsonb)` → `jsonb` */
  carnet_importer: { arguments: { p_lignes: Json }; resultat: RapportImportCarnet };
  /** `api.carnet_rechercher(p_texte text DEFAULT NULL::text, p_naf text DEFAULT NULL::text, p_departement text DEFAULT NULL::text, p_commune_insee text DEFAULT NULL::text, p_formation text DEFAULT NULL::text, p_debut date DEFAULT NULL::date, p_fin date DEFAULT NULL::date, p_places_libres boolean DEFAULT false, p_limite integer DEFAULT 50, p_decalage integer DEFAULT 0)` → `jsonb` */
  carnet_rechercher: {
    arguments: {
      p_texte?: string;
      p_naf?: string;
      p_departement?: string;
      p_commune_insee?: string;
      p_formation?: string;
      p_debut?: string;
      p_fin?: string;
      p_places_libres?: boolean;
      p_limite?: number;
      p_decalage?: number;
    };
    resultat: ResultatRecherche;
  };
  /** `api.code_demander(p_adresse text, p_client text, p_navigateur text)` → `jsonb` */
  code_demander: { arguments: { p_adresse: string; p_client: string; p_navigateur: string }; resultat: ReponseDemandeCode };
  /** `api.code_reussir(p_adresse text)` → `void` */
  code_reussir: { arguments: { p_adresse: string }; resultat: void };
  /** `api.code_tenter(p_adresse text, p_client text, p_navigateur text)` → `jsonb` */
  code_tenter: { arguments: { p_adresse: string; p_client: string; p_navigateur: string }; resultat: TentativeCode };
  /** `api.connexions_purger()` → `integer` */
  connexions_purger: { arguments: Record<string, never>; resultat: number };
  /** `api.contact_ajouter(p_organisation uuid, p_nom text, p_fonction text, p_telephone text, p_email text)` → `uuid` */
  contact_ajouter: { arguments: { p_organisation: string; p_nom: string; p_fonction: string; p_telephone: string; p_email: string }; resultat: string };
  /** `api.contact_opposition(p_contact uuid)` → `integer` */
  contact_opposition: { arguments: { p_contact: string }; resultat: number };
  /** `api.contacts_purger()` → `integer` */
  contacts_purger: { arguments: Record<string, never>; resultat: number };
  /** `api.fiches_a_rappeler(p_limite integer DEFAULT 200)` → `jsonb` */
  fiches_a_rappeler: { arguments: { p_limite?: number }; resultat: RappelsFiches };
  /** `api.formation_ajouter(p_code text, p_intitule text, p_niveau text, p_secteur text)` → `jsonb` */
  formation_ajouter: { arguments: { p_code: string; p_intitule: string; p_niveau: string; p_secteur: string }; resultat: Formation };
  /** `api.formations_importer(p_formations jsonb)` → `jsonb` */
  formations_importer: { arguments: { p_formations: Json }; resultat: RapportImportFormations };
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
  /** `api.membres_purger()` → `jsonb` */
  membres_purger: { arguments: Record<string, never>; resultat: PurgeMembres };
  /** `api.mes_inscriptions()` → `jsonb` */
  mes_inscriptions: { arguments: Record<string, never>; resultat: MesInscriptions };
  /** `api.mes_voeux(p_rencontre text)` → `jsonb` */
  mes_voeux: { arguments: { p_rencontre: string }; resultat: MesVoeux };
  /** `api.moi()` → `jsonb` */
  moi: { arguments: Record<string, never>; resultat: Profil };
  /** `api.note_enregistrer(p_organisation uuid, p_texte text)` → `void` */
  note_enregistrer: { arguments: { p_organisation: string; p_texte: string }; resultat: void };
  /** `api.offre_publier(p_organisation uuid, p_formation text, p_debut date, p_fin date, p_places integer, p_conditions text)` → `uuid` */
  offre_publier: {
    arguments: { p_organisation: string; p_formation: string; p_debut: string; p_fin: string; p_places: number; p_conditions: string };
    resultat: string;
  };
  /** `api.offres_rechercher(p_naf text DEFAULT NULL::text, p_departement text DEFAULT NULL::text, p_commune_insee text DEFAULT NULL::text, p_formation text DEFAULT NULL::text, p_du date DEFAULT NULL::date, p_au date DEFAULT NULL::date, p_libres_seulement boolean DEFAULT true, p_limite integer DEFAULT 50, p_decalage integer DEFAULT 0)` → `jsonb` */
  offres_rechercher: {
    arguments: {
      p_naf?: string;
      p_departement?: string;
      p_commune_insee?: string;
      p_formation?: string;
      p_du?: string;
      p_au?: string;
      p_libres_seulement?: boolean;
      p_limite?: number;
      p_decalage?: number;
    };
    resultat: ResultatOffres;
  };
  /** `api.organisation_doublons(p_siret text, p_nom text, p_commune_insee text, p_exclure uuid DEFAULT NULL::uuid)` → `jsonb` */
  organisation_doublons: { arguments: { p_siret: string; p_nom: string; p_commune_insee: string; p_exclure?: string }; resultat: ListeDoublons };
  /** `api.organisation_enregistrer(p_id uuid, p_siret text, p_nom text, p_code_naf text, p_commune_insee text, p_commune_nom text, p_departement text, p_adresse text, p_taille prive.taille_organisation, p_dernier_contact date, p_forcer boolean DEFAULT false)` → `jsonb` */
  organisation_enregistrer: {
    arguments: {
      p_id: string;
      p_siret: string;
      p_nom: string;
      p_code_naf: string;
      p_commune_insee: string;
      p_commune_nom: string;
      p_departement: string;
      p_adresse: string;
      p_taille: '0-9' | '10-49' | '50-249' | '250+';
      p_dernier_contact: string;
      p_forcer?: boolean;
    };
    resultat: ResultatEnregistrement;
  };
  /** `api.organisation_lire(p_id uuid)` → `jsonb` */
  organisation_lire: { arguments: { p_id: string }; resultat: Organisation };
  /** `api.organisations_fusionner(p_garder uuid, p_absorber uuid)` → `jsonb` */
  organisations_fusionner: { arguments: { p_garder: string; p_absorber: string }; resultat: ResultatFusion };
  /** `api.organisations_rechercher(p_texte text DEFAULT NULL::text, p_naf text DEFAULT NULL::text, p_departement text DEFAULT NULL::text, p_commune_insee text DEFAULT NULL::text, p_formation text DEFAULT NULL::text)` → `jsonb` */
  organisations_rechercher: {
    arguments: { p_texte?: string; p_naf?: string; p_departement?: string; p_commune_insee?: string; p_formation?: string };
    resultat: ListeOrganisations;
  };
  /** `api.partenariat_declarer(p_organisation uuid, p_formation text)` → `void` */
  partenariat_declarer: { arguments: { p_organisation: string; p_formation: string }; resultat: void };
  /** `api.partenariat_retirer(p_organisation uuid, p_formation text)` → `void` */
  partenariat_retirer: { arguments: { p_organisation: string; p_formation: string }; resultat: void };
  /** `api.periode_pfmp_publier(p_formation text, p_classe text, p_niveau text, p_debut date, p_fin date, p_eleves integer)` → `jsonb` */
  periode_pfmp_publier: {
    arguments: { p_formation: string; p_classe: string; p_niveau: string; p_debut: string; p_fin: string; p_eleves: number };
    resultat: Periode;
  };
  /** `api.periode_pfmp_retirer(p_id uuid)` → `void` */
  periode_pfmp_retirer: { arguments: { p_id: string }; resultat: void };
  /** `api.periodes_pfmp_importer(p_periodes jsonb)` → `jsonb` */
  periodes_pfmp_importer: { arguments: { p_periodes: Json }; resultat: RapportImportBase };
  /** `api.periodes_pfmp_miennes()` → `jsonb` */
  periodes_pfmp_miennes: { arguments: Record<string, never>; resultat: MesPeriodes };
  /** `api.place_reserver(p_offre uuid, p_formation text, p_niveau text)` → `jsonb` */
  place_reserver: { arguments: { p_offre: string; p_formation: string; p_niveau: string }; resultat: ResultatReservation };
  /** `api.pointer(p_rencontre text, p_inscription uuid, p_present boolean DEFAULT true)` → `jsonb` */
  pointer: { arguments: { p_rencontre: string; p_inscription: string; p_present?: boolean }; resultat: ResultatPointage };
  /** `api.recherche_fermer(p_recherche uuid)` → `void` */
  recherche_fermer: { arguments: { p_recherche: string }; resultat: void };
  /** `api.recherche_publier(p_formation text, p_secteur text, p_niveau text, p_debut date, p_fin date, p_commune_insee text, p_commune_nom text, p_departement text, p_eleves integer, p_conditions text)` → `uuid` */
  recherche_publier: {
    arguments: {
      p_formation: string;
      p_secteur: string;
      p_niveau: string;
      p_debut: string;
      p_fin: string;
      p_commune_insee: string;
      p_commune_nom: string;
      p_departement: string;
      p_eleves: number;
      p_conditions: string;
    };
    resultat: string;
  };
  /** `api.recherche_repondre(p_recherche uuid, p_organisation uuid, p_places integer)` → `jsonb` */
  recherche_repondre: { arguments: { p_recherche: string; p_organisation: string; p_places: number }; resultat: ResultatReponse };
  /** `api.recherches_miennes()` → `jsonb` */
  recherches_miennes: { arguments: Record<string, never>; resultat: MesRecherches };
  /** `api.recherches_rechercher(p_secteur text DEFAULT NULL::text, p_departement text DEFAULT NULL::text, p_commune_insee text DEFAULT NULL::text, p_formation text DEFAULT NULL::text, p_du date DEFAULT NULL::date, p_au date DEFAULT NULL::date, p_limite integer DEFAULT 50, p_decalage integer DEFAULT 0)` → `jsonb` */
  recherches_rechercher: {
    arguments: {
      p_secteur?: string;
      p_departement?: string;
      p_commune_insee?: string;
      p_formation?: string;
      p_du?: string;
      p_au?: string;
      p_limite?: number;
      p_decalage?: number;
    };
    resultat: ResultatRecherches;
  };
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
  /** `api.reponse_accepter(p_reponse uuid)` → `jsonb` */
  reponse_accepter: { arguments: { p_reponse: string }; resultat: ResultatAcceptation };
  /** `api.reservation_confirmer(p_reservation uuid)` → `jsonb` */
  reservation_confirmer: { arguments: { p_reservation: string }; resultat: ResultatConfirmation };
  /** `api.reservations_lister()` → `jsonb` */
  reservations_lister: { arguments: Record<string, never>; resultat: ListeReservations };
  /** `api.resume_bourse_desinscrire(p_jeton uuid)` → `boolean` */
  resume_bourse_desinscrire: { arguments: { p_jeton: string }; resultat: boolean };
  /** `api.resume_bourse_lire()` → `jsonb` */
  resume_bourse_lire: { arguments: Record<string, never>; resultat: ReglageResume };
  /** `api.resume_bourse_marquer(p_membre uuid, p_jusqua timestamp with time zone)` → `void` */
  resume_bourse_marquer: { arguments: { p_membre: string; p_jusqua: string }; resultat: void };
  /** `api.resume_bourse_regler(p_inscrit boolean, p_departements text[] DEFAULT NULL::text[])` → `jsonb` */
  resume_bourse_regler: { arguments: { p_inscrit: boolean; p_departements?: string[] }; resultat: ReglageResume };
  /** `api.resumes_bourse_a_envoyer(p_limite integer DEFAULT 500)` → `jsonb` */
  resumes_bourse_a_envoyer: { arguments: { p_limite?: number }; resultat: ResumesAEnvoyer };
  /** `api.retour_ajouter(p_organisation uuid, p_formation text, p_accueil smallint, p_encadrement smallint, p_activites smallint, p_securite smallint, p_reprendrait boolean)` → `void` */
  retour_ajouter: {
    arguments: {
      p_organisation: string;
      p_formation: string;
      p_accueil: number;
      p_encadrement: number;
      p_activites: number;
      p_securite: number;
      p_reprendrait: boolean;
    };
    resultat: void;
  };
  /** `api.sante()` → `jsonb` */
  sante: { arguments: Record<string, never>; resultat: Sante };
  /** `api.voeux_enregistrer(p_rencontre text, p_voeux jsonb)` → `jsonb` */
  voeux_enregistrer: { arguments: { p_rencontre: string; p_voeux: Json }; resultat: MesVoeux };
}

/** Une méthode par fonction du schéma api (voir creerApi dans api.ts). */
export interface Api {
  /** `api.admin_changer_role(p_id uuid, p_role prive.role_membre)` → `jsonb` */
  admin_changer_role(args: FonctionsApi['admin_changer_role']['arguments']): Promise<FonctionsApi['admin_changer_role']['resultat']>;
  /** `api.admin_desactiver(p_id uuid)` → `jsonb` */
  admin_desactiver(args: FonctionsApi['admin_desactiver']['arguments']): Promise<FonctionsApi['admin_desactiver']['resultat']>;
  /** `api.admin_exiger()` → `void` */
  admin_exiger(): Promise<FonctionsApi['admin_exiger']['resultat']>;
  /** `api.admin_journal(p_limite integer DEFAULT 200)` → `jsonb` */
  admin_journal(args?: FonctionsApi['admin_journal']['arguments']): Promise<FonctionsApi['admin_journal']['resultat']>;
  /** `api.admin_journaliser_invitation(p_id uuid)` → `void` */
  admin_journaliser_invitation(
    args: FonctionsApi['admin_journaliser_invitation']['arguments'],
  ): Promise<FonctionsApi['admin_journaliser_invitation']['resultat']>;
  /** `api.admin_membres()` → `jsonb` */
  admin_membres(): Promise<FonctionsApi['admin_membres']['resultat']>;
  /** `api.admin_reactiver(p_id uuid)` → `jsonb` */
  admin_reactiver(args: FonctionsApi['admin_reactiver']['arguments']): Promise<FonctionsApi['admin_reactiver']['resultat']>;
  /** `api.allocation_donnees(p_rencontre text)` → `jsonb` */
  allocation_donnees(args: FonctionsApi['allocation_donnees']['arguments']): Promise<FonctionsApi['allocation_donnees']['resultat']>;
  /** `api.allocation_publier(p_rencontre text, p_graine text, p_attributions jsonb)` → `jsonb` */
  allocation_publier(args: FonctionsApi['allocation_publier']['arguments']): Promise<FonctionsApi['allocation_publier']['resultat']>;
  /** `api.annuaire_effacer()` → `jsonb` */
  annuaire_effacer(): Promise<FonctionsApi['annuaire_effacer']['resultat']>;
  /** `api.annuaire_exporter()` → `jsonb` */
  annuaire_exporter(): Promise<FonctionsApi['annuaire_exporter']['resultat']>;
  /** `api.annuaire_fiche(p_id uuid, p_champs text[] DEFAULT NULL::text[])` → `jsonb` */
  annuaire_fiche(args: FonctionsApi['annuaire_fiche']['arguments']): Promise<FonctionsApi['annuaire_fiche']['resultat']>;
  /** `api.annuaire_filtres()` → `jsonb` */
  annuaire_filtres(): Promise<FonctionsApi['annuaire_filtres']['resultat']>;
  /** `api.annuaire_liste_organisateurs(p_q text DEFAULT NULL::text, p_departement text DEFAULT NULL::text, p_bassin text DEFAULT NULL::text, p_uai text DEFAULT NULL::text, p_secteur text DEFAULT NULL::text, p_expertise text DEFAULT NULL::text, p_nouveaux boolean DEFAULT false, p_accompagne boolean DEFAULT false)` → `jsonb` */
  annuaire_liste_organisateurs(
    args?: FonctionsApi['annuaire_liste_organisateurs']['arguments'],
  ): Promise<FonctionsApi['annuaire_liste_organisateurs']['resultat']>;
  /** `api.annuaire_modifier(p_prenom text, p_nom text, p_fonction text, p_uai text, p_telephone text, p_secteurs text[], p_expertises text[], p_presentation text, p_langues text[], p_accompagne boolean, p_visibilites jsonb)` → `jsonb` */
  annuaire_modifier(args: FonctionsApi['annuaire_modifier']['arguments']): Promise<FonctionsApi['annuaire_modifier']['resultat']>;
  /** `api.annuaire_moi()` → `jsonb` */
  annuaire_moi(): Promise<FonctionsApi['annuaire_moi']['resultat']>;
  /** `api.annuaire_qui_contacter(p_themes text[], p_limite integer DEFAULT 6)` → `jsonb` */
  annuaire_qui_contacter(args: FonctionsApi['annuaire_qui_contacter']['arguments']): Promise<FonctionsApi['annuaire_qui_contacter']['resultat']>;
  /** `api.annuaire_rechercher(p_q text DEFAULT NULL::text, p_departement text DEFAULT NULL::text, p_bassin text DEFAULT NULL::text, p_uai text DEFAULT NULL::text, p_secteur text DEFAULT NULL::text, p_expertise text DEFAULT NULL::text, p_nouveaux boolean DEFAULT false, p_accompagne boolean DEFAULT false, p_limite integer DEFAULT 60, p_decalage integer DEFAULT 0)` → `jsonb` */
  annuaire_rechercher(args?: FonctionsApi['annuaire_rechercher']['arguments']): Promise<FonctionsApi['annuaire_rechercher']['resultat']>;
  /** `api.annuler(p_rencontre text, p_atelier text DEFAULT NULL::text)` → `jsonb` */
  annuler(args: FonctionsApi['annuler']['arguments']): Promise<FonctionsApi['annuler']['resultat']>;
  /** `api.calendrier_pfmp_abonnement_creer()` → `jsonb` */
  calendrier_pfmp_abonnement_creer(): Promise<FonctionsApi['calendrier_pfmp_abonnement_creer']['resultat']>;
  /** `api.calendrier_pfmp_abonnement_revoquer()` → `void` */
  calendrier_pfmp_abonnement_revoquer(): Promise<FonctionsApi['calendrier_pfmp_abonnement_revoquer']['resultat']>;
  /** `api.calendrier_pfmp_ics(p_jeton text)` → `jsonb` */
  calendrier_pfmp_ics(args: FonctionsApi['calendrier_pfmp_ics']['arguments']): Promise<FonctionsApi['calendrier_pfmp_ics']['resultat']>;
  /** `api.calendrier_pfmp_reseau(p_debut date, p_fin date, p_seuil integer, p_regroupement text DEFAULT 'departement'::text)` → `jsonb` */
  calendrier_pfmp_reseau(args: FonctionsApi['calendrier_pfmp_reseau']['arguments']): Promise<FonctionsApi['calendrier_pfmp_reseau']['resultat']>;
  /** `api.carnet_exporter()` → `jsonb` */
  carnet_exporter(): Promise<FonctionsApi['carnet_exporter']['resultat']>;
  /** `api.carnet_import_doublons(p_lignes jsonb)` → `jsonb` */
  carnet_import_doublons(args: FonctionsApi['carnet_import_doublons']['arguments']): Promise<FonctionsApi['carnet_import_doublons']['resultat']>;
  /** `api.carnet_importer(p_lignes jsonb)` → `jsonb` */
  carnet_importer(args: FonctionsApi['carnet_importer']['arguments']): Promise<FonctionsApi['carnet_importer']['resultat']>;
  /** `api.carnet_rechercher(p_texte text DEFAULT NULL::text, p_naf text DEFAULT NULL::text, p_departement text DEFAULT NULL::text, p_commune_insee text DEFAULT NULL::text, p_formation text DEFAULT NULL::text, p_debut date DEFAULT NULL::date, p_fin date DEFAULT NULL::date, p_places_libres boolean DEFAULT false, p_limite integer DEFAULT 50, p_decalage integer DEFAULT 0)` → `jsonb` */
  carnet_rechercher(args?: FonctionsApi['carnet_rechercher']['arguments']): Promise<FonctionsApi['carnet_rechercher']['resultat']>;
  /** `api.code_demander(p_adresse text, p_client text, p_navigateur text)` → `jsonb` */
  code_demander(args: FonctionsApi['code_demander']['arguments']): Promise<FonctionsApi['code_demander']['resultat']>;
  /** `api.code_reussir(p_adresse text)` → `void` */
  code_reussir(args: FonctionsApi['code_reussir']['arguments']): Promise<FonctionsApi['code_reussir']['resultat']>;
  /** `api.code_tenter(p_adresse text, p_client text, p_navigateur text)` → `jsonb` */
  code_tenter(args: FonctionsApi['code_tenter']['arguments']): Promise<FonctionsApi['code_tenter']['resultat']>;
  /** `api.connexions_purger()` → `integer` */
  connexions_purger(): Promise<FonctionsApi['connexions_purger']['resultat']>;
  /** `api.contact_ajouter(p_organisation uuid, p_nom text, p_fonction text, p_telephone text, p_email text)` → `uuid` */
  contact_ajouter(args: FonctionsApi['contact_ajouter']['arguments']): Promise<FonctionsApi['contact_ajouter']['resultat']>;
  /** `api.contact_opposition(p_contact uuid)` → `integer` */
  contact_opposition(args: FonctionsApi['contact_opposition']['arguments']): Promise<FonctionsApi['contact_opposition']['resultat']>;
  /** `api.contacts_purger()` → `integer` */
  contacts_purger(): Promise<FonctionsApi['contacts_purger']['resultat']>;
  /** `api.fiches_a_rappeler(p_limite integer DEFAULT 200)` → `jsonb` */
  fiches_a_rappeler(args?: FonctionsApi['fiches_a_rappeler']['arguments']): Promise<FonctionsApi['fiches_a_rappeler']['resultat']>;
  /** `api.formation_ajouter(p_code text, p_intitule text, p_niveau text, p_secteur text)` → `jsonb` */
  formation_ajouter(args: FonctionsApi['formation_ajouter']['arguments']): Promise<FonctionsApi['formation_ajouter']['resultat']>;
  /** `api.formations_importer(p_formations jsonb)` → `jsonb` */
  formations_importer(args: FonctionsApi['formations_importer']['arguments']): Promise<FonctionsApi['formations_importer']['resultat']>;
  /** `api.inscrire(p_rencontre text, p_ateliers text[], p_reponses jsonb DEFAULT '{}'::jsonb)` → `jsonb` */
  inscrire(args: FonctionsApi['inscrire']['arguments']): Promise<FonctionsApi['inscrire']['resultat']>;
  /** `api.membre_destinataire_code(p_email text)` → `boolean` */
  membre_destinataire_code(args: FonctionsApi['membre_destinataire_code']['arguments']): Promise<FonctionsApi['membre_destinataire_code']['resultat']>;
  /** `api.membre_provisionner(p_user_id uuid, p_email text, p_prenom text, p_nom text, p_role prive.role_membre DEFAULT 'membre'::prive.role_membre, p_uai text DEFAULT NULL::text, p_fonction text DEFAULT NULL::text)` → `jsonb` */
  membre_provisionner(args: FonctionsApi['membre_provisionner']['arguments']): Promise<FonctionsApi['membre_provisionner']['resultat']>;
  /** `api.membres_purger()` → `jsonb` */
  membres_purger(): Promise<FonctionsApi['membres_purger']['resultat']>;
  /** `api.mes_inscriptions()` → `jsonb` */
  mes_inscriptions(): Promise<FonctionsApi['mes_inscriptions']['resultat']>;
  /** `api.mes_voeux(p_rencontre text)` → `jsonb` */
  mes_voeux(args: FonctionsApi['mes_voeux']['arguments']): Promise<FonctionsApi['mes_voeux']['resultat']>;
  /** `api.moi()` → `jsonb` */
  moi(): Promise<FonctionsApi['moi']['resultat']>;
  /** `api.note_enregistrer(p_organisation uuid, p_texte text)` → `void` */
  note_enregistrer(args: FonctionsApi['note_enregistrer']['arguments']): Promise<FonctionsApi['note_enregistrer']['resultat']>;
  /** `api.offre_publier(p_organisation uuid, p_formation text, p_debut date, p_fin date, p_places integer, p_conditions text)` → `uuid` */
  offre_publier(args: FonctionsApi['offre_publier']['arguments']): Promise<FonctionsApi['offre_publier']['resultat']>;
  /** `api.offres_rechercher(p_naf text DEFAULT NULL::text, p_departement text DEFAULT NULL::text, p_commune_insee text DEFAULT NULL::text, p_formation text DEFAULT NULL::text, p_du date DEFAULT NULL::date, p_au date DEFAULT NULL::date, p_libres_seulement boolean DEFAULT true, p_limite integer DEFAULT 50, p_decalage integer DEFAULT 0)` → `jsonb` */
  offres_rechercher(args?: FonctionsApi['offres_rechercher']['arguments']): Promise<FonctionsApi['offres_rechercher']['resultat']>;
  /** `api.organisation_doublons(p_siret text, p_nom text, p_commune_insee text, p_exclure uuid DEFAULT NULL::uuid)` → `jsonb` */
  organisation_doublons(args: FonctionsApi['organisation_doublons']['arguments']): Promise<FonctionsApi['organisation_doublons']['resultat']>;
  /** `api.organisation_enregistrer(p_id uuid, p_siret text, p_nom text, p_code_naf text, p_commune_insee text, p_commune_nom text, p_departement text, p_adresse text, p_taille prive.taille_organisation, p_dernier_contact date, p_forcer boolean DEFAULT false)` → `jsonb` */
  organisation_enregistrer(args: FonctionsApi['organisation_enregistrer']['arguments']): Promise<FonctionsApi['organisation_enregistrer']['resultat']>;
  /** `api.organisation_lire(p_id uuid)` → `jsonb` */
  organisation_lire(args: FonctionsApi['organisation_lire']['arguments']): Promise<FonctionsApi['organisation_lire']['resultat']>;
  /** `api.organisations_fusionner(p_garder uuid, p_absorber uuid)` → `jsonb` */
  organisations_fusionner(args: FonctionsApi['organisations_fusionner']['arguments']): Promise<FonctionsApi['organisations_fusionner']['resultat']>;
  /** `api.organisations_rechercher(p_texte text DEFAULT NULL::text, p_naf text DEFAULT NULL::text, p_departement text DEFAULT NULL::text, p_commune_insee text DEFAULT NULL::text, p_formation text DEFAULT NULL::text)` → `jsonb` */
  organisations_rechercher(args?: FonctionsApi['organisations_rechercher']['arguments']): Promise<FonctionsApi['organisations_rechercher']['resultat']>;
  /** `api.partenariat_declarer(p_organisation uuid, p_formation text)` → `void` */
  partenariat_declarer(args: FonctionsApi['partenariat_declarer']['arguments']): Promise<FonctionsApi['partenariat_declarer']['resultat']>;
  /** `api.partenariat_retirer(p_organisation uuid, p_formation text)` → `void` */
  partenariat_retirer(args: FonctionsApi['partenariat_retirer']['arguments']): Promise<FonctionsApi['partenariat_retirer']['resultat']>;
  /** `api.periode_pfmp_publier(p_formation text, p_classe text, p_niveau text, p_debut date, p_fin date, p_eleves integer)` → `jsonb` */
  periode_pfmp_publier(args: FonctionsApi['periode_pfmp_publier']['arguments']): Promise<FonctionsApi['periode_pfmp_publier']['resultat']>;
  /** `api.periode_pfmp_retirer(p_id uuid)` → `void` */
  periode_pfmp_retirer(args: FonctionsApi['periode_pfmp_retirer']['arguments']): Promise<FonctionsApi['periode_pfmp_retirer']['resultat']>;
  /** `api.periodes_pfmp_importer(p_periodes jsonb)` → `jsonb` */
  periodes_pfmp_importer(args: FonctionsApi['periodes_pfmp_importer']['arguments']): Promise<FonctionsApi['periodes_pfmp_importer']['resultat']>;
  /** `api.periodes_pfmp_miennes()` → `jsonb` */
  periodes_pfmp_miennes(): Promise<FonctionsApi['periodes_pfmp_miennes']['resultat']>;
  /** `api.place_reserver(p_offre uuid, p_formation text, p_niveau text)` → `jsonb` */
  place_reserver(args: FonctionsApi['place_reserver']['arguments']): Promise<FonctionsApi['place_reserver']['resultat']>;
  /** `api.pointer(p_rencontre text, p_inscription uuid, p_present boolean DEFAULT true)` → `jsonb` */
  pointer(args: FonctionsApi['pointer']['arguments']): Promise<FonctionsApi['pointer']['resultat']>;
  /** `api.recherche_fermer(p_recherche uuid)` → `void` */
  recherche_fermer(args: FonctionsApi['recherche_fermer']['arguments']): Promise<FonctionsApi['recherche_fermer']['resultat']>;
  /** `api.recherche_publier(p_formation text, p_secteur text, p_niveau text, p_debut date, p_fin date, p_commune_insee text, p_commune_nom text, p_departement text, p_eleves integer, p_conditions text)` → `uuid` */
  recherche_publier(args: FonctionsApi['recherche_publier']['arguments']): Promise<FonctionsApi['recherche_publier']['resultat']>;
  /** `api.recherche_repondre(p_recherche uuid, p_organisation uuid, p_places integer)` → `jsonb` */
  recherche_repondre(args: FonctionsApi['recherche_repondre']['arguments']): Promise<FonctionsApi['recherche_repondre']['resultat']>;
  /** `api.recherches_miennes()` → `jsonb` */
  recherches_miennes(): Promise<FonctionsApi['recherches_miennes']['resultat']>;
  /** `api.recherches_rechercher(p_secteur text DEFAULT NULL::text, p_departement text DEFAULT NULL::text, p_commune_insee text DEFAULT NULL::text, p_formation text DEFAULT NULL::text, p_du date DEFAULT NULL::date, p_au date DEFAULT NULL::date, p_limite integer DEFAULT 50, p_decalage integer DEFAULT 0)` → `jsonb` */
  recherches_rechercher(args?: FonctionsApi['recherches_rechercher']['arguments']): Promise<FonctionsApi['recherches_rechercher']['resultat']>;
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
  /** `api.reponse_accepter(p_reponse uuid)` → `jsonb` */
  reponse_accepter(args: FonctionsApi['reponse_accepter']['arguments']): Promise<FonctionsApi['reponse_accepter']['resultat']>;
  /** `api.reservation_confirmer(p_reservation uuid)` → `jsonb` */
  reservation_confirmer(args: FonctionsApi['reservation_confirmer']['arguments']): Promise<FonctionsApi['reservation_confirmer']['resultat']>;
  /** `api.reservations_lister()` → `jsonb` */
  reservations_lister(): Promise<FonctionsApi['reservations_lister']['resultat']>;
  /** `api.resume_bourse_desinscrire(p_jeton uuid)` → `boolean` */
  resume_bourse_desinscrire(args: FonctionsApi['resume_bourse_desinscrire']['arguments']): Promise<FonctionsApi['resume_bourse_desinscrire']['resultat']>;
  /** `api.resume_bourse_lire()` → `jsonb` */
  resume_bourse_lire(): Promise<FonctionsApi['resume_bourse_lire']['resultat']>;
  /** `api.resume_bourse_marquer(p_membre uuid, p_jusqua timestamp with time zone)` → `void` */
  resume_bourse_marquer(args: FonctionsApi['resume_bourse_marquer']['arguments']): Promise<FonctionsApi['resume_bourse_marquer']['resultat']>;
  /** `api.resume_bourse_regler(p_inscrit boolean, p_departements text[] DEFAULT NULL::text[])` → `jsonb` */
  resume_bourse_regler(args: FonctionsApi['resume_bourse_regler']['arguments']): Promise<FonctionsApi['resume_bourse_regler']['resultat']>;
  /** `api.resumes_bourse_a_envoyer(p_limite integer DEFAULT 500)` → `jsonb` */
  resumes_bourse_a_envoyer(args?: FonctionsApi['resumes_bourse_a_envoyer']['arguments']): Promise<FonctionsApi['resumes_bourse_a_envoyer']['resultat']>;
  /** `api.retour_ajouter(p_organisation uuid, p_formation text, p_accueil smallint, p_encadrement smallint, p_activites smallint, p_securite smallint, p_reprendrait boolean)` → `void` */
  retour_ajouter(args: FonctionsApi['retour_ajouter']['arguments']): Promise<FonctionsApi['retour_ajouter']['resultat']>;
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
    admin_changer_role: (args) => appeler('admin_changer_role', args),
    admin_desactiver: (args) => appeler('admin_desactiver', args),
    admin_exiger: () => appeler('admin_exiger'),
    admin_journal: (args) => appeler('admin_journal', args),
    admin_journaliser_invitation: (args) => appeler('admin_journaliser_invitation', args),
    admin_membres: () => appeler('admin_membres'),
    admin_reactiver: (args) => appeler('admin_reactiver', args),
    allocation_donnees: (args) => appeler('allocation_donnees', args),
    allocation_publier: (args) => appeler('allocation_publier', args),
    annuaire_effacer: () => appeler('annuaire_effacer'),
    annuaire_exporter: () => appeler('annuaire_exporter'),
    annuaire_fiche: (args) => appeler('annuaire_fiche', args),
    annuaire_filtres: () => appeler('annuaire_filtres'),
    annuaire_liste_organisateurs: (args) => appeler('annuaire_liste_organisateurs', args),
    annuaire_modifier: (args) => appeler('annuaire_modifier', args),
    annuaire_moi: () => appeler('annuaire_moi'),
    annuaire_qui_contacter: (args) => appeler('annuaire_qui_contacter', args),
    annuaire_rechercher: (args) => appeler('annuaire_rechercher', args),
    annuler: (args) => appeler('annuler', args),
    calendrier_pfmp_abonnement_creer: () => appeler('calendrier_pfmp_abonnement_creer'),
    calendrier_pfmp_abonnement_revoquer: () => appeler('calendrier_pfmp_abonnement_revoquer'),
    calendrier_pfmp_ics: (args) => appeler('calendrier_pfmp_ics', args),
    calendrier_pfmp_reseau: (args) => appeler('calendrier_pfmp_reseau', args),
    carnet_exporter: () => appeler('carnet_exporter'),
    carnet_import_doublons: (args) => appeler('carnet_import_doublons', args),
    carnet_importer: (args) => appeler('carnet_importer', args),
    carnet_rechercher: (args) => appeler('carnet_rechercher', args),
    code_demander: (args) => appeler('code_demander', args),
    code_reussir: (args) => appeler('code_reussir', args),
    code_tenter: (args) => appeler('code_tenter', args),
    connexions_purger: () => appeler('connexions_purger'),
    contact_ajouter: (args) => appeler('contact_ajouter', args),
    contact_opposition: (args) => appeler('contact_opposition', args),
    contacts_purger: () => appeler('contacts_purger'),
    fiches_a_rappeler: (args) => appeler('fiches_a_rappeler', args),
    formation_ajouter: (args) => appeler('formation_ajouter', args),
    formations_importer: (args) => appeler('formations_importer', args),
    inscrire: (args) => appeler('inscrire', args),
    membre_destinataire_code: (args) => appeler('membre_destinataire_code', args),
    membre_provisionner: (args) => appeler('membre_provisionner', args),
    membres_purger: () => appeler('membres_purger'),
    mes_inscriptions: () => appeler('mes_inscriptions'),
    mes_voeux: (args) => appeler('mes_voeux', args),
    moi: () => appeler('moi'),
    note_enregistrer: (args) => appeler('note_enregistrer', args),
    offre_publier: (args) => appeler('offre_publier', args),
    offres_rechercher: (args) => appeler('offres_rechercher', args),
    organisation_doublons: (args) => appeler('organisation_doublons', args),
    organisation_enregistrer: (args) => appeler('organisation_enregistrer', args),
    organisation_lire: (args) => appeler('organisation_lire', args),
    organisations_fusionner: (args) => appeler('organisations_fusionner', args),
    organisations_rechercher: (args) => appeler('organisations_rechercher', args),
    partenariat_declarer: (args) => appeler('partenariat_declarer', args),
    partenariat_retirer: (args) => appeler('partenariat_retirer', args),
    periode_pfmp_publier: (args) => appeler('periode_pfmp_publier', args),
    periode_pfmp_retirer: (args) => appeler('periode_pfmp_retirer', args),
    periodes_pfmp_importer: (args) => appeler('periodes_pfmp_importer', args),
    periodes_pfmp_miennes: () => appeler('periodes_pfmp_miennes'),
    place_reserver: (args) => appeler('place_reserver', args),
    pointer: (args) => appeler('pointer', args),
    recherche_fermer: (args) => appeler('recherche_fermer', args),
    recherche_publier: (args) => appeler('recherche_publier', args),
    recherche_repondre: (args) => appeler('recherche_repondre', args),
    recherches_miennes: () => appeler('recherches_miennes'),
    recherches_rechercher: (args) => appeler('recherches_rechercher', args),
    rencontre_destinataires: (args) => appeler('rencontre_destinataires', args),
    rencontre_participants: (args) => appeler('rencontre_participants', args),
    rencontre_places: (args) => appeler('rencontre_places', args),
    rencontre_publier: (args) => appeler('rencontre_publier', args),
    rencontres_purger: () => appeler('rencontres_purger'),
    reponse_accepter: (args) => appeler('reponse_accepter', args),
    reservation_confirmer: (args) => appeler('reservation_confirmer', args),
    reservations_lister: () => appeler('reservations_lister'),
    resume_bourse_desinscrire: (args) => appeler('resume_bourse_desinscrire', args),
    resume_bourse_lire: () => appeler('resume_bourse_lire'),
    resume_bourse_marquer: (args) => appeler('resume_bourse_marquer', args),
    resume_bourse_regler: (args) => appeler('resume_bourse_regler', args),
    resumes_bourse_a_envoyer: (args) => appeler('resumes_bourse_a_envoyer', args),
    retour_ajouter: (args) => appeler('retour_ajouter', args),
    sante: () => appeler('sante'),
    voeux_enregistrer: (args) => appeler('voeux_enregistrer', args),
  };
}
