import { describe, expect, test } from 'vitest';
import { guide, lignes, problemesDe } from './exemples.fixture.ts';
import { lireDocument } from './document.ts';
import { appliquerCorrections, problemesTypographie } from './typographie.ts';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('espaces de la typographie française', () => {
  test('accepte les espaces insécables, fines ou écrites &nbsp;', () => {
    const corps = `Le RBDE${NBSP}: il informe${NNBSP}; il appuie${NBSP}! Qui signe${NBSP}? Vraiment${NBSP}?! «${NBSP}Tripartite${NBSP}» et «${NNBSP}oui${NNBSP}», ou encore&nbsp;: ceci.\n`;
    expect(problemesDe(guide(corps))).toEqual([]);
  });

  test('ne confond pas une heure, un ratio, une adresse, du code ou un attribut avec de la ponctuation', () => {
    const corps = [
      'Accueil à 8:30, un tuteur pour 3 élèves (ratio 1:3), voir https://www.legifrance.gouv.fr/?a=1 ou http://exemple.fr.',
      '',
      'La commande `npm run verifier-contenu : ok` et [la page d’exemple](https://exemple.fr/a?b=c).',
      '',
      '```',
      'titre : exemple ; sans contrôle !',
      '```',
      '',
      `<Encadre type="cle" titre="À retenir : ceci">`,
      '',
      `Texte${NBSP}: oui.`,
      '',
      '</Encadre>',
      '',
    ].join('\n');
    expect(problemesDe(guide(corps))).toEqual([]);
  });

  test('refuse une espace normale avant « : », avec la ligne', () => {
    expect(lignes(problemesDe(guide('Introduction.\n\nLe RBDE : il informe.\n')))).toEqual([
      '11 : Espace normale avant « : » (« Le RBDE : ») : remplacez-la par une espace insécable (ou écrivez « &nbsp;: »).',
    ]);
  });

  test('refuse un retour à la ligne avant « : », qui s’affiche comme une espace normale', () => {
    expect(lignes(problemesDe(guide('Le RBDE\n: il informe.\n')))).toEqual([
      '10 : Espace normale avant « : » (« Le RBDE : ») : remplacez-la par une espace insécable (ou écrivez « &nbsp;: »).',
    ]);
  });

  test('refuse l’absence d’espace avant « ? », y compris après du gras et dans un titre', () => {
    expect(lignes(problemesDe(guide('## Qui signe?\n\nC’est **important**!\n')))).toEqual([
      '9 : Il manque une espace insécable avant « ? » (« Qui signe? ») : ajoutez-en une (ou écrivez « &nbsp;? »).',
      '11 : Il manque une espace insécable avant « ! » (« C’est important! ») : ajoutez-en une (ou écrivez « &nbsp;! »).',
    ]);
  });

  test('refuse une espace normale après « « » et l’absence d’espace avant « » »', () => {
    expect(lignes(problemesDe(guide('Une convention « tripartite».\n')))).toEqual([
      '9 : Espace normale après « « » (« Une convention « tripart ») : remplacez-la par une espace insécable (ou écrivez « «&nbsp; »).',
      '9 : Il manque une espace insécable avant « » » (« Une convention « tripartite» ») : ajoutez-en une (ou écrivez « &nbsp;» »).',
    ]);
  });

  test('contrôle aussi les listes, les tableaux et les libellés de liens', () => {
    const corps =
      '- un point ; deux\n\n| Acteur | Rôle |\n|---|:---:|\n| Élève | signe ; effectue |\n\nLe [guide : convention](/guides/reglementation/convention-pfmp/).\n';
    expect(problemesDe(guide(corps)).map((p) => p.ligne)).toEqual([9, 13, 15]);
  });

  test('corrige les espaces sans toucher au reste', () => {
    const source = guide('Le RBDE : il informe, et signe? Une « convention ».\n');
    const doc = lireDocument('content/guides/pratiques/essai.mdx', source);
    const corrections = problemesTypographie(doc).flatMap((p) => (p.correction ? [p.correction] : []));
    expect(corrections).toHaveLength(4);
    expect(appliquerCorrections(source, corrections)).toBe(guide(`Le RBDE${NBSP}: il informe, et signe${NBSP}? Une «${NBSP}convention${NBSP}».\n`));
  });

  test('signale un retour à la ligne avant « : » sans le corriger d’office (deux lignes du fichier seraient fusionnées)', () => {
    const doc = lireDocument('content/guides/pratiques/essai.mdx', guide('Le RBDE\n: il informe.\n'));
    const [probleme, ...autres] = problemesTypographie(doc);
    expect(autres).toEqual([]);
    expect(probleme?.message).toContain('Espace normale avant « : »');
    expect(probleme?.correction).toBeNull();
  });
});
