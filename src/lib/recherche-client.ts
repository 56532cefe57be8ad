// Page /recherche : interroge l'index Pagefind (fichiers statiques) ; la requête et les filtres vivent dans l'URL.
import { corrigerRequete, developperRequete, nombresEnExpressions, poidsVariante, variantesRequete } from './requete.ts';

interface ResultatPagefind {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface Resultat {
  id: string;
  score: number;
  data(): Promise<ResultatPagefind>;
}
export interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: Resultat[] }>;
}

const echapper = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

let vocabulaire: Promise<Map<string, number>> | undefined;
const chargerVocabulaire = () =>
  (vocabulaire ??= fetch('/recherche/vocabulaire.json')
    .then((r) => (r.ok ? r.json() : []))
    .then((l: [string, number][]) => new Map(l))
    .catch(() => new Map()));

/**
 * Cherche toutes les variantes de la requête et fusionne les résultats : pour chaque page, le meilleur score
 * pondéré (une variante qui rétablit des élisions compte un peu moins, voir poidsVariante).
 * @returns les pages et leur score pondéré, du meilleur au moins bon.
 */
async function chercherVariantes(pagefind: Pagefind, q: string, filtres: Record<string, string>): Promise<{ resultat: Resultat; score: number }[]> {
  const parPage = new Map<string, { resultat: Resultat; score: number }>();
  const variantes = variantesRequete(q);
  const recherches = await Promise.all(variantes.map((v) => pagefind.search(v, { filters: filtres })));
  recherches.forEach(({ results }, i) => {
    const poids = poidsVariante(variantes[i]!);
    for (const resultat of results) {
      const score = resultat.score * poids;
      if (score > (parPage.get(resultat.id)?.score ?? -Infinity)) parPage.set(resultat.id, { resultat, score });
    }
  });
  return [...parPage.values()].sort((a, b) => b.score - a.score);
}

/**
 * Cherche la requête (variantes comprises). Si elle contient un montant (« 1200 », « 1 200 € »), seules les pages
 * qui l'écrivent exactement (« 1 200 ») sont gardées, classées par le score de la requête ordinaire ; à défaut
 * de telles pages, la recherche ordinaire.
 */
