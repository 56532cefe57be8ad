import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { JWT_SECRET_LOCAL } from '../../local/config.ts';
import { signerJwt } from '../../local/supabase/jwt.ts';
import { demarrerPileDeTest, type PileDeTest } from '../../local/tests/pile-test.ts';
import { ouvrir, sceller } from '../_lib/http/cookies.ts';
import { COOKIE_SESSION } from '../_lib/http/session.ts';
import { creerClient } from '../_lib/supabase.ts';
import handler from '../auth-session-fermer.ts';
import moi from '../moi-lire.ts';
import { appeler, requete, seConnecter } from './aide.fixture.ts';

// Jetons à la durée de production (une heure) : c'est la base qui refuse une session fermée.
let pile: PileDeTest;
beforeAll(async () => {
  pile = await demarrerPileDeTest();
});
afterAll(() => pile?.arreter());

const fermer = (headers: Record<string, string> = {}) => appeler(handler, requete('/api/auth/session', { method: 'DELETE', headers }));
const cles = () => process.env.SESSION_KEYS!.split(',');
const contenu = (cookie: string) => ouvrir(cookie.slice(COOKIE_SESSION.length + 1), cles(), COOKIE_SESSION) as { a: string; r: string; x: number; d: number };
const sessionsDe = async (email: string) =>
  (await pile.db.query<{ n: number }>(`select count(*)::int as n from auth.sessions s join auth.users u on u.id = s.user_id where u.email = $1`, [email]))
    .rows[0]!.n;

describe('DELETE /api/auth/session', () => {
  test('déconnecte tout de suite : cookie effacé, session supprimée, le cookie copié avant ne lit plus rien', async () => {
    const cookie = await seConnecter(pile, 'membre@exemple.test');
    expect((await appeler(moi, requete('/api/moi', { headers: { cookie } }))).statut).toBe(200);
    const { statut, corps, cookies } = await fermer({ cookie });
    expect(statut).toBe(200);
    expect(corps.message).toBe('Vous êtes déconnecté.');
    expect(cookies.some((c) => c.startsWith(`${COOKIE_SESSION}=;`) && /Max-Age=0/.test(c))).toBe(true);
    expect(cookies.some((c) => c.startsWith('__Host-rbde_connecte=;') && /Max-Age=0/.test(c))).toBe(true);
    expect(await sessionsDe('membre@exemple.test')).toBe(0);
    // Le jeton d'accès vaut encore près d'une heure, mais sa session n'existe plus : la base le refuse.
    const rejoue = await appeler(moi, requete('/api/moi', { headers: { cookie } }));
    expect(rejoue.statut).toBe(401);
    expect(rejoue.corps.erreur.code).toBe('SESSION_EXPIREE');
  });

  test('avec un jeton d’accès expiré, la déconnexion révoque quand même le jeton de rafraîchissement', async () => {
    const cookie = await seConnecter(pile, 'gaelle.vidal@exemple.test');
    const c = contenu(cookie);
    const claims = JSON.parse(Buffer.from(c.a.split('.')[1]!, 'base64url').toString('utf8'));
    const maintenant = Math.floor(Date.now() / 1000);
    const expire = signerJwt({ ...claims, iat: maintenant - 7200, exp: maintenant - 3600 }, JWT_SECRET_LOCAL);
    const vieux = `${COOKIE_SESSION}=${sceller({ ...c, a: expire, x: maintenant - 3600 }, cles(), COOKIE_SESSION)}`;
    expect((await fermer({ cookie: vieux })).statut).toBe(200);
    expect(await sessionsDe('gaelle.vidal@exemple.test')).toBe(0);
    const { error } = await creerClient('publiable').auth.refreshSession({ refresh_token: c.r });
    expect(error).not.toBeNull();
  });

  test('sans session : répond quand même et efface le cookie', async () => {
    const { statut, cookies } = await fermer();
    expect(statut).toBe(200);
    expect(cookies[0]).toMatch(/Max-Age=0/);
  });

  test('avec un cookie altéré : efface le cookie sans erreur', async () => {
    const { statut } = await fermer({ cookie: `${COOKIE_SESSION}=abc.def` });
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
