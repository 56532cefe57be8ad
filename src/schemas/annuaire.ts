// Contrats de l'annuaire des membres : la fiche qu'un membre modifie, la recherche, les réponses.
import { z } from 'zod';
import { roleSchema } from './membre.ts';
import { THEMES, type Theme } from './themes.ts';

import { CHAMPS_MASQUABLES, VISIBILITES, type ChampMasquable, type Visibilite } from './annuaire-libelles.ts';
export { CHAMPS_MASQUABLES, VISIBILITES, type ChampMasquable, type Visibilite };
export const visibiliteSchema = z.enum(['reseau', 'organisateurs', 'moi'], { error: 'Visibilité inconnue : reseau, organisateurs ou moi.' });

const champsMasquables = Object.keys(CHAMPS_MASQUABLES) as [ChampMasquable, ...ChampMasquable[]];
export const champMasquableSchema = z.enum(champsMasquables, { error: `Champ inconnu. Champs possibles : ${champsMasquables.join(', ')}.` });

const themes = Object.keys(THEMES) as [Theme, ...Theme[]];
/** Une expertise : un thème des guides. */
export const expertiseSchema = z.enum(themes, { error: `Expertise inconnue. Expertises possibles : ${themes.join(', ')}.` });

const texte = (libelle: string, max: number) =>
  z
    .string({ error: `${libelle} : texte attendu.` })
    .trim()
    .min(1, `${libelle} : ne laissez pas d’élément vide.`)
    .max(max, `${libelle} : ${max} caractères au plus par élément.`);

/** Corps de `PUT /api/annuaire/moi` : toute la fiche, chaque champ avec sa visibilité. */
export const modificationFicheSchema = z.object({
  /** Prénom, toujours visible du réseau. */
  prenom: z.string({ error: 'Indiquez votre prénom.' }).trim().min(1, 'Indiquez votre prénom.').max(80, 'Prénom trop long (80 caractères au plus).'),
  /** Nom, toujours visible du réseau. */
  nom: z.string({ error: 'Indiquez votre nom.' }).trim().min(1, 'Indiquez votre nom.').max(80, 'Nom trop long (80 caractères au plus).'),
  /** Fonction occupée, toujours visible du réseau. */
  fonction: z
    .string({ error: 'Indiquez votre fonction.' })
    .trim()
    .min(1, 'Indiquez votre fonction.')
    .max(120, 'Fonction trop longue (120 caractères au plus).'),
  /** UAI du lycée, choisi dans la liste des établissements ; null : aucun. */
  uai: z
    .string({ error: 'Choisissez un lycée dans la liste.' })
    .regex(/^[0-9]{7}[A-Z]$/, 'UAI invalide : 7 chiffres et une lettre majuscule.')
    .nullable(),
  /** Téléphone professionnel ; null ou vide : aucun. */
  telephone: z
    .string({ error: 'Téléphone : texte attendu.' })
    .trim()
    .regex(/^$|^[0-9 +().-]{6,20}$/, 'Téléphone invalide : 6 à 20 chiffres, espaces, +, points, tirets ou parenthèses.')
    .nullable()
    .transform((t) => (t ? t : null)),
  /** Secteurs ou formations du lycée (« Commerce », « Maintenance des véhicules »), 15 au plus. */
  secteurs: z.array(texte('Secteurs', 80), { error: 'Secteurs : liste attendue.' }).max(15, 'Secteurs : 15 au plus.').default([]),
  /** Expertises, parmi les thèmes des guides. */
  expertises: z
    .array(expertiseSchema, { error: 'Expertises : liste attendue.' })
    .refine((l) => new Set(l).size === l.length, 'Expertises : chaque thème une seule fois.')
    .default([]),
  /** Courte présentation, 600 caractères au plus ; null ou vide : aucune. */
  presentation: z
    .string({ error: 'Présentation : texte attendu.' })
    .trim()
    .max(600, 'Présentation trop longue (600 caractères au plus).')
    .nullable()
    .transform((t) => (t ? t : null)),
  /** Langues parlées (en plus du français), 10 au plus. */
  langues: z.array(texte('Langues', 40), { error: 'Langues : liste attendue.' }).max(10, 'Langues : 10 au plus.').default([]),
  /** « Je peux accompagner un nouveau collègue. » */
  accompagne: z.boolean({ error: 'Accompagnement : oui ou non attendu.' }).default(false),
  /** Visibilité de chaque champ masquable ; un champ absent est visible du réseau. */
  visibilites: z
    .partialRecord(champMasquableSchema, visibiliteSchema, {
      error: (i) =>
        i.code === 'invalid_type'
          ? 'Visibilités : objet { champ: visibilité } attendu.'
          : (i.code as string) === 'unrecognized_keys'
            ? `Champ inconnu. Champs possibles : ${champsMasquables.join(', ')}.`
            : undefined,
    })
    .default({}),
});
export type ModificationFiche = z.output<typeof modificationFicheSchema>;
export type ModificationFicheEntree = z.input<typeof modificationFicheSchema>;

