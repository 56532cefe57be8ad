import { describe, expect, test, vi } from 'vitest';
import { z } from 'zod';
import { DomainError, STATUTS } from './errors.ts';
import { json, readJson, withErrorHandling } from './http.ts';

const ctx = { requestId: 'req-123' } as never;

describe('withErrorHandling', () => {
  test('une erreur inattendue donne 500 avec un message français générique, le détail seulement dans le journal', async () => {
    const journal = vi.spyOn(console, 'error').mockImplementation(() => {});
    const h = withErrorHandling(async () => {
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
    const h = withErrorHandling(async () => {
      throw new DomainError('INTERDIT', 'Pas ici.');
    });
    const r = await h(new Request('http://localhost/api/x'), ctx);
    expect(r.status).toBe(403);
    expect(await r.json()).toEqual({ erreur: { code: 'INTERDIT', message: 'Pas ici.' } });
  });

  test('une requête de même origine passe', async () => {
    const h = withErrorHandling(async () => json({ ok: true }));
    const r = await h(new Request('http://localhost/api/x', { method: 'POST', headers: { origin: 'http://localhost', 'sec-fetch-site': 'same-origin' } }), ctx);
    expect(r.status).toBe(200);
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
    const r = new Request('http://localhost/api/x', { method: 'POST', body: flux, headers: { 'content-type': 'application/json' }, duplex: 'half' } as RequestInit);
    await expect(readJson(r, schema)).rejects.toMatchObject({ code: 'TROP_VOLUMINEUX' });
  });
});
