// Lecture de l'export « Annuaire de l'éducation » (data.education.gouv.fr, jeu fr-en-annuaire-education,
// CSV séparé par « ; », en-têtes libellés) : garde les lycées des départements de l'académie, vérifie
// chaque ligne (UAI, commune et département contre @etalab/decoupage-administratif), ajoute le bassin
// de src/academie.ts. Fonction pure : renvoie les lignes retenues et les erreurs, ligne par ligne.
import { parse } from 'csv-parse/sync';
import communes from '@etalab/decoupage-administratif/data/communes.json' with { type: 'json' };
import departements from '@etalab/decoupage-administratif/data/departements.json' with { type: 'json' };
import { academie, bassinDe } from '../../src/academie.ts';

export interface Etablissement {
  uai: string;
  nom: string;
  type: string;
  code_commune: string;
  commune: string;
  departement: string;
  bassin: string | null;
}

export interface Lecture {
  etablissements: Etablissement[];
  /** Erreurs en français, « Ligne N : … » (la ligne 1 est l'en-tête). */
  erreurs: string[];
  /** Lignes écartées sans erreur : hors académie, ou qui ne sont pas des lycées. */
  ecartees: number;
}

/** Les colonnes de l'export dont l'import a besoin. */
export const COLONNES = [
  'Identifiant_de_l_etablissement',
  'Nom_etablissement',
  'Type_etablissement',
  'Code_commune',
  'Nom_commune',
  'Code_departement',
] as const;

/** Types d'établissement importés (les RBDE sont en lycée). */
export const TYPES_RETENUS = ['Lycée'];

const COMMUNES = new Map(
  (communes as { code: string; nom: string; departement: string; type: string }[]).filter((c) => c.type === 'commune-actuelle').map((c) => [c.code, c]),
);
const DEPARTEMENTS = new Set((departements as { code: string }[]).map((d) => d.code));
const replier = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’']/g, ' ')
    .replace(/[-\s]+/g, ' ')
    .trim()
    .toLowerCase();

/** « 034 » → « 34 », « 02A » → « 2A », « 971 » reste « 971 » (l'export complète à 3 caractères). */
export function normaliserDepartement(code: string): string {
  const c = code.trim().toUpperCase();
  return /^0[0-9][0-9AB]$/.test(c) ? c.slice(1) : c;
}

/** Lit le texte CSV de l'export ; ne lève pas : tout problème est une erreur en français. */
export function lireAnnuaireEducation(texte: string): Lecture {
  const erreurs: string[] = [];
  let lignes: Record<string, string>[];
  try {
    lignes = parse(texte, { delimiter: ';', columns: true, bom: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (e) {
    const info = e as { lines?: number; code?: string };
    return {
      etablissements: [],
      ecartees: 0,
      erreurs: [
        `Ligne ${info.lines ?? '?'} : le fichier n’est pas un CSV séparé par des points-virgules lisible (${info.code ?? 'format'}). Vérifiez que c’est bien l’export « Annuaire de l’éducation » au format CSV.`,
      ],
    };
  }
  const entete = texte
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/, 1)[0]!
    .split(';')
    .map((c) => c.trim());
  const manquantes = COLONNES.filter((c) => !entete.includes(c));
  if (manquantes.length)
    return {
      etablissements: [],
      ecartees: 0,
      erreurs: [`Ligne 1 : colonne${manquantes.length > 1 ? 's' : ''} manquante${manquantes.length > 1 ? 's' : ''} : ${manquantes.join(', ')}.`],
    };

  const departementsAcademie = new Set<string>(academie.departements.map((d) => d.code));
  const vus = new Map<string, number>();
  const etablissements: Etablissement[] = [];
  let ecartees = 0;
  lignes.forEach((l, i) => {
    const n = i + 2;
    const departement = normaliserDepartement(l.Code_departement ?? '');
    if (!departementsAcademie.has(departement) || !TYPES_RETENUS.includes(l.Type_etablissement ?? '')) {
      ecartees++;
      return;
    }
    const avant = erreurs.length;
    const uai = (l.Identifiant_de_l_etablissement ?? '').trim().toUpperCase();
    const nom = (l.Nom_etablissement ?? '').trim();
    const codeCommune = (l.Code_commune ?? '').trim().toUpperCase();
    const nomCommune = (l.Nom_commune ?? '').trim();
    if (!/^[0-9]{7}[A-Z]$/.test(uai)) erreurs.push(`Ligne ${n} : identifiant « ${uai} » invalide (UAI : 7 chiffres et une lettre).`);
    else if (vus.has(uai)) erreurs.push(`Ligne ${n} : l’établissement ${uai} figure déjà ligne ${vus.get(uai)}.`);
    if (nom.length < 3 || nom.length > 200) erreurs.push(`Ligne ${n} : nom d’établissement vide ou trop long (3 à 200 caractères).`);
    if (!DEPARTEMENTS.has(departement)) erreurs.push(`Ligne ${n} : département « ${l.Code_departement} » inconnu du découpage administratif.`);
    const commune = COMMUNES.get(codeCommune);
    if (!commune) erreurs.push(`Ligne ${n} : commune « ${codeCommune} » inconnue du découpage administratif (code INSEE attendu).`);
    else {
      if (commune.departement !== departement)
        erreurs.push(`Ligne ${n} : la commune ${codeCommune} (${commune.nom}) est dans le département ${commune.departement}, pas ${departement}.`);
      else if (replier(commune.nom) !== replier(nomCommune))
        erreurs.push(`Ligne ${n} : la commune ${codeCommune} s’appelle « ${commune.nom} », pas « ${nomCommune} ».`);
    }
    if (erreurs.length > avant) return;
    vus.set(uai, n);
    etablissements.push({
      uai,
      nom,
      type: l.Type_etablissement!,
      code_commune: codeCommune,
      commune: commune!.nom,
      departement,
      bassin: bassinDe(codeCommune, departement),
    });
  });
  return { etablissements, erreurs, ecartees };
}
