// Page /recherche : interroge l'index Pagefind (fichiers statiques) ; la requête et les filtres vivent dans l'URL.
import {
  corrigerRequete,
  developperRequete,
  LONGUEUR_MAX_VOCABULAIRE,
  nombresEnExpressions,
  normaliserMot,
  remplacerSynonymes,
  variantesRequete,
  type TableSynonymes,
} from './requete.ts';

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

/** Résultats affichés d'abord, puis à chaque « Afficher plus » : seuls leurs fragments sont téléchargés. */
export const PAR_PAGE = 5;

/**
 * Les longueurs de mots du vocabulaire dont la correction de la requête a besoin : pour chaque mot de 5 lettres
 * ou plus sans chiffre, sa longueur et les voisines (1 faute jusqu'à 7 lettres, 2 au-delà, voir corrigerRequete).
 */
export function longueursUtiles(q: string): number[] {
  const longueurs = new Set<number>();
  for (const mot of developperRequete(q).split(' ')) {
    const n = normaliserMot(mot);
    if (n.length < 5 || n.length > LONGUEUR_MAX_VOCABULAIRE - 2 || /\d/.test(n)) continue;
    const max = n.length >= 8 ? 2 : 1;
    for (let l = n.length - max; l <= n.length + max; l++) longueurs.add(l);
  }
  return [...longueurs].sort((a, b) => a - b);
}

const fichiersVocabulaire = new Map<number, Promise<[string, number][]>>();
/** Charge le vocabulaire du site, un fichier par longueur de mot (recherche/vocabulaire/<longueur>.json), ceux demandés seulement. */
const chargerVocabulaire = async (longueurs: number[]): Promise<Map<string, number>> => {
  const listes = await Promise.all(
    longueurs.map((l) => {
      let p = fichiersVocabulaire.get(l);
      if (!p) {
        // Chaque longueur de 3 à LONGUEUR_MAX_VOCABULAIRE a son fichier ; une panne réseau donne une liste vide.
        p = fetch(`/recherche/vocabulaire/${l}.json`)
          .then((r) => (r.ok ? (r.json() as Promise<[string, number][]>) : []))
          .catch(() => []);
        fichiersVocabulaire.set(l, p);
      }
      return p;
    }),
  );
  return new Map(listes.flat());
};

/** Cherche les formes données et fusionne : pour chaque page, son meilleur score ; du meilleur au moins bon. */
async function fusionner(pagefind: Pagefind, formes: string[], filtres: Record<string, string>): Promise<{ resultat: Resultat; score: number }[]> {
  const parPage = new Map<string, { resultat: Resultat; score: number }>();
  const recherches = await Promise.all(formes.map((v) => pagefind.search(v, { filters: filtres })));
  for (const { results } of recherches) {
    for (const resultat of results) {
      if (resultat.score > (parPage.get(resultat.id)?.score ?? -Infinity)) parPage.set(resultat.id, { resultat, score: resultat.score });
    }
  }
  return [...parPage.values()].sort((a, b) => b.score - a.score);
}

/**
 * Cherche toutes les variantes de la requête (œ/oe) et fusionne les résultats. Une requête qui contient un synonyme
 * du glossaire (« boîte ») donne d'abord les pages de son terme (« entreprise »), puis celles qui écrivent le mot
 * courant lui-même : un mot rare a un score élevé, et « boîte à outils » passerait devant les guides sur les
 * entreprises.
 * @returns les pages et leur score.
 */
async function chercherVariantes(
  pagefind: Pagefind,
  q: string,
  filtres: Record<string, string>,
  synonymes: TableSynonymes,
): Promise<{ resultat: Resultat; score: number }[]> {
  const remplacees = remplacerSynonymes(developperRequete(q), synonymes);
  const [terme, telleQuelle] = await Promise.all([
    fusionner(
      pagefind,
      remplacees.flatMap((r) => variantesRequete(r)),
      filtres,
    ),
    fusionner(pagefind, variantesRequete(q), filtres),
  ]);
  const deja = new Set(terme.map((r) => r.resultat.id));
  return [...terme, ...telleQuelle.filter((r) => !deja.has(r.resultat.id))];
}

/**
 * Cherche la requête (variantes comprises). Si elle contient un montant (« 1200 », « 1 200 € »), seules les pages
 * qui l'écrivent exactement (« 1 200 ») sont gardées, classées par le score de la requête ordinaire ; à défaut
 * de telles pages, la recherche ordinaire.
 */
