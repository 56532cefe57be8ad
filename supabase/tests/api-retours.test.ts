// Les annotations @retour disent vrai : ce que rend chaque fonction JSON du schéma api passe le schéma
// zod du type qu'elle déclare (scripts/generer-api.ts en fait le type TypeScript de son résultat).
// Tourne sur PGlite, et aussi sur PostgreSQL quand DATABASE_URL est donné.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { z } from 'zod';
import type { Database } from '../../local/base.ts';
import { creerBaseDeTest, GENRES_DE_BASE } from '../../local/base-test.ts';
import { reponseDemandeCodeSchema, santeSchema, tentativeCodeSchema } from '../../src/schemas/api-retours.ts';
import { profilSchema } from '../../src/schemas/membre.ts';

const MEMBRE = '00000000-0000-4000-8000-000000000003';

describe.each(GENRES_DE_BASE)('résultats JSON du schéma api sur %s', (genre) => {
  let db: Database;
  beforeAll(async () => {
    db = await creerBaseDeTest(genre);
  });
  afterAll(() => db?.close());

  /** Les valeurs rendues par les appels, sous un rôle, dans une transaction annulée. */
  async function sous(role: string, sub: string | null, appels: string[]): Promise<unknown[]> {
    const valeurs: unknown[] = [];
    await db
      .transaction(async (tx) => {
        await tx.exec(`set local role ${role}`);
        await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(sub ? { sub, role } : { role })]);
        for (const appel of appels) valeurs.push((await tx.query<{ v: unknown }>(`select ${appel} as v`)).rows[0]!.v);
        throw new Error('__annuler__');
      })
      .catch((e: Error) => {
        if (e.message !== '__annuler__') throw e;
      });
    return valeurs;
  }
  const conforme = (schema: z.ZodType, valeur: unknown) => expect(schema.safeParse(valeur).error?.issues ?? [], JSON.stringify(valeur)).toEqual([]);

  test('api.moi rend un Profil', async () => {
    const [profil] = await sous('authenticated', MEMBRE, ['api.moi()']);
    conforme(profilSchema, profil);
  });

  test('api.sante rend une Sante', async () => {
    const [sante] = await sous('anon', null, ['api.sante()']);
    conforme(santeSchema, sante);
  });

  test('api.code_demander rend une ReponseDemandeCode, acceptée puis refusée', async () => {
    const empreinte = `'${'e'.repeat(64)}'`;
    const reponses = await sous('service_role', null, [`api.code_demander(${empreinte})`, `api.code_demander(${empreinte})`]);
    for (const r of reponses) conforme(reponseDemandeCodeSchema, r);
    expect(reponses.map((r) => (r as { accepte: boolean }).accepte)).toEqual([true, false]);
  });

  test('api.code_tenter rend une TentativeCode, autorisée puis épuisée', async () => {
    const empreinte = `'${'f'.repeat(64)}'`;
    const essais = await sous('service_role', null, Array.from({ length: 6 }, () => `api.code_tenter(${empreinte})`));
    for (const e of essais) conforme(tentativeCodeSchema, e);
    expect(essais.at(-1)).toEqual({ autorise: false, restants: 0 });
  });
});
