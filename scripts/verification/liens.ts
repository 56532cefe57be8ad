// Contrôle des liens internes (pages, ancres, fichiers de public/) et des guides « connexes ».
import { academie } from '../../src/academie.ts';
import { ligneDuChamp, ligneDe, parcourir } from './document.ts';
import type { Document, Probleme, Regle, Site } from './types.ts';

/** Adresse de la page qui affiche le document. */
export function adresseDe(doc: Document): string {
  if (doc.collection === 'guides') return `/guides/${doc.id}/`;
  if (doc.collection === 'pages') return `/${doc.id}/`;
  return '/glossaire/';
}

const decoder = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
};

/** Le problème d'un lien interne, ou null s'il mène bien quelque part. */
export function problemeDeLien(url: string, doc: Document, site: Site): string | null {
  let adresse = url.trim();
  if (adresse.startsWith(academie.site)) adresse = adresse.slice(academie.site.length) || '/';
  if (/^[a-z][a-z0-9+.-]*:/i.test(adresse) || adresse.startsWith('//')) return null; // lien externe, courriel, téléphone
  if (adresse === '') return 'Lien vide : indiquez l’adresse entre les parenthèses.';

  const [avantAncre = '', ancreBrute] = adresse.split(/#(.*)/s, 2);
  const chemin = decoder(avantAncre.split('?')[0] ?? '');
  const ancre = ancreBrute === undefined ? undefined : decoder(ancreBrute);

  if (chemin === '') {
    // Ancre dans la même page.
    const ancres = site.pages.get(adresseDe(doc)) ?? doc.ancres;
    return ancre && !ancres.has(ancre) ? messageAncre(ancre, adresseDe(doc), ancres) : null;
  }
  if (!chemin.startsWith('/'))
    return `Lien « ${url} » : écrivez l’adresse à partir de la racine du site, par exemple « /guides/reglementation/convention-pfmp/ ».`;

  const dernier = chemin.slice(chemin.lastIndexOf('/') + 1);
  if (dernier.includes('.')) {
    return site.fichiersPublics.has(chemin) ? null : `Lien « ${url} » : le fichier « ${chemin} » n’existe pas dans le dossier public/.`;
  }
  if (!chemin.endsWith('/')) {
    return site.pages.has(`${chemin}/`)
      ? `Lien « ${url} » : ajoutez la barre oblique finale (« ${chemin}/ »).`
      : `Lien « ${url} » : cette page n’existe pas${suggestion(chemin + '/', site)}`;
  }
  const ancres = site.pages.get(chemin);
  if (ancres === undefined) {
    const guide = /^\/guides\/(.+)\/$/.exec(chemin)?.[1];
    if (guide && site.brouillons.has(guide) && doc.donnees.brouillon !== true)
      return `Lien « ${url} » : le guide « ${guide} » est un brouillon, il n’est pas publié.`;
    return `Lien « ${url} » : cette page n’existe pas${suggestion(chemin, site)}`;
  }
  if (ancre && ancres && !ancres.has(ancre)) return messageAncre(ancre, chemin, ancres);
  return null;
}

function messageAncre(ancre: string, chemin: string, ancres: Set<string>): string {
  const liste = [...ancres];
  const possibles =
    liste.length === 0
      ? 'cette page n’a pas d’intertitre.'
      : `ancres possibles : ${liste
          .slice(0, 12)
          .map((a) => `#${a}`)
          .join(', ')}${liste.length > 12 ? '…' : '.'}`;
  return `Ancre « #${ancre} » introuvable dans « ${chemin} » (l’ancre d’un intertitre s’écrit en minuscules, les espaces remplacées par des tirets) ; ${possibles}`;
}

/** « Vouliez-vous dire … » quand un guide du même nom existe dans une autre famille. */
function suggestion(chemin: string, site: Site): string {
  const slug = /^\/guides\/(?:[^/]+\/)?([^/]+)\/$/.exec(chemin)?.[1];
  const proche = slug ? [...site.guides].find((g) => g.endsWith(`/${slug}`)) : undefined;
  return proche ? ` ; vouliez-vous dire « /guides/${proche}/ » ?` : '.';
}

export const verifierLiens: Regle = (doc, site) => {
  const problemes: Probleme[] = [];
  parcourir(doc.arbre, (n) => {
    if ((n.type === 'link' || n.type === 'definition') && n.url !== undefined) {
      const message = problemeDeLien(n.url, doc, site);
      if (message) problemes.push({ fichier: doc.chemin, ligne: ligneDe(n), message });
    }
  });

  const connexes = doc.collection === 'guides' ? doc.donnees.connexes : undefined;
  if (Array.isArray(connexes))
    connexes.forEach((c: unknown, i) => {
      if (typeof c !== 'string' || site.guides.has(c)) return;
      const ligne = ligneDuChamp(doc, ['connexes', i]);
      const forme = /^\/?guides\/(.+?)\/?$/.exec(c)?.[1];
      let message: string;
      if (forme && (site.guides.has(forme) || site.brouillons.has(forme)))
        message = `Champ « connexes » : écrivez « ${forme} » (famille/nom du fichier), pas une adresse.`;
      else if (site.brouillons.has(c)) {
        if (doc.donnees.brouillon === true) return;
        message = `Champ « connexes » : le guide « ${c} » est un brouillon, il n’est pas publié.`;
      } else {
        const proche = [...site.guides].find((g) => g.endsWith(`/${c.slice(c.lastIndexOf('/') + 1)}`));
        message = `Champ « connexes » : « ${c} » ne désigne aucun guide (forme attendue : famille/nom-du-fichier, par exemple reglementation/convention-pfmp)${proche ? ` ; vouliez-vous dire « ${proche} » ?` : '.'}`;
      }
      problemes.push({ fichier: doc.chemin, ligne, message });
    });
  return problemes;
};
