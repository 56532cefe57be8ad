// Un client Supabase par requête : des appels entrelacés de deux membres et d'un anonyme ne
// mélangent jamais les identités (un client partagé garderait la session du dernier connecté).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/tests/pile-test.ts';
import { ouvrir, sceller } from '../_lib/http/cookies.ts';
import { COOKIE_SESSION } from '../_lib/http/session.ts';
import moi from '../moi-lire.ts';
import sante from '../sante-lire.ts';
import { appeler, cookieDe, requete, seConnecter } from './aide.fixture.ts';

let pile: PileDeTest;
beforeAll(async () => {
  pile = await demarrerPileDeTest();
});
afterAll(() => pile?.arreter());

const cles = () => process.env.SESSION_KEYS!.split(',');
/** Le même cookie, avec un jeton d'accès qui expire dans 30 s : la requête le renouvellera. */
const aRenouveler = (cookie: string) => {
  const c = ouvrir(cookie.slice(COOKIE_SESSION.length + 1), cles(), COOKIE_SESSION) as Record<string, unknown>;
  return `${COOKIE_SESSION}=${sceller({ ...c, x: Math.floor(Date.now() / 1000) + 30 }, cles(), COOKIE_SESSION)}`;
};
const lire = (cookie?: string) => appeler(moi, requete('/api/moi', cookie ? { headers: { cookie } } : {}));

describe('isolation des requêtes', () => {
  test('deux membres et un anonyme entrelacés, avec renouvellements simultanés : chacun ne voit que lui', async () => {
    const a = await seConnecter(pile, 'ines.puig@exemple.test');
    const b = await seConnecter(pile, 'jules.teissier@exemple.test');
    for (let tour = 0; tour < 5; tour++) {
      const [ra, rb, anonyme, sansCookie, ra2, rb2] = await Promise.all([
        lire(aRenouveler(a)),
        lire(aRenouveler(b)),
        appeler(sante, requete('/api/sante')),
        lire(),
        lire(a),
        lire(b),
      ]);
      expect(ra.corps.email).toBe('ines.puig@exemple.test');
      expect(rb.corps.email).toBe('jules.teissier@exemple.test');
      expect(ra2.corps.email).toBe('ines.puig@exemple.test');
      expect(rb2.corps.email).toBe('jules.teissier@exemple.test');
      expect(anonyme.statut).toBe(200);
      expect(sansCookie.statut).toBe(401);
      // Le cookie renouvelé de A porte toujours A, celui de B toujours B.
      expect((await lire(cookieDe(ra.cookies))).corps.email).toBe('ines.puig@exemple.test');
      expect((await lire(cookieDe(rb.cookies))).corps.email).toBe('jules.teissier@exemple.test');
    }
    // Les sessions de A et B sont toujours ouvertes : aucune rotation n'a touché l'autre.
    expect((await lire(a)).statut).toBe(200);
    expect((await lire(b)).statut).toBe(200);
  });
});
