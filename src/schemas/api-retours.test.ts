import { describe, expect, test } from 'vitest';
import { reponseDemandeCodeSchema, santeSchema, tentativeCodeSchema } from './api-retours.ts';

describe('santeSchema', () => {
  test('accepte la réponse de la base', () => expect(santeSchema.safeParse({ base: 'ok', heure: '2026-12-03T09:00:00+00:00' }).success).toBe(true));
  test('refuse une base qui ne répond pas « ok »', () => expect(santeSchema.safeParse({ base: 'ko', heure: 'x' }).success).toBe(false));
});

describe('reponseDemandeCodeSchema', () => {
  test('accepte une demande acceptée', () => expect(reponseDemandeCodeSchema.safeParse({ accepte: true }).success).toBe(true));
  test('accepte une demande refusée avec son attente', () => expect(reponseDemandeCodeSchema.safeParse({ accepte: false, attente: 42 }).success).toBe(true));
  test('refuse une attente nulle ou négative', () => expect(reponseDemandeCodeSchema.safeParse({ accepte: false, attente: 0 }).success).toBe(false));
  test('refuse une réponse sans « accepte »', () => expect(reponseDemandeCodeSchema.safeParse({ attente: 3 }).success).toBe(false));
});

describe('tentativeCodeSchema', () => {
  test('accepte un essai autorisé', () => expect(tentativeCodeSchema.safeParse({ autorise: true, restants: 4 }).success).toBe(true));
  test('refuse un nombre d’essais négatif', () => expect(tentativeCodeSchema.safeParse({ autorise: false, restants: -1 }).success).toBe(false));
  test('refuse un essai sans « autorise »', () => expect(tentativeCodeSchema.safeParse({ restants: 2 }).success).toBe(false));
});
