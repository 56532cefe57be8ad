import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { environnementLocal } from '../../../local/config.ts';
import { oublierEnv } from '../env.ts';
import { DomainError, STATUTS } from '../errors.ts';
import { ok, readJson, route } from './route.ts';

const ctx = { requestId: 'req-123', ip: '203.0.113.9', deploy: { context: 'dev' } } as never;
let sauvegarde: NodeJS.ProcessEnv;
beforeEach(() => {
  sauvegarde = { ...process.env };
  Object.assign(process.env, environnementLocal());
  oublierEnv();
});
afterEach(() => {
  process.env = sauvegarde;
  oublierEnv();
});

describe('route (le bord HTTP)', () => {
  test('une erreur inattendue donne 500 avec un message français générique, le détail seulement dans le journal', async () => {
    const journal = vi.spyOn(console, 'error').mockImplementation(() => {});
    const h = route({ qui: 'public' }, async () => {
      throw new Error('select * from prive.membres a échoué : secret');
    });
    const r = await h(new Request('http://localhost/api/x'), ctx);
    const corps = await r.json();
    expect(r.status).toBe(500);
    expect(corps.erreur.code).toBe('ERREUR_INTERNE');
    expect(corps.erreur.message).toContain('erreur inattendue');
    expect(JSON.stringify(corps)).not.toContain('secret');
    expect(corps.erreur.details.requete).toBe('req-123');
    expect(String(journal.mock.calls[0]?.[0])).toContain('req-123');
    journal.mockRestore();
  });

  test('une DomainError garde son statut et son message', async () => {
    const h = route({ qui: 'public' }, async () => {
      throw new DomainError('INTERDIT', 'Pas ici.');
    });
    const r = await h(new Request('http://localhost/api/x'), ctx);
    expect(r.status).toBe(403);
    expect(await r.json()).toEqual({ erreur: { code: 'INTERDIT', message: 'Pas ici.' } });
  });

  test('une requête de même origine passe', async () => {
    const h = route({ qui: 'public' }, async () => ok({ ok: true }));
    const r = await h(new Request('http://localhost/api/x', { method: 'POST', headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' } }), ctx);
    expect(r.status).toBe(200);
  });

  test('une route « membre » sans cookie répond 401 sans appeler le cas d’usage', async () => {
    const cas = vi.fn(async () => ok({}));
    const r = await route({ qui: 'membre' }, cas)(new Request('http://localhost/api/x'), ctx);
    expect(r.status).toBe(401);
    expect(cas).not.toHaveBeenCalled();
  });

  test('un témoin de connexion resté sans session est effacé (401), pour que les pages cessent d’appeler l’API', async () => {
    const cas = vi.fn(async () => ok({}));
    const h = route({ qui: 'membre' }, cas);
    const r = await h(new Request('http://localhost/api/x', { headers: { cookie: '__Host-rbde_connecte=1' } }), ctx);
    expect(r.status).toBe(401);
    expect(r.headers.getSetCookie()).toContainEqual(expect.stringMatching(/^__Host-rbde_connecte=; Path=\/; Secure; SameSite=Lax; Max-Age=0$/));
    // Sans témoin ni session : aucun cookie posé.
    expect((await h(new Request('http://localhost/api/x'), ctx)).headers.getSetCookie()).toEqual([]);
  });

  test('le cas d’usage reçoit des données simples : corps validé, paramètres, contexte sans Request', async () => {
    let recu: unknown;
    const h = route({ qui: 'public', corps: z.object({ n: z.number() }) }, async ({ corps, params, ctx: c }) => {
      recu = { corps, params, appelant: c.appelant, client: c.client };
      return ok(null);
    });
    await h(new Request('http://localhost/api/x', { method: 'POST', body: '{"n":1}', headers: { 'content-type': 'application/json' } }), {
      ...(ctx as object),
      params: { slug: 'a' },
    } as never);
    expect(recu).toMatchObject({ corps: { n: 1 }, params: { slug: 'a' }, appelant: null });
    expect((recu as { client: string }).client).toMatch(/^[0-9a-f]{64}$/);
  });

  test('une durée minimale de réponse est tenue, même en erreur', async () => {
    const h = route({ qui: 'public', dureeMin: () => 150 }, async () => {
      throw new DomainError('INTERDIT');
    });
    const debut = Date.now();
    await h(new Request('http://localhost/api/x'), ctx);
    expect(Date.now() - debut).toBeGreaterThanOrEqual(145);
  });

  test('en production, une valeur de démonstration fait refuser le service (503) avec une ligne française dans le journal', async () => {
    const journal = vi.spyOn(console, 'error').mockImplementation(() => {});
    const cas = vi.fn(async () => ok({}));
    const r = await route({ qui: 'public' }, cas)(new Request('http://localhost/api/x'), { ...(ctx as object), deploy: { context: 'production' } } as never);
    expect(r.status).toBe(503);
    expect(cas).not.toHaveBeenCalled();
    expect(String(journal.mock.calls[0]?.[0])).toMatch(/Configuration refusée en production : .*SESSION_KEYS/);
    journal.mockRestore();
  });

  test('une variable manquante fait refuser le service avec son nom dans le journal, sans valeur secrète', async () => {
    delete process.env.SESSION_KEYS;
    oublierEnv();
    const journal = vi.spyOn(console, 'error').mockImplementation(() => {});
    const r = await route({ qui: 'public' }, async () => ok({}))(new Request('http://localhost/api/x'), ctx);
    expect(r.status).toBe(503);
    expect(String(journal.mock.calls[0]?.[0])).toContain('SESSION_KEYS manque');
    expect(String(journal.mock.calls[0]?.[0])).not.toContain(environnementLocal().PSEUDONYMISATION_KEY);
    journal.mockRestore();
  });

  test('chaque code d’erreur a un statut 4xx ou 5xx', () => {
    for (const statut of Object.values(STATUTS)) expect(statut).toBeGreaterThanOrEqual(400);
  });
});

describe('readJson', () => {
  const schema = z.object({ nom: z.string({ error: 'Le nom est obligatoire.' }) });
  const req = (body: string, type = 'application/json', headers: Record<string, string> = {}) =>
    new Request('http://localhost/api/x', { method: 'POST', body, headers: { 'content-type': type, ...headers } });

  test('lit et valide un objet JSON', async () => {
    expect(await readJson(req('{"nom":"Alice"}'), schema)).toEqual({ nom: 'Alice' });
  });

  test('accepte un charset après le type', async () => {
    expect(await readJson(req('{"nom":"A"}', 'application/json; charset=utf-8'), schema)).toEqual({ nom: 'A' });
  });

  test('rassemble les erreurs par champ dans details.champs', async () => {
    await expect(readJson(req('{}'), schema)).rejects.toMatchObject({ code: 'REQUETE_INVALIDE', details: { champs: { nom: ['Le nom est obligatoire.'] } } });
  });

  test('refuse un Content-Length annoncé trop grand sans lire le corps', async () => {
    await expect(readJson(req('{}', 'application/json', { 'content-length': String(70 * 1024) }), schema)).rejects.toMatchObject({ code: 'TROP_VOLUMINEUX' });
  });

  test('refuse un corps de plus de 64 Ko même sans Content-Length', async () => {
    const flux = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(`{"nom":"${'x'.repeat(70 * 1024)}"}`));
        c.close();
      },
    });
    const r = new Request('http://localhost/api/x', {
      method: 'POST',
      body: flux,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    await expect(readJson(r, schema)).rejects.toMatchObject({ code: 'TROP_VOLUMINEUX' });
  });
});
