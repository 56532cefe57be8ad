import { z } from 'zod';
import { communeParCode, libelleNaf } from '../lib/referentiels.ts';

// Carnet des entreprises d'accueil : contrats des routes (entrées) et formes des résultats de l'API.
// Les îlots n'importent que les types (import type) : les référentiels restent côté serveur.

/** Vrai si le SIRET (14 chiffres) a une clé de Luhn correcte (La Poste : somme des chiffres multiple de 5). */
export function siretValide(siret: string): boolean {
  if (!/^[0-9]{14}$/.test(siret)) return false;
  let somme = 0;
  for (let i = 0; i < 14; i++) {
    let d = Number(siret[13 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    somme += d;
  }
  if (somme % 10 === 0) return true;
  return siret.startsWith('356000000') && [...siret].reduce((s, c) => s + Number(c), 0) % 5 === 0;
}

const texte = (champ: string, min: number, max: number) =>
  z
    .string({ error: `Indiquez ${champ}.` })
    .trim()
    .min(min, `Indiquez ${champ} (${min} caractères au moins).`)
    .max(max, `${champ[0]!.toUpperCase()}${champ.slice(1)} : ${max} caractères au plus.`);

const optionnel = <T extends z.ZodType>(s: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), s.nullable().optional());

/** Un identifiant (uuid). */
export const idSchema = z.uuid({ error: 'Identifiant invalide.' });

/** SIRET : 14 chiffres (espaces tolérés), clé de Luhn vérifiée. */
export const siretSchema = z
  .string({ error: 'Le SIRET doit être une suite de 14 chiffres.' })
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(
    z
      .string()
      .regex(/^[0-9]{14}$/, 'Le SIRET compte 14 chiffres.')
      .refine(siretValide, 'Ce SIRET n’est pas valide : sa clé de contrôle ne correspond pas. Vérifiez les chiffres.'),
  );

/** Code NAF (sous-classe, « 47.11F »), présent dans la nomenclature. */
export const codeNafSchema = z
  .string({ error: 'Indiquez le code NAF.' })
  .trim()
  .transform((s) => s.toUpperCase().replace(/^([0-9]{2})([0-9]{2}[A-Z])$/, '$1.$2'))
  .refine((s) => libelleNaf(s) !== undefined, 'Ce code NAF n’existe pas dans la nomenclature (exemple : 47.11F).');

/** Code officiel (INSEE) d'une commune actuelle, vérifié dans le découpage administratif. */
export const codeCommuneSchema = z
  .string({ error: 'Choisissez une commune.' })
  .trim()
  .refine((c) => communeParCode(c) !== undefined, 'Cette commune est inconnue : choisissez-la dans la liste (code officiel INSEE).');

export const TAILLES = ['0-9', '10-49', '50-249', '250+'] as const;

/** Corps de `POST /api/carnet/organisations` (ajout) et `PUT /api/carnet/organisations/:id` (modification). */
export const organisationEntreeSchema = z.object({
  /** Raison sociale ou nom d'usage. */
  nom: texte('le nom de l’organisation', 2, 200),
  /** SIRET de l'établissement, facultatif (associations, services publics sans SIRET connu). */
  siret: optionnel(siretSchema),
  /** Secteur : code NAF de la sous-classe. */
  code_naf: codeNafSchema,
  /** Commune (code INSEE). */
  commune: codeCommuneSchema,
  /** Adresse postale (facultative). */
  adresse: optionnel(z.string().trim().max(300, 'L’adresse : 300 caractères au plus.')),
  /** Tranche d'effectif. */
  taille: optionnel(z.enum(TAILLES, { error: 'Choisissez une tranche d’effectif de la liste.' })),
  /** Date du dernier contact (AAAA-MM-JJ). */
  dernier_contact: optionnel(z.iso.date({ error: 'La date du dernier contact doit être une date (AAAA-MM-JJ).' })),
  /** Vrai pour enregistrer malgré un doublon probable de nom (jamais malgré un SIRET déjà présent). */
  forcer: z.boolean({ error: 'forcer doit être vrai ou faux.' }).optional(),
});
export type OrganisationEntree = z.infer<typeof organisationEntreeSchema>;

/** Corps de `POST /api/carnet/organisations/:id/contacts`. Données professionnelles seulement. */
export const contactEntreeSchema = z
  .object({
    /** Nom de la personne à contacter. */
    nom: texte('le nom du contact', 2, 120),
    /** Sa fonction dans l'organisation. */
    fonction: optionnel(z.string().trim().max(120, 'La fonction : 120 caractères au plus.')),
    /** Téléphone professionnel. */
    telephone: optionnel(
      z
        .string()
        .trim()
        .regex(/^[0-9 +().-]{6,20}$/, 'Le téléphone ne contient que des chiffres, espaces, +, ., - ou parenthèses (6 à 20).'),
    ),
    /** Adresse électronique professionnelle. */
    email: optionnel(z.email({ error: 'Cette adresse électronique n’est pas valide.' }).transform((e) => e.toLowerCase())),
  })
  .refine((c) => c.telephone || c.email, { message: 'Indiquez au moins un téléphone ou une adresse professionnels.', path: ['telephone'] });
export type ContactEntree = z.infer<typeof contactEntreeSchema>;

/** Corps de `PUT /api/carnet/organisations/:id/note` : les notes de mon lycée. */
export const noteEntreeSchema = z.object({
  /** Texte libre sur l'organisation (jamais d'appréciation sur une personne), 2 000 caractères au plus. */
  texte: z.string({ error: 'Indiquez le texte de la note.' }).max(2000, 'La note : 2 000 caractères au plus.'),
});

const critere = (nom: string) =>
  z
    .number({ error: `Notez ${nom} de 1 à 4.` })
    .int(`Notez ${nom} de 1 à 4.`)
    .min(1, `Notez ${nom} de 1 à 4.`)
    .max(4, `Notez ${nom} de 1 à 4.`);

/** Corps de `POST /api/carnet/organisations/:id/retours` : retour structuré d'une période (critères notés de 1 à 4). */
export const retourEntreeSchema = z.object({
  /** Formation de l'élève accueilli. */
  formation: texte('la formation', 2, 120),
  /** Qualité de l'accueil. */
  accueil: critere('l’accueil'),
  /** Disponibilité du tuteur. */
  encadrement: critere('l’encadrement'),
  /** Adéquation des activités au référentiel. */
  activites: critere('les activités'),
  /** Conditions de sécurité. */
  securite: critere('la sécurité'),
  /** L'organisation accueillerait-elle à nouveau (selon elle) ? */
  reprendrait: z.boolean({ error: 'Indiquez si l’organisation accueillerait à nouveau.' }),
});

/** Paramètres de `GET /api/carnet/organisations`. */
export const rechercheOrganisationsSchema = z.object({
  texte: optionnel(z.string().trim().max(100)),
  /** Secteur : division NAF (2 chiffres) ou début de code. */
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

/** La page voulue d'une liste longue : `limite` éléments (50 par défaut, 200 au plus) à partir du rang `decalage`. */
export const pageDeResultats = (unite: string) => ({
  limite: z
    .number({ error: 'limite doit être un nombre.' })
    .int('limite doit être un nombre entier.')
    .min(1, 'limite doit valoir au moins 1.')
    .max(200, `200 ${unite} au plus par page.`)
    .default(50),
  decalage: z
    .number({ error: 'decalage doit être un nombre.' })
    .int('decalage doit être un nombre entier.')
    .min(0, 'decalage ne peut pas être négatif.')
    .max(100_000, 'decalage vaut 100 000 au plus.')
    .default(0),
});

/** Corps de `POST /api/carnet/resultats` : les filtres, et la page voulue. */
export const rechercheCarnetSchema = rechercheOrganisationsSchema
  .extend({
    /** Début de la période : des places offertes qui la recoupent (AAAA-MM-JJ). */
    debut: optionnel(z.iso.date({ error: 'Le début de la période doit être une date (AAAA-MM-JJ).' })),
    /** Fin de la période (AAAA-MM-JJ). */
    fin: optionnel(z.iso.date({ error: 'La fin de la période doit être une date (AAAA-MM-JJ).' })),
    /** Seulement les organisations qui ont des places libres dans une offre ouverte. */
    places_libres: z.boolean({ error: 'places_libres doit être vrai ou faux.' }).default(false),
    ...pageDeResultats('résultats'),
  })
  .refine((r) => !r.debut || !r.fin || r.debut <= r.fin, { message: 'La fin de la période est avant son début.', path: ['fin'] });
export type RechercheCarnet = z.infer<typeof rechercheCarnetSchema>;

/** Corps de `POST /api/carnet/organisations/:id/fusion` : la fiche absorbée par la fiche :id. */
export const fusionEntreeSchema = z.object({
  /** Identifiant de la fiche qui disparaît (ses contacts, liens, retours, notes et historique passent à :id). */
  absorber: idSchema,
});

/** Corps de `POST /api/carnet/organisations/:id/partenariats` (et `/retrait`) : une formation de mon lycée. */
export const partenariatEntreeSchema = z.object({
  /** Formation pour laquelle mon lycée travaille avec l'organisation. */
  formation: texte('la formation', 2, 120),
});

// ——— Résultats de l'API (désignés par @retour dans les migrations) ———

export interface Doublon {
  id: string;
  nom: string;
  siret: string | null;
  commune: string;
  /** « siret » : même SIRET ; « nom » : nom proche dans la même commune. */
  raison: 'siret' | 'nom';
}
export type ListeDoublons = Doublon[];

export type ResultatEnregistrement = { statut: 'enregistree'; id: string } | { statut: 'doublons'; doublons: Doublon[] };

export interface OrganisationResume {
  id: string;
  nom: string;
  siret: string | null;
  code_naf: string;
  commune: string;
  departement: string;
  taille: (typeof TAILLES)[number] | null;
  dernier_contact: string | null;
  formations: string[];
}
export type ListeOrganisations = OrganisationResume[];

/** Résultat de `api.carnet_rechercher(…)` : une page, le total et le compte par département (sans filtre de lieu). */
export interface ResultatRecherche {
  total: number;
  par_departement: Record<string, number>;
  organisations: (OrganisationResume & { places_libres: number })[];
}

/** Résultat de `api.organisations_fusionner(p_garder, p_absorber)`. */
export interface ResultatFusion {
  /** La fiche gardée. */
  id: string;
  /** Le nom de la fiche absorbée. */
  absorbee: string;
}

export interface Organisation extends Omit<OrganisationResume, 'formations'> {
  commune_insee: string;
  adresse: string | null;
  contacts: { id: string; nom: string; fonction: string | null; telephone: string | null; email: string | null }[];
  /** Lycées et formations ; « mien » : le lien est celui du lycée de l'appelant (il peut le retirer). */
  partenariats: { uai: string; lycee: string; formation: string; mien: boolean }[];
  retours: { formation: string; accueil: number; encadrement: number; activites: number; securite: number; reprendrait: boolean; date: string }[];
  placements: { lycee: string | null; formation: string; niveau: string; debut: string; fin: string }[];
  /** Les notes du lycée de l'appelant, ou null. */
  note: string | null;
  historique: { quand: string; action: string; qui: string; details: Record<string, unknown> }[];
  /** Fiches semblables (même SIRET, nom proche dans la même commune). */
  doublons: Doublon[];
}

/** Une ligne de l'export CSV du carnet (`api.carnet_exporter()`). */
export interface LigneExportCarnet {
  nom: string;
  siret: string | null;
  code_naf: string;
  commune: string;
  commune_insee: string;
  departement: string;
  adresse: string | null;
  taille: string | null;
  dernier_contact: string | null;
  /** Formations, séparées par des virgules. */
  formations: string;
  /** Contacts professionnels, « nom — fonction — téléphone — adresse », séparés par « | ». */
  contacts: string;
  /** Les notes du lycée de l'appelant. */
  note: string | null;
}
export type ExportCarnet = LigneExportCarnet[];
