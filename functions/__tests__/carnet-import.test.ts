// Import d'un tableur dans le carnet, par les vraies fonctions et la pile locale (PGlite) : analyse d'un CSV
// Windows-1252 ou UTF-8, rapport ligne par ligne sans rien écrire, import tout ou rien, limites de taille.
import type { Context } from '@netlify/functions';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/tests/pile-test.ts';
import type { AnalyseFichier, LigneImport, RapportVerification } from '../../src/schemas/carnet-import.ts';
import analyser from '../carnet-import-analyser.ts';
import confirmer from '../carnet-import-confirmer.ts';
import verifier from '../carnet-import-verifier.ts';
import fusionner from '../carnet-organisations-fusionner.ts';
import declarer from '../carnet-partenariat-declarer.ts';
import retirer from '../carnet-partenariat-retirer.ts';
import chercher from '../carnet-resultats-chercher.ts';
import { contexte, type Handler, requete, seConnecter } from './aide.fixture.ts';

let pile: PileDeTest;
let alice: string; // Lycée des Remparts (0119901A)
beforeAll(async () => {
  pile = await demarrerPileDeTest();
  alice = await seConnecter(pile, 'alice.martin@exemple.test');
});
afterAll(() => pile?.arreter());

async function appel(handler: Handler, chemin: string, corps: unknown, cookie: string | null = alice, params: Record<string, string> = {}) {
  const r = await handler(requete(chemin, { method: 'POST', corps, headers: cookie ? { cookie } : {} }), contexte(params) as Context);
  const texte = await r.text();
  return { statut: r.status, corps: texte ? JSON.parse(texte) : null };
}

async function compter(): Promise<Record<string, number>> {
  const { rows } = await pile.db.query<Record<string, number>>(
    `select (select count(*) from prive.organisations)::int as o, (select count(*) from prive.contacts)::int as c,
            (select count(*) from prive.partenariats)::int as p, (select count(*) from prive.historique_carnet)::int as h`,
  );
  return rows[0]!;
}

/** Un SIRET fictif (préfixe 999) dont la clé de Luhn est juste. */
function siretFictif(n: number): string {
  const debut = `999${String(n).padStart(10, '0')}`;
  for (let c = 0; c < 10; c++) {
    const s = debut + c;
    const somme = [...s].reverse().reduce((t, ch, i) => {
      let d = Number(ch) * (i % 2 ? 2 : 1);
      if (d > 9) d -= 9;
      return t + d;
    }, 0);
    if (somme % 10 === 0) return s;
  }
  throw new Error('impossible');
}
const SIRET_A = siretFictif(7001);
const SIRET_FAUX = `${siretFictif(7002).slice(0, 13)}${(Number(siretFictif(7002)[13]) + 1) % 10}`;

const ENTETE = 'Raison sociale;SIRET;Code APE;Ville;CP;Adresse;Effectif;Nom du contact;Fonction;Téléphone;Courriel;Formation';
const LIGNES = [
  `Garage Émile (fictif);${SIRET_A};45.20A;Carcassonne;11000;2 rue des Essais;12;Paul Exemple;Chef d’atelier;04 00 00 00 01;paul@garage-emile.exemple.test;CAP Maintenance des véhicules`,
  `Fleuriste des Arènes (fictive);${SIRET_FAUX};47.76Z;Nîmes;30000;;0-9;;;;;`,
  'Restaurant Le Pic (fictif);;56.10A;Montpeliier;;;;;;;;Bac pro Cuisine',
  'Boulangerie de l’Écusson (fictive);;10.71C;Montpellier;34000;;;Jeanne Exemple;Gérante;;jeanne@ecusson.exemple.test;CAP Boulanger',
  'Imprimerie du Lac (fictive);;18.12Z;Sète;;;50 à 249;;;;;',
];
/** Le fichier tel qu'Excel l'exporte en français : Windows-1252, « ; », fins de ligne Windows. */
const windows1252 = (texte: string) => Buffer.from(texte.replace(/’/g, '\x92'), 'latin1');
const FICHIER = windows1252([ENTETE, ...LIGNES].join('\r\n') + '\r\n').toString('base64');

