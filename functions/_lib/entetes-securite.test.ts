import { describe, expect, test, vi } from 'vitest';
import { ENTETES_SECURITE_API, poserEntetesSecurite } from './entetes-securite.ts';
import { DomainError } from './errors.ts';
import { environnementLocal } from '../../local/config.ts';
import { oublierEnv } from './env.ts';
import { ok, route } from './http/route.ts';

const ctx = { requestId: 'req-1', ip: '203.0.113.1' } as never;
for (const [k, v] of Object.entries(environnementLocal())) process.env[k] ??= v;
oublierEnv();
/** Une route publique dont le cas d'usage fait ce qu'on lui dit. */
const withErrorHandling = (cas: () => Promise<unknown>) => route({ qui: 'public' }, async () => ok(await cas()));
const json = (v: unknown) => v;

const requete = () => new Request('http://localhost/api/x');

function verifier(r: Response) {
  expect(r.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(r.headers.get('x-content-type-options')).toBe('nosniff');
  expect(r.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/);
  expect(r.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  expect(r.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(r.headers.get('cache-control')).toBe('no-store');
}

describe('en-têtes de sécurité des réponses de /api/*', () => {
  test('withErrorHandling les pose sur une réponse réussie', async () => {
    verifier(await withErrorHandling(async () => json({ ok: true }))(requete(), ctx));
  });
  test('… sur une erreur métier', async () => {
    const r = await withErrorHandling(async () => {
      throw new DomainError('INTERDIT');
    })(requete(), ctx);
    expect(r.status).toBe(403);
    verifier(r);
  });
  test('… sur une erreur inattendue (500)', async () => {
    const journal = vi.spyOn(console, 'error').mockImplementation(() => {});
    const r = await withErrorHandling(async () => {
      throw new Error('panne');
    })(requete(), ctx);
    journal.mockRestore();
    expect(r.status).toBe(500);
    verifier(r);
  });
  test('… et remplacent une valeur plus faible posée par la fonction', async () => {
    const r = poserEntetesSecurite(new Response('{}', { headers: { 'cache-control': 'public, max-age=600' } }));
    expect(r.headers.get('cache-control')).toBe('no-store');
  });
  test('une réponse aux en-têtes figés (Response.redirect) est copiée plutôt que d’échouer', () => {
    const r = poserEntetesSecurite(Response.redirect('http://localhost/', 302));
    expect(r.status).toBe(302);
    expect(r.headers.get('location')).toBe('http://localhost/');
    verifier(r);
  });
  test('la politique d’une réponse JSON n’autorise rien à charger', () => {
    expect(ENTETES_SECURITE_API['content-security-policy']).toMatch(/^default-src 'none';/);
  });
});
