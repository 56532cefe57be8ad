// Contrôle des sources : chaque source a une adresse ; un guide de réglementation cite au moins un texte officiel.
import { ligneDuChamp, parcourir, texteDe } from './document.ts';
import type { Noeud, Probleme, Regle } from './types.ts';

/**
 * Domaines tenus pour officiels : l'État (*.gouv.fr, dont Légifrance, education.gouv.fr, travail-emploi.gouv.fr),
 * l'Éducation nationale (*.education.fr, dont Eduscol et le Bulletin officiel), Service-Public.fr, les académies
 * et régions académiques (ac-*.fr, region-academique-*.fr), le droit de l'Union (eur-lex.europa.eu).
 * Un syndicat, un assureur, un cabinet ou un site qui recopie un texte n'en fait pas partie, même s'il cite le texte exact.
 */
export const DOMAINES_OFFICIELS: readonly RegExp[] = [
  /(^|\.)gouv\.fr$/,
  /(^|\.)education\.fr$/,
  /(^|\.)service-public\.fr$/,
  /(^|\.)ac-[a-z-]+\.fr$/,
  /(^|\.)region-academique-[a-z-]+\.fr$/,
  /^eur-lex\.europa\.eu$/,
];

/** L'adresse mène-t-elle à un site officiel (voir DOMAINES_OFFICIELS) ? */
export function estAdresseOfficielle(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  let hote: string;
  try {
    hote = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  return DOMAINES_OFFICIELS.some((d) => d.test(hote));
}

const estObjet = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

export const verifierSources: Regle = (doc) => {
  const problemes: Probleme[] = [];
  if (!doc.yaml) return problemes;
  const ajouter = (chemin: readonly PropertyKey[], message: string) => problemes.push({ fichier: doc.chemin, ligne: ligneDuChamp(doc, chemin), message });

  if (doc.collection === 'guides') {
    const sources = Array.isArray(doc.donnees.sources) ? doc.donnees.sources : [];
    sources.forEach((s, i) => {
      if (estObjet(s) && (s.url === undefined || s.url === null || s.url === ''))
        ajouter(
          ['sources', i],
          `Source n° ${i + 1}${typeof s.titre === 'string' ? ` (« ${s.titre} »)` : ''} sans adresse : ajoutez son champ url (https://…), pour que le lecteur puisse lire le texte.`,
        );
    });
    if (
      doc.donnees.famille === 'reglementation' &&
      doc.donnees.brouillon !== true &&
      sources.length > 0 &&
      !sources.some((s) => estObjet(s) && estAdresseOfficielle(s.url))
    )
      ajouter(
        ['sources'],
        'Aucune source officielle : un guide de réglementation cite au moins un texte sur un site officiel (Légifrance, Bulletin officiel, Eduscol, education.gouv.fr, service-public.fr, travail-emploi.gouv.fr, site d’une académie…). Un syndicat, un assureur ou un blog peut compléter, jamais remplacer.',
      );
  }
  if (doc.collection === 'guides') problemes.push(...elementsSansAdresse(doc.arbre, doc.chemin));
  if (doc.collection === 'glossaire' && estObjet(doc.donnees.source) && !doc.donnees.source.url)
    ajouter(['source'], 'Source sans adresse : ajoutez son champ url (https://…).');
  return problemes;
};

/** Les éléments de la liste de la partie « Sources » d'un guide qui ne portent aucun lien vers une adresse. */
function elementsSansAdresse(arbre: Noeud, fichier: string): Probleme[] {
  const problemes: Probleme[] = [];
  let dansSources = false;
  for (const bloc of arbre.children ?? []) {
    if (bloc.type === 'heading') {
      if ((bloc.depth ?? 0) <= 2) dansSources = /^sources$/i.test(texteDe(bloc).trim());
      continue;
    }
    if (!dansSources || bloc.type !== 'list') continue;
    for (const element of bloc.children ?? []) {
      let adresse = false;
      parcourir(element, (n) => {
        if (n.type === 'link' && /^https?:\/\//.test(n.url ?? '')) adresse = true;
      });
      if (!adresse)
        problemes.push({
          fichier,
          ligne: element.position?.start.line ?? 1,
          message: `Source sans adresse dans la partie « Sources » (« ${texteDe(element).trim().slice(0, 60)} ») : faites-en un lien vers le texte, ou retirez-la si l’adresse est inconnue.`,
        });
    }
  }
  return problemes;
}
