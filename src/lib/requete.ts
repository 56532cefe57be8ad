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

// Mots-outils qui commencent par une voyelle mais ne s'écrivent pas élidés devant un nom cherché.
const MOTS_OUTILS = new Set([
  'aux',
  'avec',
  'une',
  'est',
  'ont',
  'elle',
  'elles',
  'ils',
  'eux',
  'entre',
  'ici',
  'ainsi',
  'avant',
  'après',
  'apres',
  'hors',
  'selon',
  'ans',
]);

/**
 * Vrai si le mot peut apparaître élidé dans les textes (« l’entreprise », « d’accueil », « l’ONISEP ») :
 * il commence par une voyelle ou un h, fait au moins 3 lettres et n'est ni un mot-outil, ni un nombre, ni une expression.
 */
export function peutEtreElide(mot: string): boolean {
  return mot.length >= 3 && /^[aeiouyhàâäéèêëîïôöùûüœæ]/iu.test(mot) && !/[\d"]/.test(mot) && !MOTS_OUTILS.has(mot.toLowerCase());
}

/** Au plus ce nombre de mots de la requête reçoivent leurs formes élidées (3 formes chacun : 27 recherches au plus). */
const MAX_MOTS_ELIDES = 3;

/**
 * Ajoute les formes élidées des mots : Pagefind indexe « l’embauche » comme un seul mot (« lembauche »),
 * l'apostrophe typographique n'étant pas une ponctuation ASCII qu'il découpe ; « embauche » seul ne le trouve pas.
 * On cherche donc aussi « l’embauche » et « d’embauche ». Les formes sans élision viennent en premier.
 */
export function formesElidees(q: string): string[] {
  const mots = q.split(' ');
  const eligibles = mots
    .map((m, i) => (peutEtreElide(m) ? i : -1))
    .filter((i) => i >= 0)
    .slice(0, MAX_MOTS_ELIDES);
  let combinaisons: string[][] = [mots];
  for (const i of eligibles) {
    combinaisons = combinaisons.flatMap((c) => ['', 'l’', 'd’'].map((prefixe) => c.map((m, j) => (j === i ? prefixe + m : m))));
  }
  // Moins d'élisions d'abord : la requête telle quelle reste la première.
  const nbElisions = (c: string[]) => c.filter((m, j) => m !== mots[j]).length;
  return combinaisons.sort((a, b) => nbElisions(a) - nbElisions(b)).map((c) => c.join(' '));
}

/**
 * Poids d'une variante dans le classement : chaque élision ajoutée le multiplie par POIDS_ELISION.
 * Pagefind voit « d’allocation » comme un mot à part, plus rare que « allocation », donc mieux noté (IDF) :
 * sans ce poids, une page qui écrit une fois « d’allocation » passerait devant le guide de l'allocation.
 * 0,8 est réglé sur les requêtes de e2e/recherche.test.ts (de 0,75 à 0,9, le classement est le même).
 */
export const POIDS_ELISION = 0.8;
export function poidsVariante(variante: string): number {
  return POIDS_ELISION ** (variante.match(/(?:^|\s)[ld]’/g) ?? []).length;
}

/** Les formes de la requête à chercher : telle quelle, avec œ/æ écrits en deux lettres ou l'inverse, et avec les élisions possibles. */
export function variantesRequete(q: string): string[] {
  const base = developperRequete(q);
  const formes = new Set([base]);
  formes.add(base.replace(/œ/g, 'oe').replace(/Œ/g, 'OE').replace(/æ/g, 'ae').replace(/Æ/g, 'AE'));
  // « oeuvre », « coeur », « voeu », « oeil » : en français, « oe » devant u ou i s'écrit presque toujours œ.
  // Une majuscule initiale (« Oeuvre », « Mise en Oeuvre ») compte aussi : Pagefind ignore la casse, pas œ/oe.
  formes.add(base.replace(/oe(?=[ui])/g, 'œ').replace(/O[Ee](?=[uiUI])/g, 'Œ'));
  const toutes = new Set<string>();
  for (const f of [...formes].filter(Boolean)) for (const v of formesElidees(f)) toutes.add(v);
  return [...toutes];
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

// À la construction, les mêmes mots reviennent des millions de fois : chaque forme n'est normalisée qu'une fois.
const normalises = new Map<string, string>();
const normaliserMemo = (m: string) => {
  let n = normalises.get(m);
  if (n === undefined) normalises.set(m, (n = normaliserMot(m)));
  return n;
};

/** Les mots d'un texte, normalisés, pour construire le vocabulaire. */
export function motsDe(texte: string): string[] {
  return (texte.match(/[\p{L}][\p{L}\p{N}]*(?:-[\p{L}\p{N}]+)*/gu) ?? [])
    .flatMap((m) => m.split('-'))
    .map(normaliserMemo)
    .filter((m) => m.length >= 4 && m.length <= LONGUEUR_MAX_VOCABULAIRE);
}
