import { describe, expect, test } from 'vitest';
import { guide, lignes, problemesDe } from './exemples.fixture.ts';

describe('texte alternatif des images', () => {
  test('accepte des images décrites', () => {
    expect(
      problemesDe(guide('![Affiche de la rencontre](https://exemple.fr/affiche.png)\n\n<img src="https://exemple.fr/a.png" alt="Plan d’accès" />\n')),
    ).toEqual([]);
  });

  test('refuse une image Markdown sans texte alternatif', () => {
    expect(lignes(problemesDe(guide('Texte.\n\n![](https://exemple.fr/affiche.png)\n')))).toEqual([
      '11 : Image sans texte alternatif : décrivez-la entre les crochets, « ![Ce que montre l’image](adresse) ».',
    ]);
  });

  test('refuse une balise <img> sans alt ou avec un alt vide', () => {
    expect(lignes(problemesDe(guide('<img src="https://exemple.fr/a.png" />\n\n<img src="https://exemple.fr/b.png" alt="" />\n')))).toEqual([
      '9 : Image <img> sans texte alternatif : ajoutez alt="ce que montre l’image".',
      '11 : Image <img> sans texte alternatif : ajoutez alt="ce que montre l’image".',
    ]);
  });

  test('refuse une balise <img> sans alt dans une entrée du glossaire (Markdown)', () => {
    const source = '---\nterme: "CFA"\nforme: "centre de formation d’apprentis"\n---\nDéfinition.\n\n<img src="https://exemple.fr/a.png">\n';
    expect(lignes(problemesDe(source, 'content/glossaire/cfa.md'))).toEqual(['7 : Image <img> sans texte alternatif : ajoutez alt="ce que montre l’image".']);
  });
});
