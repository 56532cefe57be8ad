// Formations du calendrier des PFMP : lecture de l'export officiel de la Base Centrale des Nomenclatures
// (BCN, table N_FORMATION_DIPLOME), import par la clé secrète, ajout d'une formation par un administrateur.
//
// EN-TÊTE REPRODUIT DE MÉMOIRE, À VÉRIFIER sur un vrai export (il n'a pas pu être téléchargé ici) :
// CSV séparé par « ; », une ligne d'en-tête avec les noms de colonnes de la BCN, dont celles lues ici
// (COLONNES_BCN) ; dates au format JJ/MM/AAAA ; encodage UTF-8 ou Windows-1252 (les deux sont acceptés).
// Le code formation diplôme compte 8 caractères : les 3 premiers sont le niveau de formation diplôme
// (NIVEAU_FORMATION_DIPLOME), les 3 suivants le groupe de spécialités de la NSF (GROUPE_SPECIALITE).
import { parse } from 'csv-parse/sync';
import type { AjoutFormation, Formation, RapportImportFormations } from '../../../src/schemas/calendrier-pfmp.ts';
import type { Contexte } from '../contexte.ts';

/** Les colonnes de N_FORMATION_DIPLOME dont l'import a besoin (les autres sont ignorées). */
export const COLONNES_BCN = [
  'FORMATION_DIPLOME',
  'NIVEAU_FORMATION_DIPLOME',
  'GROUPE_SPECIALITE',
  'LIBELLE_COURT',
  'LIBELLE_LONG_200',
  'DATE_OUVERTURE',
  'DATE_FERMETURE',
] as const;

/**
 * Secteur d'une formation : le domaine de la nomenclature des spécialités de formation (NSF, décret
 * n° 94-522 du 21 juin 1994), 2 premiers chiffres du groupe de spécialités. Aucun paquet maintenu ne
 * fournit la NSF : ces 17 libellés sont recopiés de la nomenclature (à vérifier) ; un administrateur peut
 * affiner le secteur d'une formation ajoutée à la main.
 */
export const DOMAINES_NSF: Record<string, string> = {
  '10': 'Formations générales',
  '11': 'Mathématiques et sciences',
  '12': 'Sciences humaines et droit',
  '13': 'Lettres et arts',
  '20': 'Spécialités pluritechnologiques de production',
  '21': 'Agriculture, pêche, forêt et espaces verts',
  '22': 'Transformations',
  '23': 'Génie civil, construction et bois',
  '24': 'Matériaux souples',
  '25': 'Mécanique, électricité, électronique',
  '30': 'Spécialités plurivalentes des services',
  '31': 'Échanges et gestion',
  '32': 'Communication et information',
  '33': 'Services aux personnes',
  '34': 'Services à la collectivité',
  '41': 'Capacités individuelles et sociales',
  '42': 'Développement personnel',
};

/** Une formation lue, prête pour `api.formations_importer` (un type, pas une interface : c'est du JSON). */
export type FormationBcn = {
  code: string;
  intitule: string;
  niveau: string;
  secteur: string;
  ouverte_le: string | null;
  fermee_le: string | null;
};

export interface LectureBcn {
  formations: FormationBcn[];
  /** Erreurs en français, « Ligne N : … » (la ligne 1 est l'en-tête). */
  erreurs: string[];
  /** Lignes écartées sans erreur : hors des niveaux du lycée professionnel, ou fermées depuis plus d'un an. */
  ecartees: number;
}

/** Premiers chiffres du niveau de formation diplôme gardés : 5 (CAP…), 4 (bac pro, BP…), 3 (BTS…). À vérifier. */
export const NIVEAUX_RETENUS = ['3', '4', '5'];

/** Le texte d'un fichier : UTF-8, ou Windows-1252 si ce n'est pas de l'UTF-8 valide (exports plus anciens). */
export function decoderFichier(octets: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(octets);
  } catch {
    return new TextDecoder('windows-1252').decode(octets);
  }
}

/** « 31/08/2027 » ou « 2027-08-31 » → « 2027-08-31 » ; vide → null ; autre chose → undefined (erreur). */
function dateBcn(v: string): string | null | undefined {
  if (v === '') return null;
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(v) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return undefined;
  const iso = v.includes('/') ? `${m[3]}-${m[2]}-${m[1]}` : v;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(iso) ? iso : undefined;
}

