// Calendrier des PFMP par les routes : publication, retrait, périodes du lycée, vue du réseau ;
// mauvaises entrées et droits : 4xx en français, rien d'écrit.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/pile-test.ts';
import creer from '../calendrier-pfmp-periodes-creer.ts';
import lire from '../calendrier-pfmp-periodes-lire.ts';
import supprimer from '../calendrier-pfmp-periodes-supprimer.ts';
import reseau from '../calendrier-pfmp-reseau-lire.ts';
import { appeler, contexte, requete, seConnecter, testerEntreesInvalides } from './aide.fixture.ts';

let pile: PileDeTest;
let cookie: string;
beforeAll(async () => {
  pile = await demarrerPileDeTest();
  cookie = await seConnecter(pile, 'membre@exemple.test'); // lycée 0309901C
});
afterAll(() => pile?.arreter());

const valide = { formation: 'bac-pro-mcv', classe: '2MCV', niveau: '2de', debut: '2027-05-03', fin: '2027-05-28', eleves: 24 };
const publier = (corps: unknown, c = cookie) => appeler(creer, requete('/api/calendrier-pfmp/periodes', { method: 'POST', corps, headers: { cookie: c } }));
const nombre = async () => (await pile.db.query<{ n: number }>('select count(*)::int as n from prive.periodes_pfmp')).rows[0]!.n;

describe('POST /api/calendrier-pfmp/periodes', () => {
  test('publie une période pour le lycée du membre (201)', async () => {
    const { statut, corps } = await publier(valide);
    expect(statut).toBe(201);
    expect(corps).toMatchObject({ uai: '0309901C', classe: '2MCV', debut: '2027-05-03', fin: '2027-05-28', eleves: 24 });
  });

  test.each<[string, Record<string, unknown>, number, string, string | undefined]>([
    ['des dates inversées', { debut: '2027-06-10', fin: '2027-06-01' }, 400, 'REQUETE_INVALIDE', 'fin'],
    ['une date qui n’existe pas', { debut: '2027-02-30' }, 400, 'REQUETE_INVALIDE', 'debut'],
    ['un niveau inconnu', { niveau: 'bts' }, 400, 'REQUETE_INVALIDE', 'niveau'],
    ['trop d’élèves', { eleves: 61 }, 400, 'REQUETE_INVALIDE', 'eleves'],
    ['une formation inconnue', { formation: 'bts-inconnu', classe: 'X1' }, 400, 'FORMATION_INCONNUE', undefined],
    [
      'une période qui chevauche une autre période de la classe',
      { classe: '1CUI', debut: '2027-02-01', fin: '2027-02-12' },
      409,
      'CHEVAUCHEMENT_PERIODE',
      undefined,
    ],
  ])('refuse %s : %i %s en français, rien d’écrit', async (_, modif, statut, code, champ) => {
    const avant = await nombre();
    const r = await publier({ ...valide, ...modif });
    expect(r.statut).toBe(statut);
    expect(r.corps.erreur.code).toBe(code);
    expect(r.corps.erreur.message).toMatch(/[a-zé]/);
    if (champ) expect(Object.keys(r.corps.erreur.details.champs)).toEqual([champ]);
    expect(await nombre()).toBe(avant);
  });

  test('sans session : 401, rien d’écrit', async () => {
    const avant = await nombre();
    const r = await appeler(creer, requete('/api/calendrier-pfmp/periodes', { method: 'POST', corps: valide }));
    expect(r.statut).toBe(401);
    expect(await nombre()).toBe(avant);
  });

  testerEntreesInvalides('publication d’une période', () => ({ handler: creer, pile }), '/api/calendrier-pfmp/periodes', 'POST', valide);
});

