// Import des formations (export N_FORMATION_DIPLOME de la BCN) : lecture pure, puis écriture par la clé
// secrète contre la pile locale (le remplaçant de PostgREST), et la commande elle-même.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../../local/tests/pile-test.ts';
import { creerContexte } from '../contexte.ts';
import { decoderFichier, importerFormations, lireFormationsBcn } from './formations.ts';

// Extrait au format de l'export (en-tête reproduit de mémoire, à vérifier) ; codes d'exemple.
const FIXTURE = readFileSync(join(import.meta.dirname, 'fixture-n-formation-diplome.csv'), 'utf8');
const AUJOURDHUI = new Date('2026-12-01T12:00:00Z');
const [ENTETE, ...LIGNES] = FIXTURE.trim().split('\n');
/** La fixture dont la ligne n (2 = première ligne de données) a sa colonne `col` remplacée. */
function avec(n: number, col: string, valeur: string) {
  const i = ENTETE!.split(';').indexOf(col);
  return [
    ENTETE,
    ...LIGNES.map((l, k) =>
      k + 2 === n
        ? l
            .split(';')
            .map((c, j) => (j === i ? valeur : c))
            .join(';')
        : l,
    ),
  ].join('\n');
}

describe('lecture de l’export N_FORMATION_DIPLOME', () => {
  test('garde les formations du lycée professionnel (CAP, bac pro, BTS) avec secteur NSF ; écarte master et formation fermée depuis plus d’un an', () => {
    const r = lireFormationsBcn(FIXTURE, AUJOURDHUI);
    expect(r.erreurs).toEqual([]);
    expect(r.ecartees).toBe(2);
    expect(r.formations.map((f) => f.code)).toEqual(['40022106', '50022135', '40031213', '40025516', '32031213']);
    expect(r.formations[0]).toEqual({
      code: '40022106',
      intitule: 'BAC PRO CUISINE',
      niveau: 'BAC PRO',
      secteur: 'Transformations',
      ouverte_le: '2019-09-01',
      fermee_le: null,
    });
    expect(r.formations[3]).toMatchObject({ secteur: 'Mécanique, électricité, électronique', fermee_le: '2027-08-31' });
    expect(r.formations[4]).toMatchObject({ niveau: 'BTS', secteur: 'Échanges et gestion' });
  });

  test('chaque ligne fautive est signalée en français avec son numéro ; les autres restent lues', () => {
    let texte = avec(2, 'FORMATION_DIPLOME', '4002');
    texte = texte.replace('50022135;', '40031213;');
    texte = texte
      .split('\n')
      .map((l, k) => (k === 4 ? l.replace('31/08/2027', '31/02/2027') : l))
      .join('\n');
    const r = lireFormationsBcn(texte, AUJOURDHUI);
    expect(r.erreurs).toEqual([
      'Ligne 2 : code formation diplôme « 4002 » invalide (8 chiffres ou lettres).',
      'Ligne 4 : la formation 40031213 figure déjà ligne 3.',
      'Ligne 5 : date de fermeture « 31/02/2027 » invalide (JJ/MM/AAAA).',
    ]);
  });

  test('une colonne manquante ou un fichier qui n’est pas un CSV : une erreur claire, aucune formation', () => {
    const sans = FIXTURE.replace('LIBELLE_LONG_200', 'LIBELLE');
    expect(lireFormationsBcn(sans, AUJOURDHUI)).toEqual({ formations: [], ecartees: 0, erreurs: ['Ligne 1 : colonne manquante : LIBELLE_LONG_200.'] });
    expect(lireFormationsBcn('FORMATION_DIPLOME;"NIVEAU\n4002;"x', AUJOURDHUI).erreurs[0]).toMatch(/^Ligne \d+ : le fichier n’est pas un CSV/);
  });

  test('un export en Windows-1252 est lu comme en UTF-8', () => {
    const latin1 = Uint8Array.from(Buffer.from('LIBELLE;É\n', 'latin1'));
    expect(decoderFichier(latin1)).toBe('LIBELLE;É\n');
    expect(decoderFichier(new TextEncoder().encode('É'))).toBe('É');
  });
});

describe('écriture des formations (clé secrète)', () => {
  let pile: PileDeTest;
  beforeAll(async () => {
    pile = await demarrerPileDeTest();
  });
  afterAll(() => pile?.arreter());
  const ctx = () => creerContexte({ appelant: null, ip: '127.0.0.1', navigateur: null, requestId: 'test' });
  const etat = async () =>
    (
      await pile.db.query<{ code: string; intitule: string; secteur: string; niveau: string | null; fermee_le: string | null; origine: string }>(
        `select code, intitule, secteur, niveau, fermee_le::text, origine from prive.formations order by code`,
      )
    ).rows;

  test('importe, puis rejouer le même fichier laisse la base dans le même état ; un libellé changé est mis à jour', async () => {
    const { formations } = lireFormationsBcn(FIXTURE, AUJOURDHUI);
    const avant = (await etat()).length;
    expect(await importerFormations(formations, ctx())).toEqual({ ajoutees: 5, modifiees: 0, inchangees: 0 });
    const apres = await etat();
    expect(apres.length).toBe(avant + 5);
    expect(apres.find((f) => f.code === '40022106')).toEqual({
      code: '40022106',
      intitule: 'BAC PRO CUISINE',
      secteur: 'Transformations',
      niveau: 'BAC PRO',
      fermee_le: null,
      origine: 'bcn',
    });
    expect(await importerFormations(formations, ctx())).toEqual({ ajoutees: 0, modifiees: 0, inchangees: 5 });
    expect(await etat()).toEqual(apres);
    const renomme = lireFormationsBcn(FIXTURE.replace(';CUISINE;01/09/2017', ';CUISINE ET RESTAURATION;01/09/2017'), AUJOURDHUI).formations;
    expect(await importerFormations(renomme, ctx())).toEqual({ ajoutees: 0, modifiees: 1, inchangees: 4 });
  });

  test('la commande : un fichier fautif est refusé ligne par ligne et rien n’est écrit ; un bon fichier est importé', async () => {
    const dossier = mkdtempSync(join(tmpdir(), 'rbde-formations-'));
    const mauvais = join(dossier, 'mauvais.csv');
    writeFileSync(mauvais, FIXTURE.replace('40022106;', '12;'));
    const avant = await etat();
    const lancer = (f: string) =>
      promisify(execFile)(process.execPath, [join(import.meta.dirname, '../../../scripts/importer-formations.ts'), f], { env: process.env }).then(
        (r) => ({ code: 0, ...r }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const r1 = await lancer(mauvais);
    expect(r1.code).toBe(1);
    expect(r1.stderr).toContain('✘ Ligne 2 : code formation diplôme « 12 » invalide (8 chiffres ou lettres).');
    expect(r1.stderr).toContain('rien n’a été importé');
    expect(await etat()).toEqual(avant);

    const bon = join(dossier, 'bon.csv');
    writeFileSync(bon, FIXTURE.replace(/^40022106;.*$/m, '40022107;;400;334;T;;;BAC PRO;CSR;COMMERCIALISATION ET SERVICES EN RESTAURATION;01/09/2019;;;4;'));
    const r2 = await lancer(bon);
    expect(r2.stderr).toBe('');
    expect(r2.stdout).toMatch(/^✔ 5 formations lues : 1 ajoutée, \d mises? à jour, \d inchangées? ; 2 lignes écartées/);
    expect((await etat()).find((f) => f.code === '40022107')).toMatchObject({ secteur: 'Services aux personnes', origine: 'bcn' });
  });
});
