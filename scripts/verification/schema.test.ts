import { describe, expect, test } from 'vitest';
import { CONTENU, guide, lignes, problemesDe } from './exemples.fixture.ts';
import { verifierFichiers } from './index.ts';

describe('frontmatter des guides', () => {
  test('accepte le contenu d’exemple et un guide complet', () => {
    expect(verifierFichiers(CONTENU).problemes).toEqual([]);
    expect(problemesDe(guide('Texte.\n'))).toEqual([]);
  });

  test('refuse un titre trop court, avec le champ et sa ligne', () => {
    expect(lignes(problemesDe(guide('Texte.\n', { titre: 'Abc' })))).toEqual(['2 : Champ « titre » : Le titre est trop court.']);
  });

  test('refuse un thème inconnu en désignant l’élément fautif', () => {
    const [p] = problemesDe(guide('Texte.\n', { themes: '[pfmp, cuisine]' }));
    expect(p?.ligne).toBe(5);
    expect(p?.message).toMatch(/^Champ « themes » › n° 2 : Thème inconnu\. Thèmes possibles : role-rbde, pfmp/);
  });

  test('signale un champ inconnu, que zod ignorerait', () => {
    expect(lignes(problemesDe(guide('Texte.\n', { verifiele: '2026-11-30' })))).toEqual([
      '7 : Champ inconnu « verifiele » : il serait ignoré. Vouliez-vous dire « verifieLe » ?',
    ]);
  });

  test('refuse une famille qui ne correspond pas au dossier', () => {
    expect(lignes(problemesDe(guide('Texte.\n', { famille: 'partenaires' })))).toEqual([
      '4 : Champ « famille » : « partenaires », mais le fichier est dans le dossier « pratiques ». Corrigez le champ ou déplacez le fichier.',
    ]);
  });

  test('exige sources et verifieLe pour la réglementation, même quand un autre champ est faux', () => {
    const chemin = 'content/guides/reglementation/essai.mdx';
    const problemes = lignes(problemesDe(guide('Texte.\n', { famille: 'reglementation', verifieLe: null, description: null }), chemin));
    expect(problemes).toEqual([
      '1 : Champ « description » : La description est obligatoire.',
      '1 : Champ « sources » : Un guide de réglementation doit citer ses sources (champ sources).',
      '1 : Champ « verifieLe » : Un guide de réglementation doit porter sa date de vérification (champ verifieLe).',
    ]);
  });

  test('refuse une date qui n’existe pas au calendrier', () => {
    expect(lignes(problemesDe(guide('Texte.\n', { verifieLe: '2026-02-30' })))).toEqual([
      '6 : Champ « verifieLe » : date attendue au format AAAA-MM-JJ (par exemple 2026-11-30), et qui existe au calendrier.',
    ]);
  });

  test('refuse aRevoirLe avant verifieLe', () => {
    expect(lignes(problemesDe(guide('Texte.\n', { aRevoirLe: '2026-01-01' })))).toEqual([
      '7 : Champ « aRevoirLe » : aRevoirLe ne peut pas précéder verifieLe.',
    ]);
  });

  test('refuse une source sans adresse complète, à la ligne de l’adresse', () => {
    const sources = '\n  - titre: "Code de l’éducation"\n    url: "legifrance.gouv.fr"';
    expect(lignes(problemesDe(guide('Texte.\n', { sources })))).toEqual([
      '9 : Champ « sources » › n° 1 › « url » : L’adresse d’une source doit être une URL complète (https://…).',
    ]);
  });

  test('explique un frontmatter illisible (deux-points dans une valeur sans guillemets)', () => {
    const [p, ...autres] = problemesDe(guide('Texte.\n', { titre: 'France Travail : ce qui change' }));
    expect(autres).toEqual([]);
    expect(p?.ligne).toBe(2);
    expect(p?.message).toMatch(/^Frontmatter illisible \(YAML\) : si la valeur contient « : »/);
  });

  test('refuse un fichier sans frontmatter', () => {
    expect(lignes(problemesDe('# Titre\n\nTexte.\n'))[0]).toBe(
      '1 : Le fichier doit commencer par un frontmatter : une ligne « --- », les champs (titre, description…), puis une autre ligne « --- ».',
    );
  });

  test('refuse un nom de fichier avec majuscules ou accents', () => {
    expect(lignes(problemesDe(guide('Texte.\n'), 'content/guides/pratiques/Élève-sans-stage.mdx'))).toEqual([
      '1 : Nom de fichier « Élève-sans-stage » : utilisez des minuscules sans accents, des chiffres et des tirets (il devient l’adresse de la page).',
    ]);
  });
});

describe('frontmatter du glossaire et des pages', () => {
  test('accepte une entrée du glossaire complète', () => {
    expect(problemesDe('---\nterme: "CFA"\nforme: "centre de formation d’apprentis"\n---\nDéfinition.\n', 'content/glossaire/cfa.md')).toEqual([]);
  });

  test('refuse une entrée du glossaire sans forme développée', () => {
    expect(lignes(problemesDe('---\nterme: "CFA"\n---\nDéfinition.\n', 'content/glossaire/cfa.md'))).toEqual([
      '1 : Champ « forme » : La forme développée est obligatoire.',
    ]);
  });

  test('refuse une page sans date de mise à jour valide', () => {
    const source = '---\ntitre: "Mentions légales"\ndescription: "Éditeur, hébergeur et crédits du site."\nmisAJourLe: bientôt\n---\n\nTexte.\n';
    expect(lignes(problemesDe(source, 'content/pages/mentions-legales.mdx'))).toEqual(['4 : Champ « misAJourLe » : date attendue au format AAAA-MM-JJ.']);
  });
});
