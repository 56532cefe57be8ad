// Budgets de poids du site construit (dist/, produit par npm run build avant vitest dans npm test).
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BUDGETS, depassements, mesurerPoids } from './budgets.ts';

const dist = join(import.meta.dirname, '..', 'dist');

describe('budgets de poids (octets compressés)', () => {
  const poids = mesurerPoids(dist);

  test('la page de guide, ses polices, l’accueil et le chemin de recherche tiennent dans leurs budgets', () => {
    expect(depassements(poids), JSON.stringify(poids)).toEqual([]);
  });

  test('chaque poste mesure vraiment quelque chose', () => {
    for (const [poste, n] of Object.entries(poids)) expect(n, poste).toBeGreaterThan(5_000);
  });

  test('un budget trop bas est signalé, en français', () => {
    const trop = depassements(poids, { ...BUDGETS, guide: 1_000, recherche: 1_000 });
    expect(trop).toHaveLength(2);
    expect(trop[0]).toMatch(/^guide : [\d.]+ Ko compressés, au-delà du budget de 1\.0 Ko/);
  });
});
