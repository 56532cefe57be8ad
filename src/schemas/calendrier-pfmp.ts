import { z } from 'zod';
import { NIVEAUX_PFMP, type NiveauPfmp } from '../lib/calendrier-pfmp.ts';

// Calendrier des PFMP : contrat de publication d'une période, et résultats des fonctions api.*pfmp*.

const DATE_ISO = /^\d{4}-\d{2}-\d{2}$/;
const dateIso = (libelle: string) =>
  z
    .string({ error: `Indiquez la date de ${libelle}.` })
    .regex(DATE_ISO, `La date de ${libelle} doit être au format AAAA-MM-JJ.`)
    .refine(
      (v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v),
      `La date de ${libelle} n’existe pas.`,
    );

/** Une période de PFMP à publier pour le lycée du membre connecté. */
export const publicationPeriodeSchema = z
  .object({
    /** Code de la formation (liste des formations du réseau). */
    formation: z.string({ error: 'Choisissez la formation.' }).trim().min(1, 'Choisissez la formation.').max(60, 'Formation inconnue.'),
    /** Nom de la classe dans le lycée (« 1CUI »), 40 caractères au plus. */
    classe: z.string({ error: 'Indiquez la classe.' }).trim().min(1, 'Indiquez la classe.').max(40, 'Le nom de la classe dépasse 40 caractères.'),
    /** Niveau de la classe. */
    niveau: z.enum(Object.keys(NIVEAUX_PFMP) as [NiveauPfmp], { error: 'Choisissez le niveau dans la liste.' }),
    /** Premier jour de la période (AAAA-MM-JJ). */
    debut: dateIso('début'),
    /** Dernier jour de la période (AAAA-MM-JJ), le même jour ou après le début. */
    fin: dateIso('fin'),
    /** Nombre d'élèves en PFMP, de 1 à 60. */
    eleves: z
      .number({ error: 'Indiquez le nombre d’élèves en chiffres.' })
      .int('Le nombre d’élèves est un nombre entier.')
      .min(1, 'Au moins un élève.')
      .max(60, 'Au plus 60 élèves par classe.'),
  })
  .refine((p) => p.fin >= p.debut, { path: ['fin'], message: 'La fin de la période est avant son début.' });
export type PublicationPeriode = z.infer<typeof publicationPeriodeSchema>;

/** Une période publiée (résultat de `api.periode_pfmp_publier`). */
export interface Periode {
  id: string;
  /** Lycée (UAI). */
  uai: string;
  formation: string;
  classe: string;
  niveau: NiveauPfmp;
  debut: string;
  fin: string;
  eleves: number;
}

/** Une formation que les lycées peuvent choisir, avec son secteur. */
export interface Formation {
  /** Code BCN (« code formation diplôme », 8 caractères) ; les données de démonstration ont des codes lisibles. */
  code: string;
  intitule: string;
  secteur: string;
  /** Niveau ou diplôme (« CAP », « BAC PRO »…), null s'il n'est pas connu. */
  niveau: string | null;
}

/** Corps de `POST /api/calendrier-pfmp/formations` : un administrateur ajoute une formation manquante. */
export const ajoutFormationSchema = z.object({
  /** Code BCN de la formation (« code formation diplôme ») : 8 chiffres ou lettres. */
  code: z
    .string({ error: 'Indiquez le code de la formation.' })
    .trim()
    .regex(/^[0-9A-Za-z]{8}$/, 'Le code est le code BCN « formation diplôme » : 8 chiffres ou lettres, par exemple 40022106.')
    .transform((c) => c.toUpperCase()),
  /** Intitulé affiché aux membres (« BAC PRO CUISINE »). */
  intitule: z
    .string({ error: 'Indiquez l’intitulé de la formation.' })
    .trim()
    .min(3, 'L’intitulé compte au moins 3 caractères.')
    .max(200, 'L’intitulé dépasse 200 caractères.'),
  /** Niveau ou diplôme (« CAP », « BAC PRO », « BTS »…). */
  niveau: z
    .string({ error: 'Indiquez le niveau ou le diplôme.' })
    .trim()
    .min(1, 'Indiquez le niveau ou le diplôme.')
    .max(60, 'Le niveau dépasse 60 caractères.'),
  /** Secteur, pour la vue du réseau (un secteur déjà utilisé de préférence). */
  secteur: z.string({ error: 'Indiquez le secteur.' }).trim().min(3, 'Le secteur compte au moins 3 caractères.').max(100, 'Le secteur dépasse 100 caractères.'),
});
export type AjoutFormation = z.infer<typeof ajoutFormationSchema>;

