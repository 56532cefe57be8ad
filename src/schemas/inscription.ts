// Les réponses de l'API des rencontres (partagées par les fonctions et les îlots).

/** Statut d'un choix d'atelier. */
export type StatutChoix = 'confirmee' | 'en_attente' | 'annulee';

/** Un atelier choisi, avec sa position en liste d'attente. */
export interface ChoixAtelier {
  atelier: string;
  titre: string;
  salle: string | null;
  creneau: string;
  creneau_libelle: string;
  statut: StatutChoix;
  /** Position dans la liste d'attente (1 = le prochain promu) ; null si confirmé. */
  position: number | null;
}

/** Mon inscription à une rencontre. */
export interface InscriptionDetail {
  id: string;
  rencontre: string;
  titre: string;
  lieu: string | null;
  debut: string;
  fin: string;
  membre: { email: string; prenom: string; nom: string };
  annulee: boolean;
  present: boolean;
  reponses: { repas: boolean | null; regime: string | null; accessibilite: string | null };
  ateliers: ChoixAtelier[];
}

/** Une personne promue de la liste d'attente (à prévenir par courriel). */
export interface Promu {
  email: string;
  prenom: string;
  nom: string;
  atelier: string;
  titre: string;
  creneau: string;
  rencontre: string;
  rencontre_titre: string;
}

/** Résultat d'une inscription, d'une modification ou d'une annulation. */
export interface ResultatInscription {
  inscription: InscriptionDetail;
  promus: Promu[];
  /** Faux pour un double envoi (rien n'a changé). */
  modifiee?: boolean;
}

/** Places d'une rencontre, atelier par atelier (public). */
export interface PlacesRencontre {
  rencontre: string;
  ouverte: boolean;
  ateliers: { atelier: string; creneau: string; capacite: number; confirmees: number; en_attente: number; restantes: number }[];
}

/** Une personne dans la liste d'un atelier. */
export interface Participant {
  inscription: string;
  prenom: string;
  nom: string;
  email: string;
  etablissement?: string | null;
  present?: boolean;
}

/** La vue organisateur d'une rencontre. */
export interface Participants {
  rencontre: { slug: string; titre: string; debut: string; fin: string };
  ateliers: { atelier: string; titre: string; salle: string | null; creneau: string; capacite: number; confirmes: Participant[]; attente: Participant[] }[];
  inscrits: (Participant & {
    repas: boolean | null;
    regime: string | null;
    besoin_accessibilite: boolean;
    accessibilite: string | null;
    ateliers: { atelier: string; titre: string; creneau: string; statut: StatutChoix }[];
  })[];
}

/** Mes inscriptions actives (api.mes_inscriptions). */
export type MesInscriptions = InscriptionDetail[];

/** Résultat de api.rencontre_publier. */
export interface ResultatPublication {
  slug: string;
  ateliers: number;
  promus: number;
}

/** Résultat de api.pointer. */
export interface ResultatPointage {
  inscription: string;
  present: boolean;
}

/** Destinataires d'un message des organisateurs (api.rencontre_destinataires). */
export interface Destinataires {
  titre: string;
  destinataires: { email: string; prenom: string }[];
}

/** Bilan de la purge quotidienne (api.rencontres_purger). */
export interface BilanPurgeRencontres {
  reponses_effacees: number;
  inscriptions_supprimees: number;
}
