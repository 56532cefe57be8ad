import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import SimulateurAllocation, { saisieDepuisAdresse, type Saisie } from './SimulateurAllocation.tsx';

const DEFAUT: Saisie = { annee: '2025-2026', formation: 'bac-pro', niveau: '2de', joursPfmp: '', absences: '0', dejaVerse: '0' };

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  // Le simulateur écrit ses réponses dans l'adresse : chaque test repart d'une adresse vide.
  window.history.replaceState(null, '', '/outils/simulateur-allocation/');
});
const sansEspaces = (t: string | null | undefined) => (t ?? '').replace(/[\s\u00a0\u202f]+/g, ' ');
const saisir = (libelle: RegExp, valeur: string) => fireEvent.change(screen.getByLabelText(libelle), { target: { value: valeur } });
const choisir = (libelle: string, valeur: string) => fireEvent.change(screen.getByRole('combobox', { name: libelle }), { target: { value: valeur } });

describe('simulateur de l’allocation PFMP', () => {
  test('calcule le montant dû, le plafond et le détail, chaque étape liée au guide, sans appeler le serveur', () => {
    const f = vi.fn();
    vi.stubGlobal('fetch', f);
    render(<SimulateurAllocation anneeParDefaut="2025-2026" />);
    expect(screen.getByText('Indiquez le nombre de jours de PFMP pour voir le montant.')).toBeTruthy();
    choisir('Année ou niveau', '1re');
    saisir(/^Jours de PFMP/, '20');
    saisir(/^Jours d’absence/, '2');
    expect(sansEspaces(screen.getByText(/Montant dû pour cette PFMP/).textContent)).toBe('Montant dû pour cette PFMP : 270 €');
    expect(sansEspaces(screen.getByRole('link', { name: /^600\s€$/ }).getAttribute('href'))).toBe('/guides/reglementation/allocation-pfmp/#plafonds-annuels');
    const tableau = screen.getByRole('table', { name: 'Comment il est calculé' });
    const sources = within(tableau).getAllByRole('link');
    expect(sources.length).toBe(6);
    for (const a of sources) expect(a.getAttribute('href')).toMatch(/^\/guides\/reglementation\/allocation-pfmp\/#/);
    expect(f).not.toHaveBeenCalled();
  });

  test('un plafond atteint réduit le montant et le dit', () => {
    render(<SimulateurAllocation anneeParDefaut="2025-2026" />);
    saisir(/^Jours de PFMP/, '20');
    saisir(/^Allocation déjà versée/, '250');
    expect(sansEspaces(screen.getByText(/Montant dû pour cette PFMP/).textContent)).toBe('Montant dû pour cette PFMP : 50 €');
    expect(screen.getByText(/atteint : le montant est réduit/)).toBeTruthy();
  });

  test('une saisie impossible est signalée sur le champ, en français', () => {
    render(<SimulateurAllocation anneeParDefaut="2025-2026" />);
    saisir(/^Jours de PFMP/, '5');
    saisir(/^Jours d’absence/, '7');
    const champ = screen.getByLabelText(/^Jours d’absence/);
    expect(champ.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(champ.getAttribute('aria-describedby')!)?.textContent).toBe(
      'Les absences ne peuvent pas dépasser le nombre de jours de PFMP.',
    );
    expect(screen.getByText('Corrigez la saisie pour voir le montant.')).toBeTruthy();
  });

  test('dit clairement quand le cas est hors de ce qu’il connaît', () => {
    render(<SimulateurAllocation anneeParDefaut="2026-2027" />);
    choisir('Année ou niveau', 'terminale');
    saisir(/^Jours de PFMP/, '10');
    expect(screen.getByText(/Le plafond 2026-2027 de ce niveau n’est pas connu/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'non connu du site' })).toBeTruthy();
    choisir('Formation', 'agricole-maritime');
    expect(screen.getByRole('heading', { name: 'Cas hors du simulateur' })).toBeTruthy();
    expect(screen.queryByLabelText(/^Jours de PFMP/)).toBeNull();
  });

  test('changer de formation propose ses niveaux', () => {
    render(<SimulateurAllocation anneeParDefaut="2025-2026" />);
    choisir('Formation', 'cap-2-ans');
    const niveaux = within(screen.getByRole('combobox', { name: 'Année ou niveau' }))
      .getAllByRole('option')
      .map((o) => o.textContent);
    expect(niveaux).toEqual(['1re année', '2e année']);
  });
});

describe('le simulateur garde ses réponses dans l’adresse', () => {
  test('chaque réponse est écrite dans l’adresse, sans ajouter d’entrée d’historique', () => {
    window.history.replaceState(null, '', '/outils/simulateur-allocation/');
    const longueur = window.history.length;
    render(<SimulateurAllocation anneeParDefaut="2025-2026" />);
    choisir('Formation', 'cap-2-ans');
    choisir('Année ou niveau', '2e-annee');
    saisir(/^Jours de PFMP/, '20');
    saisir(/^Jours d’absence/, '2');
    expect(Object.fromEntries(new URLSearchParams(window.location.search))).toEqual({
      annee: '2025-2026',
      formation: 'cap-2-ans',
      niveau: '2e-annee',
      jours: '20',
      absences: '2',
      verse: '0',
    });
    expect(window.history.length).toBe(longueur);
  });

  test('rouvrir le lien redonne les réponses et le résultat', async () => {
    window.history.replaceState(null, '', '/outils/simulateur-allocation/?annee=2025-2026&formation=bac-pro&niveau=1re&jours=20&absences=2&verse=0');
    render(<SimulateurAllocation anneeParDefaut="2026-2027" />);
    expect(sansEspaces((await screen.findByText(/Montant dû pour cette PFMP/)).textContent)).toBe('Montant dû pour cette PFMP : 270 €');
    expect((screen.getByLabelText(/^Jours de PFMP/) as HTMLInputElement).value).toBe('20');
    expect((screen.getByRole('combobox', { name: 'Année scolaire' }) as HTMLSelectElement).value).toBe('2025-2026');
    expect(window.location.search).toBe('?annee=2025-2026&formation=bac-pro&niveau=1re&jours=20&absences=2&verse=0');
  });

  test('une valeur inconnue dans l’adresse est ignorée', () => {
    expect(saisieDepuisAdresse('?annee=1999-2000&formation=inconnue&niveau=zzz&jours=' + '9'.repeat(20), DEFAUT)).toEqual(DEFAUT);
    expect(saisieDepuisAdresse('?formation=cap-2-ans', DEFAUT)).toMatchObject({ formation: 'cap-2-ans', niveau: '1re-annee' });
  });
});
