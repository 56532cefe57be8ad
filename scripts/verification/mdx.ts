// Contrôle propre aux fichiers MDX : « { », « } » et « < » nus dans le texte, balises inconnues, erreurs de lecture MDX.
import { ligneDe, parcourir } from './document.ts';
import { attribut } from './images.ts';
import type { Document, Noeud, Probleme, Regle } from './types.ts';

/** Composants utilisables dans un guide, et leurs attributs. */
export const COMPOSANTS: Record<string, { attributs: string[] }> = {
  Encadre: { attributs: ['type', 'titre'] },
  /** Tableaux de l'allocation PFMP, rendus depuis src/lib/allocation-pfmp-donnees.ts (tableau="forfaits" ou "plafonds"). */
  TableauAllocation: { attributs: ['tableau'] },
  img: { attributs: ['src', 'alt', 'width', 'height', 'loading'] },
};
const TYPES_ENCADRE = ['cle', 'attention', 'info'];

const CONSEIL_CHEVRON = 'écrivez « inférieur à », « moins de », ou « \\< » pour afficher le signe';
const CONSEIL_ACCOLADE = 'écrivez « \\{ » et « \\} » pour afficher les accolades, ou reformulez avec des parenthèses';

const messageCaractere = (c: string) =>
  c === '<'
    ? `Signe « < » dans le texte : le format MDX le prend pour le début d’une balise et la page ne se construit plus ; ${CONSEIL_CHEVRON}.`
    : `Accolade « ${c} » dans le texte : le format MDX la prend pour du code et la page ne se construit plus ; ${CONSEIL_ACCOLADE}.`;

function messageBalise(nom: string): string {
  if (nom === 'img') return 'Balise « <img> » : terminez-la par « /> » (<img src="…" alt="…" />).';
  if (nom === 'abbr') return 'Balise « <abbr> » : inutile, les sigles sont balisés automatiquement à partir du glossaire. Écrivez le sigle seul.';
  if (nom === '!--') return 'Commentaire « <!-- … --> » : le format MDX ne l’accepte pas. Écrivez « {/* votre commentaire */} » ou supprimez-le.';
  return `Balise « <${nom}> » inconnue : seuls <Encadre …> et <img … /> sont acceptés dans un guide. Pour afficher le signe « < », ${CONSEIL_CHEVRON}.`;
}

/** « { », « } » et « < » non échappés dans le texte source d'un nœud de texte. */
function caracteresNus(n: Noeud, doc: Document): Probleme[] {
  const debut = n.position?.start.offset;
  const fin = n.position?.end.offset;
  const brut = debut !== undefined && fin !== undefined ? doc.source.slice(debut, fin) : (n.value ?? '');
  const problemes: Probleme[] = [];
  let ligne = ligneDe(n, doc.ligneCorps);
  for (let i = 0; i < brut.length; i++) {
    const c = brut[i]!;
    if (c === '\n') ligne++;
    else if ('{}<'.includes(c) && brut[i - 1] !== '\\') problemes.push({ fichier: doc.chemin, ligne, message: messageCaractere(c) });
  }
  return problemes;
}

/** Traduit une erreur du lecteur MDX en consigne compréhensible. */
function messageErreurMdx(message: string): string {
  const fermeture = /closing tag for `<([^>`]*)>`/.exec(message);
  if (fermeture)
    return `La balise « <${fermeture[1]}> » n’est pas refermée : ajoutez « </${fermeture[1]}> » après son contenu, ou terminez la balise par « /> » (comme <img … />).`;
  if (/comment/i.test(message)) return messageBalise('!--');
  if (/expression|brace|`[{}]`/i.test(message)) return `Accolades dans le texte : le format MDX les prend pour du code ; ${CONSEIL_ACCOLADE}.`;
  if (/`<`|JSX|tag/i.test(message)) return `Signe « < » ou balise illisible : le format MDX le prend pour le début d’une balise ; ${CONSEIL_CHEVRON}.`;
  return `Le format MDX ne peut pas lire cette ligne (détail technique : ${message}). Cherchez un « < », un « { » ou un « } » dans le texte.`;
}

export const verifierMdx: Regle = (doc) => {
  if (!doc.mdx) return [];
  const problemes: Probleme[] = [];
  const signaler = (n: Noeud, message: string) => problemes.push({ fichier: doc.chemin, ligne: ligneDe(n, doc.ligneCorps), message });

  parcourir(doc.arbre, (n) => {
    switch (n.type) {
      case 'text':
        problemes.push(...caracteresNus(n, doc));
        break;
      case 'mdxTextExpression':
      case 'mdxFlowExpression':
        if (!/^\s*\/\*[\s\S]*\*\/\s*$/.test(n.value ?? ''))
          signaler(n, `Accolades « {${n.value}} » dans le texte : le format MDX les prend pour du code ; ${CONSEIL_ACCOLADE}.`);
        break;
      case 'mdxjsEsm':
        signaler(n, 'Ligne « import » ou « export » : inutile dans un guide, <Encadre> s’emploie sans import. Supprimez cette ligne.');
        break;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const composant = n.name ? COMPOSANTS[n.name] : undefined;
        if (!composant) {
          signaler(n, messageBalise(n.name ?? ''));
          break;
        }
        for (const a of n.attributes ?? [])
          if (a.type !== 'mdxJsxAttribute' || !a.name || !composant.attributs.includes(a.name))
            signaler(n, `Attribut « ${a.name ?? '{…}'} » inconnu pour <${n.name}> : attributs possibles : ${composant.attributs.join(', ')}.`);
        const type = n.name === 'Encadre' ? attribut(n, 'type') : null;
        if (type !== null && !TYPES_ENCADRE.includes(type))
          signaler(n, `Encadré de type « ${type} » inconnu : type="cle" (à retenir), type="attention" ou type="info".`);
        break;
      }
      case 'html':
        // Le fichier n'a pas pu être lu comme du MDX : on repère les balises dans la relecture en Markdown simple.
        for (const m of (n.value ?? '').matchAll(/<(!--|\/?[A-Za-z][\w.-]*)?/g)) {
          const nom = m[1] ?? '';
          const reste = (n.value ?? '').slice(m.index);
          const connu = /^<\/?(Encadre|TableauAllocation)\b/.test(reste) || /^<img\b[^>]*\/>/.test(reste);
          if (!connu) {
            const decalage = (n.value ?? '').slice(0, m.index).split('\n').length - 1;
            problemes.push({
              fichier: doc.chemin,
              ligne: ligneDe(n, doc.ligneCorps) + decalage,
              message: nom ? messageBalise(nom.replace(/^\//, '')) : messageCaractere('<'),
            });
          }
        }
        break;
    }
  });

  if (doc.erreurMdx && !problemes.some((p) => p.ligne === doc.erreurMdx?.ligne))
    problemes.push({ fichier: doc.chemin, ligne: doc.erreurMdx.ligne, message: messageErreurMdx(doc.erreurMdx.message) });
  return problemes;
};
