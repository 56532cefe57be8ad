// Applique supabase/local puis supabase/migrations (une fois chacune), puis seed.sql sur une base neuve.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './base.ts';

const racine = join(import.meta.dirname, '..', '..', 'supabase');

/** Met la base à jour ; renvoie les migrations appliquées à l'instant. */
export async function migrer(db: Database, { seed = true } = {}): Promise<string[]> {
  await db.exec(`create schema if not exists supabase_migrations;
    create table if not exists supabase_migrations.schema_migrations (version text primary key, name text, applique_le timestamptz default now());`);
  const faites = new Set((await db.query<{ version: string }>('select version from supabase_migrations.schema_migrations')).rows.map((r) => r.version));
  const neuve = faites.size === 0;
  const appliquees: string[] = [];
  const fichiers = [
    ...lister('local').map((f) => ({ dossier: 'local', f, version: `local_${f}` })),
    ...lister('migrations').map((f) => ({ dossier: 'migrations', f, version: f.split('_')[0] ?? f })),
  ];
  for (const { dossier, f, version } of fichiers) {
    if (faites.has(version)) continue;
    const sql = readFileSync(join(racine, dossier, f), 'utf8');
    try {
      await db.transaction(async (tx) => {
        await tx.exec(sql);
        await tx.query('insert into supabase_migrations.schema_migrations (version, name) values ($1, $2)', [version, f]);
      });
    } catch (e) {
      throw new Error(`Migration ${dossier}/${f} en échec : ${(e as Error).message}`, { cause: e });
    }
    appliquees.push(`${dossier}/${f}`);
  }
  if (seed && neuve) {
    const seedSql = readFileSync(join(racine, 'seed.sql'), 'utf8');
    await db.transaction((tx) => tx.exec(seedSql));
  }
  return appliquees;
}

function lister(dossier: string): string[] {
  return readdirSync(join(racine, dossier)).filter((f) => f.endsWith('.sql')).sort();
}
