// Vœux classés : corps des demandes (zod, messages en français) et forme des réponses de la base.
import { z } from 'zod';

const code = (champ: string) =>
  z
    .string({ error: `${champ} : identifiant obligatoire.` })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, `${champ} : lettres minuscules sans accent, chiffres et tirets seulement.`)
    .max(60, `${champ} : 60 caractères au plus.`);

/** Corps de `POST /api/rencontres/:slug/voeux` : tous mes vœux (remplacent les précédents). */
export const demandeVoeuxSchema = z
  .object({
    /** Un classement par créneau ; un créneau absent : aucun vœu pour ce créneau. */
    voeux: z
      .array(
        z
          .object({
            /** Le créneau classé. */
            creneau: code('creneau'),
            /** Les ateliers du créneau, du préféré (rang 1) au moins voulu. */
            ateliers: z
              .array(code('atelier'), { error: 'Classez au moins un atelier.' })
              .min(1, 'Classez au moins un atelier par créneau.')
              .max(30, 'Trop d’ateliers classés.')
              .refine((a) => new Set(a).size === a.length, 'Un atelier ne peut être classé qu’une fois (deux rangs pour le même atelier).'),
          })
          .strict(),
        { error: 'Indiquez vos vœux, créneau par créneau.' },
      )
      .max(20, 'Trop de créneaux.')
      .refine((v) => new Set(v.map((x) => x.creneau)).size === v.length, 'Un créneau ne peut être classé qu’une fois.'),
  })
  .strict();
export type DemandeVoeux = z.infer<typeof demandeVoeuxSchema>;

/** Corps de `POST /api/rencontres/:slug/allocation/apercu` et `/publier` : la graine publiée. */
export const demandeAllocationSchema = z
  .object({
    /** La graine du tirage, annoncée à l'avance (ex. le résultat d'un tirage public) : 4 à 200 caractères. */
    graine: z
      .string({ error: 'Indiquez la graine du tirage.' })
      .trim()
      .min(4, 'La graine tient en 4 caractères au moins.')
      .max(200, 'La graine tient en 200 caractères au plus.'),
  })
  .strict();
export type DemandeAllocation = z.infer<typeof demandeAllocationSchema>;

/** Mes vœux et ce que j'ai obtenu (api.voeux_enregistrer, api.mes_voeux). */
export interface MesVoeux {
  rencontre: string;
  /** La graine publiée, ou null avant la publication. */
  graine: string | null;
  publiee_le: string | null;
  creneaux: {
    creneau: string;
    voeux: string[];
    /** Null avant la publication. */
    attribution: { priorite: number; atelier: string | null; rang: number | null; complets: string[] } | null;
  }[];
}

/** Ce que lisent les organisateurs pour calculer l'attribution (api.allocation_donnees). */
export interface DonneesAllocation {
  rencontre: string;
  publiee: { graine: string; publiee_le: string } | null;
  ateliers: { code: string; creneau: string; capacite: number; titre: string }[];
  membres: { membre: string; prenom: string; nom: string }[];
  voeux: { membre: string; creneau: string; ateliers: string[] }[];
}

/** Résultat de api.allocation_publier. */
export interface ResultatPublicationAllocation {
  rencontre: string;
  graine: string;
  confirmees: number;
  en_attente: number;
}
