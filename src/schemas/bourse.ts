import { z } from 'zod';
import { codeCommuneSchema, pageDeResultats } from './carnet.ts';

// Bourse aux places : contrats des routes et formes des résultats. Aucune donnée personnelle d'élève :
// une réservation ne porte que la formation et le niveau.

export const NIVEAUX = ['CAP 1re année', 'CAP 2e année', 'Seconde', 'Première', 'Terminale', 'BTS'] as const;

const optionnel = <T extends z.ZodType>(s: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), s.nullable().optional());
const formation = z
  .string({ error: 'Indiquez la formation.' })
  .trim()
  .min(2, 'Indiquez la formation (2 caractères au moins).')
  .max(120, 'La formation : 120 caractères au plus.');

/** Corps de `POST /api/bourse/offres`. */
export const offreEntreeSchema = z
  .object({
    /** L'organisation du carnet qui offre les places. */
    organisation_id: z.uuid({ error: 'Choisissez une organisation du carnet.' }),
    /** Formation ou spécialité visée. */
    formation,
    /** Premier jour de la période (AAAA-MM-JJ) ; l'offre expire ce jour-là. */
    debut: z.iso.date({ error: 'La date de début doit être une date (AAAA-MM-JJ).' }),
    /** Dernier jour de la période. */
    fin: z.iso.date({ error: 'La date de fin doit être une date (AAAA-MM-JJ).' }),
    /** Nombre de places (1 à 50). */
    places: z
      .number({ error: 'Indiquez un nombre de places.' })
      .int('Le nombre de places est un entier.')
      .min(1, 'Au moins une place.')
      .max(50, 'Au plus 50 places par offre.'),
    /** Conditions (âge minimum, permis…), 500 caractères au plus. */
    conditions: optionnel(z.string().trim().max(500, 'Les conditions : 500 caractères au plus.')),
  })
  .refine((o) => o.fin >= o.debut, { message: 'La fin de la période doit suivre son début.', path: ['fin'] });

/** Corps de `POST /api/bourse/offres/:id/reservations` : la formation et le niveau de l'élève, rien d'autre. */
export const reservationEntreeSchema = z.object({
  formation,
  niveau: z.enum(NIVEAUX, { error: 'Choisissez le niveau de l’élève dans la liste.' }),
});

/** Paramètres de `GET /api/bourse/offres`. */
export const rechercheOffresSchema = z.object({
  naf: optionnel(
    z
      .string()
      .trim()
      .regex(/^[0-9]{2}(\.[0-9]{0,2}[A-Z]?)?$/, 'Le secteur est un début de code NAF (exemple : 47 ou 47.11).'),
  ),
  departement: optionnel(
    z
      .string()
      .trim()
      .regex(/^[0-9]{2}[0-9AB]?$/, 'Le département est un numéro (exemple : 34).'),
  ),
  commune: optionnel(codeCommuneSchema),
  formation: optionnel(z.string().trim().max(120)),
});

export interface OffrePlaces {
  id: string;
  organisation_id: string;
  organisation: string;
  code_naf: string;
  commune: string;
  departement: string;
  formation: string;
  debut: string;
  fin: string;
  places: number;
  libres: number;
  conditions: string | null;
  lycee: string | null;
  /** Vrai si l'appelant a publié l'offre. */
  de_moi: boolean;
}
/** Réponse de `POST /api/bourse/recherche` : une page d'offres, le nombre d'offres trouvées et leur nombre par département. */
export interface ResultatOffres {
  /** Offres trouvées avec tous les filtres (la page n'en montre que `limite`). */
  total: number;
  /** Offres trouvées par département avec tous les filtres sauf le lieu (département, commune) : la carte. */
  par_departement: Record<string, number>;
  /** La page demandée, par date de début puis organisation. */
  offres: OffrePlaces[];
}

