import { describe, expect, test } from 'vitest';
import { allegerCss, balisesEtScripts, motsClasses } from './alleger-css.ts';

const css = `:root{--bleu:#00f;--rouge:#f00;--lien:var(--bleu)}
.fr-btn{color:var(--lien)}.fr-tile{color:var(--rouge)}
.fr-collapse--expanded{display:block}.fr-collapse{display:none}
@media (min-width:48em){.fr-tile__title{margin:0}.fr-btn--sm{padding:0}}
a,.fr-inconnu{text-decoration:underline}
.fr-btn:not(.fr-btn--absent) .fr-collapse{clip:rect(0,0,0,0)}
@keyframes fr-tourne{from{opacity:0}to{opacity:1}}`;

describe('allègement de la feuille DSFR', () => {
  const mots = motsClasses(['<a class="fr-btn fr-collapse">x</a>', 'e.classList.add(ns("collapse--expanded"));var s="expanded"']);
  const resultat = allegerCss(css, mots);

  test('garde les classes employées dans les pages', () => {
    expect(resultat).toContain('.fr-btn{');
    expect(resultat).toContain('.fr-collapse{');
  });
  test('garde une classe d’état que le script compose (bloc employé + modificateur cité)', () => {
    expect(resultat).toContain('.fr-collapse--expanded');
  });
  test('retire les classes que rien n’emploie, et les @media vidés', () => {
    expect(resultat).not.toContain('fr-tile');
    expect(resultat).not.toContain('@media');
  });
  test('garde les sélecteurs d’éléments en retirant seulement la partie inutile', () => {
    expect(resultat).toMatch(/(^|\}|\n)a\{text-decoration:underline\}/);
    expect(resultat).not.toContain('fr-inconnu');
  });
  test('retire les variables que plus rien ne lit, garde leurs dépendances', () => {
    expect(resultat).toContain('--lien:var(--bleu)');
    expect(resultat).toContain('--bleu:#00f');
    expect(resultat).not.toContain('--rouge');
  });
  test('garde une règle dont seule la classe niée par :not() est inemployée', () => {
    expect(resultat).toContain('.fr-btn:not(.fr-btn--absent) .fr-collapse{clip:rect(0,0,0,0)}');
  });
  test('garde les animations', () => {
    expect(resultat).toContain('@keyframes fr-tourne');
  });
});

describe('mots lus dans une page HTML', () => {
  test('les balises et les scripts, pas le texte', () => {
    const extrait = balisesEtScripts('<p class="fr-btn" id="fr-theme-modal">le texte fr-tile</p><script>el.classList.add("fr-collapse--expanded")</script>');
    const mots = motsClasses(extrait);
    expect(mots.has('fr-btn')).toBe(true);
    expect(mots.has('fr-theme-modal')).toBe(true);
    expect(mots.has('fr-collapse--expanded')).toBe(true);
    expect(mots.has('fr-tile')).toBe(false);
  });
});
