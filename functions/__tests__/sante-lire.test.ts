import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/tests/pile-test.ts';
import handler from '../sante-lire.ts';
import { appeler, requete } from './aide.fixture.ts';

let pile: PileDeTest;
beforeAll(async () => {
  pile = await demarrerPileDeTest();
});
afterAll(() => pile?.arreter());

describe('GET /api/sante', () => {
  test('200 quand la base répond', async () => {
    const { statut, corps } = await appeler(handler, requete('/api/sante'));
    expect(statut).toBe(200);
    expect(corps).toMatchObject({ statut: 'ok', base: 'ok' });
  });

  test('503 en français quand Supabase ne répond plus', async () => {
    const url = process.env.SUPABASE_URL;
    await pile.arreter();
    const { statut, corps } = await appeler(handler, requete('/api/sante'));
    expect(statut).toBe(503);
    expect(corps.erreur.code).toBe('SERVICE_INDISPONIBLE');
    expect(corps.erreur.message).toContain('indisponible');
    expect(url).toBeTruthy();
  });
});
