// npm run importer-etablissements -- fichier.csv [--local]
// Importe les lycées de l'académie depuis l'export « Annuaire de l'éducation » (data.education.gouv.fr,
// jeu fr-en-annuaire-education, format CSV « ; »). Toute erreur est signalée ligne par ligne et RIEN n'est
// écrit. Base : DATABASE_URL (PostgreSQL, en production la connexion directe de Supabase) ; --local : la
// base PGlite de « npm start » (.data/pglite, arrêtez d'abord npm start).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase } from '../local/base/base.ts';
import { ecrireEtablissements } from './etablissements/ecrire.ts';
import { lireAnnuaireEducation } from './etablissements/lire.ts';

const { values, positionals } = parseArgs({ options: { local: { type: 'boolean' } }, allowPositionals: true });
const fichier = positionals[0];
if (!fichier) {
  console.error('✘ Indiquez le fichier : npm run importer-etablissements -- fr-en-annuaire-education.csv [--local]');
  process.exit(1);
}
let texte: string;
try {
  texte = readFileSync(fichier, 'utf8');
} catch {
  console.error(`✘ Fichier illisible : ${fichier}`);
  process.exit(1);
}
const { etablissements, erreurs, ecartees } = lireAnnuaireEducation(texte);
if (erreurs.length) {
  for (const e of erreurs) console.error(`✘ ${e}`);
  console.error(`✘ ${erreurs.length} erreur${erreurs.length > 1 ? 's' : ''} : rien n’a été importé.`);
  process.exit(1);
}
const url = process.env.DATABASE_URL;
if (!url && !values.local) {
  console.error('✘ Indiquez la base : DATABASE_URL=postgres://… ou --local (base de npm start).');
  process.exit(1);
}
const db = await createDatabase(url ? { url } : { dossier: join(import.meta.dirname, '..', '.data', 'pglite') });
try {
  const { ajoutes, misAJour } = await ecrireEtablissements(db, etablissements);
  console.log(
    `✔ ${etablissements.length} lycée${etablissements.length > 1 ? 's' : ''} importé${etablissements.length > 1 ? 's' : ''} (${ajoutes} ajouté${ajoutes > 1 ? 's' : ''}, ${misAJour} mis à jour) ; ${ecartees} ligne${ecartees > 1 ? 's' : ''} écartée${ecartees > 1 ? 's' : ''} (hors académie ou pas un lycée).`,
  );
} catch (e) {
  console.error(`✘ Import annulé, rien n’a été écrit : ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.close();
}
