// Le client typé du schéma api, avec un faux client RPC : nom et arguments transmis, résultat rendu,
// erreurs traduites comme par appelerRpc.
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { Profil } from '../../../src/schemas/membre.ts';
import { DomainError } from '../errors.ts';
import type { ClientRpc, creerClient } from '../supabase.ts';
import { creerApi, type FonctionsApi } from './api.ts';

type Reponse = { data: unknown; error: unknown; status: number };

/** Un faux client qui note chaque appel et rend la réponse donnée. */
function fauxClient(reponse: Reponse) {
  const appels: { fn: string; args?: object }[] = [];
  const client: ClientRpc = {
    rpc: (fn, args) => {
      appels.push({ fn, args });
      return Promise.resolve(reponse);
    },
  };
  return { client, appels };
}

describe('creerApi', () => {
  test('a une méthode par fonction du schéma api, qui appelle la fonction de ce nom', async () => {
    const { client, appels } = fauxClient({ data: null, error: null, status: 204 });
    const api = creerApi(client);
    // Que chaque fonction ait sa méthode, le type Api le vérifie à la compilation ; ici, que chacune appelle la bonne.
    const noms = Object.keys(api) as (keyof FonctionsApi)[];
    expect(noms).toContain('moi');
    for (const fn of noms) await (api[fn] as (args?: object) => Promise<unknown>)({});
    expect(appels.map((a) => a.fn)).toEqual(noms);
  });

  test('transmet le nom et les arguments, et rend le résultat', async () => {
    const { client, appels } = fauxClient({ data: { autorise: true, restants: 4 }, error: null, status: 200 });
    const api = creerApi(client);
    const args = { p_adresse: 'a'.repeat(64), p_client: 'b'.repeat(64), p_navigateur: 'c'.repeat(64) };
    expect(await api.code_tenter(args)).toEqual({ autorise: true, restants: 4 });
    expect(appels).toEqual([{ fn: 'code_tenter', args }]);
  });

  test('une fonction sans argument est appelée avec un objet vide', async () => {
    const profil = { id: 'x', email: 'a@exemple.test', role: 'membre', prenom: 'A', nom: 'B', fonction: 'F', telephone: null, etablissement: null };
    const { client, appels } = fauxClient({ data: profil, error: null, status: 200 });
    expect(await creerApi(client).moi()).toEqual(profil);
    expect(appels).toEqual([{ fn: 'moi', args: {} }]);
  });

  test('les résultats et arguments sont typés', () => {
    const api = creerApi(fauxClient({ data: null, error: null, status: 204 }).client);
    expectTypeOf(api.moi).returns.resolves.toEqualTypeOf<Profil>();
    // eslint-disable-next-line @typescript-eslint/no-invalid-void-type -- le type généré d'une fonction SQL « returns void »
    expectTypeOf(api.code_reussir).returns.resolves.toEqualTypeOf<void>();
    expectTypeOf(api.code_tenter).parameter(0).toEqualTypeOf<{ p_adresse: string; p_client: string; p_navigateur: string }>();
    // Le client supabase-js du projet convient aussi : cette affectation ne compilerait pas sinon.
    const depuisSupabase = (client: ReturnType<typeof creerClient>): ClientRpc => client;
    expectTypeOf(depuisSupabase).returns.toEqualTypeOf<ClientRpc>();
    // Les vérifications de types se font à la compilation (astro check) ; à l'exécution, l'objet existe.
    expect(typeof api.code_tenter).toBe('function');
  });

  describe('traduit les erreurs comme appelerRpc', () => {
    const cas: [string, Reponse, string][] = [
      ['un code métier levé en SQL', { data: null, error: { code: 'P0001', message: 'NON_MEMBRE' }, status: 400 }, 'NON_MEMBRE'],
      ['un droit refusé', { data: null, error: { code: '42501', message: 'permission denied for function moi' }, status: 401 }, 'INTERDIT'],
      ['un jeton expiré', { data: null, error: { code: 'PGRST303', message: 'JWT expired' }, status: 401 }, 'SESSION_EXPIREE'],
      ['un service indisponible', { data: null, error: { message: 'fetch failed' }, status: 0 }, 'SERVICE_INDISPONIBLE'],
    ];
    test.each(cas)('%s', async (_, reponse, code) => {
      await expect(creerApi(fauxClient(reponse).client).moi()).rejects.toSatisfy((e) => e instanceof DomainError && e.code === code);
    });
    test('une erreur imprévue reste une erreur interne, qui nomme la fonction', async () => {
      const erreur = await creerApi(fauxClient({ data: null, error: { code: '42883', message: 'function inconnue' }, status: 404 }).client)
        .sante()
        .catch((e: unknown) => e);
      expect(erreur).not.toBeInstanceOf(DomainError);
      expect((erreur as Error).message).toBe('api.sante : 42883 function inconnue');
    });
  });
});
