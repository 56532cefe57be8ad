import { describe, expect, test } from 'vitest';
import { guide, lignes, problemesDe } from './exemples.fixture.ts';
import { estAdresseOfficielle } from './sources.ts';

const reglementation = (sources: string) => guide('Texte.\n', { famille: 'reglementation', themes: '[convention]', sources: `\n${sources}` });
const CHEMIN = 'content/guides/reglementation/essai.mdx';
const AUCUNE_OFFICIELLE =
  'Aucune source officielle : un guide de réglementation cite au moins un texte sur un site officiel (Légifrance, Bulletin officiel, Eduscol, education.gouv.fr, service-public.fr, travail-emploi.gouv.fr, site d’une académie…). Un syndicat, un assureur ou un blog peut compléter, jamais remplacer.';

describe('sources des guides', () => {
  test('accepte un guide de réglementation qui cite Légifrance à côté d’un syndicat', () => {
    const sources = [
      '  - titre: "Article d’un syndicat"',
      '    url: "https://snalc.fr/?p=30161"',
      '    nature: autre',
      '  - titre: "Code de l’éducation, art. L. 124-2"',
      '    url: "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000029233451"',
      '    nature: code',
    ].join('\n');
    expect(problemesDe(reglementation(sources), CHEMIN)).toEqual([]);
  });

  test('refuse un guide de réglementation qui ne cite que des syndicats, un assureur ou une copie du code', () => {
    const sources = [
      '  - titre: "Article d’un syndicat"',
      '    url: "https://snalc.fr/?p=30161"',
      '  - titre: "Assureur associatif"',
      '    url: "https://www.autonome-solidarite.fr/articles/lieu-public"',
      '  - titre: "Code de l’éducation, copie Archéo Lex"',
      '    url: "http://archeo-lex.fr/codes/code_de_l%27%C3%A9ducation/2014-07-12/modifications"',
      '    nature: code',
    ].join('\n');
    expect(lignes(problemesDe(reglementation(sources), CHEMIN))).toEqual([`7 : ${AUCUNE_OFFICIELLE}`]);
  });

  test('refuse une source sans adresse, dans n’importe quelle famille, avec la ligne de la source', () => {
    const sources = [
      '  - titre: "Eduscol, travaux réglementés"',
      '    url: "https://eduscol.education.fr/684/les-travaux-reglementes"',
      '  - titre: "Circulaire lue sur papier"',
    ].join('\n');
    expect(lignes(problemesDe(reglementation(sources), CHEMIN))).toEqual([
      '10 : Source n° 2 (« Circulaire lue sur papier ») sans adresse : ajoutez son champ url (https://…), pour que le lecteur puisse lire le texte.',
    ]);
    expect(lignes(problemesDe(guide('Texte.\n', { sources: '\n  - titre: "Un livre"' })))).toEqual([
      '8 : Source n° 1 (« Un livre ») sans adresse : ajoutez son champ url (https://…), pour que le lecteur puisse lire le texte.',
    ]);
  });

  test('refuse une entrée du glossaire dont la source n’a pas d’adresse', () => {
    const entree = '---\nterme: "ISST"\nforme: "inspecteur santé et sécurité au travail"\nsource:\n  titre: "Décret n° 82-453"\n---\nDéfinition.\n';
    expect(lignes(problemesDe(entree, 'content/glossaire/isst.md'))).toEqual(['4 : Source sans adresse : ajoutez son champ url (https://…).']);
  });

  test('reconnaît les domaines officiels, et pas leurs imitations', () => {
    for (const url of [
      'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000047963979',
      'https://www.education.gouv.fr/bo/2023/Hebdo29/MENE2315401C',
      'https://eduscol.education.fr/3857/un-bureau-des-entreprises',
      'https://www.service-public.fr/particuliers/vosdroits/F1688',
      'https://travail-emploi.gouv.fr/le-temps-de-travail-des-jeunes',
      'https://www.ac-montpellier.fr/les-responsables-du-bureau-des-entreprises-126129',
      'https://lgt-henri-darras-lievin.62.ac-lille.fr/',
      'https://www.region-academique-occitanie.fr/',
    ])
      expect(estAdresseOfficielle(url), url).toBe(true);
    for (const url of [
      'https://snalc.fr/?p=30161',
      'https://gouv.fr.exemple.com/',
      'https://juriblio.fr/arretes/x',
      'https://monsite-ac-montpellier.com/',
      'pas une adresse',
      undefined,
    ])
      expect(estAdresseOfficielle(url), String(url)).toBe(false);
  });

  test('refuse, dans la partie « Sources » du corps, un élément sans lien vers une adresse', () => {
    const corps = [
      '## Ce qui compte',
      '',
      '- une liste ailleurs, sans lien, acceptée',
      '',
      '## Sources',
      '',
      '- [Code de l’éducation sur Légifrance](https://www.legifrance.gouv.fr/codes/texte_lc/LEGITEXT000006071191/)',
      '- Article de presse, 2024 (adresse inconnue)',
      '',
    ].join('\n');
    expect(lignes(problemesDe(guide(corps)))).toEqual([
      '16 : Source sans adresse dans la partie « Sources » (« Article de presse, 2024 (adresse inconnue) ») : faites-en un lien vers le texte, ou retirez-la si l’adresse est inconnue.',
    ]);
  });
});
