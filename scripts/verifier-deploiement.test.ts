// Le contrôle de déploiement contre un petit serveur qui imite un hub déployé : conforme d'abord,
// puis une faute à la fois, chacune doit être vue.
import { execFile } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { CLES } from '../local/config.ts';
import { formaterControles, verifierDeploiement } from './verifier-deploiement.ts';

const ENTETES_SURS: Record<string, string> = {
  'content-security-policy': "default-src 'self'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'cross-origin-opener-policy': 'same-origin',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

/** Ce que le faux hub fait de travers pour le test en cours. */
let fautes: {
  sansHsts?: boolean;
  sansEntetesApi?: boolean;
  messageAnglais?: boolean;
  origineAcceptee?: boolean;
  cleDemo?: boolean;
  santeLocale?: boolean;
  sante500?: boolean;
} = {};

function faux(req: IncomingMessage, res: ServerResponse) {
  const entetes = { ...ENTETES_SURS };
  if (fautes.sansHsts) delete entetes['strict-transport-security'];
  const json = (statut: number, corps: unknown, h = entetes) =>
    res.writeHead(statut, { ...h, 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(corps));
  if (req.url === '/') {
    res
      .writeHead(200, { ...entetes, 'content-type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><html lang="fr"><title>Réseau BDE</title>${fautes.cleDemo ? `<script>const k="${CLES.publishable}"</script>` : ''}</html>`);
    return;
  }
  const entetesApi = fautes.sansEntetesApi ? {} : entetes;
  if (req.url === '/api/sante') {
    if (fautes.sante500) return json(500, { erreur: { code: 'ERREUR_INTERNE', message: 'Une erreur inattendue est survenue.' } }, entetesApi);
    return json(200, { statut: 'ok', base: 'ok', ...(fautes.santeLocale ? { supabase: 'http://127.0.0.1:54321' } : {}) }, entetesApi);
  }
  if (req.url === '/api/auth/code' && req.method === 'POST') {
    if (req.headers['sec-fetch-site'] === 'cross-site' && !fautes.origineAcceptee)
      return json(403, { erreur: { code: 'ORIGINE_REFUSEE', message: 'Requête refusée : elle ne vient pas du site.' } }, entetesApi);
    return json(
      400,
      { erreur: { code: 'JSON_INVALIDE', message: fautes.messageAnglais ? 'Invalid JSON body' : 'Le corps de la requête n’est pas du JSON valide.' } },
      entetesApi,
    );
  }
  res.writeHead(404).end();
}

let serveur: Server;
let adresse: string;
beforeAll(async () => {
  serveur = createServer(faux);
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok));
  adresse = `http://127.0.0.1:${(serveur.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((ok) => serveur.close(ok)));
beforeEach(() => {
  fautes = {};
});

const echecs = async () => (await verifierDeploiement(adresse, { httpAutorise: true, delai: 5000 })).filter((c) => !c.ok).map((c) => `${c.nom} : ${c.detail}`);

describe('npm run verifier-deploiement', () => {
  test('un hub conforme passe tous les contrôles', async () => {
    const controles = await verifierDeploiement(adresse, { httpAutorise: true });
    expect(controles.length).toBeGreaterThanOrEqual(8);
    expect(controles.filter((c) => !c.ok)).toEqual([]);
    expect(
      formaterControles(controles)
        .split('\n')
        .every((l) => l.startsWith('✔ ')),
    ).toBe(true);
  });

  test('une adresse en http est refusée hors des tests', async () => {
    const controles = await verifierDeploiement(adresse);
    expect(controles.find((c) => c.nom === 'adresse en https')).toMatchObject({ ok: false });
  });

  test.each([
    ['sansHsts', /en-têtes de sécurité sur la page d’accueil : Strict-Transport-Security absent/],
    ['sansEntetesApi', /en-têtes de sécurité sur \/api\/sante : Content-Security-Policy absent/],
    ['messageAnglais', /message en français : message qui ne semble pas français/],
    ['origineAcceptee', /autre site est refusée \(403\) : statut 400 au lieu de 403/],
    ['cleDemo', /aucune clé ni aucun secret de démonstration/],
    ['santeLocale', /ne trahit pas les remplaçants locaux : la réponse contient « 127\.0\.0\.1 »/],
    ['sante500', /\/api\/sante répond 200 en JSON : statut 500/],
  ] as const)('voit la faute « %s »', async (faute, attendu) => {
    fautes = { [faute]: true };
    const e = await echecs();
    expect(e.join('\n')).toMatch(attendu);
  });

  test('un hub injoignable donne des contrôles en échec, pas une exception', async () => {
    const controles = await verifierDeploiement('http://127.0.0.1:9', { httpAutorise: true, delai: 2000 });
    expect(controles.some((c) => !c.ok && /injoignable/.test(c.detail ?? ''))).toBe(true);
  });

  test('en ligne de commande : une ligne ✘ par problème et le code de sortie 1', async () => {
    // Asynchrone : le faux hub tourne dans ce processus-ci.
    const r = await new Promise<{ status: number | null; stdout: string }>((ok) =>
      execFile(process.execPath, [join(import.meta.dirname, 'verifier-deploiement.ts'), adresse], { encoding: 'utf8', timeout: 30_000 }, (e, stdout) =>
        ok({ status: e ? (typeof e.code === 'number' ? e.code : null) : 0, stdout }),
      ),
    );
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('✘ adresse en https');
    expect(r.stdout).toMatch(/✔ \/api\/sante répond 200 en JSON/);
    expect(r.stdout).toMatch(/1 contrôle en échec sur \d+\./);
  });
});
