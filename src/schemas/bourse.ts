import { z } from 'zod';
import { codeCommuneSchema } from './carnet.ts';

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
export type ListeOffres = OffrePlaces[];

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
