import { describe, expect, test } from 'vitest';
import { guide, lignes, problemesDe } from './exemples.fixture.ts';

const CHEMIN = 'content/guides/reglementation/essai.mdx';
const source = (titre: string) => `\n  - titre: "${titre}"\n    url: "https://www.legifrance.gouv.fr/"\n    nature: code`;

describe('restes du modèle de guide', () => {
  test('accepte une vraie source', () => {
    expect(problemesDe(guide('Texte.\n', { famille: 'reglementation', sources: source('Code de l’éducation, art. L. 124-1') }), CHEMIN)).toEqual([]);
  });

  test('refuse la source d’exemple « À remplacer », à la ligne de son titre', () => {
    expect(lignes(problemesDe(guide('Texte.\n', { famille: 'reglementation', sources: source('À remplacer : intitulé exact du texte') }), CHEMIN))).toEqual([
      '8 : Source n° 1 : c’est la source d’exemple du modèle (« À remplacer… »). Remplacez son titre, son adresse et sa nature par ceux d’un texte officiel réellement lu.',
    ]);
  });

  test('refuse une consigne « À compléter : » restée dans le texte', () => {
    expect(lignes(problemesDe(guide('Intro.\n\nÀ compléter\u00a0: ce que le lecteur doit savoir.\n')))).toEqual([
      '11 : Consigne du modèle « À compléter : » encore présente : remplacez-la par votre texte.',
    ]);
  });
});