const espaces = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Lit l'export N_FORMATION_DIPLOME ; ne lève pas : tout problème est une erreur en français, ligne par ligne. */
export function lireFormationsBcn(texte: string, aujourdhui = new Date()): LectureBcn {
  let lignes: Record<string, string>[];
  try {
    lignes = parse(texte, { delimiter: ';', columns: true, bom: true, skip_empty_lines: true, trim: true, relax_quotes: true });
  } catch (e) {
    const info = e as { lines?: number };
    return {
      formations: [],
      ecartees: 0,
      erreurs: [
        `Ligne ${info.lines ?? '?'} : le fichier n’est pas un CSV séparé par des points-virgules lisible. Vérifiez que c’est bien l’export de la table N_FORMATION_DIPLOME de la BCN.`,
      ],
    };
  }
  const entete = new Set(Object.keys(lignes[0] ?? {}));
  if (lignes.length === 0) {
    const premiere = texte.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    for (const c of premiere.split(';')) entete.add(c.trim());
  }
  const manquantes = COLONNES_BCN.filter((c) => !entete.has(c));
  if (manquantes.length)
    return {
      formations: [],
      ecartees: 0,
      erreurs: [`Ligne 1 : colonne${manquantes.length > 1 ? 's' : ''} manquante${manquantes.length > 1 ? 's' : ''} : ${manquantes.join(', ')}.`],
    };
  if (lignes.length === 0) return { formations: [], ecartees: 0, erreurs: ['Ligne 2 : le fichier ne contient aucune formation après l’en-tête.'] };

  const limiteFermeture = new Date(aujourdhui.getTime() - 365 * 86_400_000).toISOString().slice(0, 10);
  const erreurs: string[] = [];
  const formations: FormationBcn[] = [];
  const vus = new Map<string, number>();
  let ecartees = 0;
  lignes.forEach((l, i) => {
    const n = i + 2;
    const code = (l.FORMATION_DIPLOME ?? '').toUpperCase();
    const niveauCode = l.NIVEAU_FORMATION_DIPLOME ?? '';
    const ouverte = dateBcn(l.DATE_OUVERTURE ?? '');
    const fermee = dateBcn(l.DATE_FERMETURE ?? '');
    if (/^\d/.test(niveauCode) && !NIVEAUX_RETENUS.includes(niveauCode[0]!)) {
      ecartees++;
      return;
    }
    if (fermee && fermee < limiteFermeture) {
      ecartees++;
      return;
    }
    const avant = erreurs.length;
    if (!/^[0-9A-Z]{8}$/.test(code)) erreurs.push(`Ligne ${n} : code formation diplôme « ${code} » invalide (8 chiffres ou lettres).`);
    else if (vus.has(code)) erreurs.push(`Ligne ${n} : la formation ${code} figure déjà ligne ${vus.get(code)}.`);
    if (!/^\d{3}$/.test(niveauCode)) erreurs.push(`Ligne ${n} : niveau de formation « ${niveauCode} » invalide (3 chiffres).`);
    const groupe = l.GROUPE_SPECIALITE ?? '';
    if (!/^\d{3}$/.test(groupe)) erreurs.push(`Ligne ${n} : groupe de spécialités « ${groupe} » invalide (3 chiffres de la NSF).`);
    const court = espaces(l.LIBELLE_COURT ?? '');
    const long = espaces(l.LIBELLE_LONG_200 ?? '');
    const intitule = long.toUpperCase().startsWith(`${court.toUpperCase()} `) || !court ? long : `${court} ${long}`;
    if (long.length === 0) erreurs.push(`Ligne ${n} : libellé long (LIBELLE_LONG_200) vide.`);
    else if (intitule.length > 200) erreurs.push(`Ligne ${n} : intitulé de plus de 200 caractères.`);
    if (ouverte === undefined) erreurs.push(`Ligne ${n} : date d’ouverture « ${l.DATE_OUVERTURE} » invalide (JJ/MM/AAAA).`);
    if (fermee === undefined) erreurs.push(`Ligne ${n} : date de fermeture « ${l.DATE_FERMETURE} » invalide (JJ/MM/AAAA).`);
    if (ouverte && fermee && fermee < ouverte) erreurs.push(`Ligne ${n} : la date de fermeture est avant la date d’ouverture.`);
    if (erreurs.length > avant) return;
    vus.set(code, n);
    formations.push({
      code,
      intitule: intitule.length < 3 ? `${intitule} (${code})` : intitule,
      niveau: court || niveauCode,
      secteur: DOMAINES_NSF[groupe.slice(0, 2)] ?? `Autres spécialités (NSF ${groupe})`,
      ouverte_le: ouverte ?? null,
      fermee_le: fermee ?? null,
    });
  });
  return { formations, erreurs, ecartees };
}

/** Taille d'un appel à la base (le corps d'un appel RPC reste loin de la limite de 1 Mo du remplaçant). */
const PAQUET = 1000;

/**
 * Importe les formations lues avec la clé secrète (api.formations_importer, insertion ou mise à jour par
 * code). Par paquets de 1 000 : un paquet refusé est annulé en entier ; rejouer l'import est sans effet sur
 * ce qui est déjà à jour.
 */
export async function importerFormations(formations: FormationBcn[], { service }: Pick<Contexte, 'service'>): Promise<RapportImportFormations> {
  const total: RapportImportFormations = { ajoutees: 0, modifiees: 0, inchangees: 0 };
  for (let i = 0; i < formations.length; i += PAQUET) {
    const r = await service.formations_importer({ p_formations: formations.slice(i, i + PAQUET) });
    total.ajoutees += r.ajoutees;
    total.modifiees += r.modifiees;
    total.inchangees += r.inchangees;
  }
  return total;
}

/** Un administrateur ajoute une formation manquante (la base vérifie le rôle : INTERDIT sinon). */
export function ajouterFormation(f: AjoutFormation, { api }: Contexte): Promise<Formation> {
  return api.formation_ajouter({ p_code: f.code, p_intitule: f.intitule, p_niveau: f.niveau, p_secteur: f.secteur });
}
