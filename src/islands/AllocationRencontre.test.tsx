import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import AllocationRencontre from './AllocationRencontre.tsx';

const reponse = (statut: number, corps: unknown) => new Response(JSON.stringify(corps), { status: statut });
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const apercu = {
  graine: 'tirage-2026',
  publiee: null,
  methode: 'Ordre de priorité : …',
  attributions: [
    { membre: 'b', nom: 'Bruno Garcia', creneau: 'c1', priorite: 2, atelier: null, rang: null, complets: ['x'], attente: { atelier: 'x', position: 1 } },
    { membre: 'a', nom: 'Alice Martin', creneau: 'c1', priorite: 1, atelier: 'x', rang: 1, complets: [], attente: null },
  ],
};

describe('attribution des vœux (organisateurs)', () => {
  test('aperçu dans l’ordre de priorité, puis publication avec la même graine', async () => {
    const appels: { url: string; corps: unknown }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        appels.push({ url, corps: JSON.parse(init!.body as string) });
        return url.endsWith('/apercu') ? reponse(200, apercu) : reponse(201, { rencontre: 'demo', graine: 'tirage-2026', confirmees: 1, en_attente: 1 });
      }),
    );
    render(<AllocationRencontre slug="demo" />);
    fireEvent.change(screen.getByLabelText(/Graine du tirage/), { target: { value: 'tirage-2026' } });
    fireEvent.click(screen.getByText('Prévisualiser (rien n’est écrit)'));
    await screen.findByText('Aperçu pour la graine « tirage-2026 »');
    const lignes = screen
      .getAllByRole('row')
      .slice(1)
      .map((r) => r.textContent);
    expect(lignes).toEqual(['1Alice Martinc1x (vœu n° 1)', '2Bruno Garciac1liste d’attente de x (position 1)']);
    fireEvent.click(screen.getByText('Publier cette attribution (définitif)'));
    expect((await screen.findByRole('status')).textContent).toBe(
      'Attribution publiée (graine « tirage-2026 ») : 1 place(s) confirmée(s), 1 en liste d’attente.',
    );
    expect(appels.map((a) => a.url)).toEqual(['/api/rencontres/demo/allocation/apercu', '/api/rencontres/demo/allocation/publier']);
    expect(appels[1]!.corps).toEqual({ graine: 'tirage-2026' });
  });

  test('avant la fermeture : le message du serveur, en français', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(409, { erreur: { code: 'VOEUX_OUVERTS', message: 'Les vœux ne sont pas encore clos.' } })),
    );
    render(<AllocationRencontre slug="demo" />);
    fireEvent.change(screen.getByLabelText(/Graine du tirage/), { target: { value: 'tirage-2026' } });
    fireEvent.click(screen.getByText('Prévisualiser (rien n’est écrit)'));
    expect((await screen.findByRole('alert')).textContent).toBe('Les vœux ne sont pas encore clos.');
  });
});
