// Ajout d'une formation manquante par la route : un administrateur seulement ; mauvaises entrées et droits :
// 4xx en français, rien d'écrit.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/tests/pile-test.ts';
import creer from '../calendrier-pfmp-formations-creer.ts';
import lire from '../calendrier-pfmp-periodes-lire.ts';
import { appeler, requete, seConnecter, testerEntreesInvalides } from './aide.fixture.ts';

let pile: PileDeTest;
let membre: string;
let admin: string;
beforeAll(async () => {
  pile = await demarrerPileDeTest();
  membre = await seConnecter(pile, 'membre@exemple.test');
  admin = await seConnecter(pile, 'admin@exemple.test');
});
afterAll(() => pile?.arreter());

const valide = { code: '40022106', intitule: 'BAC PRO CUISINE', niveau: 'BAC PRO', secteur: 'Hôtellerie-restauration' };
const ajouter = (corps: unknown, cookie?: string) =>
  appeler(creer, requete('/api/calendrier-pfmp/formations', { method: 'POST', corps, headers: cookie ? { cookie } : {} }));
const nombre = async () => (await pile.db.query<{ n: number }>('select count(*)::int as n from prive.formations')).rows[0]!.n;

describe('POST /api/calendrier-pfmp/formations', () => {
  test('un membre non administrateur : 403 INTERDIT en français, rien écrit', async () => {
    const avant = await nombre();
    const r = await ajouter(valide, membre);
    expect(r.statut).toBe(403);
    expect(r.corps.erreur).toMatchObject({ code: 'INTERDIT', message: 'Vous n’avez pas le droit de faire cette action.' });
    expect(await nombre()).toBe(avant);
  });

  test('sans session : 401, rien écrit', async () => {
    const avant = await nombre();
    expect((await ajouter(valide)).statut).toBe(401);
    expect(await nombre()).toBe(avant);
  });

  test('un administrateur ajoute la formation (201) ; les membres la voient aussitôt ; le même code : 409', async () => {
    const r = await ajouter({ ...valide, code: '40022106' }, admin);
    expect(r.statut).toBe(201);
    expect(r.corps).toEqual(valide);
    const liste = await appeler(lire, requete('/api/calendrier-pfmp/periodes', { headers: { cookie: membre } }));
    expect(liste.corps.formations).toContainEqual(valide);
    expect(liste.corps.peut_ajouter_formation).toBe(false);
    const avant = await nombre();
    const double = await ajouter(valide, admin);
    expect(double.statut).toBe(409);
    expect(double.corps.erreur.code).toBe('DEJA_EXISTANT');
    expect(await nombre()).toBe(avant);
  });

  test.each<[string, Record<string, unknown>, string]>([
    ['un code qui n’est pas un code BCN', { code: 'cuisine' }, 'code'],
    ['un intitulé trop court', { intitule: 'X' }, 'intitule'],
    ['un niveau vide', { niveau: ' ' }, 'niveau'],
  ])('refuse %s : 400, le champ désigné, rien écrit', async (_, modif, champ) => {
    const avant = await nombre();
    const r = await ajouter({ ...valide, code: '50022135', ...modif }, admin);
    expect(r.statut).toBe(400);
    expect(Object.keys(r.corps.erreur.details.champs)).toEqual([champ]);
    expect(await nombre()).toBe(avant);
  });

  testerEntreesInvalides('ajout d’une formation', () => ({ handler: creer, pile }), '/api/calendrier-pfmp/formations', 'POST', valide);
});
