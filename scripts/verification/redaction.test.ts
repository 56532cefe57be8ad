import { describe, expect, test } from 'vitest';
import { guide, lignes, problemesDe } from './exemples.fixture.ts';

describe('rédaction publiée', () => {
  test('accepte un texte qui parle au lecteur et écrit « 2de »', () => {
    expect(
      problemesDe(guide('La circulaire n° 2016-053 le dit. En 2de, la séquence dure deux semaines\u00a0; à vérifier dans le modèle de convention.\n')),
    ).toEqual([]);
  });

  test('refuse « nos sources », « fiche de faits », « synthèse », « volontairement courtes », « questions ouvertes », « aucune source consultée » et « n’a pas été relevé », avec leur ligne', () => {
    const corps = [
      'Nos sources ne le disent pas.',
      '',
      'Selon la fiche de faits, le RBDE ne signe pas (synthèse).',
      '',
      'Ces réponses sont volontairement courtes.',
      '',
      '## Questions ouvertes',
      '',
      'Aucune source consultée ne le dit\u00a0; le numéro n’a pas été relevé.',
      '',
    ].join('\n');
    expect(lignes(problemesDe(guide(corps))).map((l) => l.slice(0, l.indexOf(' parle')))).toEqual([
      '9 : « Nos sources »',
      '11 : « fiche de faits »',
      '11 : « synthèse »',
      '13 : « volontairement courtes »',
      '15 : « Questions ouvertes »',
      '17 : « Aucune source consultée »',
      '17 : « n’a pas été relevé »',
    ]);
  });

  test('refuse « 2nde » dans le corps, dans un encadré, dans le titre, mais pas dans une adresse de lien', () => {
    const corps = [
      'Les élèves de 2nde et de [2de](https://exemple.fr/stages-3e-2nde/).',
      '',
      '<Encadre type="cle" titre="En 2nde">',
      '',
      'Texte.',
      '',
      '</Encadre>',
      '',
    ].join('\n');
    const source = guide(corps, { titre: '"Observation en 2nde générale"' });
    expect(lignes(problemesDe(source))).toEqual([
      '2 : « 2nde » : écrivez « 2de » (abréviation de « seconde » : 2de, 2d).',
      '9 : « 2nde » : écrivez « 2de » (abréviation de « seconde » : 2de, 2d).',
      '11 : « 2nde » : écrivez « 2de » (abréviation de « seconde » : 2de, 2d).',
    ]);
  });
});
