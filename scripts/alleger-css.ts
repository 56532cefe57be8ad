// Allège la feuille de style construite : retire les règles du DSFR dont aucune classe n'est employée
// (ni dans les pages, ni dans les scripts), puis les variables CSS que plus rien ne lit.
// Motif : une page de guide doit rester sous 60 Ko compressés ; le DSFR complet en pèse plus de 60 à lui seul.
import postcss from 'postcss';

/** Les mots qui peuvent être des classes, trouvés dans les pages et les scripts. */
export function motsClasses(textes: Iterable<string>): Set<string> {
  const mots = new Set<string>();
  for (const t of textes) for (const m of t.matchAll(/[a-zA-Z][a-zA-Z0-9]*(?:[-_]{1,2}[a-zA-Z0-9]+)*/g)) mots.add(m[0]);
  return mots;
}

/**
 * D'une page HTML, ce qui peut porter une classe : les balises ouvrantes (attributs compris) et le corps des
 * scripts ; pas le texte. Sur 1 000 guides, lire les seuls mots des balises divise par quatre le temps de l'étape
 * (le texte des guides faisait l'essentiel des mots), pour la même feuille allégée.
 */
export function balisesEtScripts(html: string): string[] {
  return html.match(/<script\b[^>]*>[\s\S]*?<\/script>|<[a-zA-Z][^>]*>/g) ?? [];
}

/** Vrai si la classe peut apparaître dans une page : écrite telle quelle, ou composée par le script du DSFR. */
function classeEmployee(c: string, mots: Set<string>): boolean {
  if (mots.has(c) || mots.has(c.replace(/^fr-/, ''))) return true;
  const [bloc, modificateur] = c.split(/--(.*)/s);
  return Boolean(modificateur && bloc && (mots.has(bloc) || mots.has(bloc.replace(/^fr-/, ''))) && (mots.has(modificateur) || mots.has(`--${modificateur}`)));
}

/** Renvoie la feuille allégée. */
export function allegerCss(css: string, mots: Set<string>): string {
  return allegerCssCompte(css, mots).css;
}

/** Renvoie la feuille allégée et le nombre de règles retirées (0 : l'étape n'a servi à rien, voir achever-site). */
export function allegerCssCompte(css: string, mots: Set<string>): { css: string; retirees: number } {
  const racine = postcss.parse(css);
  let retirees = 0;
  racine.walkRules((regle) => {
    const parent = regle.parent;
    if (parent?.type === 'atrule' && /keyframes/i.test((parent as postcss.AtRule).name)) return;
    // Une classe dans :not(…) n'a pas besoin d'être employée pour que la règle serve.
    const classesRequises = (sel: string) => [...sel.replace(/:not\((?:[^()]|\([^()]*\))*\)/g, '').matchAll(/\.((?:\\.|[a-zA-Z0-9_-])+)/g)];
    const gardes = regle.selectors.filter((s) => classesRequises(s).every((m) => classeEmployee(m[1]!.replace(/\\/g, ''), mots)));
    if (gardes.length === 0) {
      regle.remove();
      retirees++;
    } else regle.selectors = gardes;
  });
  // Variables : on retire celles que plus rien ne lit, jusqu'à stabilité (une variable en lit d'autres).
  for (let tour = 0; tour < 6; tour++) {
    const lues = new Set([...racine.toString().matchAll(/var\(\s*(--[a-zA-Z0-9_-]+)/g)].map((m) => m[1]!));
    let variablesRetirees = 0;
    racine.walkDecls((d) => {
      if (d.prop.startsWith('--') && !lues.has(d.prop) && !mots.has(d.prop)) {
        d.remove();
        variablesRetirees++;
      }
    });
    if (variablesRetirees === 0) break;
  }
  const vider = () => {
    let n = 0;
    racine.walk((noeud) => {
      if ((noeud.type === 'rule' || noeud.type === 'atrule') && 'nodes' in noeud && noeud.nodes?.length === 0) {
        noeud.remove();
        n++;
      }
    });
    return n;
  };
  while (vider() > 0);
  return { css: racine.toString(), retirees };
}

/**
 * Retire les @font-face qui chargent les polices complètes du DSFR (Marianne-*.woff2, Spectral-*.woff2, 60 à
 * 80 Ko chacune) : le site déclare les siennes, réduites aux caractères du français (src/styles/polices.css).
 */
export function retirerPolicesCompletes(css: string): string {
  if (!/@font-face/i.test(css)) return css;
  const racine = postcss.parse(css);
  racine.walkAtRules(/^font-face$/i, (regle) => {
    let src = '';
    regle.walkDecls('src', (d) => {
      src += d.value;
    });
    if (/(Marianne|Spectral)-[A-Za-z_]+(\.[\w-]+)?\.woff2?/.test(src)) regle.remove();
  });
  return racine.toString();
}