const oui = z
  .enum(['1', 'true', 'oui', '0', 'false', 'non', ''], { error: 'Attendu : 1 ou 0.' })
  .optional()
  .transform((v) => v === '1' || v === 'true' || v === 'oui');
const optionnel = (s: z.ZodString) => s.optional().transform((v) => (v ? v : undefined));

/** Paramètres de `GET /api/annuaire` (l'adresse de la page /annuaire/ porte les mêmes). */
export const rechercheAnnuaireSchema = z.object({
  /** Nom ou prénom cherché (accents et majuscules indifférents). */
  q: optionnel(z.string().trim().max(100, 'Recherche trop longue (100 caractères au plus).')),
  /** Numéro du département. */
  departement: optionnel(z.string().regex(/^$|^[0-9]{2}[0-9AB]?$/, 'Département invalide (exemple : 34).')),
  /** Nom du bassin. */
  bassin: optionnel(z.string().max(100, 'Bassin trop long.')),
  /** UAI du lycée. */
  uai: optionnel(z.string().regex(/^$|^[0-9]{7}[A-Z]$/, 'UAI invalide : 7 chiffres et une lettre majuscule.')),
  /** Secteur (texte partiel). */
  secteur: optionnel(z.string().trim().max(80, 'Secteur trop long.')),
  /** Expertise (thème des guides). */
  expertise: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(expertiseSchema.optional()),
  /** Seulement les arrivées des 60 derniers jours. */
  nouveaux: oui,
  /** Seulement ceux qui proposent d'accompagner un nouveau collègue. */
  accompagne: oui,
  /** Page de résultats, à partir de 1. */
  page: z.coerce
    .number({ error: 'Page : nombre attendu.' })
    .int('Page : nombre entier attendu.')
    .min(1, 'Page : 1 au moins.')
    .max(1000, 'Page : 1000 au plus.')
    .default(1),
});
export type RechercheAnnuaire = z.output<typeof rechercheAnnuaireSchema>;

/** Nombre de fiches par page de résultats. */
export const FICHES_PAR_PAGE = 60;

/** Paramètres de `GET /api/annuaire/membres/:id`. */
export const lectureFicheSchema = z.object({
  /** Champs demandés explicitement (« telephone,email ») : refus si l'un est masqué pour l'appelant. */
  champs: z
    .string()
    .optional()
    .transform((s) => (s ? s.split(',').map((c) => c.trim()) : undefined))
    .pipe(z.array(champMasquableSchema).optional()),
});

/** Paramètres de `GET /api/annuaire/qui-contacter`. */
export const quiContacterSchema = z.object({
  /** Thèmes du guide, séparés par des virgules. */
  themes: z
    .string({ error: 'Indiquez les thèmes du guide.' })
    .transform((s) =>
      s
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    )
    .pipe(z.array(expertiseSchema).min(1, 'Indiquez au moins un thème.').max(13, 'Trop de thèmes.')),
});

/** Un identifiant de fiche (uuid) dans le chemin. */
export const identifiantSchema = z.uuid({ error: 'Identifiant de membre invalide.' });

