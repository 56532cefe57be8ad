// Import d'un tableur dans le carnet : fonctions pures (encodage, séparateur, correspondance des colonnes,
// lecture des effectifs et des dates écrits à la française).
import type { AnalyseFichier } from '../schemas/carnet-import.ts';

/** Les champs du carnet qu'une colonne peut remplir, dans l'ordre du formulaire d'association. */
export const CHAMPS_IMPORT = [
  { cle: 'nom', libelle: 'Nom de l’organisation', requis: true },
  { cle: 'siret', libelle: 'SIRET', requis: false },
  { cle: 'code_naf', libelle: 'Code NAF (secteur)', requis: true },
  { cle: 'commune', libelle: 'Commune (nom ou code INSEE)', requis: false },
  { cle: 'code_postal', libelle: 'Code postal', requis: false },
  { cle: 'adresse', libelle: 'Adresse', requis: false },
  { cle: 'taille', libelle: 'Effectif', requis: false },
  { cle: 'contact_nom', libelle: 'Nom du contact', requis: false },
  { cle: 'contact_fonction', libelle: 'Fonction du contact', requis: false },
  { cle: 'contact_telephone', libelle: 'Téléphone professionnel du contact', requis: false },
  { cle: 'contact_email', libelle: 'Adresse électronique professionnelle du contact', requis: false },
  { cle: 'formation', libelle: 'Formation accueillie (pour mon lycée)', requis: false },
  { cle: 'dernier_contact', libelle: 'Date du dernier contact', requis: false },
] as const;
export type ChampImport = (typeof CHAMPS_IMPORT)[number]['cle'];
export const CLES_IMPORT = CHAMPS_IMPORT.map((c) => c.cle) as [ChampImport, ...ChampImport[]];

/** Taille maximale du fichier importé (octets) et nombre maximal de lignes de données. */
export const TAILLE_MAX_FICHIER = 1024 * 1024;
export const LIGNES_MAX_IMPORT = 2000;
/** Taille maximale d'un corps de requête d'import (le fichier en base64, ou ses lignes en JSON). */
export const TAILLE_MAX_REQUETE_IMPORT = 2 * 1024 * 1024;

/**
 * Texte d'un fichier : BOM UTF-8 ou UTF-16 reconnus ; sinon UTF-8 s'il est valide, Windows-1252 sinon
 * (l'export CSV d'Excel en français). Un fichier Windows-1252 n'est presque jamais de l'UTF-8 valide
 * (« é » y est l'octet E9 seul), d'où l'essai strict en UTF-8 d'abord.
 */
export function decoderFichier(octets: Uint8Array): { texte: string; encodage: AnalyseFichier['encodage'] } {
  if (octets[0] === 0xef && octets[1] === 0xbb && octets[2] === 0xbf) return { texte: new TextDecoder('utf-8').decode(octets.subarray(3)), encodage: 'UTF-8' };
  if (octets[0] === 0xff && octets[1] === 0xfe) return { texte: new TextDecoder('utf-16le').decode(octets.subarray(2)), encodage: 'UTF-16' };
  if (octets[0] === 0xfe && octets[1] === 0xff) return { texte: new TextDecoder('utf-16be').decode(octets.subarray(2)), encodage: 'UTF-16' };
  try {
    return { texte: new TextDecoder('utf-8', { fatal: true }).decode(octets), encodage: 'UTF-8' };
  } catch {
    return { texte: new TextDecoder('windows-1252').decode(octets), encodage: 'Windows-1252' };
  }
}

/** Le séparateur de la ligne d'en-tête : « ; », « , » ou tabulation, le plus fréquent hors guillemets. */
export function detecterSeparateur(texte: string): AnalyseFichier['separateur'] {
  const compte = { ';': 0, ',': 0, '\t': 0 };
  let entreGuillemets = false;
  for (const c of texte) {
    if (c === '"') entreGuillemets = !entreGuillemets;
    else if (!entreGuillemets && (c === '\n' || c === '\r')) break;
    else if (!entreGuillemets && c in compte) compte[c as keyof typeof compte]++;
  }
  if (compte['\t'] > compte[';'] && compte['\t'] > compte[',']) return '\t';
  return compte[','] > compte[';'] ? ',' : ';';
}

