// La génération des types du schéma api : le fichier versionné est à jour, les types PostgreSQL sont
// traduits, et ce qui ne se traduit pas fait échouer la génération avec un message qui dit quoi faire.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../local/base/base.ts';
import { creerBaseDeTest } from '../local/tests/base-test.ts';
import { FICHIER_API, genererApi } from './generer-api.ts';

let db: Database;
beforeAll(async () => {
  // Le modèle PGlite des tests a reçu les mêmes migrations que la base neuve de `npm run generer-api`.
  db = await creerBaseDeTest();
});
afterAll(() => db?.close());

/** Génère avec des fonctions en plus, dans une transaction annulée ; rend le texte ou l'erreur. */
async function genererAvec(sql: string): Promise<string | Error> {
  let resultat: string | Error = new Error('rien');
  await db
    .transaction(async (tx) => {
      await tx.exec(sql);
      resultat = await genererApi(tx).catch((e: Error) => e);
      throw new Error('__annuler__');
    })
    .catch((e: Error) => {
      if (e.message !== '__annuler__') throw e;
    });
  return resultat;
}
const espaces = (t: string | Error) => String(t).replace(/\s+/g, ' ');

test(`${FICHIER_API} est à jour avec les migrations`, async () => {
  const versionne = readFileSync(join(import.meta.dirname, '..', FICHIER_API), 'utf8');
  expect(await genererApi(db), `${FICHIER_API} n’est plus à jour : lancez « npm run generer-api » et versionnez le résultat.`).toBe(versionne);
});

describe('traduction des types', () => {
  test('arguments, valeurs par défaut, tableaux, énumérations, setof et table', async () => {
    const texte = espaces(
      await genererAvec(`
        create function api.essai_types(p_texte text, p_ids uuid[], p_role prive.role_membre, p_le date, p_nombre int default 2)
          returns table (id uuid, n bigint, quand timestamptz, actif boolean, donnees jsonb)
          language sql as 'select null::uuid, 1::bigint, now(), true, ''{}''::jsonb';
        create function api.essai_liste() returns setof numeric language sql as 'select 1';
        create function api.essai_facultatif(p_a text default null) returns text[] language sql as 'select array[p_a]';`),
    );
    expect(texte).toContain("essai_types: { arguments: { p_texte: string; p_ids: string[]; p_role: 'membre' | 'organisateur' | 'admin'; p_le: string; p_nombre?: number };");
    expect(texte).toContain('resultat: { id: string; n: number; quand: string; actif: boolean; donnees: Json }[];');
    expect(texte).toContain('export type Json =');
    expect(texte).toContain('essai_liste: { arguments: Record<string, never>; resultat: number[] };');
    expect(texte).toContain("essai_facultatif(args?: FonctionsApi['essai_facultatif']['arguments'])");
    expect(texte).toContain('resultat: string[]');
    expect(texte).toContain('`api.essai_types(p_texte text, p_ids uuid[], p_role prive.role_membre, p_le date, p_nombre integer DEFAULT 2)`');
  });

  test('un résultat jsonb annoté prend le type désigné, en tableau pour setof', async () => {
    const texte = espaces(
      await genererAvec(`
        create function api.essai_profils() returns setof jsonb language sql as 'select ''{}''::jsonb';
        comment on function api.essai_profils() is 'Les profils. @retour Profil from src/schemas/membre.ts';`),
    );
    expect(texte).toContain('essai_profils: { arguments: Record<string, never>; resultat: Profil[] };');
  });
});

describe('refus', () => {
  const cas: [string, string, RegExp][] = [
    [
      'un résultat jsonb sans annotation @retour',
      `create function api.essai_sans_retour(p_a text) returns jsonb language sql as 'select null::jsonb';`,
      /api\.essai_sans_retour\(text\) renvoie jsonb sans dire sa forme : .*comment on function api\.essai_sans_retour\(text\) is '@retour <Type> from <fichier\.ts>'/,
    ],
    [
      'une annotation vers un type que le fichier n’exporte pas',
      `create function api.essai_x() returns jsonb language sql as 'select null::jsonb';
       comment on function api.essai_x() is '@retour Inexistant from src/schemas/membre.ts';`,
      /src\/schemas\/membre\.ts n'exporte pas de type Inexistant/,
    ],
    [
      'une annotation vers un fichier absent',
      `create function api.essai_x() returns jsonb language sql as 'select null::jsonb';
       comment on function api.essai_x() is '@retour Profil from src/schemas/absent.ts';`,
      /désigne src\/schemas\/absent\.ts, qui n'existe pas/,
    ],
    [
      'une annotation sur un résultat qui n’est pas du JSON',
      `create function api.essai_x() returns int language sql as 'select 1';
       comment on function api.essai_x() is '@retour Profil from src/schemas/membre.ts';`,
      /@retour ne sert qu'aux résultats json ou jsonb/,
    ],
    ['un type sans équivalent', `create function api.essai_x(p point) returns int language sql as 'select 1';`, /le type PostgreSQL « point » n'a pas d'équivalent TypeScript/],
    [
      'deux fonctions du même nom',
      `create function api.essai_x(p int) returns int language sql as 'select 1';
       create function api.essai_x(p text) returns int language sql as 'select 1';`,
      /Fonctions surchargées dans le schéma api \(api\.essai_x\(integer\), api\.essai_x\(text\)\)/,
    ],
    ['un argument sans nom', `create function api.essai_x(int) returns int language sql as 'select 1';`, /l'argument n° 1 n'a pas de nom/],
  ];
  test.each(cas)('%s', async (_, sql, message) => {
    const r = await genererAvec(sql);
    expect(r).toBeInstanceOf(Error);
    expect((r as Error).name).toBe('ErreurGeneration');
    expect((r as Error).message).toMatch(message);
  });
});
