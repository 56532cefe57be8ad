// Limites de connexion en SQL (api.code_demander, api.code_tenter) : par adresse, par client,
// liées au navigateur. Sur PGlite, et sur PostgreSQL quand DATABASE_URL est donné.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database, Requetes } from '../../local/base/base.ts';
import { creerBaseDeTest, GENRES_DE_BASE } from '../../local/tests/base-test.ts';

const hex = (c: string) => c.repeat(64);
type Demande = { accepte: boolean; raison?: string; attente?: number };
type Essai = { autorise: boolean; restants: number; raison?: string };

describe.each(GENRES_DE_BASE)('limites de connexion sur %s', (genre) => {
  let db: Database;
  beforeAll(async () => {
    db = await creerBaseDeTest(genre);
  });
  afterAll(() => db?.close());

  /** Une série d'appels en service_role dans une transaction annulée à la fin. */
  async function scenario<T>(fn: (tx: Requetes) => Promise<T>): Promise<T> {
    let r: T | undefined;
    await db
      .transaction(async (tx) => {
        await tx.exec('set local role service_role');
        r = await fn(tx);
        throw new Error('__annuler__');
      })
      .catch((e: Error) => {
        if (e.message !== '__annuler__') throw e;
      });
    return r as T;
  }
  const demander = async (tx: Requetes, a: string, c: string, n: string) => (await tx.query<{ v: Demande }>('select api.code_demander($1, $2, $3) as v', [a, c, n])).rows[0]!.v;
  const tenter = async (tx: Requetes, a: string, c: string, n: string) => (await tx.query<{ v: Essai }>('select api.code_tenter($1, $2, $3) as v', [a, c, n])).rows[0]!.v;
  const vieillir = (tx: Requetes, s: number) => tx.query(`update prive.evenements_connexion set le = le - make_interval(secs => $1)`, [s]);

  test('une demande par minute et par adresse, avec l’attente en secondes', () =>
    scenario(async (tx) => {
      expect(await demander(tx, hex('a'), hex('1'), hex('f'))).toEqual({ accepte: true });
      const seconde = await demander(tx, hex('a'), hex('2'), hex('e'));
      expect(seconde).toMatchObject({ accepte: false, raison: 'ADRESSE_MINUTE' });
      expect(seconde.attente).toBeGreaterThan(0);
    }));

  test('cinq demandes par heure et par adresse, dix par jour', () =>
    scenario(async (tx) => {
      for (let i = 0; i < 5; i++) {
        expect((await demander(tx, hex('a'), hex('1'), hex('f'))).accepte).toBe(true);
        await vieillir(tx, 61);
      }
      expect(await demander(tx, hex('a'), hex('1'), hex('f'))).toMatchObject({ accepte: false, raison: 'ADRESSE_HEURE' });
      await vieillir(tx, 3600);
      for (let i = 0; i < 5; i++) {
        expect((await demander(tx, hex('a'), hex('1'), hex('f'))).accepte).toBe(true);
        await vieillir(tx, 61);
      }
      await vieillir(tx, 3600);
      expect(await demander(tx, hex('a'), hex('1'), hex('f'))).toMatchObject({ accepte: false, raison: 'ADRESSE_JOUR' });
    }));

  test('vingt demandes par heure pour un même client, quelles que soient les adresses', () =>
    scenario(async (tx) => {
      for (let i = 0; i < 20; i++) expect((await demander(tx, (i.toString(16).padStart(2, '0')).repeat(32), hex('9'), hex('f'))).accepte).toBe(true);
      expect(await demander(tx, hex('b'), hex('9'), hex('f'))).toMatchObject({ accepte: false, raison: 'CLIENT' });
      expect((await demander(tx, hex('b'), hex('8'), hex('f'))).accepte).toBe(true);
    }));

  test('un essai n’est admis que du navigateur qui a demandé le dernier code, et il n’est pas compté sinon', () =>
    scenario(async (tx) => {
      expect(await tenter(tx, hex('a'), hex('1'), hex('f'))).toMatchObject({ autorise: false, raison: 'NAVIGATEUR' });
      await demander(tx, hex('a'), hex('1'), hex('f'));
      expect(await tenter(tx, hex('a'), hex('2'), hex('e'))).toMatchObject({ autorise: false, raison: 'NAVIGATEUR' });
      expect(await tenter(tx, hex('a'), hex('2'), hex('f'))).toEqual({ autorise: true, restants: 4 });
    }));

  test('cinq essais par code ; un nouveau code ne remet pas à zéro la fenêtre de l’heure (10 échecs)', () =>
    scenario(async (tx) => {
      await demander(tx, hex('a'), hex('1'), hex('f'));
      const essais = [];
      for (let i = 0; i < 6; i++) essais.push(await tenter(tx, hex('a'), hex('1'), hex('f')));
      expect(essais.map((e) => e.restants)).toEqual([4, 3, 2, 1, 0, 0]);
      expect(essais.at(-1)).toMatchObject({ autorise: false, raison: 'CODE_EPUISE' });
      await vieillir(tx, 61);
      await demander(tx, hex('a'), hex('1'), hex('f'));
      for (let i = 0; i < 5; i++) expect((await tenter(tx, hex('a'), hex('1'), hex('f'))).autorise).toBe(true);
      await vieillir(tx, 61);
      await demander(tx, hex('a'), hex('1'), hex('f'));
      expect(await tenter(tx, hex('a'), hex('1'), hex('f'))).toMatchObject({ autorise: false, raison: 'VERROUILLE' });
      // Une heure plus tard, la fenêtre a glissé.
      await vieillir(tx, 3601);
      await demander(tx, hex('a'), hex('1'), hex('f'));
      expect((await tenter(tx, hex('a'), hex('1'), hex('f'))).autorise).toBe(true);
    }));

  test('un succès ne compte pas comme un échec', () =>
    scenario(async (tx) => {
      await demander(tx, hex('a'), hex('1'), hex('f'));
      await tenter(tx, hex('a'), hex('1'), hex('f'));
      await tx.query('select api.code_reussir($1)', [hex('a')]);
      const { rows } = await tx.query<{ genre: string }>(`select genre from prive.evenements_connexion where genre <> 'demande'`);
      expect(rows).toEqual([{ genre: 'succes' }]);
    }));

  test('la purge retire les événements de plus de 7 jours, et eux seuls', () =>
    scenario(async (tx) => {
      await demander(tx, hex('a'), hex('1'), hex('f'));
      await vieillir(tx, 8 * 86400);
      await demander(tx, hex('b'), hex('1'), hex('f'));
      expect((await tx.query<{ n: number }>('select api.connexions_purger() as n')).rows[0]!.n).toBe(1);
      expect((await tx.query<{ n: number }>('select count(*)::int as n from prive.evenements_connexion')).rows[0]!.n).toBe(1);
    }));

  test('refuse une empreinte mal formée', () =>
    expect(scenario((tx) => demander(tx, 'pas-hex', hex('1'), hex('f')))).rejects.toMatchObject({ code: 'P0001', message: 'REQUETE_INVALIDE' }));

  // Une course ne se prouve que sur PostgreSQL : PGlite exécute une transaction à la fois.
  test.runIf(genre === 'postgres')('dix essais simultanés sur un même code n’en autorisent que cinq (PostgreSQL)', async () => {
    const a = hex('7');
    await db.query(`select api.code_demander($1, $2, $3)`, [a, hex('1'), hex('f')]);
    const essais = await Promise.all(
      // Dix clients différents (dix IP) : seul le verrou de l'adresse les départage.
      Array.from({ length: 10 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.exec('set local role service_role');
          return (await tx.query<{ v: Essai }>('select api.code_tenter($1, $2, $3) as v', [a, i.toString(16).padStart(64, '0'), hex('f')])).rows[0]!.v.autorise;
        }),
      ),
    );
    expect(essais.filter(Boolean)).toHaveLength(5);
    await db.query('delete from prive.evenements_connexion where adresse = $1', [a]);
  });

  test.runIf(genre === 'postgres')('vingt demandes simultanées d’une même adresse n’en acceptent qu’une (PostgreSQL)', async () => {
    const a = hex('6');
    const r = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction(async (tx) => {
          await tx.exec('set local role service_role');
          return (await tx.query<{ v: Demande }>('select api.code_demander($1, $2, $3) as v', [a, i.toString(16).padStart(64, '0'), hex('f')])).rows[0]!.v.accepte;
        }),
      ),
    );
    expect(r.filter(Boolean)).toHaveLength(1);
    await db.query('delete from prive.evenements_connexion where adresse = $1', [a]);
  });
});