describe('Import d’un tableur dans le carnet', () => {
  let analyse: AnalyseFichier;
  let lignes: LigneImport[];

  test('l’analyse lit un CSV Windows-1252 à « ; » et propose la correspondance des colonnes', async () => {
    const avant = await compter();
    const r = await appel(analyser, '/api/carnet/import/analyse', { fichier: FICHIER });
    expect(r.statut).toBe(200);
    analyse = r.corps;
    expect(analyse.encodage).toBe('Windows-1252');
    expect(analyse.separateur).toBe(';');
    expect(analyse.entetes[9]).toBe('Téléphone');
    expect(analyse.lignes.map((l) => l.numero)).toEqual([2, 3, 4, 5, 6]);
    expect(analyse.lignes[0]!.cellules[0]).toBe('Garage Émile (fictif)');
    expect(analyse.lignes[3]!.cellules[0]).toBe('Boulangerie de l’Écusson (fictive)');
    expect(analyse.correspondance).toEqual({
      nom: 0,
      siret: 1,
      code_naf: 2,
      commune: 3,
      code_postal: 4,
      adresse: 5,
      taille: 6,
      contact_nom: 7,
      contact_fonction: 8,
      contact_telephone: 9,
      contact_email: 10,
      formation: 11,
    });
    expect(await compter()).toEqual(avant);
    lignes = analyse.lignes.map((l) => ({
      numero: l.numero,
      valeurs: Object.fromEntries(Object.entries(analyse.correspondance).map(([champ, i]) => [champ, l.cellules[i] ?? ''])),
    }));
  });

  test('un CSV UTF-8 à « , » est lu aussi', async () => {
    const csv = 'nom,siret,naf,commune\n"Atelier, du Port (fictif)",,33.15Z,Port-Vendres\n';
    const r = await appel(analyser, '/api/carnet/import/analyse', { fichier: Buffer.from(csv).toString('base64') });
    expect(r.statut).toBe(200);
    expect(r.corps).toMatchObject({ encodage: 'UTF-8', separateur: ',', correspondance: { nom: 0, siret: 1, code_naf: 2, commune: 3 } });
    expect(r.corps.lignes[0].cellules[0]).toBe('Atelier, du Port (fictif)');
  });

  test('la vérification rend un rapport ligne par ligne en français, sans rien écrire', async () => {
    const avant = await compter();
    const r = await appel(verifier, '/api/carnet/import/verification', { lignes });
    expect(r.statut).toBe(200);
    const rapport: RapportVerification = r.corps;
    expect(rapport).toMatchObject({ pretes: 3, a_corriger: 2 });
    const ligne = (n: number) => rapport.lignes.find((l) => l.numero === n)!;
    expect(ligne(2)).toMatchObject({ erreurs: [], resume: { nom: 'Garage Émile (fictif)', commune: 'Carcassonne', departement: '11' } });
    expect(ligne(3).erreurs).toEqual([{ champ: 'siret', message: expect.stringContaining('clé de contrôle') }]);
    expect(ligne(4).erreurs).toEqual([{ champ: 'commune', message: expect.stringContaining('Commune inconnue : « Montpeliier »') }]);
    expect(ligne(5).doublons).toEqual([expect.objectContaining({ nom: 'Boulangerie de l’Écusson (fictive)', raison: 'nom' })]);
    expect(ligne(6)).toMatchObject({ erreurs: [], resume: { commune: 'Sète', departement: '34' } });
    expect(await compter()).toEqual(avant);
  });

  test('une ligne fautive fait tout refuser (400, rapport), rien n’est écrit', async () => {
    const avant = await compter();
    const r = await appel(confirmer, '/api/carnet/import', { lignes });
    expect(r.statut).toBe(400);
    expect(r.corps.erreur.code).toBe('IMPORT_INVALIDE');
    expect(r.corps.erreur.details.lignes.map((l: { ligne: number }) => l.ligne)).toEqual([3, 4]);
    expect(await compter()).toEqual(avant);
  });

  test('corrigée, l’import écrit tout en une fois : fiches, contacts, formations de mon lycée, historique', async () => {
    const avant = await compter();
    const boulangerie = '20000000-0000-4000-8000-000000000002';
    const corrigees = lignes.map((l) =>
      l.numero === 3
        ? { ...l, valeurs: { ...l.valeurs, siret: '' } }
        : l.numero === 4
          ? { ...l, valeurs: { ...l.valeurs, commune: 'Montpellier' } }
          : l.numero === 5
            ? { ...l, rattacher_a: boulangerie }
            : l,
    );
    const verif = await appel(verifier, '/api/carnet/import/verification', { lignes: corrigees });
    expect(verif.corps).toMatchObject({ pretes: 5, a_corriger: 0 });
    const r = await appel(confirmer, '/api/carnet/import', { lignes: corrigees });
    expect(r.statut).toBe(201);
    expect(r.corps).toEqual({ creees: 4, completees: 1 });
    const apres = await compter();
    expect(apres.o).toBe(avant.o! + 4);
    expect(apres.c).toBe(avant.c! + 2);
    const { rows } = await pile.db.query<{ nom: string; taille: string | null; formations: string[] }>(
      `select o.nom, o.taille::text, array(select formation from prive.partenariats p where p.organisation_id = o.id and p.uai = '0119901A' order by 1) as formations
         from prive.organisations o where o.siret = $1 or o.id = $2 order by o.nom`,
      [SIRET_A, boulangerie],
    );
    expect(rows).toEqual([
      { nom: 'Boulangerie de l’Écusson (fictive)', taille: '0-9', formations: ['CAP Boulanger'] },
      { nom: 'Garage Émile (fictif)', taille: '10-49', formations: ['CAP Maintenance des véhicules'] },
    ]);
    const h = await pile.db.query<{ action: string }>(`select action from prive.historique_carnet where organisation_id = $1 order by id`, [boulangerie]);
    expect(h.rows.map((x) => x.action)).toContain('fiche complétée par un import');
  });

  test('importer de nouveau le même fichier : le SIRET déjà au carnet est signalé', async () => {
    const r = await appel(verifier, '/api/carnet/import/verification', { lignes: [lignes[0]] });
    expect(r.corps.lignes[0].erreurs).toEqual([{ champ: 'siret', message: expect.stringContaining('déjà au carnet') }]);
  });

  test('deux lignes du fichier au même SIRET : la seconde est refusée', async () => {
    const l = { numero: 2, valeurs: { nom: 'Menuiserie A (fictive)', siret: siretFictif(7003), code_naf: '16.23Z', commune: 'Mende' } };
    const r = await appel(verifier, '/api/carnet/import/verification', { lignes: [l, { ...l, numero: 3, valeurs: { ...l.valeurs, nom: 'Autre nom' } }] });
    expect(r.corps.lignes[1].erreurs).toEqual([{ champ: 'siret', message: expect.stringContaining('Même SIRET que la ligne 2') }]);
  });

  test('deux lignes du fichier aux noms proches dans la même commune : signalées, pas refusées ; dans deux communes : rien', async () => {
    const l = (numero: number, nom: string, commune: string) => ({ numero, valeurs: { nom, code_naf: '16.23Z', commune } });
    const r = await appel(verifier, '/api/carnet/import/verification', {
      lignes: [
        l(2, 'Menuiserie Causse (fictive)', 'Mende'),
        l(3, 'MENUISERIE DU CAUSSE SARL (fictive)', 'Mende'),
        l(4, 'Menuiserie Causse (fictive)', 'Marvejols'),
      ],
    });
    expect(r.corps.lignes.map((x: RapportVerification['lignes'][number]) => x.doublons_fichier)).toEqual([[], [{ numero: 2, raison: 'nom' }], []]);
    expect(r.corps.a_corriger).toBe(0);
  });

  test('un fichier de plus de 1 Mo : 413 en français, rien n’est écrit', async () => {
    const gros = Buffer.alloc(1024 * 1024 + 10, 'a').toString('base64');
    const r = await appel(analyser, '/api/carnet/import/analyse', { fichier: gros });
    expect(r.statut).toBe(413);
    expect(r.corps.erreur).toMatchObject({ code: 'TROP_VOLUMINEUX', message: expect.stringContaining('1 Mo au plus') });
  });

  test('une requête de plus de 2 Mo : 413 en français avant toute lecture', async () => {
    const r = await appel(analyser, '/api/carnet/import/analyse', { fichier: 'QUFB'.repeat(600_000) });
    expect(r.statut).toBe(413);
    expect(r.corps.erreur.message).toContain('2 Mo');
  });

  test('un fichier sans ligne de données, un fichier illisible : 400 en français', async () => {
    const vide = await appel(analyser, '/api/carnet/import/analyse', { fichier: Buffer.from('nom;siret\n').toString('base64') });
    expect(vide.statut).toBe(400);
    expect(vide.corps.erreur.message).toContain('aucune ligne');
    const pasBase64 = await appel(analyser, '/api/carnet/import/analyse', { fichier: '%%%' });
    expect(pasBase64.statut).toBe(400);
  });

  test('sans session : 401, et des lignes mal formées : 400 sans rien écrire', async () => {
    expect((await appel(verifier, '/api/carnet/import/verification', { lignes }, null)).statut).toBe(401);
    const avant = await compter();
    for (const corps of [{ lignes: [] }, { lignes: [{ numero: 2, valeurs: { inconnu: 'x' } }] }, { lignes: 'x' }]) {
      const r = await appel(confirmer, '/api/carnet/import', corps);
      expect(r.statut).toBe(400);
      expect(r.corps.erreur.code).toBe('REQUETE_INVALIDE');
    }
    expect(await compter()).toEqual(avant);
  });
});

