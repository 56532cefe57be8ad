import { describe, expect, test } from 'vitest';
import { offreEntreeSchema, reservationEntreeSchema } from './bourse.ts';
import { contactEntreeSchema, organisationEntreeSchema, siretValide } from './carnet.ts';

const ORGA = { nom: 'Garage du Midi (fictif)', siret: '999 000 001 00019', code_naf: '45.20A', commune: '11069' };
const message = (r: { success: boolean; error?: { issues: { message: string }[] } }) => r.error?.issues.map((i) => i.message).join(' ') ?? '';

describe('SIRET', () => {
  test.each([
    ['99900000100019', true],
    ['99900000100018', false],
    ['35600000000048', true], // La Poste : somme des chiffres multiple de 5
    ['1234567890123', false],
    ['9990000010001A', false],
  ])('%s : %s', (s, attendu) => expect(siretValide(s)).toBe(attendu));
});

describe('organisation', () => {
  test('accepte une fiche complète ; espaces du SIRET retirés, code NAF sans point normalisé', () => {
    const r = organisationEntreeSchema.parse({ ...ORGA, code_naf: '4520a', adresse: '', taille: '10-49' });
    expect(r).toMatchObject({ siret: '99900000100019', code_naf: '45.20A', adresse: null });
  });
  test.each([
    ['un SIRET à la clé fausse', { siret: '99900000100018' }, /clé de contrôle/],
    ['un SIRET trop court', { siret: '123' }, /14 chiffres/],
    ['un code NAF inconnu', { code_naf: '99.99Z' }, /NAF n’existe pas/],
    ['une commune inconnue', { commune: '11999' }, /commune est inconnue/],
    ['un nom absent', { nom: ' ' }, /nom de l’organisation/],
    ['une tranche d’effectif hors liste', { taille: '1000+' }, /tranche d’effectif/],
    ['une date de contact invalide', { dernier_contact: '31/12/2026' }, /AAAA-MM-JJ/],
  ])('refuse %s', (_l, champ, attendu) => {
    const r = organisationEntreeSchema.safeParse({ ...ORGA, ...champ });
    expect(r.success).toBe(false);
    expect(message(r)).toMatch(attendu);
  });
});

describe('contact', () => {
  test('exige un téléphone ou une adresse professionnels', () => {
    expect(message(contactEntreeSchema.safeParse({ nom: 'Paul Exemple' }))).toMatch(/au moins un téléphone/);
  });
  test('refuse une adresse invalide et un téléphone fantaisiste', () => {
    expect(message(contactEntreeSchema.safeParse({ nom: 'Paul Exemple', email: 'paul@' }))).toMatch(/pas valide/);
    expect(message(contactEntreeSchema.safeParse({ nom: 'Paul Exemple', telephone: 'appeler le matin' }))).toMatch(/chiffres/);
  });
});

describe('bourse', () => {
  const OFFRE = { organisation_id: '20000000-0000-4000-8000-000000000001', formation: 'CAP MV', debut: '2027-01-10', fin: '2027-02-05', places: 2 };
  test('accepte une offre', () => expect(offreEntreeSchema.safeParse(OFFRE).success).toBe(true));
  test.each([
    ['une fin avant le début', { fin: '2027-01-01' }, /fin de la période/],
    ['zéro place', { places: 0 }, /Au moins une place/],
    ['plus de 50 places', { places: 51 }, /50 places/],
    ['une organisation qui n’est pas un identifiant', { organisation_id: 'garage' }, /organisation du carnet/],
  ])('refuse %s', (_l, champ, attendu) => expect(message(offreEntreeSchema.safeParse({ ...OFFRE, ...champ }))).toMatch(attendu));
  test('une réservation ne porte que formation et niveau ; un niveau hors liste est refusé', () => {
    expect(reservationEntreeSchema.parse({ formation: 'CAP MV', niveau: 'Seconde', nom_eleve: 'X' })).toEqual({ formation: 'CAP MV', niveau: 'Seconde' });
    expect(message(reservationEntreeSchema.safeParse({ formation: 'CAP MV', niveau: 'Master' }))).toMatch(/niveau/);
  });
});
