import { describe, expect, test } from 'vitest';
import { demandeInscriptionSchema, rencontreSchema, type RencontreEntree } from './rencontre.ts';

const atelier = (id: string, capacite = 10) => ({
  id,
  titre: `Atelier ${id}`,
  description: 'Une description assez longue pour passer.',
  animateurs: ['Une DDFPT'],
  salle: 'Salle 1',
  capacite,
});

const valide: RencontreEntree = {
  titre: 'Rencontre de printemps',
  description: 'Une rencontre académique des RBDE avec une plénière et des ateliers de mise en situation.',
  date: '2027-03-16',
  debut: '09:00',
  fin: '16:30',
  lieu: { nom: 'Lycée X', adresse: '1 rue Y', commune: 'Montpellier', acces: 'Tramway ligne 1', accessibilite: 'Plain-pied' },
  organisateur: 'DRAFPICA',
  public: 'Les RBDE',
  inscriptions: { ouverture: '2027-01-10T09:00', fermeture: '2027-03-09T18:00', mode: 'premier_arrive' },
  programme: [
    { id: 'matin', libelle: 'Matin', type: 'pleniere', titre: 'Plénière' },
    { id: 'aprem', libelle: 'Après-midi', debut: '14:00', fin: '16:00', type: 'ateliers', ateliers: [atelier('a'), atelier('b')] },
  ],
};

const messages = (donnees: unknown) => {
  const r = rencontreSchema.safeParse(donnees);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')} : ${i.message}`);
};
const avecCreneau = (c: Record<string, unknown>) => ({ ...valide, programme: [valide.programme[0], { ...valide.programme[1], ...c }] });

