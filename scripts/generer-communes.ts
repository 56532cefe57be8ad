// npm run generer-communes : écrit src/lib/communes.gen.json, l'index compact des communes actuelles tiré de
// @etalab/decoupage-administratif (source maintenue, jamais saisie à la main) : [code INSEE, nom, département,
// codes postaux séparés par des espaces]. 1,3 Mo au lieu des 8,6 Mo du paquet : une fonction qui cherche une
// commune démarre à froid trois à quatre fois plus vite (npm run bench -- carnet). Refaire après une mise à
// jour du paquet ; scripts/generer-communes.test.ts vérifie que le fichier versionné est à jour.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const racine = join(import.meta.dirname, '..');
/** Le fichier généré, relatif à la racine du dépôt. */
export const FICHIER_COMMUNES = 'src/lib/communes.gen.json';

/** Le texte de l'index, tel qu'il doit être versionné. */
export function genererCommunes(): string {
  const chemin = createRequire(import.meta.url).resolve('@etalab/decoupage-administratif/data/communes.json');
  const brutes = JSON.parse(readFileSync(chemin, 'utf8')) as { code: string; nom: string; departement?: string; type: string; codesPostaux?: string[] }[];
  const lignes = brutes
    .filter((c) => c.type === 'commune-actuelle' && c.departement)
    .map((c) => JSON.stringify([c.code, c.nom, c.departement, (c.codesPostaux ?? []).join(' ')]));
  return `[\n${lignes.join(',\n')}\n]\n`;
}

if (import.meta.main) {
  writeFileSync(join(racine, FICHIER_COMMUNES), genererCommunes());
  console.log(`${FICHIER_COMMUNES} écrit.`);
}
