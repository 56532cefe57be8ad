// Export CSV du carnet (UTF-8 avec BOM, « ; », fins de ligne Windows : s'ouvre tel quel dans un tableur français).
import { stringify } from 'csv-stringify/sync';
import type { Contexte } from '../contexte.ts';

const COLONNES = [
  ['nom', 'Nom'],
  ['siret', 'SIRET'],
  ['code_naf', 'Code NAF'],
  ['commune', 'Commune'],
  ['commune_insee', 'Code commune (INSEE)'],
  ['departement', 'Département'],
  ['adresse', 'Adresse'],
  ['taille', 'Effectif'],
  ['dernier_contact', 'Dernier contact'],
  ['formations', 'Formations'],
  ['contacts', 'Contacts professionnels'],
  ['note', 'Notes de mon lycée'],
] as const;

export async function exporterCarnet(ctx: Contexte): Promise<string> {
  const lignes = await ctx.api.carnet_exporter();
  return stringify(lignes, {
    header: true,
    bom: true,
    delimiter: ';',
    record_delimiter: 'windows',
    columns: COLONNES.map(([key, header]) => ({ key, header })),
    // Neutralise les formules (=, +, -, @) qu'un tableur exécuterait.
    cast: { string: (v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v) },
  });
}
