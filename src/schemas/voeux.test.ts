import { describe, expect, test } from 'vitest';
import { demandeAllocationSchema, demandeVoeuxSchema } from './voeux.ts';

const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message) ?? [];

describe('demandeVoeuxSchema', () => {
  test('accepte un classement par créneau', () => {
    expect(demandeVoeuxSchema.parse({ voeux: [{ creneau: 'c1', ateliers: ['x', 'y'] }] })).toEqual({ voeux: [{ creneau: 'c1', ateliers: ['x', 'y'] }] });
    expect(demandeVoeuxSchema.parse({ voeux: [] })).toEqual({ voeux: [] });
  });
  test.each([
    ['vœux absents', {}, 'Indiquez vos vœux, créneau par créneau.'],
    [
      'un atelier classé deux fois',
      { voeux: [{ creneau: 'c1', ateliers: ['x', 'x'] }] },
      'Un atelier ne peut être classé qu’une fois (deux rangs pour le même atelier).',
    ],
    [
      'un créneau classé deux fois',
      {
        voeux: [
          { creneau: 'c1', ateliers: ['x'] },
          { creneau: 'c1', ateliers: ['y'] },
        ],
      },
      'Un créneau ne peut être classé qu’une fois.',
    ],
    ['un créneau sans atelier', { voeux: [{ creneau: 'c1', ateliers: [] }] }, 'Classez au moins un atelier par créneau.'],
    [
      'un identifiant d’atelier invalide',
      { voeux: [{ creneau: 'c1', ateliers: ['X Y'] }] },
      'atelier : lettres minuscules sans accent, chiffres et tirets seulement.',
    ],
    ['un créneau manquant', { voeux: [{ ateliers: ['x'] }] }, 'creneau : identifiant obligatoire.'],
    ['trop d’ateliers', { voeux: [{ creneau: 'c1', ateliers: Array.from({ length: 31 }, (_, i) => `a${i}`) }] }, 'Trop d’ateliers classés.'],
    ['un champ inconnu', { voeux: [{ creneau: 'c1', ateliers: ['x'], rang: 1 }] }, undefined],
  ])('refuse %s', (_l, corps, message) => {
    const r = demandeVoeuxSchema.safeParse(corps);
    expect(r.success).toBe(false);
    if (message) expect(messages(r)).toContain(message);
  });
});

describe('demandeAllocationSchema', () => {
  test('accepte une graine', () => expect(demandeAllocationSchema.parse({ graine: ' tirage 2026 ' })).toEqual({ graine: 'tirage 2026' }));
  test.each([
    ['absente', {}, 'Indiquez la graine du tirage.'],
    ['trop courte', { graine: 'abc' }, 'La graine tient en 4 caractères au moins.'],
    ['trop longue', { graine: 'x'.repeat(201) }, 'La graine tient en 200 caractères au plus.'],
  ])('refuse une graine %s', (_l, corps, message) => expect(messages(demandeAllocationSchema.safeParse(corps))).toContain(message));
});
