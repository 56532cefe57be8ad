// Contrôle de la rédaction publiée : pas de mots de coulisses (« nos sources », « fiche de faits »…), « 2de » et non « 2nde ».
import { parcourir } from './document.ts';
import type { Probleme, Regle } from './types.ts';

/** Tournures qui parlent de la fabrication du guide au lieu de parler au lecteur, et ce qu'il faut faire à la place. */
export const TOURNURES_INTERDITES: readonly { motif: RegExp; conseil: string }[] = [
  { motif: /\bnos sources\b/giu, conseil: 'nommez le texte lu (« la circulaire n° 2016-053 ») ou dites ce qui reste à vérifier et où' },
  { motif: /\bfiches? de (?:faits|référence)\b/giu, conseil: 'le lecteur ne connaît pas ce document de travail ; citez la source elle-même' },
  { motif: /\bsynthèses?\b/giu, conseil: 'dites la règle simplement, avec le texte qui la fonde, ou placez la question dans content/A-VERIFIER.md' },
  { motif: /\bvolontairement courte?s?\b/giu, conseil: 'supprimez ce commentaire sur la rédaction' },
  {
    motif: /\b(?:aucune |les |des )?sources? (?:consultées?|réunies|lues?)(?![\p{L}\p{N}])/giu,
    conseil: 'citez le texte lui-même, ou dites simplement ce qui reste à vérifier et où',
  },
  {
    motif: /\bn[’']?(?:a|ont) pas été (?:lue?s?|trouvée?s?|retrouvée?s?|relevée?s?)(?![\p{L}\p{N}])/giu,
    conseil: 'le lecteur n’a que faire de nos recherches : dites ce qui est incertain et quoi vérifier (« à vérifier dans… »)',
  },
  {
    motif: /\bquestions? ouvertes?\b/giu,
    conseil: 'les questions de rédaction vont dans content/A-VERIFIER.md ; dans le guide, dites une fois et simplement ce qui est incertain et quoi vérifier',
  },
];

/** « 2nde » s'abrège « 2de » (et « 2nd » « 2d »). */
const SECONDE = /(?<![\p{L}\p{N}])2n(de?s?)(?![\p{L}\p{N}])/gu;

/** Les problèmes d'un texte affiché, `ligne` étant celle de son premier caractère. */
export function problemesDeTexte(texte: string, ligne: number, fichier: string): Probleme[] {
  const problemes: Probleme[] = [];
  const ligneDe = (index: number) => ligne + (texte.slice(0, index).match(/\n/g)?.length ?? 0);
  for (const { motif, conseil } of TOURNURES_INTERDITES)
    for (const m of texte.matchAll(motif))
      problemes.push({ fichier, ligne: ligneDe(m.index), message: `« ${m[0]} » parle de la fabrication du guide : ${conseil}.` });
  for (const m of texte.matchAll(SECONDE))
    problemes.push({ fichier, ligne: ligneDe(m.index), message: `« ${m[0]} » : écrivez « 2${m[1]} » (abréviation de « seconde » : 2de, 2d).` });
  return problemes;
}

export const verifierRedaction: Regle = (doc) => {
  const problemes: Probleme[] = [];
  // Titre et description sont affichés : on les relit aussi.
  for (const champ of ['titre', 'description', 'terme', 'forme'] as const) {
    const valeur = doc.donnees[champ];
    if (typeof valeur === 'string')
      problemes.push(...problemesDeTexte(valeur, 2, doc.chemin).map((p) => ({ ...p, ligne: ligneFrontmatter(doc.source, champ) })));
  }
  parcourir(doc.arbre, (n) => {
    if (n.type === 'text' && n.position) problemes.push(...problemesDeTexte(n.value ?? '', n.position.start.line, doc.chemin));
    // Le libellé d'un lien est un nœud texte, déjà vu ; son adresse (un identifiant de page) ne compte pas.
    if (n.type === 'image' && n.alt) problemes.push(...problemesDeTexte(n.alt, n.position?.start.line ?? 1, doc.chemin));
    // Attributs affichés d'un composant (<Encadre titre="…">).
    for (const a of n.attributes ?? [])
      if (a.type === 'mdxJsxAttribute' && typeof a.value === 'string') problemes.push(...problemesDeTexte(a.value, n.position?.start.line ?? 1, doc.chemin));
  });
  return problemes;
};

/** Ligne d'un champ de premier niveau du frontmatter (2 par défaut). */
function ligneFrontmatter(source: string, champ: string): number {
  const i = source.split('\n').findIndex((l) => l.startsWith(`${champ}:`));
  return i >= 0 ? i + 1 : 2;
}
