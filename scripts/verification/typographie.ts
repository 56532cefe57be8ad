// Contrôle de la typographie française dans la prose : espace insécable avant « : ; ! ? », après « « » et avant « » ».
import { parcourir } from './document.ts';
import type { Document, Noeud, Probleme, Regle } from './types.ts';

/** Espace insécable (U+00A0), celle qu'emploient les guides. */
export const INSECABLE = '\u00a0';
const INSECABLES = new Set(['\u00a0', '\u202f']);
/** Tient la place de ce qui n'est pas de la prose (code, balise, image, adresse) : compte comme un mot. */
const OBJET = '\uFFFC';

/** Un caractère de prose, avec sa ligne et, si on la connaît exactement, sa position dans le fichier. */
interface Caractere {
  c: string;
  ligne: number;
  offset: number | null;
}

/** Correction proposée : remplacer `source.slice(debut, fin)` par `texte`. */
export interface Correction {
  debut: number;
  fin: number;
  texte: string;
}

export type ProblemeTypo = Probleme & { correction: Correction | null };

const BLOCS = new Set(['paragraph', 'heading', 'tableCell']);
const EN_LIGNE = new Set(['emphasis', 'strong', 'delete', 'link', 'linkReference']);

/** Le texte lisible d'un bloc (paragraphe, titre, cellule), caractère par caractère. */
export function proseDuBloc(bloc: Noeud, source: string): Caractere[] {
  const sortie: Caractere[] = [];
  const objet = (n: Noeud) => sortie.push({ c: OBJET, ligne: n.position?.start.line ?? 0, offset: null });
  const visiter = (n: Noeud) => {
    if (n.type === 'text') {
      const debut = n.position?.start.offset;
      const fin = n.position?.end.offset;
      const exact = debut !== undefined && fin !== undefined && source.slice(debut, fin) === n.value;
      let ligne = n.position?.start.line ?? 0;
      [...(n.value ?? '')].forEach((c, i) => {
        sortie.push({ c, ligne, offset: exact ? debut + i : null });
        if (c === '\n') ligne++;
      });
    } else if (n.type === 'break') {
      sortie.push({ c: '\n', ligne: n.position?.start.line ?? 0, offset: null });
    } else if (EN_LIGNE.has(n.type)) {
      // Une adresse écrite telle quelle (https://…) n'est pas de la prose.
      const texte = (n.children ?? []).map((e) => (e.type === 'text' ? (e.value ?? '') : '\0')).join('');
      if (n.type === 'link' && (texte === n.url || `mailto:${texte}` === n.url)) objet(n);
      else for (const e of n.children ?? []) visiter(e);
    } else {
      objet(n); // code, balise, expression, image, note
    }
  };
  for (const e of bloc.children ?? []) visiter(e);
  return sortie;
}

const estEspace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n';
/** Après une ponctuation double, la suite attendue dans une phrase : fin, espace, ou ponctuation fermante. */
const finDeSigne = (c: string | undefined) => c === undefined || estEspace(c) || INSECABLES.has(c) || /[)\]»"'’.,;:!?…]/.test(c);

/** Un extrait lisible qui précède la position `i`, pour retrouver l'endroit dans la ligne. */
function extrait(prose: Caractere[], i: number, inclureSuivant = false): string {
  const debut = Math.max(0, i - 30);
  const texte = prose
    .slice(debut, i + 1 + (inclureSuivant ? 8 : 0))
    .map((x) => (x.c === OBJET ? '…' : x.c === '\n' ? ' ' : x.c))
    .join('')
    .replace(/[\u00a0\u202f]/g, ' ');
  return `${debut > 0 ? '…' : ''}${texte.trimStart()}`;
}

/** Le signe en `i` n'est pas séparé de son voisin (`avant` ou `apres`) par une espace insécable :
 *  le problème, avec sa correction quand elle est sûre (jamais à la place d'un saut de ligne). */
function espaceManquante(prose: Caractere[], i: number, cote: 'avant' | 'apres', fichier: string): ProblemeTypo {
  const { c, ligne, offset } = prose[i]!;
  const voisin = prose[cote === 'avant' ? i - 1 : i + 1]!;
  const lieu = `${cote === 'avant' ? 'avant' : 'après'} « ${c} » (« ${extrait(prose, i, cote === 'apres')} »)`;
  const ecriture = cote === 'avant' ? `&nbsp;${c}` : `${c}&nbsp;`;
  if (estEspace(voisin.c)) {
    return {
      fichier,
      ligne,
      message: `Espace normale ${lieu} : remplacez-la par une espace insécable (ou écrivez « ${ecriture} »).`,
      correction: voisin.offset === null || voisin.c === '\n' ? null : { debut: voisin.offset, fin: voisin.offset + 1, texte: INSECABLE },
    };
  }
  const position = offset === null ? null : offset + (cote === 'apres' ? 1 : 0);
  return {
    fichier,
    ligne,
    message: `Il manque une espace insécable ${lieu} : ajoutez-en une (ou écrivez « ${ecriture} »).`,
    correction: position === null ? null : { debut: position, fin: position, texte: INSECABLE },
  };
}

/** Les problèmes de typographie d'un bloc de prose. */
export function problemesDeProse(prose: Caractere[], fichier: string): ProblemeTypo[] {
  const problemes: ProblemeTypo[] = [];
  prose.forEach(({ c }, i) => {
    const avant = prose[i - 1];
    const apres = prose[i + 1];
    if (':;!?'.includes(c)) {
      if (!finDeSigne(apres?.c)) return; // 8:30, 1:2, une adresse écrite en toutes lettres…
      if (!avant || INSECABLES.has(avant.c) || ':;!?'.includes(avant.c)) return; // « ?! » : une seule espace, avant le premier signe
      problemes.push(espaceManquante(prose, i, 'avant', fichier));
    } else if (c === '«') {
      if (apres && !INSECABLES.has(apres.c)) problemes.push(espaceManquante(prose, i, 'apres', fichier));
    } else if (c === '»') {
      if (avant && !INSECABLES.has(avant.c)) problemes.push(espaceManquante(prose, i, 'avant', fichier));
    }
  });
  return problemes;
}

/** Tous les problèmes de typographie d'un document, avec leur correction quand elle est sûre. */
export function problemesTypographie(doc: Document): ProblemeTypo[] {
  const problemes: ProblemeTypo[] = [];
  parcourir(doc.arbre, (n, ancetres) => {
    if (!BLOCS.has(n.type)) return;
    if (ancetres.some((a) => BLOCS.has(a.type))) return;
    problemes.push(...problemesDeProse(proseDuBloc(n, doc.source), doc.chemin));
  });
  return problemes;
}

export const verifierTypographie: Regle = (doc) => problemesTypographie(doc).map(({ fichier, ligne, message }) => ({ fichier, ligne, message }));

/** Applique les corrections sûres à un texte source (de la fin vers le début, pour garder les positions). */
export function appliquerCorrections(source: string, corrections: readonly Correction[]): string {
  const triees = [...corrections].sort((a, b) => b.debut - a.debut);
  let texte = source;
  let limite = Infinity;
  for (const c of triees) {
    if (c.fin > limite) continue; // chevauchement : la suivante attendra un second passage
    texte = texte.slice(0, c.debut) + c.texte + texte.slice(c.fin);
    limite = c.debut;
  }
  return texte;
}
