// Préparation globale des tests : un modèle PGlite migré et peuplé, chargé ensuite par chaque fichier.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function preparer() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { migrer } = await import('../base/migrer.ts');
  const { envelopperPglite } = await import('../base/base.ts');
  const dossier = mkdtempSync(join(tmpdir(), 'rbde-tests-'));
  const pg = await PGlite.create();
  const db = envelopperPglite(pg);
  await migrer(db);
  const modele = join(dossier, 'modele.tar');
  writeFileSync(modele, Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer()));
  await pg.close();
  process.env.RBDE_MODELE_PGLITE = modele;
  return () => rmSync(dossier, { recursive: true, force: true });
}
