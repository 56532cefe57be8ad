import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ecrireReponses, lireReponses, pointsApplicables, POINTS, REPONSES_PAR_DEFAUT, type Reponses } from './check-list-pfmp.ts';

const ids = (r: Partial<Reponses>) => pointsApplicables({ ...REPONSES_PAR_DEFAUT, ...r }).map((p) => p.id);
const TOUJOURS = ['convention-signee', 'missions', 'referent-tuteur', 'quota', 'gratification', 'assurance', 'accident', 'attestation'];

describe('Check-list de préparation d’une PFMP', () => {
  test('un élève de 16 ou 17 ans sans particularité : les points communs et ses horaires', () => {
    expect(ids({})).toEqual([...TOUJOURS, 'horaires-16-17']);
  });

  test('un élève majeur sans particularité : seulement les points communs', () => {
    expect(ids({ age: 'majeur' })).toEqual(TOUJOURS);
  });

  test('mineur, nuit et dimanche : interdiction de nuit, règle du dimanche, horaires écrits dans la convention', () => {
    expect(ids({ nuit: true, dimanche: true })).toEqual(expect.arrayContaining(['nuit-mineur', 'dimanche-mineur', 'horaires-convention']));
    expect(ids({ age: 'majeur', nuit: true, dimanche: true })).toEqual([...TOUJOURS, 'horaires-convention']);
  });

  test('un secteur qui travaille le week-end rappelle la règle du dimanche au mineur, même sans dimanche prévu', () => {
    expect(ids({ secteur: 'hotellerie-restauration' })).toContain('dimanche-mineur');
    expect(ids({ secteur: 'industrie-btp' })).not.toContain('dimanche-mineur');
  });

  test('travaux réglementés : la déclaration dépend de l’employeur ; rien pour un majeur ; « je ne sais pas » ajoute la question à poser', () => {
    expect(ids({ reglementes: 'oui' })).toEqual(
      expect.arrayContaining(['reglementes-declaration-prive', 'reglementes-conditions', 'reglementes-avis-medical']),
    );
    expect(ids({ reglementes: 'oui', secteur: 'territorial' })).toContain('reglementes-declaration-territorial');
    expect(ids({ reglementes: 'oui', secteur: 'territorial' })).not.toContain('reglementes-declaration-prive');
    expect(ids({ reglementes: 'oui', secteur: 'hospitalier' })).toContain('reglementes-declaration-hospitalier');
    expect(ids({ reglementes: 'ne-sait-pas' })).toContain('reglementes-inconnu');
    expect(ids({ reglementes: 'oui', age: 'majeur' }).some((i) => i.startsWith('reglementes'))).toBe(false);
  });

  test('étranger, handicap, première PFMP ajoutent leurs points', () => {
    expect(ids({ etranger: true })).toEqual(expect.arrayContaining(['etranger-convention', 'etranger-verifications']));
    expect(ids({ handicap: true })).toEqual(expect.arrayContaining(['handicap-amenagements', 'handicap-tuteur']));
    expect(ids({ premiere: true })).toEqual(expect.arrayContaining(['premiere-recherche', 'premiere-visites']));
  });

  test('l’adresse garde les réponses : aller-retour, et valeurs inconnues ramenées au défaut', () => {
    const r: Reponses = {
      age: 'moins-de-16',
      secteur: 'alimentation',
      reglementes: 'ne-sait-pas',
      etranger: true,
      nuit: false,
      dimanche: true,
      handicap: true,
      premiere: true,
    };
    const q = ecrireReponses(r);
    expect(q).toBe('?age=moins-de-16&secteur=alimentation&reglementes=ne-sait-pas&etranger=oui&dimanche=oui&handicap=oui&premiere=oui');
    expect(lireReponses(new URLSearchParams(q))).toEqual(r);
    expect(lireReponses(new URLSearchParams('?age=12&secteur=%3Cscript%3E&nuit=1'))).toEqual(REPONSES_PAR_DEFAUT);
  });

  test('chaque ligne renvoie à une section qui existe dans un guide publié du site', () => {
    for (const p of POINTS) {
      const fichier = join(import.meta.dirname, '../../content/guides', `${p.guide.id}.mdx`);
      expect(existsSync(fichier), `${p.id} : guide ${p.guide.id}`).toBe(true);
      const texte = readFileSync(fichier, 'utf8');
      expect(texte, `${p.id} : brouillon`).not.toMatch(/^brouillon:\s*true/m);
      const titres = [...texte.matchAll(/^#{2,3} (.+)$/gm)].map((m) => m[1]!.replace(/[\u00a0\u202f]/g, ' ').trim());
      expect(titres, `${p.id} : section « ${p.guide.section} »`).toContain(p.guide.section);
    }
  });

  test('chaque ligne dit qui s’en charge et dans quel cas, sans doublon d’identifiant', () => {
    expect(new Set(POINTS.map((p) => p.id)).size).toBe(POINTS.length);
    for (const p of POINTS) {
      expect(p.qui.length, p.id).toBeGreaterThan(3);
      expect(p.cas.length, p.id).toBeGreaterThan(3);
    }
  });
});
