import { describe, expect, test } from 'vitest';
import { lectureFicheSchema, modificationFicheSchema, quiContacterSchema, rechercheAnnuaireSchema } from './annuaire.ts';

const valide = {
  prenom: 'Marie',
  nom: 'Membre',
  fonction: 'Responsable du bureau des entreprises',
  uai: '0309901C',
  telephone: '04 00 00 00 03',
  secteurs: ['Hôtellerie-restauration'],
  expertises: ['pfmp', 'convention'],
  presentation: 'Bonjour',
  langues: ['espagnol'],
  accompagne: true,
  visibilites: { telephone: 'organisateurs', presentation: 'moi' },
};
const messages = (d: unknown) => {
  const r = modificationFicheSchema.safeParse(d);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('modification de la fiche', () => {
  test('accepte une fiche complète', () => {
    expect(modificationFicheSchema.parse(valide)).toEqual(valide);
  });
  test('téléphone et présentation vides deviennent null ; listes et visibilités par défaut', () => {
    const r = modificationFicheSchema.parse({ prenom: 'M', nom: 'N', fonction: 'F', uai: null, telephone: ' ', presentation: '' });
    expect(r).toMatchObject({ telephone: null, presentation: null, secteurs: [], expertises: [], langues: [], accompagne: false, visibilites: {} });
  });
  const refus: [string, Record<string, unknown>, RegExp][] = [
    ['un prénom vide', { prenom: ' ' }, /Indiquez votre prénom/],
    ['un nom trop long', { nom: 'x'.repeat(81) }, /Nom trop long/],
    ['une fonction absente', { fonction: undefined }, /Indiquez votre fonction/],
    ['un UAI mal formé', { uai: '034' }, /UAI invalide/],
    ['un téléphone en lettres', { telephone: 'appelez-moi' }, /Téléphone invalide/],
    ['un secteur vide', { secteurs: [''] }, /ne laissez pas d’élément vide/],
    ['seize secteurs', { secteurs: Array.from({ length: 16 }, (_, i) => `S${i}`) }, /15 au plus/],
    ['une expertise qui n’est pas un thème des guides', { expertises: ['cuisine'] }, /Expertise inconnue/],
    ['une expertise en double', { expertises: ['pfmp', 'pfmp'] }, /une seule fois/],
    ['une présentation de 601 caractères', { presentation: 'x'.repeat(601) }, /Présentation trop longue/],
    ['onze langues', { langues: Array.from({ length: 11 }, (_, i) => `L${i}`) }, /10 au plus/],
    ['un accompagnement en texte', { accompagne: 'oui' }, /oui ou non/],
    ['une visibilité inconnue', { visibilites: { telephone: 'tous' } }, /Visibilité inconnue/],
    ['la visibilité d’un champ non masquable', { visibilites: { nom: 'moi' } }, /Champ inconnu/],
  ];
  for (const [libelle, changement, message] of refus) {
    test(`refuse ${libelle}`, () => {
      expect(messages({ ...valide, ...changement }).join(' ')).toMatch(message);
    });
  }
});

describe('recherche', () => {
  test('lit les paramètres de l’adresse ; vides = absents', () => {
    expect(rechercheAnnuaireSchema.parse({ q: ' chloé ', departement: '34', expertise: 'pfmp', nouveaux: '1', bassin: '', page: '2' })).toEqual({
      q: 'chloé',
      departement: '34',
      bassin: undefined,
      uai: undefined,
      secteur: undefined,
      expertise: 'pfmp',
      nouveaux: true,
      accompagne: false,
      page: 2,
    });
  });
  test('refuse un département mal formé, une expertise inconnue, une page nulle', () => {
    expect(rechercheAnnuaireSchema.safeParse({ departement: 'Hérault' }).success).toBe(false);
    expect(rechercheAnnuaireSchema.safeParse({ expertise: 'cuisine' }).success).toBe(false);
    expect(rechercheAnnuaireSchema.safeParse({ page: '0' }).success).toBe(false);
    expect(rechercheAnnuaireSchema.safeParse({ nouveaux: 'peut-être' }).success).toBe(false);
  });
});

describe('lecture d’une fiche et qui contacter', () => {
  test('champs demandés : liste de champs masquables', () => {
    expect(lectureFicheSchema.parse({ champs: 'telephone,email' })).toEqual({ champs: ['telephone', 'email'] });
    expect(lectureFicheSchema.safeParse({ champs: 'role' }).success).toBe(false);
  });
  test('thèmes : au moins un thème connu', () => {
    expect(quiContacterSchema.parse({ themes: 'pfmp,convention' })).toEqual({ themes: ['pfmp', 'convention'] });
    expect(quiContacterSchema.safeParse({ themes: '' }).success).toBe(false);
    expect(quiContacterSchema.safeParse({ themes: 'cuisine' }).success).toBe(false);
  });
});
