import { describe, expect, test } from 'vitest';
import { demandeCodeSchema, ouvertureSessionSchema } from './auth.ts';

const erreurs = (schema: typeof demandeCodeSchema | typeof ouvertureSessionSchema, d: unknown) => {
  const r = schema.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('demande de code', () => {
  test('accepte une adresse et la met en minuscules sans espaces', () => {
    expect(demandeCodeSchema.parse({ email: '  Marie.Membre@Exemple.TEST ' })).toEqual({ email: 'marie.membre@exemple.test' });
  });
  test('refuse une adresse absente', () => {
    expect(erreurs(demandeCodeSchema, {})).toEqual(['Indiquez votre adresse électronique.']);
  });
  test('refuse une adresse vide', () => {
    expect(erreurs(demandeCodeSchema, { email: '   ' })).toEqual(['Indiquez votre adresse électronique.']);
  });
  test('refuse une adresse mal formée', () => {
    expect(erreurs(demandeCodeSchema, { email: 'marie@' })[0]).toContain('n’est pas valide');
  });
  test('refuse un nombre', () => {
    expect(erreurs(demandeCodeSchema, { email: 42 })).toEqual(['Indiquez votre adresse électronique.']);
  });
  test('refuse une adresse de plus de 254 caractères', () => {
    expect(erreurs(demandeCodeSchema, { email: `${'a'.repeat(250)}@x.fr` })).toEqual(['Cette adresse électronique est trop longue.']);
  });
});

describe('ouverture de session', () => {
  test('accepte un code à 6 chiffres, espaces retirés', () => {
    expect(ouvertureSessionSchema.parse({ email: 'a@b.fr', code: '123 456' })).toEqual({ email: 'a@b.fr', code: '123456' });
  });
  test('refuse un code absent', () => {
    expect(erreurs(ouvertureSessionSchema, { email: 'a@b.fr' })).toEqual(['Indiquez le code reçu par courriel.']);
  });
  test('refuse un code de 5 chiffres ou avec des lettres', () => {
    expect(erreurs(ouvertureSessionSchema, { email: 'a@b.fr', code: '12345' })).toEqual(['Le code se compose de 6 chiffres.']);
    expect(erreurs(ouvertureSessionSchema, { email: 'a@b.fr', code: '12a456' })).toEqual(['Le code se compose de 6 chiffres.']);
  });
  test('refuse un code numérique (il doit être une chaîne)', () => {
    expect(erreurs(ouvertureSessionSchema, { email: 'a@b.fr', code: 123456 })).toEqual(['Indiquez le code reçu par courriel.']);
  });
});