export async function chercher(pagefind: Pagefind, q: string, filtres: Record<string, string> = {}, synonymes: TableSynonymes = {}): Promise<Resultat[]> {
  const expressions = nombresEnExpressions(q);
  if (expressions) {
    const exactes = await chercherVariantes(pagefind, expressions, filtres, synonymes);
    if (exactes.length) {
      const classement = new Map((await chercherVariantes(pagefind, expressions.replace(/"/g, ''), filtres, synonymes)).map((r) => [r.resultat.id, r.score]));
      const score = (r: { resultat: Resultat; score: number }) => classement.get(r.resultat.id) ?? 0;
      return exactes.sort((a, b) => score(b) - score(a) || b.score - a.score).map((r) => r.resultat);
    }
  }
  return (await chercherVariantes(pagefind, q, filtres, synonymes)).map((r) => r.resultat);
}

/**
 * Pagefind exige tous les mots. Quand aucune page ne les contient tous, on cherche la requête privée d'un mot,
 * pour chaque mot (6 mots au plus), et on fusionne : les pages qui en contiennent le plus remontent.
 */
export async function chercherElargi(pagefind: Pagefind, q: string, filtres: Record<string, string> = {}, synonymes: TableSynonymes = {}): Promise<Resultat[]> {
  const mots = developperRequete(q).split(' ').filter(Boolean);
  if (mots.length < 2 || mots.length > 6) return [];
  const parPage = new Map<string, { resultat: Resultat; score: number; nombre: number }>();
  const listes = await Promise.all(mots.map((_, i) => chercher(pagefind, mots.filter((__, j) => j !== i).join(' '), filtres, synonymes)));
  for (const liste of listes) {
    for (const resultat of liste) {
      const deja = parPage.get(resultat.id);
      parPage.set(resultat.id, { resultat, score: Math.max(deja?.score ?? 0, resultat.score), nombre: (deja?.nombre ?? 0) + 1 });
    }
  }
  return [...parPage.values()].sort((a, b) => b.nombre - a.nombre || b.score - a.score).map((x) => x.resultat);
}

/** Moins de pages que cela avec tous les mots : on complète par l'élargissement. */
const PEU_DE_RESULTATS = 3;

/**
 * Les mots de la requête (5 lettres ou plus, sans chiffre) que le site n'écrit nulle part : une expression exacte
 * d'un mot (« "gratifiaction" ») ne trouve que ce mot tel quel, sans la tolérance aux fautes de Pagefind. Ne coûte
 * aucun octet de plus : Pagefind lit le même morceau d'index que pour la recherche elle-même. Un mot d'un synonyme
 * du glossaire (« patron ») est connu sans recherche : il est cherché par son terme.
 * @returns les mots normalisés, inconnus et connus.
 */
export async function verifierMots(pagefind: Pagefind, q: string, synonymes: TableSynonymes = {}): Promise<{ inconnus: string[]; connus: string[] }> {
  const motsSynonymes = new Set(Object.keys(synonymes).flatMap((cle) => cle.split(' ')));
  const mots = [
    ...new Set(
      developperRequete(q.replace(/"/g, ' '))
        .split(' ')
        .filter((m) => {
          const n = normaliserMot(m);
          return n.length >= 5 && n.length <= LONGUEUR_MAX_VOCABULAIRE - 2 && !/\d/.test(n);
        }),
    ),
  ];
  const trouves = await Promise.all(mots.map(async (m) => motsSynonymes.has(normaliserMot(m)) || (await pagefind.search(`"${m}"`)).results.length > 0));
  return {
    inconnus: mots.filter((_, i) => !trouves[i]).map(normaliserMot),
    connus: mots.filter((_, i) => trouves[i]).map(normaliserMot),
  };
}

/**
 * Cherche ; si un mot de la requête n'est écrit nulle part sur le site, le corrige par le mot le plus proche du
 * vocabulaire (la page le dit) ; si peu de pages ont tous les mots, élargit. Le vocabulaire n'est téléchargé que
 * pour un mot inconnu, et par morceaux : les seules longueurs voisines de ce mot (voir longueursUtiles). Une
 * requête dont tous les mots sont sur le site ne le télécharge jamais.
 */
export async function chercherAvecCorrection(
  pagefind: Pagefind,
  q: string,
  filtres: Record<string, string> = {},
  {
    vocabulaire = chargerVocabulaire,
    synonymes = {},
  }: { vocabulaire?: (longueurs: number[]) => Promise<Map<string, number>>; synonymes?: TableSynonymes } = {},
) {
  const [premiers, { inconnus, connus }] = await Promise.all([chercher(pagefind, q, filtres, synonymes), verifierMots(pagefind, q, synonymes)]);
  let resultats = premiers;
  let correction: string | null = null;
  if (inconnus.length) {
    const vocabulaireUtile = new Map(await vocabulaire(longueursUtiles(inconnus.join(' '))));
    // Les mots connus du site ne sont pas à corriger, même si leur longueur n'a pas été téléchargée.
    for (const m of connus) if (!vocabulaireUtile.has(m)) vocabulaireUtile.set(m, 1);
    correction = corrigerRequete(q, vocabulaireUtile);
    if (correction) resultats = await chercher(pagefind, correction, filtres, synonymes);
  }
  const requete = correction ?? q;
  let elargie = false;
  // Moins de 3 pages avec tous les mots (souvent le seul glossaire) : on complète par l'élargissement.
  if (resultats.length < PEU_DE_RESULTATS) {
    const deja = new Set(resultats.map((r) => r.id));
    const complement = (await chercherElargi(pagefind, requete, filtres, synonymes)).filter((r) => !deja.has(r.id));
    elargie = complement.length > 0;
    resultats = [...resultats, ...complement];
  }
  return { resultats, correction, elargie };
}

/**
 * L'index lit les apostrophes droites (voir apostrophesPourIndex) : les extraits et titres affichés retrouvent
 * l'apostrophe typographique du français entre deux lettres.
 */
export const typographierExtrait = (html: string) => html.replace(/(?<=\p{L}(?:<\/mark>)?)(?:'|&#39;|&#x27;|&apos;)(?=(?:<mark>)?\p{L})/gu, '’');

const resultatHtml = (d: ResultatPagefind) =>
  `<li class="fr-mb-3w rbde-resultat"><h3 class="fr-h6 fr-mb-1v"><a href="${echapper(d.url)}">${typographierExtrait(echapper(d.meta.title ?? d.url))}</a></h3>` +
  `${d.meta.famille ? `<p class="rbde-meta fr-mb-1v">${typographierExtrait(echapper(d.meta.famille))}</p>` : ''}<p class="fr-mb-0">${typographierExtrait(d.excerpt)}</p></li>`;

const bilan = (affiches: number, total: number, q: string) =>
  `${total > affiches ? `${affiches} premiers résultats sur ${total}` : `${total} résultat${total > 1 ? 's' : ''}`} pour « ${echapper(q)} »`;

let pagefindCharge: Promise<Pagefind> | undefined;
/**
 * Pagefind, chargé une fois, avec son Web Worker : 12 Ko de plus, mais le calcul (moteur WebAssembly, décompression de
 * l'index et des extraits) quitte le fil de la page. Sans lui, la page de recherche restait bloquée 300 à 600 ms sur
 * un mobile (Lighthouse, 1 000 guides : performance 85 au lieu de 96, temps de blocage 370 → 150 ms). Le moteur
 * et les métadonnées (nom écrit dans la page à la construction, voir precharger dans achever-site.ts) sont annoncés
 * d'abord : téléchargés en même temps que pagefind.js, et non après lui.
 */
const chargerPagefind = () =>
  (pagefindCharge ??= (async () => {
    const meta = document.getElementById('formulaire-recherche')?.dataset.pagefindMeta;
    for (const fichier of ['/pagefind/wasm.fr.pagefind', ...(meta ? [meta] : [])]) {
      const lien = Object.assign(document.createElement('link'), { rel: 'preload', href: fichier, as: 'fetch', crossOrigin: 'anonymous' });
      document.head.append(lien);
    }
    const chemin = '/pagefind/pagefind.js';
    const pagefind = (await import(/* @vite-ignore */ chemin)) as Pagefind;
    await pagefind.options({ excerptLength: 24 });
    return pagefind;
  })());

/** Branche le formulaire et affiche les résultats de l'URL courante ; une nouvelle recherche reste dans la page. */
export function rechercher() {
  const formulaire = document.getElementById('formulaire-recherche') as HTMLFormElement;
  for (const nom of ['famille', 'theme'])
    (formulaire.elements.namedItem(nom) as HTMLSelectElement).addEventListener('change', () => formulaire.requestSubmit());
  // Recherche suivante sans recharger la page : Pagefind et son index déjà chargés servent encore.
  formulaire.addEventListener('submit', (e) => {
    e.preventDefault();
    const params = new URLSearchParams();
    for (const [cle, valeur] of new FormData(formulaire)) if (typeof valeur === 'string' && valeur) params.set(cle, valeur);
    history.pushState(null, '', `/recherche/?${params}`);
    void afficher();
  });
  addEventListener('popstate', () => void afficher());
  void afficher();
}

let derniere = 0;
/** Affiche les résultats de l'adresse courante (requête et filtres). */
async function afficher() {
  const numero = ++derniere;
  const formulaire = document.getElementById('formulaire-recherche') as HTMLFormElement;
  const zone = document.getElementById('resultats')!;
  const aucun = document.getElementById('aucun-resultat')!;
  const params = new URLSearchParams(location.search);
  const q = (params.get('q') ?? '').trim();
  const filtres: Record<string, string> = {};
  for (const nom of ['famille', 'theme']) {
    const champ = formulaire.elements.namedItem(nom) as HTMLSelectElement;
    const v = params.get(nom) ?? '';
    champ.value = v && [...champ.options].some((o) => o.value === v) ? v : '';
    if (champ.value) filtres[nom] = champ.value;
  }
  (formulaire.elements.namedItem('q') as HTMLInputElement).value = q;
  aucun.hidden = true;
  if (!q) {
    zone.innerHTML = '';
    return;
  }
  document.title = `« ${q} » - Rechercher - Réseau BDE`;
  zone.innerHTML = '<p>Recherche en cours…</p>';
  // La page s'affiche d'abord ; ensuite seulement les 80 Ko de Pagefind et leur calcul (Lighthouse mobile : texte
  // de la page affiché à 1,8 s au lieu de 2,2 s quand Pagefind partait avant le premier affichage).
  // Un onglet caché n'affiche rien (requestAnimationFrame y attend) : au plus une demi-seconde d'attente.
  await new Promise((ok) => {
    requestAnimationFrame(() => setTimeout(ok, 0));
    setTimeout(ok, 500);
  });
  const pagefind = await chargerPagefind();
  // Les synonymes du glossaire, écrits dans la page à la construction (voir src/pages/recherche/index.astro).
  const synonymes = JSON.parse(formulaire.dataset.synonymes ?? '{}') as TableSynonymes;
  const { resultats, correction, elargie } = await chercherAvecCorrection(pagefind, q, filtres, { synonymes });
  if (numero !== derniere) return; // une recherche plus récente a commencé
  const avis =
    (correction ? `<p class="fr-mb-2w">Résultats pour « ${echapper(correction)} » (au lieu de « ${echapper(q)} »).</p>` : '') +
    (elargie ? '<p class="fr-mb-2w">Peu de pages contiennent tous ces mots : viennent ensuite celles qui en contiennent la plupart.</p>' : '');
  if (resultats.length === 0) {
    zone.innerHTML = `<h2 class="fr-h4">Aucun résultat pour « ${echapper(q)} »</h2>`;
    aucun.hidden = false;
    return;
  }
  const total = resultats.length;
  const premiers = await Promise.all(resultats.slice(0, PAR_PAGE).map((r) => r.data()));
  if (numero !== derniere) return;
  zone.innerHTML = `<h2 class="fr-h4">${bilan(premiers.length, total, q)}</h2>${avis}<ol class="fr-raw-list">${premiers.map(resultatHtml).join('')}</ol>`;
  // Les suivants à la demande : leurs fragments ne sont téléchargés qu'alors.
  let affiches = premiers.length;
  if (affiches >= total) return;
  const bouton = document.createElement('button');
  bouton.type = 'button';
  bouton.className = 'fr-btn fr-btn--secondary';
  const libelle = () => `Afficher ${Math.min(PAR_PAGE, total - affiches)} résultats de plus`;
  bouton.textContent = libelle();
  zone.append(bouton);
  bouton.addEventListener('click', async () => {
    bouton.disabled = true;
    const suivants = await Promise.all(resultats.slice(affiches, affiches + PAR_PAGE).map((r) => r.data()));
    if (numero !== derniere) return;
    const liste = zone.querySelector('ol')!;
    liste.insertAdjacentHTML('beforeend', suivants.map(resultatHtml).join(''));
    // Le focus va au premier résultat ajouté (lecteurs d'écran, clavier).
    (liste.children[affiches]?.querySelector('a') as HTMLElement | null)?.focus();
    affiches += suivants.length;
    zone.querySelector('h2')!.innerHTML = bilan(affiches, total, q);
    if (affiches >= total) bouton.remove();
    else {
      bouton.textContent = libelle();
      bouton.disabled = false;
    }
  });
}
