// Le remplaçant de PostgREST sur ce qui le distinguait encore du vrai : transaction en lecture seule
// (GET, fonctions stable/immutable), tableaux JSON en arguments, corps trop gros sur une connexion
// keep-alive, et en-tête Host d'un autre site (rebinding DNS). Sur PGlite, et sur PostgreSQL avec DATABASE_URL.
import { createClient } from '@supabase/supabase-js';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLES } from '../config.ts';
import { demarrerPileDeTest, type PileDeTest } from '../tests/pile-test.ts';

interface Reponse {
  statut: number;
  entetes: IncomingHttpHeaders;
  corps: string;
  reutilisee: boolean;
}

/** Une requête HTTP brute vers le remplaçant (Host et agent imposables). */
function brute(port: number, chemin: string, options: { method?: string; headers?: Record<string, string>; corps?: string; agent?: Agent } = {}): Promise<Reponse> {
  return new Promise((ok, ko) => {
    const req = request({ host: '127.0.0.1', port, path: chemin, method: options.method ?? 'GET', agent: options.agent, headers: { apikey: CLES.anon, ...options.headers } }, (res) => {
      const morceaux: Buffer[] = [];
      res.on('data', (m: Buffer) => morceaux.push(m));
      res.on('end', () => ok({ statut: res.statusCode!, entetes: res.headers, corps: Buffer.concat(morceaux).toString('utf8'), reutilisee: req.reusedSocket }));
    });
    req.on('error', ko);
    req.end(options.corps);
  });
}

const genres = ['pglite', ...(process.env.DATABASE_URL ? ['postgres' as const] : [])] as const;

describe.each(genres)('remplaçant PostgREST (%s)', (genre) => {
  let pile: PileDeTest;
  let port: number;
  const client = () => createClient(`http://127.0.0.1:${port}`, CLES.anon, { auth: { persistSession: false, autoRefreshToken: false }, db: { schema: 'api' } });
  const traces = async () => (await pile.db.query<{ n: number }>('select count(*)::int as n from public.essai_ecritures')).rows[0]!.n;

  beforeAll(async () => {
    pile = await demarrerPileDeTest({ genre });
    port = pile.ports.supabase;
    await pile.db.exec(`create table public.essai_ecritures (n int);
      grant insert on public.essai_ecritures to anon;
      create function public.essai_ecrire() returns int language sql volatile as 'insert into public.essai_ecritures values (1) returning 1';
      grant execute on function public.essai_ecrire() to anon;
      create function api.essai_ecrit() returns int language sql volatile as 'select public.essai_ecrire()';
      create function api.essai_stable_ecrit() returns int language sql stable as 'select public.essai_ecrire()';
      create function api.essai_stable() returns int language sql stable as 'select 42';
      create function api.essai_tableau(p_mots text[], p_ids uuid[] default null) returns jsonb language sql immutable
        as 'select jsonb_build_object(''n'', cardinality(p_mots), ''mots'', to_jsonb(p_mots), ''ids'', to_jsonb(p_ids))';
      create function api.essai_tableau_liste(p_mots text[]) returns setof text language sql immutable as 'select unnest(p_mots)';
      grant execute on function api.essai_ecrit(), api.essai_stable_ecrit(), api.essai_stable(), api.essai_tableau(text[], uuid[]), api.essai_tableau_liste(text[]) to anon;`);
  });
  afterAll(() => pile?.arreter());

  describe('transaction en lecture seule, comme PostgREST', () => {
    test('GET sur une fonction qui écrit : 405 et SQLSTATE 25006, rien n’est écrit', async () => {
      const avant = await traces();
      const r = await brute(port, '/rest/v1/rpc/essai_ecrit', { headers: { 'accept-profile': 'api' } });
      expect(r.statut).toBe(405);
      expect(JSON.parse(r.corps)).toMatchObject({ code: '25006' });
      expect(await traces()).toBe(avant);
    });
    test('POST sur la même fonction (volatile) : lecture-écriture, elle écrit', async () => {
      const avant = await traces();
      const { data, error } = await client().rpc('essai_ecrit');
      expect(error).toBeNull();
      expect(data).toBe(1);
      expect(await traces()).toBe(avant + 1);
    });
    test('POST sur une fonction stable qui écrit par une fonction volatile : 405 (25006), comme en production', async () => {
      const { error, status } = await client().rpc('essai_stable_ecrit');
      expect(status).toBe(405);
      expect(error).toMatchObject({ code: '25006' });
    });
    test('GET sur une fonction stable qui lit : 200', async () => {
      const { data, error } = await client().rpc('essai_stable', {}, { get: true });
      expect(error).toBeNull();
      expect(data).toBe(42);
    });
  });

  describe('tableaux JSON en arguments', () => {
    test('un tableau JSON devient un text[] (virgules, guillemets, accolades restent des données)', async () => {
      const mots = ['a', 'b,c', 'd"e', '{f}', "l’été d'hier", 'g\\h'];
      const { data, error } = await client().rpc('essai_tableau', { p_mots: mots });
      expect(error).toBeNull();
      expect(data).toEqual({ n: mots.length, mots, ids: null });
    });
    test('un tableau JSON devient un uuid[] ; un élément invalide donne 400 (22P02)', async () => {
      const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
      const { data } = await client().rpc('essai_tableau', { p_mots: [], p_ids: ids });
      expect(data).toEqual({ n: 0, mots: [], ids });
      const { error, status } = await client().rpc('essai_tableau', { p_mots: [], p_ids: ['pas-un-uuid'] });
      expect(status).toBe(400);
      expect(error).toMatchObject({ code: '22P02' });
    });
    test('fonction « setof » avec un tableau en argument', async () => {
      const { data } = await client().rpc('essai_tableau_liste', { p_mots: ['x', 'y'] });
      expect(data).toEqual(['x', 'y']);
    });
    test('en GET, un tableau s’écrit en littéral PostgreSQL dans la chaîne de requête', async () => {
      const r = await brute(port, `/rest/v1/rpc/essai_tableau?p_mots=${encodeURIComponent('{a,"b c"}')}`, { headers: { 'accept-profile': 'api' } });
      expect(r.statut).toBe(200);
      expect(JSON.parse(r.corps)).toMatchObject({ n: 2, mots: ['a', 'b c'] });
    });
  });
});

