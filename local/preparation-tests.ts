// Préparation globale des tests : un modèle PGlite migré et peuplé, chargé ensuite par chaque fichier.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function preparer() {
  const { PGlite } = await import('@electric-sql/pglite');
  const { migrer } = await import('./migrer.ts');
  const dossier = mkdtempSync(join(tmpdir(), 'rbde-tests-'));
  const pg = await PGlite.create();
  const db = {
    genre: 'pglite' as const,
    query: async (sql: string, params?: unknown[]) => ({ rows: (await pg.query(sql, params)).rows as never[] }),
    exec: async (sql: string) => {
      await pg.exec(sql);
    },
    transaction: <T>(fn: (tx: never) => Promise<T>) =>
      pg.transaction((tx) => fn({ query: async (s: string, p?: unknown[]) => ({ rows: (await tx.query(s, p)).rows }), exec: async (s: string) => void (await tx.exec(s)) } as never)),
    close: () => pg.close(),
  };
  await migrer(db as never);
  const modele = join(dossier, 'modele.tar');
  writeFileSync(modele, Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer()));
  await pg.close();
  process.env.RBDE_MODELE_PGLITE = modele;
  return () => rmSync(dossier, { recursive: true, force: true });
}
