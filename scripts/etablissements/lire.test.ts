import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../local/base/base.ts';
import { creerBaseDeTest } from '../../local/tests/base-test.ts';
import { ecrireEtablissements } from './ecrire.ts';
import { lireAnnuaireEducation, normaliserDepartement } from './lire.ts';

// Un extrait au format exact de l'export (72 colonnes, en-têtes libellés, « ; »), établissements fictifs.
const FIXTURE = readFileSync(join(import.meta.dirname, 'fixture-annuaire-education.csv'), 'utf8');
const [ENTETE, ...LIGNES] = FIXTURE.trim().split('\n');
/** La fixture dont la ligne n (2 = première ligne de données) a sa colonne `col` remplacée. */
function avec(n: number, col: string, valeur: string) {
  const i = ENTETE!.split(';').indexOf(col);
  const lignes = LIGNES.map((l, k) =>
    k + 2 === n
      ? l
          .split(';')
          .map((c, j) => (j === i ? valeur : c))
          .join(';')
      : l,
  );
  return [ENTETE, ...lignes].join('\n');
}

describe('lecture de l’export « Annuaire de l’éducation »', () => {
  test('garde les lycées de l’académie avec commune, département et bassin ; écarte collège et hors académie', () => {
    const r = lireAnnuaireEducation(FIXTURE);
    expect(r.erreurs).toEqual([]);
    expect(r.ecartees).toBe(2);
    expect(r.etablissements).toEqual([
      {
        uai: '0349991A',
        nom: 'Lycée professionnel Exemple des Arceaux (fictif)',
        type: 'Lycée',
        code_commune: '34172',
        commune: 'Montpellier',
        departement: '34',
        bassin: 'Montpellier',
      },
      {
        uai: '0349992B',
        nom: 'Lycée polyvalent Exemple du Biterrois (fictif)',
        type: 'Lycée',
        code_commune: '34032',
        commune: 'Béziers',
        departement: '34',
        bassin: 'Béziers',
      },
      {
        uai: '0119991C',
        nom: 'Lycée professionnel Exemple de la Cité (fictif)',
        type: 'Lycée',
        code_commune: '11069',
        commune: 'Carcassonne',
        departement: '11',
        bassin: 'Carcassonne',
      },
      {
        uai: '0669991D',
        nom: 'Lycée professionnel Exemple du Conflent (fictif)',
        type: 'Lycée',
        code_commune: '66149',
        commune: 'Prades',
        departement: '66',
        bassin: 'Prades',
      },
    ]);
  });
  test('le département sur 3 caractères de l’export est ramené au code usuel', () => {
    expect([normaliserDepartement('034'), normaliserDepartement('02A'), normaliserDepartement('971')]).toEqual(['34', '2A', '971']);
  });
  test('accepte un BOM UTF-8 et des fins de ligne Windows', () => {
    expect(lireAnnuaireEducation('\uFEFF' + FIXTURE.replace(/\n/g, '\r\n')).etablissements).toHaveLength(4);
  });
  const refus: [string, string, RegExp][] = [
    ['un UAI mal formé', avec(3, 'Identifiant_de_l_etablissement', '034999'), /^Ligne 3 : identifiant « 034999 » invalide/],
    ['un UAI en double', avec(3, 'Identifiant_de_l_etablissement', '0349991A'), /^Ligne 3 : l’établissement 0349991A figure déjà ligne 2/],
    ['un nom vide', avec(2, 'Nom_etablissement', ''), /^Ligne 2 : nom d’établissement vide/],
    ['une commune inconnue', avec(4, 'Code_commune', '11999'), /^Ligne 4 : commune « 11999 » inconnue du découpage administratif/],
    ['une commune d’un autre département', avec(4, 'Code_commune', '34172'), /^Ligne 4 : la commune 34172 \(Montpellier\) est dans le département 34, pas 11/],
    [
      'un nom de commune qui ne correspond pas au code',
      avec(5, 'Nom_commune', 'Perpignan'),
      /^Ligne 5 : la commune 66149 s’appelle « Prades », pas « Perpignan »/,
    ],
  ];
  for (const [libelle, texte, message] of refus) {
    test(`signale ${libelle}, ligne par ligne, et ne retient rien de la ligne`, () => {
      const r = lireAnnuaireEducation(texte);
      expect(r.erreurs).toHaveLength(1);
      expect(r.erreurs[0]).toMatch(message);
    });
  }
  test('une colonne manquante : erreur sur l’en-tête', () => {
    const r = lireAnnuaireEducation(FIXTURE.replace('Code_commune;', 'Code_INSEE;'));
    expect(r.erreurs).toEqual(['Ligne 1 : colonne manquante : Code_commune.']);
  });
  test('un fichier qui n’est pas le CSV attendu : une erreur lisible', () => {
    expect(lireAnnuaireEducation(`${ENTETE}\n"ligne;mal;fermée\n`).erreurs[0]).toMatch(/n’est pas un CSV séparé par des points-virgules lisible/);
    expect(lireAnnuaireEducation('uai,nom\n0349991A,Lycée').erreurs[0]).toMatch(/^Ligne 1 : colonnes manquantes/);
  });
});

describe('écriture des établissements', () => {
  let db: Database;
  beforeAll(async () => {
    db = await creerBaseDeTest();
  });
  afterAll(() => db?.close());
  const compter = async () => (await db.query<{ n: number }>('select count(*)::int as n from prive.etablissements')).rows[0]!.n;

  test('ajoute puis met à jour (import rejoué : aucun doublon)', async () => {
    const avant = await compter();
    const { etablissements } = lireAnnuaireEducation(FIXTURE);
    expect(await ecrireEtablissements(db, etablissements)).toEqual({ ajoutes: 4, misAJour: 0 });
    expect(await ecrireEtablissements(db, etablissements)).toEqual({ ajoutes: 0, misAJour: 4 });
    expect(await compter()).toBe(avant + 4);
    const { rows } = await db.query('select bassin, code_commune from prive.etablissements where uai = $1', ['0349992B']);
    expect(rows).toEqual([{ bassin: 'Béziers', code_commune: '34032' }]);
  });
  test('une ligne refusée par la base : rien n’est écrit (une transaction)', async () => {
    const avant = await compter();
    const { etablissements } = lireAnnuaireEducation(FIXTURE.replace(/0349991A/g, '0349981A').replace(/0349992B/g, '0349982B'));
    const fautive = { ...etablissements[1]!, code_commune: 'pas un code' };
    await expect(ecrireEtablissements(db, [etablissements[0]!, fautive])).rejects.toThrow();
    expect(await compter()).toBe(avant);
  });
});
