import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/tests/pile-test.ts';
import handler from '../auth-code-demander.ts';
import { oublierEnv } from '../_lib/env.ts';
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

  test('un membre désactivé reçoit la même réponse, et aucun courriel', async () => {
    await pile.db.query(`update prive.membres set actif = false where email = 'gaelle.vidal@exemple.test'`);
    const avant = pile.messages.length;
    const { statut, corps } = await demander('gaelle.vidal@exemple.test');
    expect(statut).toBe(202);
    expect(corps.message).toContain('Si cette adresse est celle d’un membre');
    await new Promise((r) => setTimeout(r, 200));
    expect(pile.messages.length).toBe(avant);
  });

  test('pose le cookie de liaison du navigateur (__Host-, HttpOnly, une heure)', async () => {
    const { cookies } = await demander('hugo.mas@exemple.test');
    const liaison = cookies.find((c) => c.startsWith('__Host-rbde_liaison='))!;
    expect(liaison).toMatch(/HttpOnly; Secure; SameSite=Lax; Max-Age=3600/);
  });

  test('membre et inconnu répondent dans le même temps (durée minimale tenue)', async () => {
    process.env.DUREE_MIN_DEMANDE_CODE_MS = '400';
    oublierEnv();
    try {
      const duree = async (email: string) => {
        const debut = performance.now();
        expect((await demander(email)).statut).toBe(202);
        return performance.now() - debut;
      };
      const membre = await duree('ines.puig@exemple.test');
      const inconnu = await duree('nimporte.qui@exemple.test');
      expect(membre).toBeGreaterThanOrEqual(395);
      expect(inconnu).toBeGreaterThanOrEqual(395);
      expect(Math.abs(membre - inconnu)).toBeLessThan(150);
    } finally {
      process.env.DUREE_MIN_DEMANDE_CODE_MS = '0';
      oublierEnv();
    }
  });

  test('Supabase injoignable : 503 en français, rien d’envoyé', async () => {
    const url = process.env.SUPABASE_URL!;
    process.env.SUPABASE_URL = 'http://127.0.0.1:9';
    oublierEnv();
    try {
      const { statut, corps } = await demander('jules.teissier@exemple.test');
      expect(statut).toBe(503);
      expect(corps.erreur.code).toBe('SERVICE_INDISPONIBLE');
      expect(corps.erreur.message).toContain('momentanément indisponible');
    } finally {
      process.env.SUPABASE_URL = url;
      oublierEnv();
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
