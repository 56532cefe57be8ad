import { describe, expect, test } from 'vitest';
import { FICHIER, guide, problemesDe } from './exemples.fixture.ts';
import { annotationGithub, formaterProbleme, formaterTotal } from './index.ts';

describe('rapport de vérification', () => {
  test('affiche fichier:ligne : message', () => {
    const [p] = problemesDe(guide('Le RBDE : il informe.\n'));
    expect(formaterProbleme(p!)).toBe(
      `${FICHIER}:9 : Espace normale avant « : » (« Le RBDE : ») : remplacez-la par une espace insécable (ou écrivez « &nbsp;: »).`,
    );
  });

  test('trie par ligne et ne répète pas un même problème', () => {
    const problemes = problemesDe(guide('Voir [ici](/nulle-part/).\n\nLa <abbr>PFMP</abbr>, la <abbr>CFA</abbr>.\n'));
    expect(problemes.map((p) => p.ligne)).toEqual([9, 9, 11]);
  });

  test('donne un total', () => {
    expect(formaterTotal([], 127)).toBe('Aucun problème : 127 fichiers vérifiés.');
    expect(
      formaterTotal(
        [
          { fichier: 'a', ligne: 1, message: 'x' },
          { fichier: 'a', ligne: 2, message: 'y' },
        ],
        127,
      ),
    ).toBe('2 problèmes dans 1 fichier (sur 127 vérifiés).');
  });

  test('annote la ligne du fichier dans GitHub Actions', () => {
    expect(annotationGithub({ fichier: 'content/guides/a,b.mdx', ligne: 12, message: 'Champ « titre » : 100 % trop long' })).toBe(
      '::error file=content/guides/a%2Cb.mdx,line=12,title=Vérification du contenu::Champ « titre » : 100 %25 trop long',
    );
  });
});