/** En-tête comparable : minuscules, sans accents ni ponctuation. */
export const cleEntete = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Les noms d'en-tête usuels de chaque champ, déjà comparables (cleEntete). */
const SYNONYMES: Record<ChampImport, string[]> = {
  nom: ['nom', 'raison sociale', 'entreprise', 'organisation', 'societe', 'denomination', 'nom entreprise', 'nom de l entreprise', 'structure', 'employeur'],
  siret: ['siret', 'n siret', 'no siret', 'numero siret', 'siret etablissement'],
  code_naf: ['naf', 'code naf', 'ape', 'code ape', 'naf ape', 'code naf ape', 'activite principale'],
  commune: ['commune', 'ville', 'localite', 'code insee', 'code commune'],
  code_postal: ['code postal', 'cp', 'postal'],
  adresse: ['adresse', 'adresse postale', 'rue', 'voie', 'adresse entreprise'],
  taille: ['taille', 'effectif', 'effectifs', 'tranche effectif', 'tranche d effectif', 'salaries', 'nombre de salaries', 'nb salaries'],
  contact_nom: ['contact', 'nom contact', 'nom du contact', 'tuteur', 'interlocuteur', 'responsable', 'referent', 'maitre de stage'],
  contact_fonction: ['fonction', 'poste', 'fonction contact', 'fonction du contact', 'qualite'],
  contact_telephone: ['telephone', 'tel', 'tel contact', 'telephone contact', 'portable', 'telephone professionnel'],
  contact_email: ['email', 'e mail', 'mail', 'courriel', 'adresse electronique', 'mel', 'email contact', 'courriel contact'],
  formation: ['formation', 'diplome', 'filiere', 'specialite', 'section', 'classe'],
  dernier_contact: ['dernier contact', 'date dernier contact', 'date du dernier contact', 'date contact'],
};

/**
 * Proposition de correspondance d'après les en-têtes : un nom usuel à l'identique vaut plus qu'un en-tête
 * qui commence par lui, qui vaut plus qu'un en-tête qui le contient. Chaque colonne sert au plus un champ.
 */
export function proposerCorrespondance(entetes: string[]): Partial<Record<ChampImport, number>> {
  const candidats: { champ: ChampImport; colonne: number; score: number }[] = [];
  entetes.forEach((e, colonne) => {
    const k = cleEntete(e);
    if (!k) return;
    for (const [champ, noms] of Object.entries(SYNONYMES) as [ChampImport, string[]][]) {
      let score = 0;
      for (const n of noms) {
        const mots = ` ${k} `;
        if (k === n) score = Math.max(score, 3 + n.length / 100);
        else if (k.startsWith(`${n} `)) score = Math.max(score, 2 + n.length / 100);
        else if (mots.includes(` ${n} `)) score = Math.max(score, 1 + n.length / 100);
      }
      if (score) candidats.push({ champ, colonne, score });
    }
  });
  candidats.sort((a, b) => b.score - a.score || a.colonne - b.colonne);
  const proposition: Partial<Record<ChampImport, number>> = {};
  const prises = new Set<number>();
  for (const c of candidats) {
    if (c.champ in proposition || prises.has(c.colonne)) continue;
    proposition[c.champ] = c.colonne;
    prises.add(c.colonne);
  }
  return proposition;
}

/** Tranche d'effectif depuis « 10-49 », « 10 à 49 », « 250 et plus » ou un nombre de salariés ; null si illisible. */
export function lireTaille(v: string): '0-9' | '10-49' | '50-249' | '250+' | null {
  const t = v.trim().toLowerCase().replace(/\s+/g, ' ');
  const tranche = /^(\d+) ?(?:-|à|a) ?(\d+)(?: salariés?)?$/.exec(t);
  const plus = /^(\d+) ?(?:\+|et plus|ou plus)/.exec(t);
  const nombre = /^(\d+)(?: salariés?)?$/.exec(t);
  const n = tranche ? Number(tranche[2]) : plus ? Number(plus[1]) : nombre ? Number(nombre[1]) : NaN;
  if (Number.isNaN(n)) return null;
  if (plus && n >= 250) return '250+';
  if (n < 10) return '0-9';
  if (n < 50) return '10-49';
  if (n < 250) return '50-249';
  return '250+';
}

/** « 18/01/2027 » ou « 18/01/27 » → « 2027-01-18 » ; une date ISO passe telle quelle ; sinon la valeur (le schéma la refuse). */
export function lireDate(v: string): string {
  const t = v.trim();
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (!m) return t;
  const annee = m[3]!.length === 2 ? `20${m[3]}` : m[3]!;
  return `${annee}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
}
