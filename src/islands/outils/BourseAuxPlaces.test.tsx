import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import BourseAuxPlaces from './BourseAuxPlaces.tsx';

const reponse = (statut: number, corps: unknown) => new Response(JSON.stringify(corps), { status: statut });
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const OFFRE = {
  id: 'o1',
  organisation_id: 'g1',
  organisation: 'Garage du Midi (fictif)',
  code_naf: '45.20A',
  commune: 'Carcassonne',
  departement: '11',
  formation: 'CAP MV',
  debut: '2027-01-10',
  fin: '2027-02-05',
  places: 1,
  libres: 1,
  conditions: null,
  lycee: 'Lycée des Remparts (fictif)',
  de_moi: false,
};

function api(reservation: (corps: unknown) => Response) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/carnet/referentiels')
      return reponse(200, { divisions: [{ code: '45', libelle: 'Commerce et réparation automobiles' }], sousClasses: [] });
    if (url === '/api/bourse/recherche') return reponse(200, [OFFRE]);
    if (url === '/api/bourse/reservations') return reponse(200, []);
    if (url === '/api/carnet/recherche') return reponse(200, []);
    if (url === '/api/bourse/offres/o1/reservations') return reservation(JSON.parse(String(init?.body)));
    return reponse(404, { erreur: { code: 'INTROUVABLE', message: 'Introuvable.' } });
  });
}

describe('bourse aux places', () => {
  test('sans session, propose de se connecter', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(401, { erreur: { code: 'NON_CONNECTE', message: 'Vous devez être connecté.' } })),
    );
    render(<BourseAuxPlaces />);
    expect((await screen.findByRole('link', { name: 'Se connecter' })).getAttribute('href')).toBe('/connexion/');
  });

  test('réserve avec la formation et le niveau seulement', async () => {
    const envoyes: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      api((corps) => (envoyes.push(corps), reponse(201, { reservation: 'r1' }))),
    );
    render(<BourseAuxPlaces />);
    fireEvent.click(await screen.findByRole('button', { name: 'Réserver une place chez Garage du Midi (fictif)' }));
    fireEvent.change(screen.getByLabelText('Niveau'), { target: { value: 'Seconde' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer la réservation' }));
    expect(await screen.findByText(/Place réservée chez Garage du Midi/)).toBeTruthy();
    expect(envoyes).toEqual([{ formation: 'CAP MV', niveau: 'Seconde' }]);
  });

  test('une place déjà prise : le message français du serveur est affiché', async () => {
    vi.stubGlobal(
      'fetch',
      api(() => reponse(409, { erreur: { code: 'OFFRE_COMPLETE', message: 'Toutes les places de cette offre sont déjà réservées.' } })),
    );
    render(<BourseAuxPlaces />);
    fireEvent.click(await screen.findByRole('button', { name: 'Réserver une place chez Garage du Midi (fictif)' }));
    fireEvent.change(screen.getByLabelText('Niveau'), { target: { value: 'Seconde' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer la réservation' }));
    expect((await screen.findByRole('alert')).textContent).toContain('déjà réservées');
  });
});
