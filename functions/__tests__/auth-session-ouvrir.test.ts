import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/tests/pile-test.ts';
import { COOKIE_SESSION } from '../_lib/http/session.ts';
import demander from '../auth-code-demander.ts';
import handler from '../auth-session-ouvrir.ts';
import { appeler, contexte, empreinteEtat, liaisonDe, requete, testerEntreesInvalides } from './aide.fixture.ts';

let pile: PileDeTest;
beforeAll(async () => {
  pile = await demarrerPileDeTest();
});
afterAll(() => pile?.arreter());

/** Demande un code ; renvoie le code reçu et le cookie de liaison du navigateur qui l'a demandé. */
async function recevoirCode(email: string) {
  const d = await appeler(demander, requete('/api/auth/code', { method: 'POST', corps: { email } }));
  expect(d.statut).toBe(202);
  return { code: await pile.dernierCode(email), liaison: liaisonDe(d.cookies) };
}
const ouvrir = (email: string, code: unknown, liaison?: string, ip?: string) =>
  handler(requete('/api/auth/session', { method: 'POST', corps: { email, code }, headers: liaison ? { cookie: liaison } : {} }), contexte({}, ip)).then(
    async (r) => ({
      statut: r.status,
      corps: await r.json(),
      cookies: r.headers.getSetCookie(),
    }),
  );
const faux = (code: string) => (code === '000000' ? '111111' : '000000');
/** Fait comme si une minute avait passé depuis les dernières demandes (la nôtre et celle de Supabase Auth), sans toucher aux essais. */
const oublierDemandes = async () => {
  await pile.db.query(`update prive.evenements_connexion set le = le - interval '61 seconds' where genre = 'demande'`);
  await pile.db.query(`update auth.users set recovery_sent_at = recovery_sent_at - interval '61 seconds' where recovery_sent_at is not null`);
};

