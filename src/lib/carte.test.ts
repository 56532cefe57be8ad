import { describe, expect, test } from 'vitest';
import { boiteDuTrace, carteAcademie, reunir } from './carte.ts';

describe('carte des départements', () => {
  test('boîte d’un tracé en « m » relatifs, sous-tracés repartant du début après « z »', () => {
    expect(boiteDuTrace('m 10,20 5,0 0,5 -5,0 z m 20,0 1,1 z')).toEqual({ x: 10, y: 20, largeur: 21, hauteur: 5 });
    expect(boiteDuTrace('M 1,2 3,4')).toEqual({ x: 1, y: 2, largeur: 2, hauteur: 2 });
  });
  test('réunion de boîtes', () => {
    expect(
      reunir([
        { x: 0, y: 0, largeur: 1, hauteur: 1 },
        { x: 2, y: -1, largeur: 1, hauteur: 1 },
      ]),
    ).toEqual({ x: 0, y: -1, largeur: 3, hauteur: 2 });
  });
  test('les cinq départements de l’académie, dans un cadre resserré autour d’eux', () => {
    const c = carteAcademie();
    expect(c.departements.map((d) => `${d.code} ${d.nom}`)).toEqual(['11 Aude', '30 Gard', '34 Hérault', '48 Lozère', '66 Pyrénées-Orientales']);
    const [, , l, h] = c.viewBox.split(' ').map(Number);
    // La France entière fait 613 × 585 : l'académie en est une petite partie.
    expect(l).toBeLessThan(200);
    expect(h).toBeLessThan(200);
    for (const d of c.departements) expect(d.trace.startsWith('m')).toBe(true);
  });
});
