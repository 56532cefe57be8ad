// Contrôle des images : chacune a un texte alternatif.
import { ligneDe, parcourir } from './document.ts';
import type { Noeud, Probleme, Regle } from './types.ts';

const MESSAGE_MARKDOWN = 'Image sans texte alternatif : décrivez-la entre les crochets, « ![Ce que montre l’image](adresse) ».';
const MESSAGE_BALISE = 'Image <img> sans texte alternatif : ajoutez alt="ce que montre l’image".';

/** Valeur texte d'un attribut JSX (null s'il est absent, '' s'il est vide ou calculé). */
export function attribut(n: Noeud, nom: string): string | null {
  const a = n.attributes?.find((x) => x.type === 'mdxJsxAttribute' && x.name === nom);
  if (!a) return null;
  return typeof a.value === 'string' ? a.value : a.value === null || a.value === undefined ? '' : '{…}';
}

export const verifierImages: Regle = (doc) => {
  const problemes: Probleme[] = [];
  const signaler = (n: Noeud, message: string, decalage = 0) => problemes.push({ fichier: doc.chemin, ligne: ligneDe(n) + decalage, message });
  parcourir(doc.arbre, (n) => {
    if ((n.type === 'image' || n.type === 'imageReference') && !(n.alt ?? '').trim()) signaler(n, MESSAGE_MARKDOWN);
    else if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.name === 'img' && !(attribut(n, 'alt') ?? '').trim())
      signaler(n, MESSAGE_BALISE);
    else if (n.type === 'html') {
      const html = n.value ?? '';
      for (const m of html.matchAll(/<img\b[^>]*>/gi)) {
        const alt = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(m[0]);
        if (!alt || !(alt[1] ?? alt[2] ?? '').trim()) signaler(n, MESSAGE_BALISE, html.slice(0, m.index).split('\n').length - 1);
      }
    }
  });
  return problemes;
};