describe('POST /api/auth/session', () => {
  test('ouvre la session avec le bon code : 201, fiche du membre, cookie __Host- HttpOnly Secure SameSite=Lax', async () => {
    const { code, liaison } = await recevoirCode('membre@exemple.test');
    const { statut, corps, cookies } = await ouvrir('membre@exemple.test', code, liaison);
    expect(statut).toBe(201);
    expect(corps).toMatchObject({ prenom: 'Marie', nom: 'Membre', email: 'membre@exemple.test', role: 'membre' });
    const cookie = cookies.find((c) => c.startsWith(`${COOKIE_SESSION}=`))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    // Le témoin de connexion, lisible par les pages (sans HttpOnly), vit aussi longtemps que la session.
    const temoin = cookies.find((c) => c.startsWith('__Host-rbde_connecte='))!;
    expect(temoin).toMatch(/^__Host-rbde_connecte=1; Path=\/; Secure; SameSite=Lax; Max-Age=\d+$/);
    expect(temoin.match(/Max-Age=(\d+)/)![1]).toBe(cookie.match(/Max-Age=(\d+)/)![1]);
    // La liaison du navigateur a servi : effacée.
    expect(cookies.some((c) => c.startsWith('__Host-rbde_liaison=;') && /Max-Age=0/.test(c))).toBe(true);
  });

  test('tolère les espaces dans le code saisi', async () => {
    const { code, liaison } = await recevoirCode('alice.martin@exemple.test');
    expect((await ouvrir('alice.martin@exemple.test', `${code.slice(0, 3)} ${code.slice(3)}`, liaison)).statut).toBe(201);
  });

  test('un essai sans le cookie du navigateur qui a demandé le code est refusé sans rien compter', async () => {
    const { code, liaison } = await recevoirCode('karima.soler@exemple.test');
    const avant = await empreinteEtat(pile);
    for (const autre of [undefined, '__Host-rbde_liaison=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const { statut, corps } = await ouvrir('karima.soler@exemple.test', faux(code), autre);
      expect(statut).toBe(400);
      expect(corps.erreur.code).toBe('LIAISON_ABSENTE');
      expect(corps.erreur.message).toContain('autre navigateur');
    }
    expect(await empreinteEtat(pile)).toEqual(avant);
    // Le membre, lui, n'a rien perdu : son code marche, avec ses 5 essais.
    expect((await ouvrir('karima.soler@exemple.test', code, liaison)).statut).toBe(201);
  });

  test('un mauvais code donne un message français avec les essais restants, sans cookie de session', async () => {
    const { code, liaison } = await recevoirCode('bruno.garcia@exemple.test');
    const { statut, corps, cookies } = await ouvrir('bruno.garcia@exemple.test', faux(code), liaison);
    expect(statut).toBe(400);
    expect(corps.erreur).toMatchObject({ code: 'CODE_INVALIDE', details: { restants: 4 } });
    expect(corps.erreur.message).toContain('Il vous reste 4 essais');
    expect(cookies).toEqual([]);
    expect((await ouvrir('bruno.garcia@exemple.test', faux(code), liaison)).corps.erreur.message).toContain('Il vous reste 3 essais');
  });

  test('après 5 erreurs le code est mort, même le bon', async () => {
    const email = 'chloe.bernard@exemple.test';
    const { code, liaison } = await recevoirCode(email);
    for (let i = 4; i >= 1; i--) expect((await ouvrir(email, faux(code), liaison)).corps.erreur.details.restants).toBe(i);
    expect((await ouvrir(email, faux(code), liaison)).corps.erreur.code).toBe('CODE_EPUISE');
    const { statut, corps } = await ouvrir(email, code, liaison);
    expect(statut).toBe(400);
    expect(corps.erreur.code).toBe('CODE_EPUISE');
    expect(corps.erreur.message).toContain('Demandez un nouveau code');
  });

  test('un nouveau code ne remet pas les échecs à zéro : 10 échecs dans l’heure verrouillent l’adresse (429)', async () => {
    const email = 'hugo.mas@exemple.test';
    let dernier: { code: string; liaison: string };
    for (let serie = 0; serie < 2; serie++) {
      await oublierDemandes();
      dernier = await recevoirCode(email);
      for (let i = 0; i < 5; i++) expect((await ouvrir(email, faux(dernier.code), dernier.liaison)).statut).toBe(400);
    }
    await oublierDemandes();
    dernier = await recevoirCode(email);
    const { statut, corps } = await ouvrir(email, dernier.code, dernier.liaison);
    expect(statut).toBe(429);
    expect(corps.erreur.code).toBe('VERROUILLE');
    expect(corps.erreur.message).toMatch(/Réessayez dans \d+ minutes/);
  });

  test('un code ne sert qu’une fois', async () => {
    const email = 'david.roux@exemple.test';
    const { code, liaison } = await recevoirCode(email);
    expect((await ouvrir(email, code, liaison)).statut).toBe(201);
    const { statut, corps } = await ouvrir(email, code, liaison);
    expect(statut).toBe(400);
    expect(corps.erreur.code).toBe('CODE_INVALIDE');
  });

  test('un compte désactivé ne peut pas ouvrir de session (403), et sa session Auth est refermée', async () => {
    const email = 'farid.benali@exemple.test';
    const { code, liaison } = await recevoirCode(email);
    await pile.db.query(`update prive.membres set actif = false where email = $1`, [email]);
    const { statut, corps, cookies } = await ouvrir(email, code, liaison);
    expect(statut).toBe(403);
    expect(corps.erreur.code).toBe('NON_MEMBRE');
    expect(cookies.filter((c) => c.startsWith(`${COOKIE_SESSION}=`) && !/Max-Age=0/.test(c))).toEqual([]);
    const { rows } = await pile.db.query<{ n: number }>(
      `select count(*)::int as n from auth.sessions s join auth.users u on u.id = s.user_id where u.email = $1`,
      [email],
    );
    expect(rows[0]!.n).toBe(0);
  });

  test('un code pour une adresse inconnue est refusé comme un mauvais code', async () => {
    const d = await appeler(demander, requete('/api/auth/code', { method: 'POST', corps: { email: 'inconnu@exemple.test' } }));
    const { statut, corps } = await ouvrir('inconnu@exemple.test', '123456', liaisonDe(d.cookies));
    expect(statut).toBe(400);
    expect(corps.erreur.code).toBe('CODE_INVALIDE');
  });

  test('refuse un code qui n’a pas le bon nombre de chiffres, message par champ', async () => {
    const { statut, corps } = await ouvrir('membre@exemple.test', '12ab');
    expect(statut).toBe(400);
    expect(corps.erreur.details.champs.code).toEqual(['Le code se compose de 6 chiffres.']);
  });

  testerEntreesInvalides('POST /api/auth/session', () => ({ handler, pile }), '/api/auth/session', 'POST', { email: 'membre@exemple.test', code: '123456' });
});
