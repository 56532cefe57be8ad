// Une seule erreur métier, un seul tableau code → statut HTTP.

export type ErrorCode =
  | 'REQUETE_INVALIDE'
  | 'JSON_INVALIDE'
  | 'TYPE_CONTENU'
  | 'TROP_VOLUMINEUX'
  | 'ORIGINE_REFUSEE'
  | 'METHODE_NON_AUTORISEE'
  | 'INTROUVABLE'
  | 'NON_CONNECTE'
  | 'SESSION_INVALIDE'
  | 'SESSION_EXPIREE'
  | 'NON_MEMBRE'
  | 'INTERDIT'
  | 'CODE_INVALIDE'
  | 'CODE_EPUISE'
  | 'LIAISON_ABSENTE'
  | 'VERROUILLE'
  | 'ETABLISSEMENT_INCONNU'
  | 'MEMBRE_INCONNU'
  | 'CHAMP_MASQUE'
  | 'DEJA_FAIT'
  | 'DERNIER_ADMIN'
  | 'DEJA_EXISTANT'
  | 'TROP_DE_DEMANDES'
  | 'SIRET_INVALIDE'
  | 'ORGANISATION_INCONNUE'
  | 'CONTACT_INCONNU'
  | 'SANS_ETABLISSEMENT'
  | 'PERIODE_PASSEE'
  | 'PERIODE_INVALIDE'
  | 'OFFRE_INCONNUE'
  | 'OFFRE_EXPIREE'
  | 'OFFRE_COMPLETE'
  | 'OFFRE_PROPRE'
  | 'RESERVATION_INCONNUE'
  | 'DEJA_CONFIRMEE'
  | 'RECHERCHE_INCONNUE'
  | 'RECHERCHE_PROPRE'
  | 'RECHERCHE_EXPIREE'
  | 'RECHERCHE_FERMEE'
  | 'DEJA_PROPOSEE'
  | 'REPONSE_INCONNUE'
  | 'DEJA_ACCEPTEE'
  | 'RESUME_SANS_DEPARTEMENT'
  | 'SERVICE_INDISPONIBLE'
  | 'FORMATION_INCONNUE'
  | 'DATES_INVERSEES'
  | 'CHEVAUCHEMENT_PERIODE'
  | 'PERIODE_TROP_LONGUE'
  | 'IMPORT_INVALIDE'
  | 'ERREUR_INTERNE'
  | 'RENCONTRE_INCONNUE'
  | 'ATELIER_INCONNU'
  | 'MEME_CRENEAU'
  | 'INSCRIPTIONS_FERMEES'
  | 'MODE_VOEUX'
  | 'NON_INSCRIT'
  | 'RENCONTRE_COMMENCEE'
  | 'ORGANISATEUR_REQUIS'
  | 'CAPACITE_INSUFFISANTE'
  | 'ATELIER_RETIRE'
  | 'MODE_PREMIER_ARRIVE'
  | 'ALLOCATION_PUBLIEE'
  | 'VOEUX_OUVERTS'
  | 'CRENEAU_INCONNU'
  | 'CRENEAU_EN_DOUBLE'
  | 'AUTRE_CRENEAU'
  | 'VOEU_EN_DOUBLE'
  | 'ALLOCATION_INCOHERENTE'
  | 'FUSION_IMPOSSIBLE'
  | 'FUSION_INTERDITE';

export const STATUTS = {
  REQUETE_INVALIDE: 400,
  JSON_INVALIDE: 400,
  TYPE_CONTENU: 415,
  TROP_VOLUMINEUX: 413,
  ORIGINE_REFUSEE: 403,
  METHODE_NON_AUTORISEE: 405,
  INTROUVABLE: 404,
  NON_CONNECTE: 401,
  SESSION_INVALIDE: 401,
  SESSION_EXPIREE: 401,
  NON_MEMBRE: 403,
  INTERDIT: 403,
  CODE_INVALIDE: 400,
  CODE_EPUISE: 400,
  LIAISON_ABSENTE: 400,
  VERROUILLE: 429,
  ETABLISSEMENT_INCONNU: 400,
  MEMBRE_INCONNU: 404,
  CHAMP_MASQUE: 403,
  DEJA_FAIT: 409,
  DERNIER_ADMIN: 409,
  DEJA_EXISTANT: 409,
  TROP_DE_DEMANDES: 429,
  SIRET_INVALIDE: 400,
  ORGANISATION_INCONNUE: 404,
  CONTACT_INCONNU: 404,
  SANS_ETABLISSEMENT: 403,
  PERIODE_PASSEE: 400,
  PERIODE_INVALIDE: 400,
  OFFRE_INCONNUE: 404,
  OFFRE_EXPIREE: 409,
  OFFRE_COMPLETE: 409,
  OFFRE_PROPRE: 409,
  RESERVATION_INCONNUE: 404,
  DEJA_CONFIRMEE: 409,
  RECHERCHE_INCONNUE: 404,
  RECHERCHE_PROPRE: 409,
  RECHERCHE_EXPIREE: 409,
  RECHERCHE_FERMEE: 409,
  DEJA_PROPOSEE: 409,
  REPONSE_INCONNUE: 404,
  DEJA_ACCEPTEE: 409,
  RESUME_SANS_DEPARTEMENT: 400,
  SERVICE_INDISPONIBLE: 503,
  FORMATION_INCONNUE: 400,
  DATES_INVERSEES: 400,
  CHEVAUCHEMENT_PERIODE: 409,
  PERIODE_TROP_LONGUE: 400,
  IMPORT_INVALIDE: 400,
  ERREUR_INTERNE: 500,
  RENCONTRE_INCONNUE: 404,
  ATELIER_INCONNU: 400,
  MEME_CRENEAU: 400,
  INSCRIPTIONS_FERMEES: 409,
  MODE_VOEUX: 409,
  NON_INSCRIT: 404,
  RENCONTRE_COMMENCEE: 409,
  ORGANISATEUR_REQUIS: 403,
  CAPACITE_INSUFFISANTE: 409,
  ATELIER_RETIRE: 409,
  MODE_PREMIER_ARRIVE: 409,
  ALLOCATION_PUBLIEE: 409,
  VOEUX_OUVERTS: 409,
  CRENEAU_INCONNU: 400,
  CRENEAU_EN_DOUBLE: 400,
  AUTRE_CRENEAU: 400,
  VOEU_EN_DOUBLE: 400,
  ALLOCATION_INCOHERENTE: 409,
  FUSION_IMPOSSIBLE: 409,
  FUSION_INTERDITE: 403,
} as const satisfies Record<ErrorCode, number>;

