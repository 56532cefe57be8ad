import { z } from 'zod';
import { CLES_IMPORT, LIGNES_MAX_IMPORT, type ChampImport } from '../lib/carnet-import.ts';
import type { Doublon } from './carnet.ts';

export { CHAMPS_IMPORT, CLES_IMPORT, LIGNES_MAX_IMPORT, TAILLE_MAX_FICHIER, TAILLE_MAX_REQUETE_IMPORT, type ChampImport } from '../lib/carnet-import.ts';

// Import d'un tableur dans le carnet : les champs du carnet auxquels l'officier associe les colonnes de
// son fichier, les contrats des trois routes (analyse, vérification, confirmation) et leurs résultats.
// Les îlots n'en importent que les types (zod reste côté serveur) ; les constantes sont dans src/lib/carnet-import.ts.

/** Corps de `POST /api/carnet/import/analyse` : le fichier tel quel, encodé en base64. */
export const analyseEntreeSchema = z.object({
  /** Contenu du fichier CSV en base64 (UTF-8, Windows-1252 ou UTF-16 avec BOM). */
  fichier: z.base64({ error: 'Joignez le fichier CSV (contenu en base64).' }).min(1, 'Le fichier est vide.'),
});

/** Ce que l'analyse a lu du fichier : encodage, séparateur, en-têtes, lignes et correspondance proposée. */
export interface AnalyseFichier {
  encodage: 'UTF-8' | 'Windows-1252' | 'UTF-16';
  separateur: ';' | ',' | '\t';
  entetes: string[];
  /** Les lignes de données, avec leur numéro dans le fichier (l'en-tête est la ligne 1). */
  lignes: { numero: number; cellules: string[] }[];
  /** Champ du carnet → indice de la colonne proposée, d'après les noms d'en-tête. */
  correspondance: Partial<Record<ChampImport, number>>;
}

/** Une ligne à vérifier ou importer : ses valeurs par champ du carnet, après association des colonnes. */
export const ligneImportSchema = z.object({
  /** Numéro de la ligne dans le fichier, pour le rapport. */
  numero: z.number({ error: 'Numéro de ligne manquant.' }).int().min(1).max(1_000_000),
  /** Valeurs par champ (texte tel que lu dans le fichier, ou corrigé dans l'interface). */
  valeurs: z.partialRecord(z.enum(CLES_IMPORT, { error: 'Champ du carnet inconnu.' }), z.string().max(500, 'Une valeur : 500 caractères au plus.')),
  /** Fiche existante à compléter (contact, formation) au lieu d'en créer une. */
  rattacher_a: z.uuid({ error: 'Fiche à compléter : identifiant invalide.' }).nullable().optional(),
});
export type LigneImport = z.infer<typeof ligneImportSchema>;

/** Corps de `POST /api/carnet/import/verification` et de `POST /api/carnet/import`. */
export const lignesImportSchema = z.object({
  lignes: z
    .array(ligneImportSchema, { error: 'Envoyez la liste des lignes.' })
    .min(1, 'Aucune ligne à importer : toutes sont exclues.')
    .max(LIGNES_MAX_IMPORT, `${LIGNES_MAX_IMPORT} lignes au plus par import : découpez le fichier.`),
});
export type LignesImport = z.infer<typeof lignesImportSchema>;

/** Un problème d'une ligne : le champ en cause (null : la ligne entière) et le message. */
export interface ErreurLigne {
  champ: ChampImport | null;
  message: string;
}

/** Le rapport d'une ligne. */
export interface RapportLigne {
  numero: number;
  /** Ce que la ligne deviendra (null si elle a des erreurs). */
  resume: { nom: string; commune: string; departement: string; code_naf: string } | null;
  erreurs: ErreurLigne[];
  /** Doublons probables dans le carnet. */
  doublons: Doublon[];
  /** Lignes précédentes du fichier qui semblent décrire la même organisation. */
  doublons_fichier: { numero: number; raison: 'siret' | 'nom' }[];
}

/** Réponse de la vérification : rien n'est écrit. */
export interface RapportVerification {
  lignes: RapportLigne[];
  /** Lignes sans erreur. */
  pretes: number;
  /** Lignes à corriger (ou à exclure). */
  a_corriger: number;
}

/** Résultat de `api.carnet_import_doublons(p_lignes)` : seulement les lignes qui ont des doublons (rang 1 = première). */
export type DoublonsImport = { rang: number; carnet: Doublon[]; fichier: { rang: number; raison: 'siret' | 'nom' }[] }[];

/** Résultat de `api.carnet_importer(p_lignes)` : tout est importé, ou rien et les refus par rang. */
export interface RapportImportCarnet {
  creees: number;
  completees: number;
  erreurs: { rang: number; code: string }[];
}
