import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/pile-test.ts';
import handler from '../moi-lire.ts';
import { appeler, cookieDe, requete, seConnecter } from './aide.fixture.ts';

let pile: PileDeTest;
beforeAll(async () => {
  // Jetons d'accès de 30 s : sous la marge de 60 s, chaque appel les renouvelle.
  pile = await demarrerPileDeTest({ dureeJeton: 30 });
});
afterAll(() => pile?.arreter());

const lire = (cookie?: string) => appeler(handler, requete('/api/moi', cookie ? { headers: { cookie } } : {}));
const efface = (cookies: string[]) => cookies.some((c) => /^rbde_session=;/.test(c) && /Max-Age=0/.test(c));

function recontenu(cookie: string, modifier: (c: Record<string, unknown>) => void): string {
  const valeur = cookie.split('=')[1]!.split('.')[0]!;
  const contenu = JSON.parse(Buffer.from(valeur, 'base64url').toString('utf8'));
  modifier(contenu);
  const nouvelle = Buffer.from(JSON.stringify(contenu)).toString('base64url');
  return `rbde_session=${nouvelle}.${createHmac('sha256', process.env.SESSION_SECRET!).update(nouvelle).digest('base64url')}`;
}

describe('GET /api/moi', () => {
  test('sans session : 401 NON_CONNECTE en français', async () => {
    const { statut, corps } = await lire();
    expect(statut).toBe(401);
    expect(corps.erreur).toMatchObject({ code: 'NON_CONNECTE' });
    expect(corps.erreur.message).toContain('connecté');
  });

  test('connecté : 200 et la fiche du membre avec son établissement', async () => {
    const cookie = await seConnecter(pile, 'organisation@exemple.test');
    const { statut, corps } = await lire(cookie);
    expect(statut).toBe(200);
    expect(corps).toMatchObject({ prenom: 'Olivier', role: 'organisateur', etablissement: { departement: '34' } });
  });

  test('renouvelle les jetons qui expirent bientôt et repose le cookie', async () => {
    const cookie = await seConnecter(pile, 'membre@exemple.test');
    const { statut, cookies } = await lire(cookie);
    expect(statut).toBe(200);
    const nouveau = cookieDe(cookies);
    expect(nouveau).not.toBe(cookie);
    expect((await lire(nouveau)).statut).toBe(200);
  });

  test('cookie altéré : 401 SESSION_INVALIDE et cookie effacé', async () => {
    const cookie = await seConnecter(pile, 'alice.martin@exemple.test');
    const altere = cookie.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    const { statut, corps, cookies } = await lire(altere);
    expect(statut).toBe(401);
    expect(corps.erreur.code).toBe('SESSION_INVALIDE');
    expect(efface(cookies)).toBe(true);
  });

  test('cookie illisible : 401 SESSION_INVALIDE', async () => {
    const { statut, cookies } = await lire('rbde_session=nimportequoi');
    expect(statut).toBe(401);
    expect(efface(cookies)).toBe(true);
  });

  test('session révoquée dont le jeton a expiré : 401 SESSION_EXPIREE et cookie effacé', async () => {
    const cookie = await seConnecter(pile, 'bruno.garcia@exemple.test');
    await pile.db.query(`update auth.sessions set revoque_le = now() where user_id = (select id from auth.users where email = 'bruno.garcia@exemple.test')`);
    const { statut, corps, cookies } = await lire(cookie);
    expect(statut).toBe(401);
    expect(corps.erreur.code).toBe('SESSION_EXPIREE');
    expect(efface(cookies)).toBe(true);
  });

  test('session de plus de 7 jours : 401 SESSION_EXPIREE', async () => {
    const cookie = await seConnecter(pile, 'chloe.bernard@exemple.test');
    const vieux = recontenu(cookie, (c) => {
      c.d = Math.floor(Date.now() / 1000) - 8 * 24 * 3600;
    });
    const { statut, corps } = await lire(vieux);
    expect(statut).toBe(401);
    expect(corps.erreur.code).toBe('SESSION_EXPIREE');
  });

  test('jeton d’accès refusé par la base (expiré, non renouvelable) : 401 et cookie effacé', async () => {
    const cookie = await seConnecter(pile, 'david.roux@exemple.test');
    const expire = recontenu(cookie, (c) => {
      c.x = Math.floor(Date.now() / 1000) + 3600; // on prétend qu'il est encore valable : pas de renouvellement
      c.a = String(c.a).replace(/\.[^.]+$/, '.signaturefausse');
    });
    const { statut, cookies } = await lire(expire);
    expect(statut).toBe(401);
    expect(efface(cookies)).toBe(true);
  });

  test('membre désactivé entre-temps : 403 NON_MEMBRE', async () => {
    const cookie = await seConnecter(pile, 'emma.fabre@exemple.test');
    await pile.db.query(`update prive.membres set actif = false where email = 'emma.fabre@exemple.test'`);
    const { statut, corps } = await lire(cookie);
    expect(statut).toBe(403);
    expect(corps.erreur.code).toBe('NON_MEMBRE');
  });
});
