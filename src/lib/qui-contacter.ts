// « Qui contacter » sur une page de guide, sans React : une page de guide ne charge aucun framework
// (architecture, budgets de poids). Demandé à l'exécution, pour les seuls membres connectés : la page
// construite (et l'index de recherche) n'en contient rien. Le DOM est construit avec textContent,
// jamais innerHTML : aucune donnée de membre n'est interprétée comme du HTML.
import { appelApi, ErreurApi } from './api-client.ts';
import { THEMES, type Theme } from '../schemas/themes.ts';
import { TEMOIN_CONNEXION } from './temoin-connexion.ts';

/** Ce que l'API renvoie d'un membre pour « Qui contacter ». */
interface Expert {
  id: string;
  prenom: string;
  nom: string;
  email?: string | null;
  etablissement?: { nom: string; departement: string } | null;
  expertises: Theme[];
}

const el = <K extends keyof HTMLElementTagNameMap>(doc: Document, nom: K, attrs: Record<string, string> = {}, texte?: string) => {
  const e = doc.createElement(nom);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  if (texte !== undefined) e.textContent = texte;
  return e;
};

/** Vrai si le navigateur porte le témoin de connexion (posé avec le cookie de session, qu'une page ne lit pas). */
const temoinConnexion = (doc: Document) => doc.cookie.split(';').some((c) => c.trim().startsWith(`${TEMOIN_CONNEXION}=`));

/**
 * Remplit le conteneur : rien en cas d'erreur, une invitation hors connexion, sinon la liste. Sans témoin de
 * connexion, l'invitation s'affiche sans appeler l'API : un lecteur anonyme ne coûte aucun appel de fonction.
 */
export async function afficherQuiContacter(conteneur: HTMLElement, themes: Theme[]): Promise<void> {
  const doc = conteneur.ownerDocument;
  const inviter = () => {
    const section = el(doc, 'section', { class: 'fr-mt-6w', 'aria-labelledby': 'qui-contacter' });
    const p = el(doc, 'p', {}, 'Les membres du réseau connectés voient ici les collègues qui connaissent ce sujet. ');
    p.append(el(doc, 'a', { href: '/connexion/' }, 'Se connecter'));
    section.append(el(doc, 'h2', { id: 'qui-contacter', class: 'fr-h4' }, 'Qui contacter'), p);
    conteneur.replaceChildren(section);
  };
  if (!temoinConnexion(doc)) return inviter();
  let experts: Expert[];
  try {
    experts = await appelApi<Expert[]>(`/api/annuaire/qui-contacter?themes=${themes.map(encodeURIComponent).join(',')}`);
  } catch (e) {
    if (e instanceof ErreurApi && (e.statut === 401 || e.statut === 403)) inviter();
    return;
  }
  const section = el(doc, 'section', { class: 'fr-mt-6w', 'aria-labelledby': 'qui-contacter' });
  section.append(el(doc, 'h2', { id: 'qui-contacter', class: 'fr-h4' }, 'Qui contacter'));
  if (experts.length === 0) {
    section.append(el(doc, 'p', {}, 'Aucun membre n’a encore indiqué d’expertise sur ces thèmes.'));
  } else {
    const ul = el(doc, 'ul');
    for (const f of experts) {
      const li = el(doc, 'li');
      li.append(el(doc, 'strong', {}, `${f.prenom} ${f.nom}`));
      const themesCommuns = f.expertises.filter((t) => themes.includes(t)).map((t) => THEMES[t]);
      li.append(`${f.etablissement ? `, ${f.etablissement.nom} (${f.etablissement.departement})` : ''} — ${themesCommuns.join(', ')}`);
      if (f.email) {
        li.append(' — ');
        li.append(el(doc, 'a', { href: `mailto:${f.email}` }, f.email));
      }
      ul.append(li);
    }
    section.append(ul);
  }
  const p = el(doc, 'p');
  p.append(
    el(doc, 'a', { class: 'fr-link', href: `/annuaire/?expertise=${encodeURIComponent(themes[0] ?? '')}` }, 'Chercher d’autres collègues dans l’annuaire'),
  );
  section.append(p);
  conteneur.replaceChildren(section);
}
