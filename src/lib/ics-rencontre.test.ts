import { describe, expect, test } from 'vitest';
import { fichierIcs } from './ics-rencontre.ts';
import { depuisHeureDeParis, enHeureDeParis } from './rencontres.ts';

describe('fichier .ics d’une rencontre', () => {
  test('un événement en UTC, avec lieu, adresse et identifiant stable', () => {
    const ics = fichierIcs({
      uid: 'demo@reseau-bde',
      titre: 'Rencontre',
      description: 'Atelier : convention',
      lieu: 'Lycée X, Montpellier',
      debut: depuisHeureDeParis('2027-03-16T09:00'),
      fin: depuisHeureDeParis('2027-03-16T16:30'),
      url: 'https://exemple.test/rencontres/demo/',
    });
    expect(ics).toMatch(/BEGIN:VCALENDAR/);
    expect(ics).toMatch(/DTSTART:20270316T080000Z/);
    expect(ics).toMatch(/DTEND:20270316T153000Z/);
    expect(ics).toMatch(/UID:demo@reseau-bde/);
    expect(ics).toMatch(/LOCATION:Lycée X\\, Montpellier/);
  });
  test('une journée entière quand les heures ne sont pas connues', () => {
    const ics = fichierIcs({
      uid: 'j',
      titre: 'Journée',
      description: 'd',
      lieu: null,
      debut: depuisHeureDeParis('2023-09-26T00:00'),
      fin: depuisHeureDeParis('2023-09-26T23:59'),
      journeeEntiere: true,
    });
    expect(ics).toMatch(/DTSTART;VALUE=DATE:20230926/);
    expect(ics).toMatch(/DTEND;VALUE=DATE:20230927/);
  });
});

describe('heures de Paris', () => {
  test('aller-retour en hiver et en été', () => {
    expect(depuisHeureDeParis('2027-01-15T09:00').toISOString()).toBe('2027-01-15T08:00:00.000Z');
    expect(depuisHeureDeParis('2027-07-15T09:00').toISOString()).toBe('2027-07-15T07:00:00.000Z');
    expect(enHeureDeParis(new Date('2027-07-15T07:00:00Z'))).toBe('2027-07-15T09:00');
  });
});
