import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import GithubSlugger from 'github-slugger';
import { describe, expect, test } from 'vitest';
import { ANCRES, ANNEES, FORMATIONS, GUIDE_ALLOCATION } from './allocation-pfmp-donnees.ts';
import { anneeScolaireDe, formaterEuros, plafondPour, simulerAllocation, trouverNiveau, type Simulation } from './allocation-pfmp.ts';

const base: Simulation = { annee: '2025-2026', formation: 'bac-pro', niveau: '2de', joursPfmp: 5, absences: 0, dejaVerse: 0 };
const calcul = (s: Partial<Simulation>) => {
  const r = simulerAllocation({ ...base, ...s });
  if (r.statut !== 'calcule') throw new Error(`calcul refusé : ${JSON.stringify(r.erreurs)}`);
  return r;
};
const erreurs = (s: Partial<Simulation>) => {
  const r = simulerAllocation({ ...base, ...s });
  if (r.statut !== 'erreurs') throw new Error('saisie acceptée à tort');
  return r.erreurs;
};

describe('Exemples officiels reproduits', () => {
  // ASP : « 50 € (1re année de CAP, 2de pro), 75 € (2e année de CAP, 1re pro), 100 € (terminale pro) » pour une semaine de 5 jours.
  test.each([
    ['cap-2-ans', '1re-annee', 50],
    ['bac-pro', '2de', 50],
    ['cap-2-ans', '2e-annee', 75],
    ['bac-pro', '1re', 75],
    ['bac-pro', 'terminale', 100],
  ])('une semaine de 5 jours en %s, %s donne %i € (page de l’ASP)', (formation, niveau, attendu) => {
    expect(calcul({ formation, niveau, joursPfmp: 5 }).montantDu).toBe(attendu);
  });

  test('terminale 2024-2025 : 6 + 6 semaines de 5 jours à 20 € atteignent exactement le plafond de 1 200 €', () => {
    const r = calcul({ annee: '2024-2025', formation: 'bac-pro', niveau: 'terminale', joursPfmp: 60 });
    expect(r).toMatchObject({ montantBrut: 1200, plafond: 1200, montantDu: 1200, plafonne: false, originePlafond: 'aplypro' });
  });

  test('terminale 2025-2026 : 6 + 4 semaines donnent le plafond de 1 000 €, et 4 semaines « 400 € au plus »', () => {
    expect(calcul({ formation: 'bac-pro', niveau: 'terminale', joursPfmp: 50 })).toMatchObject({ montantDu: 1000, plafond: 1000 });
    expect(calcul({ formation: 'bac-pro', niveau: 'terminale', joursPfmp: 20 }).montantDu).toBe(400);
  });

  test('terminale 2023-2024 : plafond de l’arrêté, 800 €', () => {
    expect(calcul({ annee: '2023-2024', formation: 'bac-pro', niveau: 'terminale', joursPfmp: 60 })).toMatchObject({
      montantBrut: 1200,
      montantDu: 800,
      plafonne: true,
      originePlafond: 'arrete',
    });
  });
});

describe('Calcul', () => {
  test('les jours d’absence sont retirés avant de multiplier par le forfait', () => {
    expect(calcul({ formation: 'bac-pro', niveau: '1re', joursPfmp: 20, absences: 3 })).toMatchObject({ joursEffectifs: 17, montantBrut: 255, montantDu: 255 });
  });

  test('ce qui a déjà été versé dans l’année réduit ce qui reste avant le plafond', () => {
    const r = calcul({ formation: 'bac-pro', niveau: '2de', joursPfmp: 20, dejaVerse: 150 });
    expect(r).toMatchObject({ montantBrut: 200, resteAvantPlafond: 150, montantDu: 150, plafonne: true });
    expect(r.lignes.map((l) => l.libelle)).toEqual([
      'Forfait journalier',
      'Jours effectués',
      'Montant avant plafond',
      'Plafond annuel 2025-2026',
      'Reste avant le plafond',
      'Montant dû',
    ]);
  });

  test('plafond déjà atteint : rien n’est dû ; déjà versé au-delà du plafond : avertissement', () => {
    expect(calcul({ dejaVerse: 300 }).montantDu).toBe(0);
    const r = calcul({ dejaVerse: 400 });
    expect(r.montantDu).toBe(0);
    expect(r.avertissements.join(' ')).toMatch(/dépasse le plafond annuel/);
  });

  test('chaque ligne du calcul renvoie à une section du guide de l’allocation', () => {
    for (const l of calcul({ joursPfmp: 10, absences: 1 }).lignes) expect(l.source).toMatch(new RegExp(`^${GUIDE_ALLOCATION}#`));
  });

  test('année 2026-2027 : plafond stable repris mais signalé non confirmé', () => {
    const r = calcul({ annee: '2026-2027', formation: 'cap-2-ans', niveau: '2e-annee', joursPfmp: 40 });
    expect(r).toMatchObject({ plafond: 525, montantDu: 525, originePlafond: 'arrete-non-confirme' });
    expect(r.avertissements.join(' ')).toMatch(/non confirmé/);
  });

  test('hors de ce qu’il connaît : terminale 2026-2027 et formations sans plafond connu, calculées sans plafond et dites comme telles', () => {
    const terminale = calcul({ annee: '2026-2027', formation: 'bac-pro', niveau: 'terminale', joursPfmp: 60 });
    expect(terminale).toMatchObject({ plafond: null, originePlafond: 'inconnu', montantDu: 1200, resteAvantPlafond: null });
    expect(terminale.avertissements.join(' ')).toMatch(/n’est pas connu/);
    const fcil = calcul({ formation: 'fcil', niveau: 'niveau-4', joursPfmp: 10 });
    expect(fcil).toMatchObject({ plafond: null, montantDu: 200 });
    expect(fcil.avertissements.join(' ')).toMatch(/n’est pas connu du site/);
  });
});

