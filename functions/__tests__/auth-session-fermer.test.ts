import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/pile-test.ts';
import handler from '../auth-session-fermer.ts';
import moi from '../moi-lire.ts';
import { appeler, requete, seConnecter } from './aide.fixture.ts';

let pile: PileDeTest;
beforeAll(async () => {
  pile = await demarrerPileDeTest({ dureeJeton: 30 });
});
afterAll(() => pile?.arreter());

const fermer = (headers: Record<string, string> = {}) => appeler(handler, requete('/api/auth/session', { method: 'DELETE', headers }));

describe('DELETE /api/auth/session', () => {
  test('déconnecte : cookie effacé, session révoquée, le cookie ne sert plus', async () => {
    const cookie = await seConnecter(pile, 'membre@exemple.test');
    const { statut, corps, cookies } = await fermer({ cookie });
    expect(statut).toBe(200);
    expect(corps.message).toBe('Vous êtes déconnecté.');
    expect(cookies.some((c) => /^rbde_session=;.*Max-Age=0/.test(c))).toBe(true);
    const { rows } = await pile.db.query<{ n: number }>(
      `select count(*)::int as n from auth.sessions s join auth.users u on u.id = s.user_id where u.email = 'membre@exemple.test' and s.revoque_le is null`,
    );
    expect(rows[0]!.n).toBe(0);
    // Jetons de 30 s : le cookie rejoué doit être renouvelé, ce que la session révoquée interdit.
    expect((await appeler(moi, requete('/api/moi', { headers: { cookie } }))).statut).toBe(401);
  });

  test('sans session : répond quand même et efface le cookie', async () => {
    const { statut, cookies } = await fermer();
    expect(statut).toBe(200);
    expect(cookies[0]).toMatch(/Max-Age=0/);
  });

  test('avec un cookie altéré : efface le cookie sans erreur', async () => {
    const { statut } = await fermer({ cookie: 'rbde_session=abc.def' });
    expect(statut).toBe(200);
  });

  test('refuse une déconnexion venue d’un autre site (403), sans rien toucher', async () => {
    const cookie = await seConnecter(pile, 'alice.martin@exemple.test');
    const { statut, corps, cookies } = await fermer({ cookie, origin: 'https://malveillant.example' });
    expect(statut).toBe(403);
    expect(corps.erreur.code).toBe('ORIGINE_REFUSEE');
    expect(cookies).toEqual([]);
    expect((await appeler(moi, requete('/api/moi', { headers: { cookie } }))).statut).toBe(200);
  });
});
