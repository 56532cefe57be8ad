// Chaque migration a un numéro de version unique (la partie avant « _ ») : local/base/migrer.ts comme
// `supabase db push` repèrent les migrations appliquées par ce numéro ; deux fichiers au même numéro
// feraient ignorer le second sans bruit.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

test('les numéros de version des migrations sont uniques et bien formés', () => {
  const fichiers = readdirSync(join(import.meta.dirname, '..', 'migrations')).filter((f) => f.endsWith('.sql'));
  const versions = fichiers.map((f) => f.split('_')[0]!);
  expect(fichiers.filter((f) => !/^\d{14}_[a-z0-9_]+\.sql$/.test(f)), 'nom attendu : AAAAMMJJHHMMSS_verbe_objet.sql').toEqual([]);
  const doublons = versions.filter((v, i) => versions.indexOf(v) !== i);
  expect(doublons, `numéros en double : ${doublons.join(', ')} — renumérotez la plus récente`).toEqual([]);
});
