import { describe, expect, test } from 'vitest';
import { guide, lignes, problemesDe } from './exemples.fixture.ts';

describe('liens internes', () => {
  test('accepte les liens vers un guide, une ancre, le glossaire, une page, une page fixe et l’extérieur', () => {
    const corps = [
      '## Un titre',
      '',
      'Voir [la convention](/guides/reglementation/convention-pfmp/), [qui signe](/guides/reglementation/convention-pfmp/#qui-signe-la-convention),',
      '[ce qui est établi](/guides/reglementation/convention-pfmp/#ce-qui-est-établi), [la PFMP au glossaire](/glossaire/#terme-pfmp),',
      '[la lettre P](/glossaire/#lettre-P), [l’accessibilité](/accessibilite/#état-de-conformité), [la recherche](/recherche/?q=pfmp),',
      '[les pratiques](/guides/pratiques/), [l’annuaire](/annuaire/), [ce titre](#un-titre), [le site](https://reseau-bde.ac-montpellier.fr/guides/),',
      '[Légifrance](https://www.legifrance.gouv.fr/) et [le réseau](mailto:reseau-bde@ac-montpellier.fr).',
      '',
    ].join('\n');
    expect(problemesDe(guide(corps))).toEqual([]);
  });

  test('refuse un guide inexistant et propose celui qui porte le même nom', () => {
    expect(lignes(problemesDe(guide('Voir [la convention](/guides/pratiques/convention-pfmp/).\n')))).toEqual([
      '9 : Lien « /guides/pratiques/convention-pfmp/ » : cette page n’existe pas ; vouliez-vous dire « /guides/reglementation/convention-pfmp/ » ?',
    ]);
  });

  test('refuse une adresse sans barre oblique finale', () => {
    expect(lignes(problemesDe(guide('Texte.\n\nVoir [le glossaire](/glossaire).\n')))).toEqual([
      '11 : Lien « /glossaire » : ajoutez la barre oblique finale (« /glossaire/ »).',
    ]);
  });

  test('refuse une ancre absente de la page cible en listant les ancres possibles', () => {
    expect(lignes(problemesDe(guide('Voir [qui signe](/guides/reglementation/convention-pfmp/#Qui-signe).\n')))).toEqual([
      '9 : Ancre « #Qui-signe » introuvable dans « /guides/reglementation/convention-pfmp/ » (l’ancre d’un intertitre s’écrit en minuscules, les espaces remplacées par des tirets) ; ancres possibles : #qui-signe-la-convention, #ce-qui-est-établi.',
    ]);
  });

  test('refuse une ancre absente de la page elle-même', () => {
    expect(lignes(problemesDe(guide('## Le cadre\n\nVoir [plus haut](#cadre).\n')))).toEqual([
      '11 : Ancre « #cadre » introuvable dans « /guides/pratiques/essai/ » (l’ancre d’un intertitre s’écrit en minuscules, les espaces remplacées par des tirets) ; ancres possibles : #le-cadre.',
    ]);
  });

  test('refuse un lien vers un brouillon', () => {
    expect(lignes(problemesDe(guide('Voir [le brouillon](/guides/pratiques/brouillon/).\n')))).toEqual([
      '9 : Lien « /guides/pratiques/brouillon/ » : le guide « pratiques/brouillon » est un brouillon, il n’est pas publié.',
    ]);
  });

  test('refuse un lien relatif', () => {
    expect(lignes(problemesDe(guide('Voir [la convention](../reglementation/convention-pfmp/).\n')))).toEqual([
      '9 : Lien « ../reglementation/convention-pfmp/ » : écrivez l’adresse à partir de la racine du site, par exemple « /guides/reglementation/convention-pfmp/ ».',
    ]);
  });

  test('vérifie les fichiers de public/', () => {
    const source = guide('Le [modèle de convention](/documents/convention.pdf).\n');
    expect(problemesDe(source, undefined, ['/documents/convention.pdf'])).toEqual([]);
    expect(lignes(problemesDe(source))).toEqual([
      '9 : Lien « /documents/convention.pdf » : le fichier « /documents/convention.pdf » n’existe pas dans le dossier public/.',
    ]);
  });
});

describe('guides connexes', () => {
  test('accepte un guide existant', () => {
    expect(problemesDe(guide('Texte.\n', { connexes: '[reglementation/convention-pfmp]' }))).toEqual([]);
  });

  test('refuse un guide inexistant, à la ligne de l’élément', () => {
    expect(lignes(problemesDe(guide('Texte.\n', { connexes: '\n  - reglementation/convention-pfmp\n  - convention-pfmp' })))).toEqual([
      '9 : Champ « connexes » : « convention-pfmp » ne désigne aucun guide (forme attendue : famille/nom-du-fichier, par exemple reglementation/convention-pfmp) ; vouliez-vous dire « reglementation/convention-pfmp » ?',
    ]);
  });

  test('refuse une adresse à la place d’un identifiant', () => {
    expect(lignes(problemesDe(guide('Texte.\n', { connexes: '[/guides/reglementation/convention-pfmp/]' })))).toEqual([
      '7 : Champ « connexes » : écrivez « reglementation/convention-pfmp » (famille/nom du fichier), pas une adresse.',
    ]);
  });
});
