// L'index compact des communes versionné est à jour avec @etalab/decoupage-administratif.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { communeParCode, communesParCodePostal, communesParNom } from '../src/lib/referentiels.ts';
import { FICHIER_COMMUNES, genererCommunes } from './generer-communes.ts';

test('src/lib/communes.gen.json est à jour (sinon : npm run generer-communes)', () => {
  expect(readFileSync(join(import.meta.dirname, '..', FICHIER_COMMUNES), 'utf8') === genererCommunes()).toBe(true);
});

test('l’index trouve une commune par code, par nom (homonymes) et par code postal', () => {
  expect(communeParCode('34172')).toEqual({ code: '34172', nom: 'Montpellier', departement: '34', codesPostaux: ['34000', '34070', '34080', '34090'] });
  expect(communesParNom('saint-andre').length).toBeGreaterThan(1);
  expect(communesParNom('Sète').map((c) => c.code)).toEqual(['34301']);
  expect(communesParCodePostal('11000').map((c) => c.nom)).toEqual(['Berriac', 'Carcassonne']);
});
