// Référentiels hors ligne : codes NAF (@socialgouv/codes-naf) et communes (@etalab/decoupage-administratif,
// par l'index compact communes.gen.json qu'en tire `npm run generer-communes` : une fonction démarre plus vite).
// Lus côté serveur seulement : ces listes ne partent jamais dans un îlot.
import communesCompactes from './communes.gen.json' with { type: 'json' };
import codesNaf from '@socialgouv/codes-naf/index.json' with { type: 'json' };

export interface Commune {
  code: string;
  nom: string;
  departement: string;
  /** Codes postaux de la commune (souvent un, plusieurs pour une grande ville). */
  codesPostaux: string[];
}

/** Les sous-classes NAF (niveau le plus fin, « 47.11F »). */
export const SOUS_CLASSES_NAF: { code: string; libelle: string }[] = (codesNaf as { id: string; label: string }[])
  .filter((c) => /^[0-9]{2}\.[0-9]{2}[A-Z]$/.test(c.id))
  .map((c) => ({ code: c.id, libelle: c.label }));
/** Les divisions NAF (deux chiffres), pour filtrer par secteur. */
export const DIVISIONS_NAF = (codesNaf as { id: string; label: string }[])
  .filter((c) => /^[0-9]{2}$/.test(c.id))
  .map((c) => ({ code: c.id, libelle: c.label }));

const NAF = new Map(SOUS_CLASSES_NAF.map((c) => [c.code, c.libelle]));
export const libelleNaf = (code: string) => NAF.get(code);

const COMMUNES = new Map<string, Commune>(
  (communesCompactes as [string, string, string, string][]).map(([code, nom, departement, cp]) => [
    code,
    { code, nom, departement, codesPostaux: cp ? cp.split(' ') : [] },
  ]),
);
export const communeParCode = (code: string) => COMMUNES.get(code);

const sansAccent = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-'’]/g, ' ');

/** Nom comparable d'une commune : sans accents, tirets ni apostrophes, « St » et « Ste » développés. */
export const cleCommune = (s: string) =>
  sansAccent(s)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint')
    .replace(/\s+/g, ' ')
    .trim();

function indexer(cle: (c: Commune) => string[]) {
  const index = new Map<string, Commune[]>();
  for (const c of COMMUNES.values()) for (const k of cle(c)) (index.get(k) ?? index.set(k, []).get(k)!).push(c);
  return index;
}
let parNom: Map<string, Commune[]> | undefined;
let parCodePostal: Map<string, Commune[]> | undefined;
/** Les communes de ce nom (homonymes compris). */
export const communesParNom = (nom: string) => (parNom ??= indexer((c) => [cleCommune(c.nom)])).get(cleCommune(nom)) ?? [];
/** Les communes desservies par ce code postal. */
export const communesParCodePostal = (cp: string) => (parCodePostal ??= indexer((c) => c.codesPostaux)).get(cp.trim()) ?? [];

/** Au plus 10 communes dont le nom commence par le texte (ou dont le code est ce texte), départements donnés en premier. */
export function chercherCommunes(texte: string, departementsPrioritaires: string[] = []): Commune[] {
  const t = sansAccent(texte.trim());
  if (t.length < 2) return [];
  const trouvees: Commune[] = [];
  for (const c of COMMUNES.values()) if (c.code === texte.trim() || sansAccent(c.nom).startsWith(t)) trouvees.push(c);
  const rang = (c: Commune) => (departementsPrioritaires.includes(c.departement) ? 0 : 1);
  return trouvees.sort((a, b) => rang(a) - rang(b) || a.nom.length - b.nom.length || a.nom.localeCompare(b.nom, 'fr')).slice(0, 10);
}