describe('schéma d’une rencontre', () => {
  test('accepte une rencontre complète et pose les défauts', () => {
    expect(messages(valide)).toEqual([]);
    const r = rencontreSchema.parse(valide);
    expect(r.questions).toEqual({ repas: false, regime: false, accessibilite: false });
    expect(r.programme[0]!.ateliers).toEqual([]);
  });
  test('accepte une rencontre passée sans inscriptions ni ateliers connus, si elle dit ce qui n’est pas connu', () => {
    const { inscriptions: _i, ...sans } = valide;
    expect(messages({ ...sans, programme: [{ id: 'aprem', libelle: 'Après-midi', type: 'ateliers', nonConnu: 'Les ateliers ne sont pas connus.' }] })).toEqual(
      [],
    );
  });
  test('refuse un créneau d’ateliers vide sans dire ce qui n’est pas connu', () => {
    expect(messages(avecCreneau({ ateliers: [] }))).toContain(
      'programme.1.ateliers : Le créneau « aprem » n’a aucun atelier : listez-les, ou dites dans nonConnu ce qui n’est pas connu.',
    );
  });
  test('refuse une plénière avec des ateliers', () => {
    expect(messages({ ...valide, programme: [{ ...valide.programme[0], ateliers: [atelier('z')] }, valide.programme[1]] })).toContain(
      'programme.0.ateliers : Le créneau « matin » est une plénière : il n’a pas d’ateliers.',
    );
  });
  test('refuse une plénière sans titre', () => {
    expect(messages({ ...valide, programme: [{ id: 'matin', libelle: 'Matin', type: 'pleniere' }, valide.programme[1]] })).toContain(
      'programme.0.titre : La plénière « matin » a besoin d’un titre.',
    );
  });
  test('refuse une capacité nulle, négative ou non entière', () => {
    expect(messages(avecCreneau({ ateliers: [atelier('a', 0)] }))).toContain('programme.1.ateliers.0.capacite : Un atelier a au moins une place.');
    expect(messages(avecCreneau({ ateliers: [atelier('a', 2.5)] }))).toContain(
      'programme.1.ateliers.0.capacite : La capacité d’un atelier est un nombre entier.',
    );
  });
  test('refuse un atelier sans animateur', () => {
    expect(messages(avecCreneau({ ateliers: [{ ...atelier('a'), animateurs: [] }] }))).toContain(
      'programme.1.ateliers.0.animateurs : Indiquez au moins un animateur pour chaque atelier.',
    );
  });
  test('refuse un identifiant d’atelier avec accents ou majuscules', () => {
    expect(messages(avecCreneau({ ateliers: [atelier('Atelier-é')] }))[0]).toMatch(/lettres minuscules sans accent/);
  });
  test('refuse un atelier en double, dans un créneau ou entre deux créneaux', () => {
    expect(messages(avecCreneau({ ateliers: [atelier('a'), atelier('a')] }))).toContain('programme.1.ateliers : L’atelier « a » apparaît deux fois.');
    const deux = { ...valide, programme: [valide.programme[1], { ...valide.programme[1], id: 'soir' }] };
    expect(messages(deux)).toContain('programme : L’atelier « a » apparaît dans deux créneaux.');
  });
  test('refuse un créneau en double', () => {
    expect(messages({ ...valide, programme: [valide.programme[1], valide.programme[1]] })).toContain('programme : Le créneau « aprem » apparaît deux fois.');
  });
  test('refuse une heure mal écrite et un créneau qui finit avant de commencer', () => {
    expect(messages(avecCreneau({ debut: '9h' }))).toContain('programme.1.debut : debut du créneau : heure attendue au format HH:MM (heure de Paris).');
    expect(messages(avecCreneau({ debut: '15:00', fin: '14:00' }))).toContain('programme.1.fin : Le créneau « aprem » finit avant de commencer.');
  });
  test('refuse une date mal écrite', () => {
    expect(messages({ ...valide, date: '16/03/2027' })).toContain('date : date : jour attendu au format AAAA-MM-JJ.');
  });
  test('refuse une clôture avant l’ouverture, ou après le jour de la rencontre', () => {
    expect(messages({ ...valide, inscriptions: { ouverture: '2027-03-01T09:00', fermeture: '2027-02-01T09:00' } })).toContain(
      'inscriptions.fermeture : La clôture des inscriptions doit suivre leur ouverture.',
    );
    expect(messages({ ...valide, inscriptions: { ouverture: '2027-03-01T09:00', fermeture: '2027-03-20T09:00' } })).toContain(
      'inscriptions.fermeture : Les inscriptions doivent fermer au plus tard le jour de la rencontre.',
    );
  });
  test('refuse une fenêtre d’inscription sans fuseau explicite mal écrite', () => {
    expect(messages({ ...valide, inscriptions: { ouverture: '2027-03-01 09:00', fermeture: '2027-03-09T18:00' } })[0]).toMatch(/AAAA-MM-JJTHH:MM/);
  });
  test('refuse un mode d’inscription inconnu', () => {
    expect(messages({ ...valide, inscriptions: { ...valide.inscriptions, mode: 'tirage' } })).toEqual([
      'inscriptions.mode : Mode d’inscription inconnu : premier_arrive ou voeux.',
    ]);
  });
  test('refuse des inscriptions ouvertes sans aucun atelier', () => {
    expect(messages({ ...valide, programme: [valide.programme[0]] })).toContain(
      'inscriptions : Une rencontre ouverte aux inscriptions a au moins un atelier à places limitées.',
    );
  });
  test('refuse un lieu sans informations d’accessibilité', () => {
    const { accessibilite: _a, ...lieu } = valide.lieu;
    expect(messages({ ...valide, lieu })).toEqual(['lieu.accessibilite : Indiquez les informations d’accessibilité (ou que ce n’est pas connu).']);
  });
});

describe('demande d’inscription', () => {
  test('accepte des ateliers et des réponses facultatives', () => {
    expect(demandeInscriptionSchema.parse({ ateliers: ['a'], reponses: { repas: true } })).toEqual({ ateliers: ['a'], reponses: { repas: true } });
  });
  test('refuse une liste vide et une réponse inconnue', () => {
    expect(demandeInscriptionSchema.safeParse({ ateliers: [] }).error?.issues[0]?.message).toBe('Choisissez au moins un atelier.');
    expect(demandeInscriptionSchema.safeParse({ ateliers: ['a'], reponses: { religion: 'x' } }).success).toBe(false);
  });
});