export async function chercher(pagefind: Pagefind, q: string, filtres: Record<string, string> = {}): Promise<Resultat[]> {
  const expressions = nombresEnExpressions(q);
  if (expressions) {
    const exactes = await chercherVariantes(pagefind, expressions, filtres);
    if (exactes.length) {
      const classement = new Map((await chercherVariantes(pagefind, expressions.replace(/"/g, ''), filtres)).map((r) => [r.resultat.id, r.score]));
      const score = (r: { resultat: Resultat; score: number }) => classement.get(r.resultat.id) ?? 0;
      return exactes.sort((a, b) => score(b) - score(a) || b.score - a.score).map((r) => r.resultat);
    }
  }
  return (await chercherVariantes(pagefind, q, filtres)).map((r) => r.resultat);
}

/**
 * Pagefind exige tous les mots. Quand aucune page ne les contient tous, on cherche la requête privée d'un mot,
 * pour chaque mot (6 mots au plus), et on fusionne : les pages qui en contiennent le plus remontent.
 */
export async function chercherElargi(pagefind: Pagefind, q: string, filtres: Record<string, string> = {}): Promise<Resultat[]> {
  const mots = developperRequete(q).split(' ').filter(Boolean);
  if (mots.length < 2 || mots.length > 6) return [];
  const parPage = new Map<string, { resultat: Resultat; score: number; nombre: number }>();
  const listes = await Promise.all(mots.map((_, i) => chercher(pagefind, mots.filter((__, j) => j !== i).join(' '), filtres)));
  for (const liste of listes) {
    for (const resultat of liste) {
      const deja = parPage.get(resultat.id);
      parPage.set(resultat.id, { resultat, score: Math.max(deja?.score ?? 0, resultat.score), nombre: (deja?.nombre ?? 0) + 1 });
    }
  }
  return [...parPage.values()].sort((a, b) => b.nombre - a.nombre || b.score - a.score).map((x) => x.resultat);
}

/** Cherche ; corrige un mot inconnu du site (la page le dit) ; si peu de pages ont tous les mots, élargit. */
export async function chercherAvecCorrection(pagefind: Pagefind, q: string, filtres: Record<string, string> = {}) {
  const correction = corrigerRequete(q, await chargerVocabulaire());
  const requete = correction ?? q;
  const resultats = await chercher(pagefind, requete, filtres);
  let elargie = false;
  // Moins de 3 pages avec tous les mots (souvent le seul glossaire) : on complète par l'élargissement.
  if (resultats.length < 3) {
    const deja = new Set(resultats.map((r) => r.id));
    const complement = (await chercherElargi(pagefind, requete, filtres)).filter((r) => !deja.has(r.id));
    elargie = complement.length > 0;
    resultats.push(...complement);
  }
  return { resultats, correction, elargie };
}

/** Branche le formulaire et affiche les résultats de l'URL courante. */
export async function rechercher() {
  const formulaire = document.getElementById('formulaire-recherche') as HTMLFormElement;
  const zone = document.getElementById('resultats')!;
  const aucun = document.getElementById('aucun-resultat')!;
  const params = new URLSearchParams(location.search);
  const q = (params.get('q') ?? '').trim();
  const filtres: Record<string, string> = {};
  for (const nom of ['famille', 'theme']) {
    const champ = formulaire.elements.namedItem(nom) as HTMLSelectElement;
    const v = params.get(nom) ?? '';
    if (v && [...champ.options].some((o) => o.value === v)) {
      champ.value = v;
      filtres[nom] = v;
    }
    champ.addEventListener('change', () => formulaire.requestSubmit());
  }
  (formulaire.elements.namedItem('q') as HTMLInputElement).value = q;
  if (!q) return;
  document.title = `« ${q} » - Rechercher - Réseau BDE`;
  zone.innerHTML = '<p>Recherche en cours…</p>';
  const chemin = '/pagefind/pagefind.js';
  const pagefind = (await import(/* @vite-ignore */ chemin)) as Pagefind;
  await pagefind.options({ excerptLength: 24 });
  const { resultats, correction, elargie } = await chercherAvecCorrection(pagefind, q, filtres);
  const donnees = await Promise.all(resultats.slice(0, 30).map((r) => r.data()));
  const avis =
    (correction ? `<p class="fr-mb-2w">Résultats pour « ${echapper(correction)} » (au lieu de « ${echapper(q)} »).</p>` : '') +
    (elargie ? '<p class="fr-mb-2w">Peu de pages contiennent tous ces mots : viennent ensuite celles qui en contiennent la plupart.</p>' : '');
  if (donnees.length === 0) {
    zone.innerHTML = `<h2 class="fr-h4">Aucun résultat pour « ${echapper(q)} »</h2>`;
    aucun.hidden = false;
    return;
  }
  const total = resultats.length;
  zone.innerHTML =
    `<h2 class="fr-h4">${total > 30 ? `30 premiers résultats sur ${total}` : `${total} résultat${total > 1 ? 's' : ''}`} pour « ${echapper(q)} »</h2>` +
    avis +
    `<ol class="fr-raw-list">${donnees
      .map(
        (d) =>
          `<li class="fr-mb-3w rbde-resultat"><h3 class="fr-h6 fr-mb-1v"><a href="${echapper(d.url)}">${echapper(d.meta.title ?? d.url)}</a></h3>` +
          `${d.meta.famille ? `<p class="rbde-meta fr-mb-1v">${echapper(d.meta.famille)}</p>` : ''}<p class="fr-mb-0">${d.excerpt}</p></li>`,
      )
      .join('')}</ol>`;
}
