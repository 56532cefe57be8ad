// Calendrier des PFMP par les routes : publication, retrait, périodes du lycée, vue du réseau ;
// mauvaises entrées et droits : 4xx en français, rien d'écrit.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/tests/pile-test.ts';
import aboCreer from '../calendrier-pfmp-abonnement-creer.ts';
import aboSupprimer from '../calendrier-pfmp-abonnement-supprimer.ts';
import ics from '../calendrier-pfmp-ics-lire.ts';
import creer from '../calendrier-pfmp-periodes-creer.ts';
import lire from '../calendrier-pfmp-periodes-lire.ts';
import supprimer from '../calendrier-pfmp-periodes-supprimer.ts';
import importerCsv from '../calendrier-pfmp-import-creer.ts';
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

  test('par bassin de formation : un groupe par bassin', async () => {
    const { statut, corps } = await vue('?debut=2027-01-18&fin=2027-01-24&seuil=50&regroupement=bassin');
    expect(statut).toBe(200);
    expect(corps.regroupement).toBe('bassin');
    const groupes = corps.groupes.filter((g: { secteur: string; departement: string }) => g.secteur === 'Hôtellerie-restauration' && g.departement === '30');
    expect(groupes.map((g: { bassin: string; eleves: number }) => [g.bassin, g.eleves])).toEqual([
      ['Alès', 37],
      ['Nîmes', 24],
    ]);
  });

  test.each([
    ['sans dates', '', ['debut', 'fin']],
    ['une date mal écrite', '?debut=18/01/2027&fin=2027-01-24', ['debut']],
    ['une fin avant le début', '?debut=2027-02-01&fin=2027-01-01', ['fin']],
    ['un seuil qui n’est pas un nombre', '?debut=2027-01-01&fin=2027-02-01&seuil=beaucoup', ['seuil']],
    ['un regroupement inconnu', '?debut=2027-01-01&fin=2027-02-01&regroupement=commune', ['regroupement']],
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

describe('POST /api/calendrier-pfmp/import', () => {
  const importer = (csv: string, c: string | null = cookie) =>
    appeler(importerCsv, requete('/api/calendrier-pfmp/import', { method: 'POST', corps: { csv }, headers: c ? { cookie: c } : {} }));
  const ENTETE = 'formation;classe;niveau;debut;fin;eleves';

  test('importe un fichier de tableur (séparateur « ; », dates JJ/MM/AAAA) : 201 et les périodes enregistrées', async () => {
    const avant = await nombre();
    const r = await importer(`\uFEFF${ENTETE}\nbac-pro-mcv;2MCV-A;2de;03/05/2027;28/05/2027;22\nbac-pro-mcv;2MCV-B;2de;2027-05-10;2027-06-04;23\n`);
    expect(r.statut).toBe(201);
    expect(r.corps).toEqual({ importees: 2 });
    expect(await nombre()).toBe(avant + 2);
  });

  test.each<[string, string, { ligne: number; messages: RegExp }[]]>([
    [
      'un niveau inconnu et une date impossible',
      `${ENTETE}\nbac-pro-mcv;X1;2de;2027-09-06;2027-09-17;10\nbac-pro-mcv;X2;bts;2027-02-30;2027-03-05;10`,
      [{ ligne: 3, messages: /niveau : Choisissez le niveau.*debut : La date de début n’existe pas/ }],
    ],
    [
      'une formation inconnue',
      `${ENTETE}\nbac-pro-mcv;X1;2de;2027-09-06;2027-09-17;10\nbts-inconnu;X3;2de;2027-09-06;2027-09-17;10`,
      [{ ligne: 3, messages: /formation n’est pas dans la liste/ }],
    ],
    [
      'une période qui chevauche une période déjà publiée',
      `${ENTETE}\nbac-pro-mcv;X1;2de;2027-09-06;2027-09-17;10\nbac-pro-cuisine;1CUI;1re;2027-02-01;2027-02-12;24`,
      [{ ligne: 3, messages: /chevauche/ }],
    ],
    [
      'deux lignes d’une même classe qui se chevauchent',
      `${ENTETE}\nbac-pro-mcv;X1;2de;2027-09-06;2027-09-17;10\nbac-pro-mcv;x1;2de;2027-09-13;2027-09-24;10`,
      [{ ligne: 3, messages: /chevauche/ }],
    ],
    [
      'un en-tête incomplet',
      'formation;classe;debut;fin\nbac-pro-mcv;X1;2027-09-06;2027-09-17',
      [{ ligne: 1, messages: /Colonnes manquantes dans l’en-tête : niveau, eleves/ }],
    ],
    ['un fichier sans période', ENTETE, [{ ligne: 2, messages: /aucune période/ }]],
  ])('refuse %s : 400, rapport ligne par ligne en français, rien d’écrit', async (_, csv, attendu) => {
    const avant = await nombre();
    const r = await importer(csv);
    expect(r.statut).toBe(400);
    expect(r.corps.erreur.code).toBe('IMPORT_INVALIDE');
    expect(r.corps.erreur.message).toMatch(/Rien n’a été enregistré/);
    const lignes = r.corps.erreur.details.lignes as { ligne: number; messages: string[] }[];
    expect(lignes.map((l) => l.ligne)).toEqual(attendu.map((a) => a.ligne));
    lignes.forEach((l, i) => expect(l.messages.join(' ')).toMatch(attendu[i]!.messages));
    expect(await nombre()).toBe(avant);
  });

  test('un non-membre : 401, rien d’écrit', async () => {
    const avant = await nombre();
    expect((await importer(`${ENTETE}\nbac-pro-mcv;Z1;2de;2027-09-06;2027-09-17;10`, null)).statut).toBe(401);
    expect(await nombre()).toBe(avant);
  });
});

describe('Abonnement .ics : POST/DELETE /api/calendrier-pfmp/abonnement, GET /api/calendrier-pfmp/ics/:jeton', () => {
  const creerAbo = (c: string | null = cookie) =>
    appeler(aboCreer, requete('/api/calendrier-pfmp/abonnement', { method: 'POST', headers: c ? { cookie: c } : {} }));
  const lireIcs = async (adresse: string) => {
    const { pathname } = new URL(adresse);
    const jeton = pathname.split('/').pop()!;
    const reponse = await ics(requete(pathname), contexte({ jeton }));
    return { statut: reponse.status, type: reponse.headers.get('content-type'), texte: await reponse.text() };
  };

  test('une adresse secrète par lycée : le calendrier .ics contient les périodes du lycée, en jours entiers', async () => {
    const { statut, corps } = await creerAbo();
    expect(statut).toBe(201);
    expect(corps.adresse).toMatch(/^http:\/\/localhost:4321\/api\/calendrier-pfmp\/ics\/[0-9a-f]{64}\.ics$/);
    const r = await lireIcs(corps.adresse);
    expect(r.statut).toBe(200);
    expect(r.type).toBe('text/calendar; charset=utf-8');
    expect(r.texte).toMatch(/^BEGIN:VCALENDAR/);
    expect(r.texte).toContain('SUMMARY:PFMP 1CUI (Bac pro Cuisine)');
    // Du 11 janvier au 5 février inclus : fin exclusive le 6 février.
    expect(r.texte).toMatch(/DTSTART;VALUE=DATE:20270111[\s\S]*DTEND;VALUE=DATE:20270206/);
    expect(r.texte).not.toContain('1CSR'); // période d'un autre lycée
    // Le jeton n'est gardé que sous forme d'empreinte.
    const { rows } = await pile.db.query<{ empreinte: string }>(`select empreinte from prive.abonnements_calendrier where uai = '0309901C'`);
    expect(rows[0]!.empreinte).not.toBe(corps.adresse.split('/').pop().replace('.ics', ''));
  });

  test('remplacer l’adresse rend l’ancienne inutilisable ; révoquer rend la nouvelle inutilisable', async () => {
    const ancienne = (await creerAbo()).corps.adresse;
    const nouvelle = (await creerAbo()).corps.adresse;
    expect((await lireIcs(ancienne)).statut).toBe(404);
    expect((await lireIcs(nouvelle)).statut).toBe(200);
    const r = await appeler(aboSupprimer, requete('/api/calendrier-pfmp/abonnement', { method: 'DELETE', headers: { cookie } }));
    expect(r.statut).toBe(204);
    const apres = await lireIcs(nouvelle);
    expect(apres.statut).toBe(404);
    expect(JSON.parse(apres.texte).erreur.message).toBe('Cette adresse d’abonnement n’existe pas ou a été révoquée.');
  });

  test('un jeton mal formé ou inventé : 404 en français', async () => {
    expect((await lireIcs('http://localhost:4321/api/calendrier-pfmp/ics/pas-un-jeton')).statut).toBe(404);
    expect((await lireIcs(`http://localhost:4321/api/calendrier-pfmp/ics/${'a'.repeat(64)}.ics`)).statut).toBe(404);
  });

  test('un non-membre ne crée pas d’adresse : 401', async () => {
    expect((await creerAbo(null)).statut).toBe(401);
  });
});
