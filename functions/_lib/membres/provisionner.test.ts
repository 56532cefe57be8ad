// Provisionnement en une étape contre la pile locale (Auth et PostgREST remplaçants, fidèles à GoTrue).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../../local/tests/pile-test.ts';
import { seConnecter } from '../../__tests__/aide.fixture.ts';
import { creerContexte } from '../contexte.ts';
import { provisionnementSchema, provisionnerMembre } from './provisionner.ts';

let pile: PileDeTest;
beforeAll(async () => {
  pile = await demarrerPileDeTest();
});
afterAll(() => pile?.arreter());

const ctx = () => creerContexte({ appelant: null, ip: '127.0.0.1', navigateur: null, requestId: 'test' });
const donnees = (d: Record<string, unknown>) => provisionnementSchema.parse(d);

describe('provisionner un membre', () => {
  test('crée le compte Auth CONFIRMÉ et la fiche ; le nouveau membre se connecte aussitôt par code', async () => {
    const fiche = await provisionnerMembre(donnees({ email: 'Nouvelle.Collegue@Exemple.test', prenom: 'Nadia', nom: 'Nouvelle', uai: '0349902F' }), ctx());
    expect(fiche).toMatchObject({ email: 'nouvelle.collegue@exemple.test', role: 'membre' });
    const { rows } = await pile.db.query<{ confirme: boolean; lie: boolean }>(
      `select u.email_confirmed_at is not null as confirme, m.user_id = u.id as lie from auth.users u join prive.membres m on m.email = u.email where u.email = $1`,
      ['nouvelle.collegue@exemple.test'],
    );
    expect(rows).toEqual([{ confirme: true, lie: true }]);
    expect(await seConnecter(pile, 'nouvelle.collegue@exemple.test')).toMatch(/^__Host-rbde_session=/);
  });

  test('rejoue sans doublon : un compte existant est retrouvé, confirmé et relié', async () => {
    await pile.db.query(`insert into auth.users (instance_id, id, aud, role, email) values ('00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', 'deja.la@exemple.test')`);
    const fiche = await provisionnerMembre(donnees({ email: 'deja.la@exemple.test', prenom: 'Denis', nom: 'Déjà', role: 'organisateur' }), ctx());
    expect(fiche.role).toBe('organisateur');
    const { rows } = await pile.db.query<{ n: number; confirme: boolean }>(
      `select count(*)::int as n, bool_and(email_confirmed_at is not null) as confirme from auth.users where email = 'deja.la@exemple.test'`,
    );
    expect(rows[0]).toEqual({ n: 1, confirme: true });
  });

  test('un établissement inconnu : erreur en français, et le compte Auth créé à l’instant est supprimé', async () => {
    await expect(provisionnerMembre(donnees({ email: 'sans.lycee@exemple.test', prenom: 'Sam', nom: 'Sans', uai: '0000000Z' }), ctx())).rejects.toMatchObject({
      code: 'ETABLISSEMENT_INCONNU',
    });
    const { rows } = await pile.db.query<{ n: number }>(`select count(*)::int as n from auth.users where email = 'sans.lycee@exemple.test'`);
    expect(rows[0]!.n).toBe(0);
  });

  test('les champs sont validés en français', () => {
    const r = provisionnementSchema.safeParse({ email: 'pas-une-adresse', prenom: '', nom: 'X', uai: 'abc' });
    expect(r.success).toBe(false);
    expect(r.error!.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['Indiquez le prénom.', 'UAI invalide : 7 chiffres et une lettre majuscule.']));
  });
});
