import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/pile-test.ts';
import demander from '../auth-code-demander.ts';
import handler from '../auth-session-ouvrir.ts';
import { appeler, empreinteEtat, requete, testerEntreesInvalides } from './aide.fixture.ts';

let pile: PileDeTest;
beforeAll(async () => {
  pile = await demarrerPileDeTest();
});
afterAll(() => pile?.arreter());

async function recevoirCode(email: string) {
  expect((await appeler(demander, requete('/api/auth/code', { method: 'POST', corps: { email } }))).statut).toBe(202);
  return pile.dernierCode(email);
}
const ouvrir = (email: string, code: unknown) => appeler(handler, requete('/api/auth/session', { method: 'POST', corps: { email, code } }));
const faux = (code: string) => (code === '000000' ? '111111' : '000000');

describe('POST /api/auth/session', () => {
  test('ouvre la session avec le bon code : 201, fiche du membre, cookie HttpOnly Secure SameSite=Lax', async () => {
    const code = await recevoirCode('membre@exemple.test');
    const { statut, corps, cookies } = await ouvrir('membre@exemple.test', code);
    expect(statut).toBe(201);
    expect(corps).toMatchObject({ prenom: 'Marie', nom: 'Membre', email: 'membre@exemple.test', role: 'membre' });
    const cookie = cookies.find((c) => c.startsWith('rbde_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
  });

  test('tolère les espaces dans le code saisi', async () => {
    const code = await recevoirCode('alice.martin@exemple.test');
    const { statut } = await ouvrir('alice.martin@exemple.test', `${code.slice(0, 3)} ${code.slice(3)}`);
    expect(statut).toBe(201);
  });

  test('un mauvais code donne un message français avec les essais restants, sans cookie', async () => {
    const code = await recevoirCode('bruno.garcia@exemple.test');
    const { statut, corps, cookies } = await ouvrir('bruno.garcia@exemple.test', faux(code));
    expect(statut).toBe(400);
    expect(corps.erreur).toMatchObject({ code: 'CODE_INVALIDE', details: { restants: 4 } });
    expect(corps.erreur.message).toContain('Il vous reste 4 essais');
    expect(cookies).toEqual([]);
    const second = await ouvrir('bruno.garcia@exemple.test', faux(code));
    expect(second.corps.erreur.message).toContain('Il vous reste 3 essais');
  });

  test('après 5 erreurs le code est mort, même le bon', async () => {
    const email = 'chloe.bernard@exemple.test';
    const code = await recevoirCode(email);
    for (let i = 4; i >= 1; i--) expect((await ouvrir(email, faux(code))).corps.erreur.details.restants).toBe(i);
    expect((await ouvrir(email, faux(code))).corps.erreur.code).toBe('CODE_EPUISE');
    const { statut, corps } = await ouvrir(email, code);
    expect(statut).toBe(400);
    expect(corps.erreur.code).toBe('CODE_EPUISE');
    expect(corps.erreur.message).toContain('Demandez un nouveau code');
  });

  test('un code ne sert qu’une fois', async () => {
    const email = 'david.roux@exemple.test';
    const code = await recevoirCode(email);
    expect((await ouvrir(email, code)).statut).toBe(201);
    const { statut, corps } = await ouvrir(email, code);
    expect(statut).toBe(400);
    expect(corps.erreur.code).toBe('CODE_INVALIDE');
  });

  test('un code expiré est refusé', async () => {
    const email = 'emma.fabre@exemple.test';
    const code = await recevoirCode(email);
    await pile.db.query(`update auth.codes_otp set expire_le = now() - interval '1 second'`);
    const { statut, corps } = await ouvrir(email, code);
    expect(statut).toBe(400);
    expect(corps.erreur.code).toBe('CODE_INVALIDE');
  });

  test('un compte désactivé ne peut pas ouvrir de session (403), et sa session Auth est refermée', async () => {
    const email = 'farid.benali@exemple.test';
    const code = await recevoirCode(email);
    await pile.db.query(`update prive.membres set actif = false where email = $1`, [email]);
    const { statut, corps, cookies } = await ouvrir(email, code);
    expect(statut).toBe(403);
    expect(corps.erreur.code).toBe('NON_MEMBRE');
    expect(cookies).toEqual([]);
    const { rows } = await pile.db.query<{ n: number }>(
      `select count(*)::int as n from auth.sessions s join auth.users u on u.id = s.user_id where u.email = $1 and s.revoque_le is null`,
      [email],
    );
    expect(rows[0]!.n).toBe(0);
  });

  test('un code pour une adresse inconnue est refusé comme un mauvais code', async () => {
    const avant = await empreinteEtat(pile);
    const { statut, corps } = await ouvrir('inconnu@exemple.test', '123456');
    expect(statut).toBe(400);
    expect(corps.erreur.code).toBe('CODE_INVALIDE');
    expect((await empreinteEtat(pile)).s).toBe(avant.s);
  });

  test('refuse un code qui n’a pas 6 chiffres, message par champ', async () => {
    const { statut, corps } = await ouvrir('membre@exemple.test', '12ab');
    expect(statut).toBe(400);
    expect(corps.erreur.details.champs.code).toEqual(['Le code se compose de 6 chiffres.']);
  });

  testerEntreesInvalides('POST /api/auth/session', () => ({ handler, pile }), '/api/auth/session', 'POST', { email: 'membre@exemple.test', code: '123456' });
});
