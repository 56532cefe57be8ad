import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { creerServeurSite } from './serveur.ts';

let dist: string;
let base: string;
let serveur: Awaited<ReturnType<typeof creerServeurSite>>;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'rbde-dist-'));
  mkdirSync(join(dist, 'guides'));
  writeFileSync(join(dist, 'index.html'), '<h1>Accueil</h1>');
  writeFileSync(join(dist, 'guides', 'index.html'), '<h1>Guides</h1>');
  writeFileSync(join(dist, '404.html'), '<h1>Page introuvable</h1>');
  serveur = await creerServeurSite({ dist });
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
});
afterAll(() => {
  serveur.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('serveur local', () => {
  test('sert les pages de dist/', async () => {
    const r = await fetch(`${base}/guides/`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain('Guides');
  });
  test('redirige vers la barre finale', async () => {
    const r = await fetch(`${base}/guides`, { redirect: 'manual' });
    expect(r.status).toBe(301);
    expect(r.headers.get('location')).toBe('/guides/');
  });
  test('page inconnue : 404 avec la page française', async () => {
    const r = await fetch(`${base}/nulle-part/`);
    expect(r.status).toBe(404);
    expect(await r.text()).toContain('Page introuvable');
  });
  test('ne sort pas de dist/', async () => {
    const r = await fetch(`${base}/..%2f..%2fetc/passwd`);
    expect(r.status).toBe(404);
  });
  test('route inconnue de l’API : 404 JSON en français', async () => {
    const r = await fetch(`${base}/api/nexiste-pas`);
    expect(r.status).toBe(404);
    expect((await r.json()).erreur.message).toContain('n’existe pas');
  });
  test('méthode non prévue sur une route de l’API : 405 JSON avec Allow', async () => {
    const r = await fetch(`${base}/api/moi`, { method: 'PUT' });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('GET');
    expect((await r.json()).erreur.code).toBe('METHODE_NON_AUTORISEE');
  });
  test('compresse les pages quand le navigateur l’accepte', async () => {
    const r = await fetch(`${base}/`, { headers: { 'accept-encoding': 'gzip' } });
    expect(r.headers.get('content-encoding')).toBe('gzip');
  });
  test('cache : un fichier inchangé revient en 304 sans corps ; les fichiers à empreinte de Pagefind sont immuables', async () => {
    const premier = await fetch(`${base}/guides/`);
    const etag = premier.headers.get('etag');
    expect(premier.headers.get('cache-control')).toBe('no-cache');
    expect(etag).toBeTruthy();
    const second = await fetch(`${base}/guides/`, { headers: { 'if-none-match': etag! } });
    expect(second.status).toBe(304);
    expect((await second.arrayBuffer()).byteLength).toBe(0);
    mkdirSync(join(dist, 'pagefind', 'fragment'), { recursive: true });
    writeFileSync(join(dist, 'pagefind', 'fragment', 'fr_1a2b3c.pf_fragment'), 'x');
    writeFileSync(join(dist, 'pagefind', 'pagefind.js'), 'x');
    expect((await fetch(`${base}/pagefind/fragment/fr_1a2b3c.pf_fragment`)).headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/pagefind/pagefind.js`)).headers.get('cache-control')).toBe('no-cache');
  });
});