describe('remplaçant Supabase : robustesse HTTP', () => {
  let pile: PileDeTest;
  let port: number;
  beforeAll(async () => {
    pile = await demarrerPileDeTest();
    port = pile.ports.supabase;
  });
  afterAll(() => pile?.arreter());

  test('un Host d’un autre site est refusé (421, en français) ; 127.0.0.1 et localhost au bon port passent', async () => {
    for (const host of ['attaquant.example', `attaquant.example:${port}`, `127.0.0.1:${port + 1}`, `localhost.attaquant.example:${port}`]) {
      const r = await brute(port, '/auth/v1/health', { headers: { host } });
      expect(r.statut, host).toBe(421);
      expect(JSON.parse(r.corps).message, host).toContain('Host refusé');
    }
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `LOCALHOST:${port}`]) {
      expect((await brute(port, '/auth/v1/health', { headers: { host } })).statut, host).toBe(200);
    }
  });

  test('un Host étranger est refusé aussi sur le RPC', async () => {
    const r = await brute(port, '/rest/v1/rpc/sante', { method: 'POST', headers: { host: 'attaquant.example', 'content-type': 'application/json', 'content-profile': 'api' }, corps: '{}' });
    expect(r.statut).toBe(421);
  });

  test('corps de plus de 1 Mo : 413, et la même connexion keep-alive sert la requête suivante', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const gros = JSON.stringify({ p: 'x'.repeat(1.5 * 1024 * 1024) });
      const r = await brute(port, '/rest/v1/rpc/sante', {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-profile': 'api', 'transfer-encoding': 'chunked' },
        corps: gros,
      });
      expect(r.statut).toBe(413);
      const suivante = await brute(port, '/auth/v1/health', { agent });
      expect(suivante.reutilisee).toBe(true);
      expect(suivante.statut).toBe(200);
    } finally {
      agent.destroy();
    }
  });
});
