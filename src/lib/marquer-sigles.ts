// Marque les sigles du glossaire dans le HTML d'un guide : la première occurrence de chaque sigle
// devient <abbr title="forme longue">, et la forme longue est indexée par Pagefind ; un guide qui
// n'écrit que la forme longue reçoit le sigle en attribut indexé. Les synonymes du glossaire (« stage » pour
// PFMP) ne sont pas écrits dans les pages : la recherche les remplace par leur terme (remplacerSynonymes, requete.ts).
// Fonction pure, testée à part.
import { motifTerme } from './glossaire.ts';

export interface TermeAMarquer {
  terme: string;
  forme: string;
  variantes: string[];
  abreviation: boolean;
}

const SAUTER = new Set(['a', 'abbr', 'code', 'pre', 'script', 'style', 'svg', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'button', 'textarea', 'title']);
const VIDES = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'source', 'wbr', 'col', 'area', 'base', 'embed', 'track']);
const echapperAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** Décode les entités que l'on rencontre dans le texte produit par Astro. */
function decoder(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|nbsp);/gi, (m, e: string) => {
    const l = e.toLowerCase();
    if (l === 'amp') return '&';
    if (l === 'lt') return '<';
    if (l === 'gt') return '>';
    if (l === 'quot') return '"';
    if (l === 'apos') return "'";
    if (l === 'nbsp') return '\u00a0';
    if (l.startsWith('#x')) return String.fromCodePoint(parseInt(l.slice(2), 16));
    if (l.startsWith('#')) return String.fromCodePoint(parseInt(l.slice(1), 10));
    return m;
  });
}
const encoder = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Les expressions d'une liste de termes, construites une fois par liste (et non une fois par page). */
const preparations = new WeakMap<TermeAMarquer[], { motifs: { t: TermeAMarquer; motifSigle: RegExp; motifForme: RegExp }[]; prefiltres: RegExp[] }>();
function preparer(termes: TermeAMarquer[]) {
  let p = preparations.get(termes);
  if (!p) {
    const sigles = termes.filter((t) => t.abreviation);
    const motifs = sigles.map((t) => ({ t, motifSigle: motifTerme(t), motifForme: motifTerme({ terme: t.forme, variantes: [], abreviation: false }) }));
    // Sigles longs d'abord : « GRETA-CFA » avant « GRETA ».
    motifs.sort((a, b) => b.t.terme.length - a.t.terme.length);
    const [premier, ...autres] = sigles.flatMap((t) => [t.terme, ...t.variantes]);
    const [forme, ...formes] = sigles.map((t) => t.forme);
    // Union des motifs (mêmes bornes de mot) : si un terme est présent, elle le trouve.
    const prefiltres = [
      ...(premier
        ? [motifTerme({ terme: premier, variantes: autres, abreviation: true }), motifTerme({ terme: premier, variantes: autres, abreviation: false })]
        : []),
      ...(forme ? [motifTerme({ terme: forme, variantes: formes, abreviation: false })] : []),
    ];
    p = { motifs, prefiltres };
    preparations.set(termes, p);
  }
  return p;
}

/**
 * Transforme le HTML d'une zone de contenu.
 * @returns le HTML transformé et les termes rencontrés (sigle ou forme longue).
 */
export function marquerSigles(html: string, termes: TermeAMarquer[]): { html: string; trouves: string[] } {
  const { motifs, prefiltres } = preparer(termes);
  const restants = motifs.map((m) => ({ ...m, sigleVu: false, formeVue: false }));
  const trouves = new Set<string>();
  const pile: string[] = [];
  const morceaux = html.split(/(<[^>]*>)/);
  for (let i = 0; i < morceaux.length; i++) {
    const m = morceaux[i]!;
    if (m.startsWith('<')) {
      const nom = m.match(/^<\/?([a-zA-Z0-9-]+)/)?.[1]?.toLowerCase();
      if (!nom || m.startsWith('<!')) continue;
      if (m.startsWith('</')) {
        const j = pile.lastIndexOf(nom);
        if (j >= 0) pile.length = j;
      } else if (!VIDES.has(nom) && !m.endsWith('/>')) pile.push(nom);
      continue;
    }
    if (!m.trim() || pile.some((p) => SAUTER.has(p))) continue;
    let texte = decoder(m);
    // Un seul test pour tous les termes : la plupart des morceaux de texte n'en contiennent aucun.
    if (!prefiltres.some((p) => p.test(texte))) continue;
    // Remplacements repérés par des marqueurs pour ne pas retravailler le HTML inséré.
    const insertions: string[] = [];
    for (const r of restants) {
      if (!r.sigleVu) {
        const trouve = texte.match(r.motifSigle);
        if (trouve && trouve.index !== undefined) {
          r.sigleVu = true;
          trouves.add(r.t.terme);
          insertions.push(`<abbr title="${echapperAttr(r.t.forme)}" data-pagefind-index-attrs="title">${encoder(trouve[0])}</abbr>`);
          texte = `${texte.slice(0, trouve.index)}\u0000${insertions.length - 1}\u0000${texte.slice(trouve.index + trouve[0].length)}`;
        }
      }
      if (!r.formeVue) {
        const trouve = texte.match(r.motifForme);
        if (trouve && trouve.index !== undefined) {
          r.formeVue = true;
          trouves.add(r.t.terme);
          insertions.push(`<span data-sigle="${echapperAttr(r.t.terme)}" data-pagefind-index-attrs="data-sigle">${encoder(trouve[0])}</span>`);
          texte = `${texte.slice(0, trouve.index)}\u0000${insertions.length - 1}\u0000${texte.slice(trouve.index + trouve[0].length)}`;
        }
      }
    }
    if (insertions.length) {
      morceaux[i] = texte
        // Les insertions sont repérées par des caractères NUL, absents de tout texte HTML.
        // eslint-disable-next-line no-control-regex
        .split(/\u0000(\d+)\u0000/)
        .map((p, k) => (k % 2 === 1 ? insertions[Number(p)]! : encoder(p)))
        .join('');
    }
  }
  return { html: morceaux.join(''), trouves: [...trouves] };
}

/** La zone <div class="rbde-contenu"> d'une page complète : [début du contenu, début de la balise fermante], ou null. */
function zoneContenu(page: string): [number, number] | null {
  const debut = page.indexOf('<div class="rbde-contenu">');
  if (debut < 0) return null;
  const ouverture = debut + '<div class="rbde-contenu">'.length;
  // Trouver la fermeture correspondante en comptant les <div>.
  const re = /<(\/?)div\b[^>]*>/g;
  re.lastIndex = ouverture;
  let profondeur = 1;
  for (let m = re.exec(page); m; m = re.exec(page)) {
    profondeur += m[1] ? -1 : 1;
    if (profondeur === 0) return [ouverture, m.index];
  }
  return null;
}

/**
 * Applique marquerSigles à la zone <div class="rbde-contenu"> d'une page complète ; la page elle-même si aucun terme
 * n'y est. `lire` et `ecrire` passent du texte de la page à celui de la zone et retour : la zone est trouvée par ses
 * seules balises ASCII, si bien qu'une page lue octet par octet (latin1, voir achever-site) se marque aussi.
 */
export function marquerPage(page: string, termes: TermeAMarquer[], lire = (s: string) => s, ecrire = (s: string) => s): string {
  const zone = zoneContenu(page);
  if (!zone) return page;
  const { html, trouves } = marquerSigles(lire(page.slice(...zone)), termes);
  return trouves.length ? page.slice(0, zone[0]) + ecrire(html) + page.slice(zone[1]) : page;
}
