import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/tests/pile-test.ts';
import { ouvrir, sceller } from '../_lib/http/cookies.ts';
import { COOKIE_SESSION } from '../_lib/http/session.ts';
import handler from '../moi-lire.ts';
import { appeler, cookieDe, requete, seConnecter } from './aide.fixture.ts';

// Durée de vie des jetons : celle de production (jwt_expiry de supabase/config.toml).
let pile: PileDeTest;
beforeAll(async () => {
  pile = await demarrerPileDeTest();
});
afterAll(() => pile?.arreter());

const lire = (cookie?: string) => appeler(handler, requete('/api/moi', cookie ? { headers: { cookie } } : {}));
const efface = (cookies: string[]) => cookies.some((c) => c.startsWith(`${COOKIE_SESSION}=;`) && /Max-Age=0/.test(c));
const cles = () => process.env.SESSION_KEYS!.split(',');

/** Rouvre le cookie, modifie son contenu, le rescelle avec la clé courante. */
function recontenu(cookie: string, modifier: (c: Record<string, unknown>) => void): string {
  const contenu = ouvrir(cookie.slice(COOKIE_SESSION.length + 1), cles(), COOKIE_SESSION) as Record<string, unknown>;
  modifier(contenu);
  return `${COOKIE_SESSION}=${sceller(contenu, cles(), COOKIE_SESSION)}`;
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

  test('le cookie est chiffré : ni jeton ni adresse lisibles', async () => {
    const cookie = await seConnecter(pile, 'karima.soler@exemple.test');
    const valeur = cookie.slice(COOKIE_SESSION.length + 1);
    // Un JWT lisible commence toujours par « eyJ…. eyJ » (en-tête et contenu JSON en base64url) ; « eyJ » seul peut
    // sortir du hasard d'un chiffré (le test échouait une fois sur quelques centaines).
    const jwt = /eyJ[\w-]{4,}\.eyJ/;
    for (const morceau of valeur.split('.')) expect(Buffer.from(morceau, 'base64url').toString('latin1')).not.toMatch(/karima|exemple|eyJhbGci/);
    expect(valeur).not.toMatch(jwt);
  });

  test('renouvelle un jeton d’accès qui expire dans moins d’une minute et repose le cookie', async () => {
    const cookie = await seConnecter(pile, 'membre@exemple.test');
    const presque = recontenu(cookie, (c) => {
      c.x = Math.floor(Date.now() / 1000) + 30;
    });
    const { statut, cookies } = await lire(presque);
    expect(statut).toBe(200);
    const nouveau = cookieDe(cookies);
    expect(nouveau).not.toBe(presque);
    expect((await lire(nouveau)).statut).toBe(200);
    // Un jeton encore loin de l'expiration n'est pas renouvelé.
    expect((await lire(nouveau)).cookies).toEqual([]);
  });

  test('une clé retirée de la rotation mais encore listée déchiffre toujours ; une clé inconnue non', async () => {
    const cookie = await seConnecter(pile, 'hugo.mas@exemple.test');
    const ancienne = process.env.SESSION_KEYS!;
    try {
      process.env.SESSION_KEYS = `${Buffer.alloc(32, 7).toString('base64')},${ancienne}`;
      const { oublierEnv } = await import('../_lib/env.ts');
      oublierEnv();
      expect((await lire(cookie)).statut).toBe(200);
      process.env.SESSION_KEYS = Buffer.alloc(32, 7).toString('base64');
      oublierEnv();
      const { statut, corps } = await lire(cookie);
      expect(statut).toBe(401);
      expect(corps.erreur.code).toBe('SESSION_INVALIDE');
    } finally {
      process.env.SESSION_KEYS = ancienne;
      (await import('../_lib/env.ts')).oublierEnv();
    }
  });

  test('cookie altéré : 401 SESSION_INVALIDE et cookie effacé', async () => {
    const cookie = await seConnecter(pile, 'alice.martin@exemple.test');
    // Un caractère du milieu du chiffré (le dernier caractère base64url ne porte parfois que du remplissage).
    const i = cookie.lastIndexOf('.') - 5;
    const altere = cookie.slice(0, i) + (cookie[i] === 'A' ? 'B' : 'A') + cookie.slice(i + 1);
    const { statut, corps, cookies } = await lire(altere);
    expect(statut).toBe(401);
    expect(corps.erreur.code).toBe('SESSION_INVALIDE');
    expect(efface(cookies)).toBe(true);
  });

  test('cookie illisible : 401 SESSION_INVALIDE', async () => {
    const { statut, cookies } = await lire(`${COOKIE_SESSION}=nimportequoi`);
    expect(statut).toBe(401);
    expect(efface(cookies)).toBe(true);
  });

  test('session fermée côté Auth, jeton encore valable une heure : la base le refuse (401) et le cookie est effacé', async () => {
    const cookie = await seConnecter(pile, 'bruno.garcia@exemple.test');
    await pile.db.query(`delete from auth.sessions where user_id = (select id from auth.users where email = 'bruno.garcia@exemple.test')`);
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

  test('jeton d’accès à la signature fausse : 401 et cookie effacé', async () => {
    const cookie = await seConnecter(pile, 'david.roux@exemple.test');
    const faux = recontenu(cookie, (c) => {
      c.a = String(c.a).replace(/\.[^.]+$/, '.signaturefausse');
    });
    const { statut, cookies } = await lire(faux);
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
