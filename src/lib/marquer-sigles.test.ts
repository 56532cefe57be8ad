import { describe, expect, test } from 'vitest';
import { marquerPage, marquerSigles, type TermeAMarquer } from './marquer-sigles.ts';

const termes: TermeAMarquer[] = [
  { terme: 'PFMP', forme: 'période de formation en milieu professionnel', variantes: [], abreviation: true },
  { terme: 'GRETA', forme: 'groupement d’établissements', variantes: ['Greta'], abreviation: true },
  { terme: 'GRETA-CFA', forme: 'GRETA centre de formation d’apprentis', variantes: [], abreviation: true },
  { terme: 'CAP', forme: 'certificat d’aptitude professionnelle', variantes: [], abreviation: true },
  { terme: 'tuteur', forme: 'tuteur en entreprise', variantes: [], abreviation: false },
];

describe('marquage des sigles', () => {
  test('marque seulement la première occurrence, avec la forme longue indexée', () => {
    const { html } = marquerSigles('<p>La PFMP dure. Une PFMP encore.</p>', termes);
    expect(html).toBe(
      '<p>La <abbr title="période de formation en milieu professionnel" data-pagefind-index-attrs="title">PFMP</abbr> dure. Une PFMP encore.</p>',
    );
  });
  test('ne marque pas dans un lien, un titre ou du code', () => {
    const src = '<h2>La PFMP</h2><p><a href="/x/">PFMP</a> <code>PFMP</code></p><p>Puis la PFMP.</p>';
    const { html } = marquerSigles(src, termes);
    expect(html).toContain('<h2>La PFMP</h2>');
    expect(html).toContain('<a href="/x/">PFMP</a>');
    expect(html).toContain('<p>Puis la <abbr');
  });
  test('ne confond pas un sigle avec un morceau de mot ni un mot en minuscules', () => {
    const { html } = marquerSigles('<p>Le CAPES, la cape et les CAPs.</p>', termes);
    expect(html).not.toContain('<abbr');
  });
  test('préfère le sigle le plus long : GRETA-CFA avant GRETA', () => {
    const { html } = marquerSigles('<p>Le GRETA-CFA et le GRETA.</p>', termes);
    expect(html).toContain('<abbr title="GRETA centre de formation d’apprentis" data-pagefind-index-attrs="title">GRETA-CFA</abbr>');
    expect(html).toContain('le <abbr title="groupement d’établissements" data-pagefind-index-attrs="title">GRETA</abbr>.');
  });
  test('reconnaît une variante déclarée', () => {
    expect(marquerSigles('<p>Le Greta du bassin.</p>', termes).html).toContain('>Greta</abbr>');
  });
  test('indexe le sigle quand seule la forme longue est écrite', () => {
    const { html, trouves } = marquerSigles('<p>Chaque période de formation en milieu professionnel compte.</p>', termes);
    expect(html).toContain('<span data-sigle="PFMP" data-pagefind-index-attrs="data-sigle">période de formation en milieu professionnel</span>');
    expect(trouves).toEqual(['PFMP']);
  });
  test('garde les entités et les apostrophes typographiques', () => {
    const { html } = marquerSigles('<p>L’élève &amp; la PFMP &lt;3</p>', termes);
    expect(html).toBe('<p>L’élève &amp; la <abbr title="période de formation en milieu professionnel" data-pagefind-index-attrs="title">PFMP</abbr> &lt;3</p>');
  });
  test('ne marque pas les mots ordinaires du glossaire', () => {
    expect(marquerSigles('<p>Le tuteur suit l’élève.</p>', termes).html).not.toContain('<abbr');
  });
  test('ne touche que la zone de contenu d’une page', () => {
    const page = '<header>PFMP</header><div class="rbde-contenu"><div><p>PFMP</p></div></div><footer>CAP</footer>';
    const resultat = marquerPage(page, termes);
    expect(resultat.startsWith('<header>PFMP</header>')).toBe(true);
    expect(resultat).toContain('<p><abbr');
    expect(resultat.endsWith('<footer>CAP</footer>')).toBe(true);
  });

  describe('synonymes du glossaire', () => {
    // Les synonymes sont cherchés à la requête (remplacerSynonymes) : rien ne s'ajoute aux pages ni à leurs extraits.
    const avecSynonymes = [
      { terme: 'PFMP', forme: 'période de formation en milieu professionnel', variantes: [], abreviation: true, synonymes: ['stage'] },
      { terme: 'tuteur', forme: 'tuteur de l’organisme d’accueil', variantes: [], abreviation: false, synonymes: ['patron', 'maître de stage'] },
    ];
    test('un sigle à synonymes est marqué une fois, comme les autres, sans ses synonymes', () => {
      const { html } = marquerSigles('<p>La PFMP dure. Une PFMP encore.</p>', avecSynonymes);
      expect(html).toBe(
        '<p>La <abbr title="période de formation en milieu professionnel" data-pagefind-index-attrs="title">PFMP</abbr> dure. Une PFMP encore.</p>',
      );
    });
    test('un mot ordinaire à synonymes reste tel quel', () => {
      const { html, trouves } = marquerSigles('<p>Le tuteur suit l’élève ; le tuteur signe.</p>', avecSynonymes);
      expect(html).toBe('<p>Le tuteur suit l’élève ; le tuteur signe.</p>');
      expect(trouves).toEqual([]);
    });
  });
});