interface Personne {
  email: string;
  prenom: string;
  nom: string;
}
export interface ResultatReservation {
  reservation: string;
  organisation: string;
  debut: string;
  fin: string;
  emetteur: Personne;
  reservant: Personne & { lycee: string | null };
}
export interface Reservation {
  id: string;
  organisation: string;
  formation: string;
  niveau: string;
  debut: string;
  fin: string;
  statut: 'reservee' | 'confirmee';
  lycee: string | null;
  a_confirmer: boolean;
  sens: 'recue' | 'faite';
}
export type ListeReservations = Reservation[];
export interface ResultatConfirmation {
  organisation_id: string;
  organisation: string;
  debut: string;
  fin: string;
  reservant: Personne;
}

// ——— Filtres de la bourse (dans l'adresse de la page : lien partageable) ———

const dateFiltre = (libelle: string) => optionnel(z.iso.date({ error: `${libelle} doit être une date (AAAA-MM-JJ).` }));

/** Filtres communs aux offres et aux recherches : secteur, formation, commune ou département, période. */
const filtresCommuns = {
  /** Secteur : début de code NAF (47, 47.11…). */
  naf: rechercheOffresSchema.shape.naf,
  /** Département (11, 30, 34…). */
  departement: rechercheOffresSchema.shape.departement,
  /** Code INSEE de la commune. */
  commune: rechercheOffresSchema.shape.commune,
  /** Une partie du nom de la formation. */
  formation: rechercheOffresSchema.shape.formation,
  /** Période : les offres ou recherches qui recoupent [du, au]. */
  du: dateFiltre('« Du »'),
  au: dateFiltre('« Au »'),
};

/** Corps de `POST /api/bourse/recherche` : les filtres des offres. */
export const filtresOffresSchema = z
  .object({
    ...filtresCommuns,
    /** Vrai par défaut : seulement les offres qui ont encore une place libre. */
    libres: z.boolean({ error: '« Places libres seulement » est vrai ou faux.' }).default(true),
    /** La page voulue : 50 offres par défaut, 200 au plus. */
    ...pageDeResultats('offres'),
  })
  .refine((f) => !f.du || !f.au || f.au >= f.du, { message: 'La fin de la période cherchée doit suivre son début.', path: ['au'] });

/** Corps de `POST /api/bourse/recherches/filtre` : les filtres des recherches, et la page voulue. */
export const filtresRecherchesSchema = z
  .object({ ...filtresCommuns, ...pageDeResultats('recherches') })
  .refine((f) => !f.du || !f.au || f.au >= f.du, { message: 'La fin de la période cherchée doit suivre son début.', path: ['au'] });

// ——— Recherches de places (sens inverse) ———

const nombreEleves = z
  .number({ error: 'Indiquez un nombre d’élèves.' })
  .int('Le nombre d’élèves est un entier.')
  .min(1, 'Au moins un élève.')
  .max(50, 'Au plus 50 élèves.');

/** Corps de `POST /api/bourse/recherches` : ce que cherche un lycée, sans aucune donnée d'élève. */
export const rechercheEntreeSchema = z
  .object({
    /** Formation des élèves à placer. */
    formation,
    /** Secteur souhaité : division NAF (2 chiffres), facultatif. */
    secteur: optionnel(
      z
        .string()
        .trim()
        .regex(/^[0-9]{2}$/, 'Le secteur est une division NAF à 2 chiffres (exemple : 47).'),
    ),
    /** Niveau des élèves. */
    niveau: z.enum(NIVEAUX, { error: 'Choisissez le niveau des élèves dans la liste.' }),
    /** Premier jour de la période ; la recherche expire ce jour-là. */
    debut: z.iso.date({ error: 'La date de début doit être une date (AAAA-MM-JJ).' }),
    /** Dernier jour de la période. */
    fin: z.iso.date({ error: 'La date de fin doit être une date (AAAA-MM-JJ).' }),
    /** Commune autour de laquelle chercher (code INSEE). */
    commune: codeCommuneSchema,
    /** Nombre d'élèves à placer (1 à 50). */
    eleves: nombreEleves,
    /** Contraintes (âge, permis…), 500 caractères au plus. */
    conditions: optionnel(z.string().trim().max(500, 'Les contraintes : 500 caractères au plus.')),
  })
  .refine((o) => o.fin >= o.debut, { message: 'La fin de la période doit suivre son début.', path: ['fin'] });

