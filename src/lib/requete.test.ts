import { describe, expect, test } from 'vitest';
import { corrigerRequete, developperRequete, distance, motsDe, normaliserMot, variantesRequete } from './requete.ts';

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
    const vocabulaire = new Map([['allocation', 40], ['location', 2], ['convention', 30], ['entreprise', 80]]);
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
});