/** Résultat de `api.formations_importer(p_formations)` (clé secrète). */
export interface RapportImportFormations {
  ajoutees: number;
  modifiees: number;
  inchangees: number;
}

/** Résultat de `api.periodes_pfmp_miennes()` : les périodes du lycée du membre et les formations. */
export interface MesPeriodes {
  uai: string;
  periodes: Periode[];
  formations: Formation[];
  /** Adresse d'abonnement .ics active (sa date de création), ou null. */
  abonnement: { cree_le: string } | null;
  /** Vrai pour un administrateur : il peut ajouter une formation manquante. */
  peut_ajouter_formation: boolean;
}

/** Paramètres de la vue du réseau (`GET /api/calendrier-pfmp/reseau?debut=…&fin=…&seuil=…`). */
export const requeteReseauSchema = z
  .object({
    /** Premier jour affiché (AAAA-MM-JJ). */
    debut: dateIso('début'),
    /** Dernier jour affiché (AAAA-MM-JJ). */
    fin: dateIso('fin'),
    /** Élèves en PFMP la même semaine, dans un même secteur et un même département, à partir desquels le groupe est signalé. */
    seuil: z.coerce
      .number({ error: 'Le seuil est un nombre.' })
      .int('Le seuil est un nombre entier.')
      .min(1, 'Le seuil est d’au moins 1 élève.')
      .max(10000, 'Seuil trop grand.')
      .default(50),
    /** Regrouper les lycées par département (par défaut) ou par bassin de formation. */
    regroupement: z.enum(['departement', 'bassin'], { error: 'Regroupement : « departement » ou « bassin ».' }).default('departement'),
  })
  .refine((p) => p.fin >= p.debut, { path: ['fin'], message: 'La fin est avant le début.' });
export type RequeteReseau = z.infer<typeof requeteReseauSchema>;

/** Résultat de `api.calendrier_pfmp_reseau(p_debut, p_fin, p_seuil, p_regroupement)`. */
export interface VueReseau {
  debut: string;
  fin: string;
  seuil: number;
  /** Les lycées sont regroupés par département, ou par bassin de formation (dans son département). */
  regroupement: 'departement' | 'bassin';
  groupes: {
    /** Lundi de la semaine. */
    semaine: string;
    secteur: string;
    departement: string;
    /** Bassin de formation (« Bassin non renseigné » si le lycée n'en a pas) ; null quand le regroupement est par département. */
    bassin: string | null;
    eleves: number;
    lycees: number;
    /** Vrai à partir du seuil. */
    alerte: boolean;
    /** Les périodes qui contribuent au groupe signalé (null sous le seuil). */
    detail: { uai: string; nom: string; eleves: number }[] | null;
  }[];
}

/** Résultat de `api.periodes_pfmp_importer(p_periodes)` : tout est importé, ou rien et les refus par rang (1 = première période). */
export interface RapportImportBase {
  importees: number;
  erreurs: { rang: number; code: string }[];
}

/** Corps de `POST /api/calendrier-pfmp/import` : le contenu d'un fichier CSV. */
export const importCsvSchema = z.object({
  /** Texte du fichier CSV (séparateur « ; » ou « , »), en-tête formation;classe;niveau;debut;fin;eleves. */
  csv: z
    .string({ error: 'Joignez le contenu du fichier CSV.' })
    .min(1, 'Le fichier est vide.')
    .max(60_000, 'Le fichier dépasse 60 000 caractères : importez-le en plusieurs fois.'),
});
export type ImportCsv = z.infer<typeof importCsvSchema>;

/** Une ligne refusée du rapport d'import : son numéro dans le fichier et ce qui ne va pas. */
export interface LigneRefusee {
  ligne: number;
  messages: string[];
}

/** Résultat de `api.calendrier_pfmp_abonnement_creer()` : le jeton en clair, montré une seule fois. */
export interface AbonnementCree {
  jeton: string;
  cree_le: string;
}

/** Résultat de `api.calendrier_pfmp_ics(p_jeton)` : le lycée et ses périodes. */
export interface CalendrierIcs {
  uai: string;
  nom: string;
  periodes: { id: string; classe: string; formation: string; debut: string; fin: string; eleves: number }[];
}
/** `api.calendrier_pfmp_ics` rend null pour un jeton inconnu ou révoqué. */
export type CalendrierIcsOuRien = CalendrierIcs | null;
