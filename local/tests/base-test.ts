// Bases jetables pour les tests : PGlite chargé depuis un modèle déjà migré et peuplé (rapide),
// ou une base neuve sur le serveur PostgreSQL de DATABASE_URL.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createDatabase, envelopperPglite, type Database } from '../base/base.ts';
import { migrer } from '../base/migrer.ts';

/** Chemin du modèle PGlite préparé par local/tests/preparation-tests.ts. */
export const MODELE_PGLITE = process.env.RBDE_MODELE_PGLITE;

/** Une base migrée et peuplée, à fermer avec fermer(). */
export async function creerBaseDeTest(genre: 'pglite' | 'postgres' = 'pglite'): Promise<Database> {
  if (genre === 'postgres') return creerBasePostgres();
  if (MODELE_PGLITE) {
    const { PGlite } = await import('@electric-sql/pglite');
    const pg = await PGlite.create({ loadDataDir: new Blob([readFileSync(MODELE_PGLITE)]) });
    return envelopperPglite(pg);
  }
  const db = await createDatabase();
  await migrer(db);
  return db;
}

async function creerBasePostgres(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL manque pour une base de test PostgreSQL.');
  const nom = `rbde_test_${randomBytes(4).toString('hex')}`;
  const admin = await createDatabase({ url });
  await admin.exec(`create database ${nom}`);
  const adresse = new URL(url);
  adresse.pathname = `/${nom}`;
  const db = await createDatabase({ url: adresse.toString() });
  await migrer(db);
  return {
    ...db,
    close: async () => {
      await db.close();
      await admin.exec(`drop database if exists ${nom} with (force)`);
      await admin.close();
    },
  };
}

/** Les genres de base sur lesquels faire tourner les tests SQL. */
export const GENRES_DE_BASE: ('pglite' | 'postgres')[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
