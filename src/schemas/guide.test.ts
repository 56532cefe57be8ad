import { describe, expect, test } from 'vitest';
import { guideSchema, type GuideEntree } from './guide.ts';

const valide: GuideEntree = {
  titre: 'La convention de PFMP',
  description: 'Qui signe la convention, ce qu’elle contient et qui fait quoi avant, pendant et après la période.',
  famille: 'reglementation',
  themes: ['pfmp', 'convention'],
  publics: ['rbde'],
  verifieLe: '2026-11-30' as never,
  aRevoirLe: '2027-06-30' as never,
  sources: [{ titre: 'Code de l’éducation, article L. 124-1', url: 'https://www.legifrance.gouv.fr/', nature: 'code' }],
};

const messages = (donnees: unknown) => {
  const r = guideSchema.safeParse(donnees);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`);
};

describe('schéma d’un guide', () => {
  test('accepte un guide de réglementation complet', () => {
    expect(messages(valide)).toEqual([]);
  });
  test('donne des valeurs par défaut (publics, ordre, brouillon)', () => {
    const { publics: _p, ...sans } = valide;
    const g = guideSchema.parse(sans);
    expect(g.publics).toEqual(['rbde']);
    expect(g.ordre).toBe(100);
    expect(g.brouillon).toBe(false);
  });
  test('refuse une réglementation sans sources', () => {
    expect(messages({ ...valide, sources: [] })).toEqual(['sources : Un guide de réglementation doit citer ses sources (champ sources).']);
  });
  test('refuse une réglementation sans date de vérification', () => {
    const { verifieLe: _v, aRevoirLe: _a, ...sans } = valide;
    expect(messages(sans)).toEqual(['verifieLe : Un guide de réglementation doit porter sa date de vérification (champ verifieLe).']);
  });
  test('accepte une pratique sans sources', () => {
    expect(messages({ ...valide, famille: 'pratiques', sources: [] })).toEqual([]);
  });
  test('refuse une famille inconnue', () => {
    expect(messages({ ...valide, famille: 'divers' })[0]).toContain('Famille inconnue');
  });
  test('refuse un thème inconnu', () => {
    expect(messages({ ...valide, themes: ['cuisine'] })[0]).toContain('Thème inconnu');
  });
  test('refuse une liste de thèmes vide', () => {
    expect(messages({ ...valide, themes: [] })).toEqual(['themes : Indiquez au moins un thème.']);
  });
  test('refuse un public inconnu', () => {
    expect(messages({ ...valide, publics: ['tout-le-monde'] })[0]).toContain('Public inconnu');
  });
  test('refuse un titre trop long', () => {
    expect(messages({ ...valide, titre: 'x'.repeat(91) })).toEqual(['titre : Le titre dépasse 90 caractères.']);
  });
  test('refuse une description trop courte', () => {
    expect(messages({ ...valide, description: 'Trop court.' })[0]).toContain('moins de 40 caractères');
  });
  test('refuse une date mal écrite', () => {
    expect(messages({ ...valide, verifieLe: 'hier' })[0]).toContain('AAAA-MM-JJ');
  });
  test('refuse une date de relecture antérieure à la vérification', () => {
    expect(messages({ ...valide, aRevoirLe: '2020-01-01' })).toEqual(['aRevoirLe : aRevoirLe ne peut pas précéder verifieLe.']);
  });
  test('refuse une source sans titre ou avec une adresse incomplète', () => {
    expect(messages({ ...valide, sources: [{ url: 'https://x.fr' }] })[0]).toContain('Chaque source a un titre');
    expect(messages({ ...valide, sources: [{ titre: 'Un texte', url: 'legifrance' }] })[0]).toContain('URL complète');
  });
});
