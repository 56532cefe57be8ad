import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import {
  corrigerRequete,
  developperRequete,
  distance,
  motsDe,
  nombresEnExpressions,
  normaliserMot,
  remplacerSynonymes,
  tableSynonymes,
  variantesRequete,
} from './requete.ts';

describe('préparation des requêtes', () => {
  test('retire les élisions, apostrophe droite ou typographique', () => {
    expect(developperRequete("l'entreprise")).toBe('entreprise');
    expect(developperRequete('l’entreprise d’accueil')).toBe('entreprise accueil');
    expect(developperRequete("qu'il jusqu'à")).toBe('il à');
  });
  test('garde les mots composés et les nombres', () => {
    expect(developperRequete('16 ans')).toBe('16 ans');
    expect(developperRequete("chef-d'œuvre")).toBe('chef-œuvre');
  });
  test('propose les variantes œ et oe', () => {
    expect(variantesRequete('oeuvre')).toEqual(['oeuvre', 'œuvre']);
    expect(variantesRequete('chef-d’œuvre')).toEqual(['chef-œuvre', 'chef-oeuvre']);
    expect(variantesRequete('PFMP')).toEqual(['PFMP']);
    expect(variantesRequete('voeux')).toContain('vœux');
    // Avec une majuscule initiale ou en capitales.
    expect(variantesRequete('Oeuvre')).toContain('Œuvre');
    expect(variantesRequete('Mise en Oeuvre')).toContain('Mise en Œuvre');
    expect(variantesRequete('OEUVRE')).toContain('ŒUVRE');
  });
  describe('synonymes du glossaire, cherchés par leur terme', () => {
    const table = tableSynonymes([
      {
        terme: 'organisme d’accueil',
        variantes: ['organismes d’accueil', 'entreprise d’accueil', 'entreprises d’accueil', 'lieu d’accueil', 'lieux d’accueil', 'entreprise', 'entreprises'],
        synonymes: ['boîte', 'boite'],
      },
      { terme: 'PFMP', variantes: [], synonymes: ['stage'] },
      { terme: 'tuteur', variantes: [], synonymes: ['patron', 'maître de stage'] },
      { terme: 'CAP', variantes: [], synonymes: [] },
    ]);
    test('la table garde les formes du moins de mots, un pluriel comptant pour son singulier', () => {
      expect(table).toEqual({
        boite: ['entreprise'],
        stage: ['PFMP'],
        patron: ['tuteur'],
        'maitre de stage': ['tuteur'],
      });
    });
    test('remplace chaque synonyme, l’expression avant le mot, accents et casse ignorés', () => {
      expect(remplacerSynonymes('le patron de élève', table)).toEqual(['le tuteur de élève']);
      expect(remplacerSynonymes('Maître de Stage', table)).toEqual(['tuteur']);
      expect(remplacerSynonymes('durée du stage', table)).toEqual(['durée du PFMP']);
      expect(remplacerSynonymes('BOÎTE', table)).toEqual(['entreprise']);
      expect(remplacerSynonymes('convention', table)).toEqual([]);
      // « stages » n'est pas le synonyme déclaré : Pagefind le ramène à « stage » dans la requête telle quelle.
      expect(remplacerSynonymes('stages', table)).toEqual([]);
    });
    test('combine plusieurs synonymes, six formes au plus', () => {
      expect(remplacerSynonymes('stage en boîte', table)).toEqual(['PFMP en entreprise']);
      const plusieurs = tableSynonymes([{ terme: 'CMQ', variantes: ['campus', 'pôle'], synonymes: ['lycée des métiers'] }]);
      expect(plusieurs).toEqual({ 'lycee des metiers': ['CMQ', 'campus', 'pôle'] });
      expect(remplacerSynonymes('lycée des métiers ou lycée des métiers', plusieurs)).toEqual([
        'CMQ ou CMQ',
        'CMQ ou campus',
        'CMQ ou pôle',
        'campus ou CMQ',
        'campus ou campus',
        'campus ou pôle',
      ]);
    });
  });
  test('retire l’élision de la requête sans chercher de forme élidée : l’index a découpé « l’embauche »', () => {
    expect(variantesRequete('l’embauche d’apprentis')).toEqual(['embauche apprentis']);
    expect(variantesRequete('caisse primaire d’assurance maladie')).toEqual(['caisse primaire assurance maladie']);
  });
  test('réécrit les montants en expression exacte groupée par milliers, comme dans les guides', () => {
    expect(nombresEnExpressions('1200')).toBe('"1 200"');
    expect(nombresEnExpressions('1200 €')).toBe('"1 200"');
    expect(nombresEnExpressions('1 200 €')).toBe('"1 200"');
    expect(nombresEnExpressions('1\u202f200\u00a0€')).toBe('"1 200"');
    expect(nombresEnExpressions('aide de 5000 euros')).toBe('aide de "5 000"');
    expect(nombresEnExpressions('plafond 12000')).toBe('plafond "12 000"');
    expect(nombresEnExpressions('2000 €')).toBe('"2 000"');
  });
  test('laisse les années, les petits nombres et les références de textes', () => {
    expect(nombresEnExpressions('2024')).toBeNull();
    expect(nombresEnExpressions('réforme 2024')).toBeNull();
    expect(nombresEnExpressions('16 ans')).toBeNull();
    expect(nombresEnExpressions('4,35 €')).toBeNull();
    expect(nombresEnExpressions('circulaire 2016-053')).toBeNull();
    expect(nombresEnExpressions('17 février 2026')).toBeNull();
  });
  test('normalise un mot pour la comparaison', () => {
    expect(normaliserMot('Réglementés')).toBe('reglementes');
    expect(normaliserMot('Œuvre')).toBe('oeuvre');
  });
  test('mesure la distance d’édition, transpositions comprises', () => {
    expect(distance('allocation', 'alocation')).toBe(1);
    expect(distance('convention', 'conevntion')).toBe(1);
    expect(distance('tuteur', 'docteur')).toBeGreaterThan(2);
  });
  test('corrige une faute de frappe par le mot le plus proche et le plus fréquent', () => {
    const vocabulaire = new Map([
      ['allocation', 40],
      ['location', 2],
      ['convention', 30],
      ['entreprise', 80],
    ]);
    expect(corrigerRequete('alocation', vocabulaire)).toBe('allocation');
    expect(corrigerRequete('conevntion de stage', vocabulaire)).toBe('convention de stage');
    expect(corrigerRequete('entreprise', vocabulaire)).toBeNull();
    expect(corrigerRequete('zzzzzzz', vocabulaire)).toBeNull();
  });
  test('ne corrige ni les mots courts ni les nombres', () => {
    expect(corrigerRequete('alo 2024', new Map([['allo', 1]]))).toBeNull();
  });
  test('découpe un texte en mots normalisés d’au moins 4 lettres', () => {
    expect(motsDe('La Convention de PFMP, chef-d’œuvre !')).toEqual(['convention', 'pfmp', 'chef', 'oeuvre']);
  });
  test('la table des mots déjà normalisés ne garde pas les pages d’où ils viennent', () => {
    // Sans copie, chaque mot nouveau de 13 lettres ou plus garde en mémoire tout le texte lu (ici 60 textes de
    // 1,2 Mo : 70 Mo gardés ; sur 1 000 guides, la construction en gardait 200).
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const avant = process.memoryUsage().heapUsed;
    for (let i = 0; i < 60; i++) expect(motsDe(`${'- '.repeat(600_000)}accompagnements${i}`)).toContain(`accompagnements${i}`);
    gc();
    expect(process.memoryUsage().heapUsed - avant).toBeLessThan(20 * 2 ** 20);
  });
});