/** Une fiche telle que l'annuaire la montre à l'appelant : un champ masqué vaut null (ou liste vide). */
export interface FicheAnnuaire {
  id: string;
  prenom: string;
  nom: string;
  fonction: string;
  email: string | null;
  telephone: string | null;
  etablissement: { uai: string; nom: string; commune: string; departement: string; bassin: string | null } | null;
  secteurs: string[];
  expertises: Theme[];
  presentation: string | null;
  langues: string[];
  accompagne: boolean | null;
  arrive_le: string;
  nouveau: boolean;
  mis_a_jour_le: string | null;
}

/** Réponse de `GET /api/annuaire`. */
export interface ResultatRecherche {
  total: number;
  page: number;
  parPage: number;
  fiches: FicheAnnuaire[];
  /** Nombre de fiches par département, pour tous les autres filtres (la carte). */
  departements: Record<string, number>;
}

/** Réponse de `GET /api/annuaire/filtres`. */
export interface FiltresAnnuaire {
  etablissements: { uai: string; nom: string; commune: string; departement: string; bassin: string | null }[];
  bassins: { nom: string; departement: string }[];
  secteurs: string[];
}

/** Ma fiche complète (`GET /api/annuaire/moi`), avec la visibilité de chaque champ. */
export interface MaFiche {
  id: string;
  prenom: string;
  nom: string;
  fonction: string;
  email: string;
  role: z.infer<typeof roleSchema>;
  telephone: string | null;
  uai: string | null;
  etablissement: FicheAnnuaire['etablissement'];
  secteurs: string[];
  expertises: Theme[];
  presentation: string | null;
  langues: string[];
  accompagne: boolean;
  visibilites: Record<ChampMasquable, Visibilite>;
  arrive_le: string;
  mis_a_jour_le: string | null;
}

/** Corps de `PUT /api/admin/membres/:id/role`. */
export const changementRoleSchema = z.object({
  /** Nouveau rôle. */
  role: roleSchema,
});

/** Une entrée du journal d'administration. */
export interface EntreeJournal {
  id: number;
  le: string;
  action: 'invitation' | 'desactivation' | 'reactivation' | 'changement_role';
  details: Record<string, unknown>;
  auteur: { id: string; prenom: string; nom: string } | null;
  cible: { id: string; prenom: string; nom: string } | null;
}

/** Un membre dans la liste d'administration. */
export interface MembreAdmin {
  id: string;
  prenom: string;
  nom: string;
  email: string;
  role: z.infer<typeof roleSchema>;
  actif: boolean;
  desactive_le: string | null;
  arrive_le: string;
  etablissement: string | null;
  departement: string | null;
}

// Résultats des fonctions SQL de l'annuaire, désignés par leurs annotations « @retour » (npm run generer-api).

/** Résultat de `api.annuaire_rechercher(...)` (le bord y ajoute page et parPage). */
export interface RechercheBrute {
  total: number;
  fiches: FicheAnnuaire[];
  departements: Record<string, number>;
}
/** Une liste de fiches (qui contacter, liste des organisateurs). */
export type ListeFiches = FicheAnnuaire[];
/** Liste d'administration. */
export type ListeMembresAdmin = MembreAdmin[];
/** Journal d'administration. */
export type JournalAdmin = EntreeJournal[];
/** Toutes mes données (`api.annuaire_exporter()`). */
export interface ExportDonnees {
  exporte_le: string;
  fiche: MaFiche;
  journal_administration: { le: string; action: string; details: Record<string, unknown> }[];
}
/** Nouvel état d'un membre après désactivation ou réactivation. */
export interface EtatMembre {
  id: string;
  actif: boolean;
}
/** Nouveau rôle d'un membre. */
export interface RoleChange {
  id: string;
  role: z.infer<typeof roleSchema>;
}
/** Résultat de la purge des membres désactivés : les comptes Auth à supprimer ensuite. */
export interface PurgeMembres {
  nombre: number;
  comptes: string[];
}
/** Les membres à qui envoyer le rappel annuel. */
export type RappelsFiches = { email: string; prenom: string }[];
