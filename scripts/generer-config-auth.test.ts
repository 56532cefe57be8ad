import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { FICHIER_GENERE, genererConfigAuth } from './generer-config-auth.ts';

test('src/schemas/config-auth.gen.ts reflète supabase/config.toml (sinon : npm run generer-config-auth)', () => {
  expect(readFileSync(FICHIER_GENERE, 'utf8')).toBe(genererConfigAuth());
});
