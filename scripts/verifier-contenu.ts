// npm run verifier-contenu : vérifie les guides, le glossaire et les pages de content/ avant publication.
// Affiche `fichier:ligne : message` pour chaque problème, puis un total ; code de sortie 1 s'il y en a.
// Option --corriger : pose les espaces insécables manquantes là où c'est sans ambiguïté, puis revérifie.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotationGithub, formaterProbleme, formaterTotal, lireContenu, verifierFichiers } from './verification/index.ts';
import { appliquerCorrections, problemesTypographie } from './verification/typographie.ts';

const racine = join(import.meta.dirname, '..');
const corriger = process.argv.includes('--corriger');

let { fichiers, fichiersPublics } = lireContenu(racine);
if (corriger) {
  let corriges = 0;
  for (const doc of verifierFichiers(fichiers, fichiersPublics).documents) {
    const corrections = problemesTypographie(doc).flatMap((p) => (p.correction ? [p.correction] : []));
    if (corrections.length === 0) continue;
    const chemin = join(racine, doc.chemin);
    writeFileSync(chemin, appliquerCorrections(readFileSync(chemin, 'utf8').replace(/^\uFEFF/, ''), corrections));
    corriges += corrections.length;
  }
  console.log(
    `${corriges} espace${corriges > 1 ? 's' : ''} insécable${corriges > 1 ? 's' : ''} posée${corriges > 1 ? 's' : ''} ou corrigée${corriges > 1 ? 's' : ''}.`,
  );
  ({ fichiers, fichiersPublics } = lireContenu(racine));
}

const { problemes } = verifierFichiers(fichiers, fichiersPublics);
for (const p of problemes) console.log(formaterProbleme(p));
if (process.env.GITHUB_ACTIONS === 'true') for (const p of problemes) console.log(annotationGithub(p));
console.log(formaterTotal(problemes, fichiers.length));
if (problemes.length > 0) {
  console.log(
    'Chaque ligne donne le fichier, le numéro de ligne et ce qu’il faut changer. Aide : CONTRIBUTING.md, « Quand la vérification signale une erreur ».',
  );
  process.exitCode = 1;
}
