import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/pile-test.ts';
import handler from '../auth-code-demander.ts';
import { appeler, empreinteEtat, requete, testerEntreesInvalides } from './aide.fixture.ts';

let pile: PileDeTest;
beforeAll(async () => {
  pile = await demarrerPileDeTest();
});
afterAll(() => pile?.arreter());

const demander = (email: unknown) => appeler(handler, requete('/api/auth/code', { method: 'POST', corps: { email } }));

describe('POST /api/auth/code', () => {
  test('envoie un code à 6 chiffres à un membre (202)', async () => {
    const { statut, corps } = await demander('membre@exemple.test');
    expect(statut).toBe(202);
    expect(corps.message).toContain('un code à 6 chiffres');
    expect(await pile.dernierCode('membre@exemple.test')).toMatch(/^\d{6}$/);
  });

  test('accepte majuscules et espaces autour de l’adresse', async () => {
    const { statut } = await demander('  ALICE.Martin@Exemple.TEST ');
    expect(statut).toBe(202);
    expect(await pile.dernierCode('alice.martin@exemple.test')).toMatch(/^\d{6}$/);
  });

  test('répond pareil à une adresse inconnue, sans envoyer de courriel', async () => {
    const connue = await demander('bruno.garcia@exemple.test');
    const avant = pile.messages.length;
    const inconnue = await demander('personne@exemple.test');
    expect(inconnue.statut).toBe(connue.statut);
    expect(inconnue.corps).toEqual(connue.corps);
    await new Promise((r) => setTimeout(r, 200));
    expect(pile.messages.length).toBe(avant);
  });

  test('refuse une deuxième demande dans la minute, pour une adresse connue comme inconnue (429)', async () => {
    for (const email of ['chloe.bernard@exemple.test', 'quelquun@exemple.test']) {
      expect((await demander(email)).statut).toBe(202);
      const { statut, corps } = await demander(email);
      expect(statut).toBe(429);
      expect(corps.erreur.code).toBe('TROP_DE_DEMANDES');
      expect(corps.erreur.message).toMatch(/Réessayez dans \d+ secondes/);
    }
  });

  test('refuse une adresse mal formée avec un message par champ', async () => {
    const avant = await empreinteEtat(pile);
    const { statut, corps } = await demander('pas-une-adresse');
    expect(statut).toBe(400);
    expect(corps.erreur.details.champs.email[0]).toContain('n’est pas valide');
    expect(await empreinteEtat(pile)).toEqual(avant);
  });

  testerEntreesInvalides('POST /api/auth/code', () => ({ handler, pile }), '/api/auth/code', 'POST', { email: 'membre@exemple.test' });
});
