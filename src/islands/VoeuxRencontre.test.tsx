import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import VoeuxRencontre from './VoeuxRencontre.tsx';

const reponse = (statut: number, corps: unknown) => new Response(JSON.stringify(corps), { status: statut });
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const creneaux = [
  {
    id: 'c1',
    libelle: 'Début d’après-midi',
    ateliers: [
      { id: 'x', titre: 'Atelier X', capacite: 1 },
      { id: 'y', titre: 'Atelier Y', capacite: 1 },
    ],
  },
];
const vide = { rencontre: 'demo', graine: null, publiee_le: null, creneaux: [] };

describe('vœux classés', () => {
  test('sans session : propose de se connecter, rien n’est modifiable', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(401, { erreur: { code: 'NON_CONNECTE', message: 'Connectez-vous.' } })),
    );
    render(<VoeuxRencontre slug="demo" creneaux={creneaux} etat="ouvertes" />);
    expect(await screen.findByText('Se connecter pour classer les ateliers')).toBeTruthy();
    expect((screen.getByLabelText('Vœu n° 1') as HTMLSelectElement).disabled).toBe(true);
  });

  test('un membre classe deux ateliers et les envoie dans l’ordre', async () => {
    const appels: { url: string; corps: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        appels.push({ url, corps: init?.body ? JSON.parse(init.body as string) : null });
        return init?.method === 'POST' ? reponse(200, { ...vide, creneaux: [{ creneau: 'c1', voeux: ['y', 'x'], attribution: null }] }) : reponse(200, vide);
      }),
    );
    render(<VoeuxRencontre slug="demo" creneaux={creneaux} etat="ouvertes" />);
    await screen.findByText('Enregistrer mes vœux');
    fireEvent.change(screen.getByLabelText('Vœu n° 1'), { target: { value: 'y' } });
    fireEvent.change(screen.getByLabelText('Vœu n° 2'), { target: { value: 'x' } });
    fireEvent.click(screen.getByText('Enregistrer mes vœux'));
    expect(await screen.findByText(/Vos vœux sont enregistrés/)).toBeTruthy();
    expect(appels.at(-1)).toEqual({ url: '/api/rencontres/demo/voeux', corps: { voeux: [{ creneau: 'c1', ateliers: ['y', 'x'] }] } });
  });

  test('le même atelier à deux rangs : refusé avant tout envoi, message en français', async () => {
    const f = vi.fn(async () => reponse(200, vide));
    vi.stubGlobal('fetch', f);
    render(<VoeuxRencontre slug="demo" creneaux={creneaux} etat="ouvertes" />);
    await screen.findByText('Enregistrer mes vœux');
    fireEvent.change(screen.getByLabelText('Vœu n° 1'), { target: { value: 'x' } });
    fireEvent.change(screen.getByLabelText('Vœu n° 2'), { target: { value: 'x' } });
    fireEvent.click(screen.getByText('Enregistrer mes vœux'));
    expect((await screen.findByRole('alert')).textContent).toBe('Début d’après-midi : un atelier ne peut être classé qu’une fois.');
    expect(f).toHaveBeenCalledTimes(1);
  });

  test('après publication : le vœu obtenu, la priorité, les ateliers complets à son tour ; plus de modification', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        reponse(200, {
          rencontre: 'demo',
          graine: 'tirage-2026',
          publiee_le: '2026-12-01T10:00:00Z',
          creneaux: [{ creneau: 'c1', voeux: ['x', 'y'], attribution: { priorite: 3, atelier: 'y', rang: 2, complets: ['x'] } }],
        }),
      ),
    );
    render(<VoeuxRencontre slug="demo" creneaux={creneaux} etat="closes" />);
    await waitFor(() => expect(screen.getByText(/vœu n° 2 obtenu/)).toBeTruthy());
    expect(screen.getByText(/vœu n° 2 obtenu/).textContent).toBe(
      'Début d’après-midi : vœu n° 2 obtenu, « Atelier Y » (priorité n° 3 ; complets à votre tour : « Atelier X »).',
    );
    expect(screen.getByText(/Graine du tirage : « tirage-2026 »/)).toBeTruthy();
    expect(screen.queryByText('Enregistrer mes vœux')).toBeNull();
  });
});
