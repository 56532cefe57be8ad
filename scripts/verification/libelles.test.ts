import { describe, expect, test } from 'vitest';
import { guide, lignes, problemesDe } from './exemples.fixture.ts';
import { normaliserLibelle } from './libelles.ts';

const vague = (libelle: string) =>
  `9 : Libellé de lien vague « ${libelle} » : dites où mène le lien, par exemple « [la circulaire du 29 mars 2016](…) » ou « [le guide sur la convention](…) ».`;

describe('libellés de liens', () => {
  test('accepte un libellé qui dit où mène le lien', () => {
    expect(problemesDe(guide('Voir [le guide sur la convention](/guides/reglementation/convention-pfmp/).\n'))).toEqual([]);
  });

  test('refuse « cliquez ici », quelle que soit la casse', () => {
    expect(lignes(problemesDe(guide('Pour la convention, [Cliquez ici](/guides/reglementation/convention-pfmp/).\n')))).toEqual([vague('Cliquez ici')]);
  });

  test('refuse « plus d’infos » avec une apostrophe typographique', () => {
    expect(lignes(problemesDe(guide('La convention ([plus d’infos](/guides/reglementation/convention-pfmp/)).\n')))).toEqual([vague('plus d’infos')]);
  });

  test('refuse « voir » seul, mais pas « voir la convention »', () => {
    expect(
      lignes(
        problemesDe(
          guide('La convention, [voir](/guides/reglementation/convention-pfmp/) ou [voir la convention](/guides/reglementation/convention-pfmp/).\n'),
        ),
      ),
    ).toEqual([vague('voir')]);
  });

  test('ramène les libellés à une forme comparable', () => {
    expect(normaliserLibelle(' En savoir plus… ')).toBe('en savoir plus');
    expect(normaliserLibelle('Plus d’INFOS →')).toBe("plus d'infos");
  });
});