describe('Recherche, liens lycée–formation et fusion par les routes', () => {
  const ATELIER = '20000000-0000-4000-8000-000000000001'; // Nîmes, lien du lycée des Arènes
  const HOTEL = '20000000-0000-4000-8000-000000000003'; // Narbonne, aucun lien

  test('POST /api/carnet/resultats : une page, le total et le compte par département ; filtres invalides refusés en français', async () => {
    const r = await appel(chercher, '/api/carnet/resultats', { naf: '45', limite: 1 });
    expect(r.statut).toBe(200);
    expect(r.corps.total).toBeGreaterThanOrEqual(2);
    expect(r.corps.organisations).toHaveLength(1);
    expect(r.corps.par_departement['30']).toBeGreaterThanOrEqual(1);
    const inverse = await appel(chercher, '/api/carnet/resultats', { debut: '2027-03-01', fin: '2027-02-01' });
    expect(inverse.statut).toBe(400);
    expect(inverse.corps.erreur.details.champs.fin).toEqual(['La fin de la période est avant son début.']);
    expect((await appel(chercher, '/api/carnet/resultats', { limite: 500 })).statut).toBe(400);
    expect((await appel(chercher, '/api/carnet/resultats', {}, null)).statut).toBe(401);
  });

  test('lien lycée–formation : déclaré (201), pas deux fois (409), celui d’un autre lycée introuvable (404)', async () => {
    const p = { id: HOTEL };
    expect((await appel(declarer, '/api/carnet/organisations/x/partenariats', { formation: 'CAP Cuisine' }, alice, p)).statut).toBe(201);
    const deux = await appel(declarer, '/api/carnet/organisations/x/partenariats', { formation: 'CAP Cuisine' }, alice, p);
    expect(deux.statut).toBe(409);
    expect(deux.corps.erreur.code).toBe('DEJA_EXISTANT');
    const autre = await appel(retirer, '/api/carnet/organisations/x/partenariats/retrait', { formation: 'CAP Maintenance des véhicules' }, alice, {
      id: ATELIER,
    });
    expect(autre.statut).toBe(404);
    expect((await appel(declarer, '/api/carnet/organisations/x/partenariats', { formation: 'x' }, alice, p)).statut).toBe(400);
    expect((await appel(retirer, '/api/carnet/organisations/x/partenariats/retrait', { formation: 'CAP Cuisine' }, alice, p)).statut).toBe(200);
  });

  test('fusion : refusée (403) à qui ni l’une ni l’autre fiche ne concerne, impossible (409) entre deux SIRET ; rien n’est écrit', async () => {
    const avant = await compter();
    const interdite = await appel(fusionner, '/api/carnet/organisations/x/fusion', { absorber: ATELIER }, alice, { id: HOTEL });
    expect(interdite.statut).toBe(403);
    expect(interdite.corps.erreur).toMatchObject({ code: 'FUSION_INTERDITE', message: expect.stringContaining('membres concernés') });
    const admin = await seConnecter(pile, 'admin@exemple.test');
    const impossible = await appel(fusionner, '/api/carnet/organisations/x/fusion', { absorber: ATELIER }, admin, { id: HOTEL });
    expect(impossible.statut).toBe(409);
    expect(impossible.corps.erreur.details.precision).toContain('SIRET différents');
    expect((await appel(fusionner, '/api/carnet/organisations/x/fusion', { absorber: 'pas-un-id' }, admin, { id: HOTEL })).statut).toBe(400);
    expect((await appel(fusionner, '/api/carnet/organisations/x/fusion', { absorber: ATELIER }, admin, { id: 'pas-un-id' })).statut).toBe(404);
    expect(await compter()).toEqual(avant);
  });
});