/** Corps de `POST /api/bourse/recherches/:id/reponses` : une organisation DU CARNET et le nombre d'élèves qu'elle accueille. */
export const reponseEntreeSchema = z.object({
  organisation_id: z.uuid({ error: 'Choisissez une organisation du carnet.' }),
  places: nombreEleves,
});

/** Corps de `PUT /api/bourse/resume` : inscription au résumé hebdomadaire et départements suivis. */
export const reglageResumeSchema = z.object({
  inscrit: z.boolean({ error: 'Indiquez si vous voulez recevoir le résumé.' }),
  /** Vide : le département de mon lycée. */
  departements: z
    .array(z.string().regex(/^[0-9]{2}[0-9AB]?$/, 'Un département est un numéro (exemple : 34).'), { error: 'Les départements sont une liste.' })
    .max(10, 'Dix départements au plus.')
    .default([]),
});

/** Adresse de `POST /api/bourse/resume/desinscription?jeton=…` : le jeton écrit dans chaque résumé. */
export const desinscriptionResumeSchema = z.object({
  jeton: z.uuid({ error: 'Ce lien de désinscription est incomplet ou altéré : ouvrez-le tel qu’il figure dans le courriel.' }),
});

/** Réponse de la désinscription : faux si le lien ne correspond plus à aucune inscription (déjà désinscrit). */
export interface Desinscription {
  desinscrit: boolean;
}

export interface RecherchePlaces {
  id: string;
  formation: string;
  secteur: string | null;
  niveau: string;
  debut: string;
  fin: string;
  commune: string;
  departement: string;
  eleves: number;
  /** Élèves encore à placer. */
  restants: number;
  conditions: string | null;
  lycee: string | null;
  de_moi: boolean;
  /** Nombre de réponses que j'y ai faites. */
  mes_reponses: number;
}
/** Réponse de `POST /api/bourse/recherches/filtre` : une page de recherches ouvertes et leur nombre total. */
export interface ResultatRecherches {
  total: number;
  /** La page demandée, par date de début puis de publication. */
  recherches: RecherchePlaces[];
}

export interface ResultatReponse {
  reponse: string;
  organisation: string;
  commune: string;
  formation: string;
  debut: string;
  fin: string;
  places: number;
  demandeur: Personne;
  repondant: Personne & { lycee: string | null };
}

export interface ReponseRecue {
  id: string;
  organisation_id: string;
  organisation: string;
  commune: string;
  code_naf: string;
  places: number;
  statut: 'proposee' | 'acceptee';
  places_acceptees: number | null;
  repondant: string;
  lycee: string | null;
}
export interface MaRecherche {
  id: string;
  formation: string;
  niveau: string;
  debut: string;
  fin: string;
  commune: string;
  departement: string;
  eleves: number;
  restants: number;
  statut: 'ouverte' | 'satisfaite' | 'fermee' | 'expiree';
  reponses: ReponseRecue[];
}
export interface MaReponse {
  id: string;
  organisation: string;
  formation: string;
  niveau: string;
  debut: string;
  fin: string;
  places: number;
  statut: 'proposee' | 'acceptee';
  places_acceptees: number | null;
  lycee: string | null;
}
export interface MesRecherches {
  recherches: MaRecherche[];
  reponses: MaReponse[];
}

export interface ResultatAcceptation {
  organisation_id: string;
  organisation: string;
  formation: string;
  debut: string;
  fin: string;
  eleves: number;
  satisfaite: boolean;
  repondant: Personne;
  demandeur: Personne & { lycee: string | null };
}

export interface ReglageResume {
  inscrit: boolean;
  /** null : le département du lycée. */
  departements: string[] | null;
  departement_lycee: string | null;
  dernier_envoi: string | null;
}

export interface OffreResumee {
  organisation: string;
  commune: string;
  departement: string;
  formation: string;
  debut: string;
  fin: string;
  libres: number;
  conditions: string | null;
}
export type ResumesAEnvoyer = {
  membre_id: string;
  email: string;
  prenom: string;
  jusqua: string;
  offres: OffreResumee[];
  /** Jeton de désinscription en un clic (lien du courriel, en-tête List-Unsubscribe). */
  jeton: string;
}[];
