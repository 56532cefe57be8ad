// Page /recherche : interroge l'index Pagefind (fichiers statiques) ; la requête et les filtres vivent dans l'URL.
import { developperRequete } from './requete.ts';

interface ResultatPagefind {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  search(q: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<ResultatPagefind> }[] }>;
}

const echapper = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

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
  const recherche = await pagefind.search(developperRequete(q), { filters: filtres });
  const donnees = await Promise.all(recherche.results.slice(0, 30).map((r) => r.data()));
  if (donnees.length === 0) {
    zone.innerHTML = `<h2 class="fr-h4">Aucun résultat pour « ${echapper(q)} »</h2>`;
    aucun.hidden = false;
    return;
  }
  zone.innerHTML =
    `<h2 class="fr-h4">${donnees.length}${recherche.results.length > 30 ? ` premiers résultats sur ${recherche.results.length}` : ` résultat${donnees.length > 1 ? 's' : ''}`} pour « ${echapper(q)} »</h2>` +
    `<ol class="fr-raw-list">${donnees
      .map(
        (d) =>
          `<li class="fr-mb-3w rbde-resultat"><h3 class="fr-h6 fr-mb-1v"><a href="${echapper(d.url)}">${echapper(d.meta.title ?? d.url)}</a></h3>` +
          `${d.meta.famille ? `<p class="rbde-meta fr-mb-1v">${echapper(d.meta.famille)}</p>` : ''}<p class="fr-mb-0">${d.excerpt}</p></li>`,
      )
      .join('')}</ol>`;
}
