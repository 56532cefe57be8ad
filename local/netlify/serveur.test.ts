import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { environnementLocal } from '../config.ts';
import { chargerFonctions } from './fonctions.ts';
import { creerServeurSite } from './serveur.ts';

interface Reponse {
  statut: number;
  entetes: IncomingHttpHeaders;
  texte: string;
  /** La requête est-elle passée par une connexion déjà ouverte (keep-alive) ? */
  reutilisee: boolean;
}

/** Une requête HTTP brute : le chemin part tel quel (fetch normaliserait « /% »), l'agent est imposé. */
function brute(adresse: string, chemin: string, options: { method?: string; headers?: Record<string, string>; corps?: Buffer | string; agent?: Agent } = {}): Promise<Reponse> {
  const { hostname, port } = new URL(adresse);
  return new Promise((ok, ko) => {
    const req = request({ hostname, port, path: chemin, method: options.method ?? 'GET', headers: options.headers, agent: options.agent }, (res) => {
      const morceaux: Buffer[] = [];
      res.on('data', (m: Buffer) => morceaux.push(m));
      res.on('end', () => ok({ statut: res.statusCode!, entetes: res.headers, texte: Buffer.concat(morceaux).toString('utf8'), reutilisee: req.reusedSocket }));
      res.on('error', ko);
    });
    req.on('error', ko);
    req.end(options.corps);
  });
}

let dist: string;
let base: string;
let serveur: Awaited<ReturnType<typeof creerServeurSite>>;

beforeAll(async () => {
  // Les fonctions lisent leur configuration avant le corps : celle de « npm start ».
  for (const [k, v] of Object.entries(environnementLocal())) process.env[k] ??= v;
  dist = mkdtempSync(join(tmpdir(), 'rbde-dist-'));
  mkdirSync(join(dist, 'guides'));
  writeFileSync(join(dist, 'index.html'), '<h1>Accueil</h1>');
  writeFileSync(join(dist, 'guides', 'index.html'), '<h1>Guides</h1>');
  writeFileSync(join(dist, '404.html'), '<h1>Page introuvable</h1>');
  mkdirSync(join(dist, '_astro'));
  writeFileSync(join(dist, '_astro', 'page.abc123.js'), 'console.log(1)');
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
  test('ne sort pas de dist/ : un fichier voisin, au nom qui commence comme dist, reste inaccessible', async () => {
    // Le fichier existe bel et bien hors de dist/ : une résolution naïve (join sans normalisation,
    // ou une comparaison de préfixe sans séparateur) le servirait.
    const voisin = `${dist}-secret.txt`;
    writeFileSync(voisin, 'SECRET');
    try {
      for (const chemin of [`/..%2f${basename(dist)}-secret.txt`, `/%2e%2e/${basename(dist)}-secret.txt`, `/..%5c${basename(dist)}-secret.txt`]) {
        const r = await brute(base, chemin);
        expect(r.statut, chemin).toBe(404);
        expect(r.texte).not.toContain('SECRET');
      }
    } finally {
      rmSync(voisin, { force: true });
    }
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
    // Défaut de Netlify : revalider à chaque fois (l'ETag rend la revalidation gratuite).
    expect(premier.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(etag).toBeTruthy();
    const second = await fetch(`${base}/guides/`, { headers: { 'if-none-match': etag! } });
    expect(second.status).toBe(304);
    expect((await second.arrayBuffer()).byteLength).toBe(0);
    mkdirSync(join(dist, 'pagefind', 'fragment'), { recursive: true });
    writeFileSync(join(dist, 'pagefind', 'fragment', 'fr_1a2b3c.pf_fragment'), 'x');
    writeFileSync(join(dist, 'pagefind', 'pagefind.js'), 'x');
    expect((await fetch(`${base}/pagefind/fragment/fr_1a2b3c.pf_fragment`)).headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${base}/pagefind/pagefind.js`)).headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
  });
});

describe('serveur local : en-têtes de netlify.toml et de l’API', () => {
  test('une page reçoit les en-têtes de sécurité de netlify.toml', async () => {
    const r = await fetch(`${base}/guides/`);
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(r.headers.get('strict-transport-security')).toMatch(/max-age=\d{8,}/);
    expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  });
  test('la page 404, la redirection et la méthode refusée les reçoivent aussi', async () => {
    for (const r of [await fetch(`${base}/nulle-part/`), await fetch(`${base}/guides`, { redirect: 'manual' }), await fetch(`${base}/`, { method: 'POST' })]) {
      expect(r.headers.get('content-security-policy'), `${r.status} ${r.url}`).toContain("frame-ancestors 'none'");
    }
  });
  test('la règle « /_astro/* » de netlify.toml s’applique à ses fichiers seulement', async () => {
    expect((await fetch(`${base}/_astro/page.abc123.js`)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${base}/guides/`)).headers.get('cache-control')).not.toContain('immutable');
  });
  test('une réponse de /api/* porte les en-têtes de sécurité de l’API (pas ceux des pages)', async () => {
    for (const chemin of ['/api/moi', '/api/nexiste-pas']) {
      const r = await fetch(`${base}${chemin}`);
      expect(r.headers.get('content-security-policy'), chemin).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(r.headers.get('x-content-type-options'), chemin).toBe('nosniff');
      expect(r.headers.get('strict-transport-security'), chemin).toMatch(/max-age=\d{8,}/);
      expect(r.headers.get('cross-origin-opener-policy'), chemin).toBe('same-origin');
      expect(r.headers.get('referrer-policy'), chemin).toBe('strict-origin-when-cross-origin');
      expect(r.headers.get('cache-control'), chemin).toBe('no-store');
    }
  });
  test('chaque route de functions/ répond avec les en-têtes de l’API (toutes passent par withErrorHandling)', async () => {
    const { routes } = await chargerFonctions();
    expect(routes.length).toBeGreaterThan(3);
    const journal = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      for (const route of routes) {
        const chemin = route.motif.source.replace(/^\^/, '').replace(/\/\?\$$/, '').replace(/\(\[\^\/\]\+\)/g, 'x').replace(/\\/g, '');
        const r = await fetch(`${base}${chemin}`, { method: route.methodes[0] });
        expect(r.headers.get('content-security-policy'), `${route.methodes[0]} ${chemin} (${route.fichier})`).toBe("default-src 'none'; frame-ancestors 'none'");
      }
    } finally {
      journal.mockRestore();
    }
  });
  test('les motifs « for » suivent Netlify : « :param » pour un segment, « * » pour la suite', async () => {
    const toml = join(dist, 'essai.toml');
    writeFileSync(
      toml,
      ['[[headers]]', '  for = "/guides/:slug"', '  [headers.values]', '    X-Essai = "guide"', '[[headers]]', '  for = "/*"', '  [headers.values]', '    X-Tout = "oui"'].join('\n'),
    );
    const s = await creerServeurSite({ dist, netlifyToml: toml });
    await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
    try {
      const b = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
      const guide = await fetch(`${b}/guides/un-guide/`);
      expect(guide.headers.get('x-essai')).toBe('guide');
      expect(guide.headers.get('x-tout')).toBe('oui');
      expect((await fetch(`${b}/`)).headers.get('x-essai')).toBeNull();
      expect((await fetch(`${b}/guides/a/b/`)).headers.get('x-essai')).toBeNull();
    } finally {
      s.close();
    }
  });
});

