import { describe, expect, test } from 'vitest';
import { dateIso, dateLongue, estPassee } from './dates-fr.ts';

describe('dates en français', () => {
  test('écrit le mois en toutes lettres', () => {
    expect(dateLongue(new Date('2026-11-30T12:00:00Z'))).toBe('30 novembre 2026');
  });
  test('écrit « 1er » pour le premier du mois', () => {
    expect(dateLongue(new Date('2027-01-01T12:00:00Z'))).toBe('1er janvier 2027');
  });
  test('donne la forme ISO pour datetime', () => {
    expect(dateIso(new Date('2026-09-26T00:00:00Z'))).toBe('2026-09-26');
  });
  test('une date d’hier est passée, celle du jour ne l’est pas', () => {
    const aujourdhui = new Date('2026-11-30T10:00:00Z');
    expect(estPassee(new Date('2026-11-29'), aujourdhui)).toBe(true);
    expect(estPassee(new Date('2026-11-30'), aujourdhui)).toBe(false);
  });
});