describe('DELETE /api/calendrier-pfmp/periodes/:id', () => {
  const retirer = (id: string, c = cookie) => creerRequete(id, c);
  const creerRequete = async (id: string, c: string) => {
    const reponse = await supprimer(requete(`/api/calendrier-pfmp/periodes/${id}`, { method: 'DELETE', headers: { cookie: c } }), contexte({ id }));
    return { statut: reponse.status, corps: reponse.status === 204 ? null : await reponse.json() };
  };

  test('la période d’un autre lycée : 404, rien de retiré', async () => {
    const { rows } = await pile.db.query<{ id: string }>(`select id from prive.periodes_pfmp where uai = '0309902D' limit 1`);
    const avant = await nombre();
    const r = await retirer(rows[0]!.id);
    expect(r.statut).toBe(404);
    expect(r.corps.erreur.code).toBe('INTROUVABLE');
    expect(await nombre()).toBe(avant);
  });

  test('un identifiant mal formé : 404 en français', async () => {
    expect((await retirer('pas-un-uuid')).statut).toBe(404);
  });

  test('sa propre période : 204, retirée', async () => {
    const { rows } = await pile.db.query<{ id: string }>(`select id from prive.periodes_pfmp where uai = '0309901C' and classe = '2MCV'`);
    const avant = await nombre();
    expect((await retirer(rows[0]!.id)).statut).toBe(204);
    expect(await nombre()).toBe(avant - 1);
  });
});

describe('GET /api/calendrier-pfmp/periodes', () => {
  test('les périodes de son lycée seulement, et les formations', async () => {
    const { statut, corps } = await appeler(lire, requete('/api/calendrier-pfmp/periodes', { headers: { cookie } }));
    expect(statut).toBe(200);
    expect(corps.uai).toBe('0309901C');
    expect(corps.periodes.every((p: { uai: string }) => p.uai === '0309901C')).toBe(true);
    expect(corps.formations.length).toBeGreaterThanOrEqual(5);
  });
  test('sans session : 401', async () => {
    expect((await appeler(lire, requete('/api/calendrier-pfmp/periodes'))).statut).toBe(401);
  });
});

describe('GET /api/calendrier-pfmp/reseau', () => {
  const vue = (q: string, c: string | null = cookie) => appeler(reseau, requete(`/api/calendrier-pfmp/reseau${q}`, c ? { headers: { cookie: c } } : {}));

  test('élèves par semaine, secteur et département ; le groupe au-delà du seuil est signalé avec ses lycées', async () => {
    const { statut, corps } = await vue('?debut=2027-01-18&fin=2027-01-24&seuil=50');
    expect(statut).toBe(200);
    const groupe = corps.groupes.find((g: { secteur: string; departement: string }) => g.secteur === 'Hôtellerie-restauration' && g.departement === '30');
    expect(groupe).toMatchObject({ semaine: '2027-01-18', eleves: 61, lycees: 2, alerte: true });
  });

  test.each([
    ['sans dates', '', ['debut', 'fin']],
    ['une date mal écrite', '?debut=18/01/2027&fin=2027-01-24', ['debut']],
    ['une fin avant le début', '?debut=2027-02-01&fin=2027-01-01', ['fin']],
    ['un seuil qui n’est pas un nombre', '?debut=2027-01-01&fin=2027-02-01&seuil=beaucoup', ['seuil']],
  ])('refuse %s : 400 en français, champ par champ', async (_, q, champs) => {
    const { statut, corps } = await vue(q);
    expect(statut).toBe(400);
    expect(corps.erreur.code).toBe('REQUETE_INVALIDE');
    expect(Object.keys(corps.erreur.details.champs).sort()).toEqual(champs);
  });

  test('plus de trois ans : 400 PERIODE_TROP_LONGUE', async () => {
    const { statut, corps } = await vue('?debut=2020-01-01&fin=2027-01-01');
    expect(statut).toBe(400);
    expect(corps.erreur.code).toBe('PERIODE_TROP_LONGUE');
  });

  test('un non-membre : 401', async () => {
    expect((await vue('?debut=2027-01-18&fin=2027-01-24', null)).statut).toBe(401);
  });
});