describe('serveur local : requêtes malformées ou trop grosses', () => {
  test('un chemin mal encodé répond 400 en français, pas 500', async () => {
    const page = await brute(base, '/%');
    expect(page.statut).toBe(400);
    expect(page.texte).toContain('Adresse mal formée');
    const api = await brute(base, '/api/%zz');
    expect(api.statut).toBe(400);
    expect(JSON.parse(api.texte).erreur.message).toContain('Adresse mal formée');
    const fichier = await brute(base, '/guides/%E9/');
    expect(fichier.statut).toBe(400);
  });

  test('après un 413 de la fonction (corps > 64 Ko), la même connexion keep-alive sert la requête suivante', async () => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const corps = JSON.stringify({ email: 'a'.repeat(200 * 1024) });
      // Par morceaux, sans Content-Length : la fonction lit 64 Ko puis abandonne la lecture.
      const grosse = await brute(base, '/api/auth/code', { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, corps, agent });
      expect(grosse.statut).toBe(413);
      expect(JSON.parse(grosse.texte).erreur.code).toBe('TROP_VOLUMINEUX');
      const suivante = await brute(base, '/api/nexiste-pas', { agent });
      expect(suivante.reutilisee).toBe(true);
      expect(suivante.statut).toBe(404);
    } finally {
      agent.destroy();
    }
  });

  test('au-delà de la limite du serveur, 413 en français et la connexion reste utilisable', async () => {
    const s = await creerServeurSite({ dist, tailleMaxRequete: 1024 });
    await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const b = `http://127.0.0.1:${(s.address() as AddressInfo).port}`;
      // Envoi par morceaux (sans Content-Length) : le serveur ne peut pas refuser d'avance.
      const grosse = await brute(b, '/api/auth/code', { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' }, corps: 'x'.repeat(50_000), agent });
      expect(grosse.statut).toBe(413);
      expect(JSON.parse(grosse.texte).erreur.message).toBe('Le corps de la requête dépasse la taille autorisée (1 Ko).');
      const suivante = await brute(b, '/guides/', { agent });
      expect(suivante.reutilisee).toBe(true);
      expect(suivante.statut).toBe(200);
    } finally {
      agent.destroy();
      s.close();
    }
  });
});