/** Message par défaut de chaque code, en français, pour une personne. */
export const MESSAGES = {
  REQUETE_INVALIDE: 'Certains champs sont absents ou mal remplis.',
  JSON_INVALIDE: 'Le corps de la requête n’est pas du JSON valide.',
  TYPE_CONTENU: 'La requête doit être envoyée en JSON (Content-Type: application/json).',
  TROP_VOLUMINEUX: 'La requête dépasse la taille autorisée (64 Ko).',
  ORIGINE_REFUSEE: 'Requête refusée : elle ne vient pas de ce site.',
  METHODE_NON_AUTORISEE: 'Cette adresse n’accepte pas cette méthode.',
  INTROUVABLE: 'Cette adresse n’existe pas.',
  NON_CONNECTE: 'Vous devez être connecté pour accéder à cette page.',
  SESSION_INVALIDE: 'Votre session n’est pas valide. Reconnectez-vous.',
  SESSION_EXPIREE: 'Votre session a expiré. Reconnectez-vous.',
  NON_MEMBRE: 'Ce compte n’est pas, ou plus, membre actif du réseau.',
  INTERDIT: 'Vous n’avez pas le droit de faire cette action.',
  CODE_INVALIDE: 'Ce code est incorrect ou a expiré.',
  CODE_EPUISE: 'Trop d’essais pour ce code. Demandez un nouveau code.',
  LIAISON_ABSENTE: 'Ce code a été demandé depuis un autre navigateur, ou il y a plus d’une heure. Demandez un nouveau code depuis celui-ci.',
  VERROUILLE: 'Trop d’essais infructueux pour cette adresse. Patientez avant de réessayer.',
  ETABLISSEMENT_INCONNU: 'Cet établissement (UAI) n’est pas dans la liste des établissements.',
  MEMBRE_INCONNU: 'Ce membre n’existe pas ou ne figure plus dans l’annuaire.',
  CHAMP_MASQUE: 'Ce membre ne partage pas cette information avec vous.',
  DEJA_FAIT: 'C’est déjà le cas : rien n’a changé.',
  DERNIER_ADMIN: 'Le réseau doit garder au moins un administrateur actif : nommez-en un autre d’abord.',
  DEJA_EXISTANT: 'Cet élément existe déjà.',
  TROP_DE_DEMANDES: 'Trop de demandes rapprochées. Patientez un peu avant de réessayer.',
  SIRET_INVALIDE: 'Ce SIRET n’est pas valide : sa clé de contrôle ne correspond pas.',
  ORGANISATION_INCONNUE: 'Cette organisation n’est pas (ou plus) dans le carnet.',
  CONTACT_INCONNU: 'Ce contact n’est pas (ou plus) dans le carnet.',
  PERIODE_PASSEE: 'La période doit commencer après aujourd’hui.',
  PERIODE_INVALIDE: 'La fin de la période doit suivre son début.',
  OFFRE_INCONNUE: 'Cette offre de places n’existe pas (ou plus).',
  OFFRE_EXPIREE: 'Cette offre a expiré : la période a déjà commencé.',
  OFFRE_COMPLETE: 'Toutes les places de cette offre sont déjà réservées.',
  OFFRE_PROPRE: 'Vous ne pouvez pas réserver une place de votre propre offre.',
  RESERVATION_INCONNUE: 'Cette réservation n’existe pas, ou ne vous concerne pas.',
  DEJA_CONFIRMEE: 'Ce passage de relais est déjà confirmé.',
  RECHERCHE_INCONNUE: 'Cette recherche de places n’existe pas (ou plus).',
  RECHERCHE_PROPRE: 'Vous ne pouvez pas répondre à votre propre recherche.',
  RECHERCHE_EXPIREE: 'Cette recherche a expiré : la période a déjà commencé.',
  RECHERCHE_FERMEE: 'Cette recherche est fermée : elle est satisfaite ou a été retirée.',
  DEJA_PROPOSEE: 'Vous avez déjà proposé cette organisation pour cette recherche.',
  REPONSE_INCONNUE: 'Cette réponse n’existe pas, ou ne vous concerne pas.',
  DEJA_ACCEPTEE: 'Cette réponse est déjà acceptée.',
  RESUME_SANS_DEPARTEMENT: 'Votre fiche n’indique pas de lycée : choisissez au moins un département pour le résumé.',
  SERVICE_INDISPONIBLE: 'Le service est momentanément indisponible. Réessayez dans quelques instants.',
  FORMATION_INCONNUE: 'Cette formation n’est pas dans la liste des formations du réseau.',
  DATES_INVERSEES: 'La fin de la période est avant son début.',
  CHEVAUCHEMENT_PERIODE: 'Cette classe a déjà une période de PFMP qui chevauche ces dates.',
  SANS_ETABLISSEMENT: 'Votre fiche de membre n’indique pas de lycée : demandez à l’administrateur du réseau de l’ajouter.',
  PERIODE_TROP_LONGUE: 'La vue du réseau couvre trois ans au plus.',
  IMPORT_INVALIDE: 'Le fichier n’a pas été importé : corrigez les lignes signalées puis importez-le de nouveau. Rien n’a été enregistré.',
  ERREUR_INTERNE: 'Une erreur inattendue est survenue. L’équipe a été prévenue ; réessayez plus tard.',
  RENCONTRE_INCONNUE: 'Cette rencontre n’existe pas, ou n’est pas publiée.',
  ATELIER_INCONNU: 'Cet atelier n’existe pas dans cette rencontre.',
  MEME_CRENEAU: 'Vous avez choisi deux ateliers du même créneau : un seul atelier par créneau.',
  INSCRIPTIONS_FERMEES: 'Les inscriptions à cette rencontre ne sont pas ouvertes, ou sont closes. Vous pouvez toujours annuler.',
  MODE_VOEUX: 'Cette rencontre attribue les places par vœux classés : classez les ateliers de chaque créneau au lieu de vous inscrire directement.',
  NON_INSCRIT: 'Vous n’êtes pas inscrit à cette rencontre, ou à cet atelier.',
  RENCONTRE_COMMENCEE: 'La rencontre a commencé : l’inscription ne se modifie plus en ligne. Prévenez l’organisateur.',
  ORGANISATEUR_REQUIS: 'Cette action est réservée aux organisateurs des rencontres.',
  CAPACITE_INSUFFISANTE: 'La capacité demandée est inférieure aux places déjà confirmées.',
  ATELIER_RETIRE: 'Cet atelier a des inscrits : il ne peut pas être retiré du programme.',
  MODE_PREMIER_ARRIVE: 'Cette rencontre attribue les places dans l’ordre des inscriptions : elle ne prend pas de vœux classés.',
  ALLOCATION_PUBLIEE: 'L’attribution des places de cette rencontre est déjà publiée : elle ne se refait pas et les vœux ne se modifient plus.',
  VOEUX_OUVERTS: 'Les vœux ne sont pas encore clos : l’attribution se lance après la date de fermeture.',
  CRENEAU_INCONNU: 'Ce créneau n’existe pas dans cette rencontre.',
  CRENEAU_EN_DOUBLE: 'Un créneau ne peut être classé qu’une fois.',
  AUTRE_CRENEAU: 'Cet atelier n’appartient pas au créneau classé : classez chaque atelier dans son créneau.',
  VOEU_EN_DOUBLE: 'Un atelier ne peut être classé qu’une fois (deux rangs pour le même atelier).',
  ALLOCATION_INCOHERENTE: 'Cette attribution ne découle pas des vœux enregistrés et de la graine : rien n’a été publié. Relancez l’aperçu.',
  FUSION_IMPOSSIBLE: 'Ces deux fiches ne peuvent pas être fusionnées.',
  FUSION_INTERDITE:
    'Seuls les membres concernés fusionnent deux fiches : votre lycée doit travailler avec l’une d’elles (formation, retour, notes, offre ou période), ou vous devez l’avoir créée. Sinon, demandez à un administrateur.',
} as const satisfies Record<ErrorCode, string>;

/** Erreur prévue, renvoyée telle quelle au client avec son statut. */
export class DomainError extends Error {
  readonly statut: number;
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;
  constructor(code: ErrorCode, message: string = MESSAGES[code], details?: Record<string, unknown>) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.statut = STATUTS[code];
    this.details = details;
  }
}

export const estCodeErreur = (c: unknown): c is ErrorCode => typeof c === 'string' && c in STATUTS;
