// Préparation d'une requête de recherche en français avant Pagefind (fonctions pures, testées).
// Pagefind sait déjà : racines françaises (pluriels, flexions), accents (é = e), sigles.
// On ajoute ici : élisions, ligatures œ/æ, nombres à séparateur de milliers, et la correction d'une faute de frappe.

/** Retire les élisions (« l’entreprise » → « entreprise ») et normalise apostrophes et espaces. */
export function developperRequete(q: string): string {
  return q
    .replace(/[’‘`´]/g, "'")
    .replace(/(^|[\s(-])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=\p{L})/giu, '$1')
    .replace(/'/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Synonymes du glossaire (« boîte », « patron », « stage ») : mot courant ou expression, normalisé (voir
 * normaliserMot, mots séparés d'une espace) → formes du terme à chercher à sa place. Cherchés à la requête, et non
 * plus écrits dans l'index à chaque occurrence du terme : ils alourdissaient chaque extrait téléchargé et s'y
 * affichaient (« l’ boîte boite. entreprise »).
 */
export type TableSynonymes = Record<string, string[]>;

const motsNormalises = (s: string) => developperRequete(s).split(' ').filter(Boolean).map(normaliserMot);

/**
 * La table des synonymes d'après les entrées du glossaire. Les formes d'un terme (terme et variantes) sont
 * réduites à celles du moins de mots : « entreprise » plutôt qu'« organisme d’accueil » pour « boîte ». Une forme
 * d'un mot trouve le plus de pages, et son score se compare à celui du mot courant cherché tel quel (une forme de
 * deux mots additionne deux scores et passait devant). Un pluriel se confond avec son singulier (Pagefind ramène
 * les deux à leur racine).
 */
export function tableSynonymes(entrees: { terme: string; variantes: string[]; synonymes?: string[] }[]): TableSynonymes {
  const table: TableSynonymes = {};
  const singulier = (m: string) => m.replace(/[sx]$/, '');
  for (const e of entrees) {
    if (!e.synonymes?.length) continue;
    const formes = new Map<string, { forme: string; mots: Set<string> }>();
    for (const f of [e.terme, ...e.variantes]) {
      const mots = motsNormalises(f).map(singulier);
      const cle = mots.join(' ');
      if (cle && !formes.has(cle)) formes.set(cle, { forme: developperRequete(f), mots: new Set(mots) });
    }
    const liste = [...formes.values()];
    const moins = Math.min(...liste.map((f) => f.mots.size));
    const gardees = liste.filter((f) => f.mots.size === moins).map((f) => f.forme);
    for (const s of e.synonymes) {
      const cle = motsNormalises(s).join(' ');
      if (cle) table[cle] = [...new Set([...(table[cle] ?? []), ...gardees])];
    }
  }
  return table;
}

/** Nombre maximal de formes d'une requête dont les synonymes sont remplacés (produit des choix). */
const MAX_REMPLACEMENTS = 6;

/**
 * La requête (déjà développée) où chaque synonyme du glossaire est remplacé par une forme de son terme, pour chaque
 * combinaison de formes (6 au plus). Les expressions de plusieurs mots (« maître de stage ») passent avant les mots.
 * @returns les requêtes réécrites, vide si la requête n'a aucun synonyme.
 */
export function remplacerSynonymes(base: string, table: TableSynonymes): string[] {
  const mots = base.split(' ').filter(Boolean);
  const normes = mots.map(normaliserMot);
  const pris = new Array<boolean>(mots.length).fill(false);
  const trouves: { debut: number; longueur: number; formes: string[] }[] = [];
  const cles = Object.keys(table).sort((a, b) => b.split(' ').length - a.split(' ').length);
  for (const cle of cles) {
    const motsCle = cle.split(' ');
    for (let i = 0; i + motsCle.length <= mots.length; i++) {
      if (motsCle.every((m, k) => normes[i + k] === m && !pris[i + k])) {
        for (let k = 0; k < motsCle.length; k++) pris[i + k] = true;
        trouves.push({ debut: i, longueur: motsCle.length, formes: table[cle]! });
      }
    }
  }
  if (!trouves.length) return [];
  trouves.sort((a, b) => a.debut - b.debut);
  let combinaisons: string[][] = [[]];
  for (const t of trouves) combinaisons = combinaisons.flatMap((c) => t.formes.map((f) => [...c, f])).slice(0, MAX_REMPLACEMENTS);
  return combinaisons.map((choix) => {
    const sortie: string[] = [];
    let i = 0;
    trouves.forEach((t, k) => {
      sortie.push(...mots.slice(i, t.debut), choix[k]!);
      i = t.debut + t.longueur;
    });
    return [...sortie, ...mots.slice(i)].join(' ');
  });
}

/**
 * Les formes de la requête à chercher : telle quelle, et avec œ/æ écrits en deux lettres ou l'inverse.
 * Les élisions n'en demandent pas : l'index lit « l'embauche » avec ses parties (« embauche »), voir
 * apostrophesPourIndex dans src/integrations/achever-site.ts.
 */
export function variantesRequete(q: string): string[] {
  const base = developperRequete(q);
  const formes = new Set([base]);
  formes.add(base.replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE'));
  // « oeuvre », « coeur », « voeu », « oeil » : en français, « oe » devant u ou i s'écrit presque toujours œ.
  // Une majuscule initiale (« Oeuvre », « Mise en Oeuvre ») compte aussi : Pagefind ignore la casse, pas œ/oe.
  formes.add(base.replace(/oe(?=[ui])/g, 'œ').replace(/O[Ee](?=[uiUI])/g, 'Œ'));
  return [...formes].filter(Boolean);
}

const grouper = (chiffres: string) => chiffres.replace(/\B(?=(\d{3})+$)/g, ' ');

/**
 * Les montants s'écrivent « 1 200 € » dans les guides (espace insécable entre les milliers) : Pagefind y voit
 * deux mots, « 1 » et « 200 », et « 1200 » ne trouve rien ; « 1 200 » seul trouve tout ce qui contient un 1.
 * Réécrit chaque nombre de 4 chiffres ou plus, groupé ou non, en expression exacte « "1 200" », et retire le
 * symbole € ou le mot « euros » qui le suit (non indexés). Une année seule (1900 à 2099 sans €) reste telle quelle.
 * @returns la requête réécrite, ou null si elle ne contient aucun tel nombre.
 */
export function nombresEnExpressions(q: string): string | null {
  let change = false;
  const r = q.replace(
    /(?<![\d.,\-/])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{4,})(?![\d,\-/])(\s*(?:€|euros?\b))?/giu,
    (tout, nombre: string, monnaie?: string) => {
      const chiffres = nombre.replace(/\D/g, '');
      const annee = /^(19|20)\d\d$/.test(nombre) && !monnaie;
      if (annee) return tout;
      change = true;
      return `"${grouper(chiffres)}"`;
    },
  );
  return change ? r.replace(/\s+/g, ' ').trim() : null;
}

/** Forme de comparaison d'un mot : minuscules, sans accents, ligatures dépliées. */
export function normaliserMot(m: string): string {
  return m.toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae').normalize('NFD').replace(/\p{M}/gu, '');
}

/** Distance de Damerau-Levenshtein restreinte (une transposition compte pour 1), bornée par max. */
export function distance(a: string, b: string, max = 2): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let minLigne = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cout = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cout);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
      minLigne = Math.min(minLigne, v);
    }
    if (minLigne > max) return max + 1;
  }
  return d[a.length]![b.length]!;
}

/**
 * Corrige les mots absents du vocabulaire du site par le mot le plus proche (1 faute jusqu'à 7 lettres,
 * 2 au-delà), le plus fréquent en cas d'égalité. Renvoie null si rien n'est à corriger.
 * @param vocabulaire mot normalisé → nombre d'occurrences
 */
export function corrigerRequete(q: string, vocabulaire: Map<string, number>): string | null {
  let corrigee = false;
  const mots = developperRequete(q)
    .split(' ')
    .map((mot) => {
      const n = normaliserMot(mot);
      if (n.length < 5 || /\d/.test(n) || vocabulaire.has(n)) return mot;
      const max = n.length >= 8 ? 2 : 1;
      let meilleur: { mot: string; d: number; f: number } | null = null;
      for (const [candidat, frequence] of vocabulaire) {
        if (Math.abs(candidat.length - n.length) > max) continue;
        const dist = distance(n, candidat, max);
        if (dist <= max && (!meilleur || dist < meilleur.d || (dist === meilleur.d && frequence > meilleur.f)))
          meilleur = { mot: candidat, d: dist, f: frequence };
      }
      if (!meilleur) return mot;
      corrigee = true;
      return meilleur.mot;
    });
  return corrigee ? mots.join(' ') : null;
}

/** Longueur de mot au-delà de laquelle ni le vocabulaire ni la correction ne vont (aucun mot français courant). */
export const LONGUEUR_MAX_VOCABULAIRE = 40;

/**
 * Une copie indépendante d'un morceau de texte. V8 fait d'une sous-chaîne de 13 caractères ou plus un renvoi vers la
 * chaîne d'où elle vient : gardée dans une table qui dure toute la construction, elle y garderait la page entière
 * (sur 1 000 guides, 200 Mo de pages gardées pour quelques mots chacune). À appeler à l'entrée dans la table seulement.
 */
export const detacher = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

// À la construction, les mêmes mots reviennent des millions de fois : chaque forme n'est normalisée qu'une fois.
const normalises = new Map<string, string>();
const normaliserMemo = (m: string) => {
  let n = normalises.get(m);
  if (n === undefined) normalises.set(detacher(m), (n = detacher(normaliserMot(m))));
  return n;
};

/** Les mots d'un texte, normalisés, pour construire le vocabulaire. */
export function motsDe(texte: string): string[] {
  return (texte.match(/[\p{L}][\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*/gu) ?? [])
    .flatMap((m) => m.split('-'))
    .map(normaliserMemo)
    .filter((m) => m.length >= 4 && m.length <= LONGUEUR_MAX_VOCABULAIRE);
}
