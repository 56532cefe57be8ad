// Une base PostgreSQL pour les remplaçants locaux : PGlite (fichiers sous .data/) par défaut,
// un serveur PostgreSQL quand DATABASE_URL est donné.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Requetes {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  /** Exécute plusieurs instructions SQL sans paramètres. */
  exec(sql: string): Promise<void>;
}

export interface Database extends Requetes {
  /** Envoie plusieurs instructions en une seule requête (protocole simple : une transaction implicite,
   *  annulée entière en cas d'erreur) ; renvoie les lignes de la dernière instruction. */
  execDerniere<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /** Exécute fn dans une transaction : validée s'il réussit, annulée s'il lève. */
  transaction<T>(fn: (tx: Requetes) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly genre: 'pglite' | 'postgres';
}

export interface OptionsBase {
  /** URL d'un serveur PostgreSQL ; sinon PGlite. */
  url?: string;
  /** Dossier des fichiers PGlite ; absent : base en mémoire. */
  dossier?: string;
}

/** Ouvre la base décrite par les options. */
export async function createDatabase(options: OptionsBase = {}): Promise<Database> {
  return options.url ? ouvrirPostgres(options.url) : ouvrirPglite(options.dossier);
}

async function ouvrirPglite(dossier?: string): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  let liberer = () => {};
  if (dossier) {
    mkdirSync(dossier, { recursive: true });
    liberer = verrouiller(join(dossier, '..', `${dossier.split('/').pop()}.verrou`));
  }
  return envelopperPglite(await PGlite.create(dossier ? { dataDir: dossier } : {}), liberer);
}

/** L'interface Database autour d'une instance PGlite déjà ouverte. */
export function envelopperPglite(db: import('@electric-sql/pglite').PGlite, liberer: () => void = () => {}): Database {
  return {
    genre: 'pglite',
    query: async (sql, params) => ({ rows: (await db.query(sql, params as unknown[])).rows as never[] }),
    exec: async (sql) => {
      await db.exec(sql);
    },
    execDerniere: async (sql) => ((await db.exec(sql)).at(-1)?.rows ?? []) as never[],
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async (sql, params) => ({ rows: (await tx.query(sql, params as unknown[])).rows as never[] }),
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
    close: async () => {
      await db.close();
      liberer();
    },
  };
}

async function ouvrirPostgres(url: string): Promise<Database> {
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  let fermee = false;
  // Une connexion inactive que le serveur coupe (redémarrage, base supprimée) est retirée du pool ;
  // sans écouteur, pg lèverait une exception non rattrapée et arrêterait tout le processus.
  pool.on('error', (erreur) => {
    if (!fermee) console.error(`Connexion PostgreSQL inactive perdue (${erreur.message}) : le pool en rouvrira une.`);
  });
  await pool.query('select 1');
  return {
    genre: 'postgres',
    query: async (sql, params) => ({ rows: (await pool.query(sql, params as unknown[])).rows }),
    exec: async (sql) => {
      await pool.query(sql);
    },
    execDerniere: async (sql) => {
      const r = (await pool.query(sql)) as unknown as { rows: never[] } | { rows: never[] }[];
      return Array.isArray(r) ? (r.at(-1)?.rows ?? []) : r.rows;
    },
    transaction: async (fn) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const resultat = await fn({
          query: async (sql, params) => ({ rows: (await client.query(sql, params as unknown[])).rows }),
          exec: async (sql) => {
            await client.query(sql);
          },
        });
        await client.query('commit');
        return resultat;
      } catch (erreur) {
        await client.query('rollback').catch(() => {});
        throw erreur;
      } finally {
        client.release();
      }
    },
    close: () => {
      fermee = true;
      return pool.end();
    },
  };
}

/** Un seul processus possède les fichiers PGlite : un verrou avec le pid du propriétaire. */
function verrouiller(fichier: string): () => void {
  mkdirSync(dirname(fichier), { recursive: true });
  if (existsSync(fichier)) {
    const pid = Number(readFileSync(fichier, 'utf8'));
    if (pid && pid !== process.pid && vivant(pid)) {
      throw new Error(
        `La base locale est déjà ouverte par le processus ${pid} (verrou ${fichier}). ` +
          'Arrêtez l’autre « npm start » ou « npm run dev », ou donnez DATABASE_URL pour utiliser PostgreSQL.',
      );
    }
  }
  writeFileSync(fichier, String(process.pid));
  return () => rmSync(fichier, { force: true });
}

function vivant(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
