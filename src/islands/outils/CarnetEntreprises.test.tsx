import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import CarnetEntreprises from './CarnetEntreprises.tsx';

const reponse = (statut: number, corps: unknown) => new Response(JSON.stringify(corps), { status: statut });
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('carnet des entreprises', () => {
  test('montre les doublons probables avant d’enregistrer, puis enregistre quand on le confirme', async () => {
    const corps: Record<string, unknown>[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === '/api/carnet/referentiels') return reponse(200, { divisions: [], sousClasses: [] });
        if (url === '/api/carnet/resultats') return reponse(200, { total: 0, par_departement: {}, organisations: [] });
        if (url === '/api/carnet/communes') return reponse(200, [{ code: '11069', nom: 'Carcassonne', departement: '11' }]);
        if (url === '/api/carnet/organisations') {
          const c = JSON.parse(String(init?.body));
          corps.push(c);
          return c.forcer
            ? reponse(201, { statut: 'enregistree', id: 'n1' })
            : reponse(200, { statut: 'doublons', doublons: [{ id: 'g1', nom: 'GARAGE DU MIDI', siret: null, commune: 'Carcassonne', raison: 'nom' }] });
        }
        if (url === '/api/carnet/organisations/n1')
          return reponse(200, {
            id: 'n1',
            nom: 'Garage du Midi',
            siret: null,
            code_naf: '45.20A',
            commune_insee: '11069',
            commune: 'Carcassonne',
            departement: '11',
            adresse: null,
            taille: null,
            dernier_contact: null,
            contacts: [],
            partenariats: [],
            retours: [],
            placements: [],
            note: null,
            historique: [],
          });
        return reponse(404, { erreur: { code: 'INTROUVABLE', message: 'Introuvable.' } });
      }),
    );
    render(<CarnetEntreprises />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ajouter une organisation' }));
    fireEvent.change(screen.getByLabelText('Nom de l’organisation'), { target: { value: 'Garage du Midi' } });
    fireEvent.change(screen.getByLabelText(/Code NAF/), { target: { value: '45.20A' } });
    const commune = screen.getByLabelText(/^Commune/);
    fireEvent.change(commune, { target: { value: 'Carcas' } });
    await screen.findByText((_t, el) => el?.tagName === 'OPTION' && el.getAttribute('value') === 'Carcassonne (11)');
    fireEvent.change(commune, { target: { value: 'Carcassonne (11)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Cette organisation est peut-être déjà dans le carnet')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Ce n’est pas la même : enregistrer quand même' }));
    expect(await screen.findByText('Organisation ajoutée au carnet.')).toBeTruthy();
    expect(corps.map((c) => [c.commune, c.forcer])).toEqual([
      ['11069', false],
      ['11069', true],
    ]);
  });
});
