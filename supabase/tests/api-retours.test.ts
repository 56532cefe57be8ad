// Les annotations @retour disent vrai : ce que rend chaque fonction JSON du schéma api passe le schéma
// zod du type qu'elle déclare (scripts/generer-api.ts en fait le type TypeScript de son résultat).
// Tourne sur PGlite, et aussi sur PostgreSQL quand DATABASE_URL est donné.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { z } from 'zod';
import type { Database } from '../../local/base/base.ts';
import { creerBaseDeTest, GENRES_DE_BASE } from '../../local/tests/base-test.ts';
import { membreProvisionneSchema, reponseDemandeCodeSchema, santeSchema, tentativeCodeSchema } from '../../src/schemas/api-retours.ts';
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
        // Un membre appelle avec une session vivante (session_id), comme après une vraie connexion.
        const session = '00000000-0000-4000-9000-000000000001';
        if (sub) await tx.query(`insert into auth.sessions (id, user_id) values ($1, $2)`, [session, sub]);
        await tx.exec(`set local role ${role}`);
        await tx.query(`select set_config('request.jwt.claims', $1, true)`, [JSON.stringify(sub ? { sub, role, session_id: session } : { role })]);
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

  const h = (c: string) => `'${c.repeat(64)}'`;

  test('api.code_demander rend une ReponseDemandeCode, acceptée puis refusée', async () => {
    const appel = `api.code_demander(${h('e')}, ${h('1')}, ${h('2')})`;
    const reponses = await sous('service_role', null, [appel, appel]);
    for (const r of reponses) conforme(reponseDemandeCodeSchema, r);
    expect(reponses.map((r) => (r as { accepte: boolean }).accepte)).toEqual([true, false]);
  });

  test('api.code_tenter rend une TentativeCode : refusée sans demande, autorisée, puis épuisée', async () => {
    const essai = `api.code_tenter(${h('f')}, ${h('1')}, ${h('2')})`;
    const essais = await sous('service_role', null, [essai, `api.code_demander(${h('f')}, ${h('1')}, ${h('2')})`, ...Array.from({ length: 6 }, () => essai)]);
    for (const e of [essais[0], ...essais.slice(2)]) conforme(tentativeCodeSchema, e);
    expect(essais[0]).toMatchObject({ autorise: false, raison: 'NAVIGATEUR' });
    expect(essais.at(-1)).toMatchObject({ autorise: false, restants: 0, raison: 'CODE_EPUISE' });
  });

  test('api.membre_provisionner rend un MembreProvisionne', async () => {
    const [fiche] = await sous('service_role', null, [
      `api.membre_provisionner('00000000-0000-4000-8000-000000000005', 'bruno.garcia@exemple.test', 'Bruno', 'Garcia', 'organisateur')`,
    ]);
    conforme(membreProvisionneSchema, fiche);
  });
});