describe('Saisies refusées, avec un message en français', () => {
  test.each<[string, Partial<Simulation>, keyof Simulation, RegExp]>([
    ['une année inconnue', { annee: '2019-2020' }, 'annee', /Année scolaire inconnue/],
    ['une formation inconnue', { formation: 'bts' }, 'formation', /Choisissez une formation/],
    ['un niveau qui n’existe pas pour la formation', { formation: 'cap-2-ans', niveau: 'terminale' }, 'niveau', /Choisissez l’année/],
    ['des jours négatifs', { joursPfmp: -1 }, 'joursPfmp', /négatif/],
    ['une demi-journée', { joursPfmp: 4.5 }, 'joursPfmp', /jours entiers/],
    ['des jours non numériques', { joursPfmp: Number.NaN }, 'joursPfmp', /en chiffres/],
    ['plus de jours qu’une année', { joursPfmp: 400 }, 'joursPfmp', /dépasse 366/],
    ['plus d’absences que de jours', { joursPfmp: 5, absences: 6 }, 'absences', /ne peuvent pas dépasser/],
    ['un montant versé négatif', { dejaVerse: -10 }, 'dejaVerse', /négatif/],
    ['un montant versé au millième', { dejaVerse: 10.005 }, 'dejaVerse', /centime/],
  ])('%s', (_, saisie, champ, message) => {
    expect(erreurs(saisie)[champ]).toMatch(message);
  });
});

describe('Données', () => {
  test('chaque niveau a un forfait positif et un plafond (s’il est connu) multiple du forfait', () => {
    for (const f of FORMATIONS)
      for (const n of f.niveaux) {
        expect(n.forfait, `${f.id}/${n.id}`).toBeGreaterThan(0);
        for (const a of ANNEES) {
          const { plafond } = plafondPour(n, a);
          if (plafond !== null) expect(plafond % n.forfait, `${f.id}/${n.id} ${a}`).toBe(0);
        }
      }
    expect(trouverNiveau('bac-pro', 'terminale')?.niveau.forfait).toBe(20);
  });

  test('l’année scolaire va de septembre à août', () => {
    expect(anneeScolaireDe(new Date(2026, 11, 3))).toBe('2026-2027');
    expect(anneeScolaireDe(new Date(2027, 7, 31))).toBe('2026-2027');
    expect(anneeScolaireDe(new Date(2026, 8, 1))).toBe('2026-2027');
  });
});

describe('Le guide de l’allocation et les données ne peuvent pas se contredire', () => {
  const guide = readFileSync(join(import.meta.dirname, '../../content/guides/reglementation/allocation-pfmp.mdx'), 'utf8');

  test('le guide affiche ses forfaits et ses plafonds depuis le fichier de données, sans tableau recopié', () => {
    expect(guide).toContain('<TableauAllocation tableau="forfaits" />');
    expect(guide).toContain('<TableauAllocation tableau="plafonds" />');
    // Aucune ligne de tableau écrite à la main ne donne un forfait ou un plafond d'une formation des données.
    const lignes = guide.split('\n').filter((l) => l.startsWith('|'));
    for (const l of lignes) expect(l, l).not.toMatch(/^\|\s*(Bac pro|CAP|BMA|DTMS|MC|FCIL|Certificat)/);
  });

  test('les plafonds de la terminale cités dans le texte du guide sont ceux des données', () => {
    const terminale = trouverNiveau('bac-pro', 'terminale')!.niveau;
    const cites = [...guide.matchAll(/^- (\d{4}-\d{4})\s*:\s*([\d\s\u00a0\u202f]+)\s*€/gm)];
    expect(cites.length).toBe(2);
    for (const [, annee, montant] of cites) {
      expect(Number(montant!.replace(/\D/g, '')), annee).toBe(plafondPour(terminale, annee as (typeof ANNEES)[number]).plafond);
    }
  });

  test('les équivalents hebdomadaires de l’ASP cités par le guide sont 5 jours de forfait', () => {
    const m = /50\s*€ en 1re année de CAP et en 2de professionnelle, 75\s*€ en 2e année de CAP et en 1re professionnelle, 100\s*€ en terminale/.exec(
      guide.replace(/[\u00a0\u202f]/g, ' '),
    );
    expect(m).not.toBeNull();
    expect(
      [trouverNiveau('cap-2-ans', '1re-annee'), trouverNiveau('bac-pro', '1re'), trouverNiveau('bac-pro', 'terminale')].map((t) => t!.niveau.forfait * 5),
    ).toEqual([50, 75, 100]);
  });

  test('chaque ancre vers laquelle renvoie le simulateur est un titre du guide', () => {
    const slugger = new GithubSlugger();
    const titres = new Set([...guide.matchAll(/^#{2,3} (.+)$/gm)].map((m) => slugger.slug(m[1]!.trim())));
    for (const ancre of Object.values(ANCRES)) expect(titres, ancre).toContain(ancre);
  });

  test('les montants en euros s’écrivent à la française', () => {
    expect(formaterEuros(1200).replace(/[\u00a0\u202f]/g, ' ')).toBe('1 200 €');
  });
});
