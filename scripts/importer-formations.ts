// npm run importer-formations -- N_FORMATION_DIPLOME.csv [--local]
// Importe les formations depuis l'export officiel de la Base Centrale des Nomenclatures (table
// N_FORMATION_DIPLOME, CSV « ; ») : en-tête reproduit de mémoire, à vérifier sur un vrai export (voir
// functions/_lib/outils/formations.ts). Toute erreur est signalée ligne par ligne et RIEN n'est écrit ;
// sinon chaque formation est insérée ou mise à jour par son code (rejouer le même fichier ne change rien).
// Variables : celles des fonctions (SUPABASE_URL, SUPABASE_SECRET_KEY…) ; --local : celles de « npm start »
// (lancé à côté).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { creerContexte } from '../functions/_lib/contexte.ts';
import { DomainError } from '../functions/_lib/errors.ts';
import { decoderFichier, importerFormations, lireFormationsBcn } from '../functions/_lib/outils/formations.ts';

const { values, positionals } = parseArgs({ options: { local: { type: 'boolean' } }, allowPositionals: true });
const fichier = positionals[0];
if (!fichier) {
  console.error('✘ Indiquez le fichier : npm run importer-formations -- N_FORMATION_DIPLOME.csv [--local]');
  process.exit(1);
}
let texte: string;
try {
  texte = decoderFichier(readFileSync(fichier));
} catch {
  console.error(`✘ Fichier illisible : ${fichier}`);
  process.exit(1);
}
const { formations, erreurs, ecartees } = lireFormationsBcn(texte);
if (erreurs.length) {
  for (const e of erreurs) console.error(`✘ ${e}`);
  console.error(`✘ ${erreurs.length} erreur${erreurs.length > 1 ? 's' : ''} : rien n’a été importé.`);
  process.exit(1);
}
if (values.local) {
  const { environnementLocal } = await import('../local/config.ts');
  for (const [k, v] of Object.entries(environnementLocal())) process.env[k] ??= v;
}
const s = (n: number) => (n > 1 ? 's' : '');
try {
  const ctx = creerContexte({ appelant: null, ip: '0.0.0.0', navigateur: null, requestId: 'import-formations' });
  const r = await importerFormations(formations, ctx);
  console.log(
    `✔ ${formations.length} formation${s(formations.length)} lue${s(formations.length)} : ${r.ajoutees} ajoutée${s(r.ajoutees)}, ${r.modifiees} mise${s(r.modifiees)} à jour, ${r.inchangees} inchangée${s(r.inchangees)} ; ${ecartees} ligne${s(ecartees)} écartée${s(ecartees)} (hors des niveaux du lycée professionnel ou fermée depuis plus d’un an).`,
  );
} catch (e) {
  console.error(`✘ Import interrompu : ${e instanceof DomainError || e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
}
