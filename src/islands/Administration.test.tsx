import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import Administration from './Administration.tsx';

const reponse = (statut: number, corps: unknown) => new Response(JSON.stringify(corps), { status: statut });
const MEMBRES = [
  {
    id: 'b',
    prenom: 'Bruno',
    nom: 'Garcia',
    email: 'bruno.garcia@exemple.test',
    role: 'membre',
    actif: true,
    desactive_le: null,
    arrive_le: '2025-01-01',
    etablissement: null,
    departement: null,
  },
];
const JOURNAL = [
  {
    id: 1,
    le: '2026-12-03T09:00:00Z',
    action: 'invitation',
    details: {},
    auteur: { id: 'a', prenom: 'Adèle', nom: 'Administratrice' },
    cible: { id: 'n', prenom: 'Nina', nom: 'Nouvelle' },
  },
];
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('administration', () => {
  test('un membre qui n’est pas administrateur : le refus en français, rien d’autre', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(403, { erreur: { code: 'INTERDIT', message: 'Vous n’avez pas le droit de faire cette action.' } })),
    );
    render(<Administration />);
    expect((await screen.findByRole('alert')).textContent).toContain('Vous n’avez pas le droit');
    expect(screen.queryByRole('button', { name: 'Inviter' })).toBeNull();
  });
  test('inviter : POST avec les champs, message de succès ; le journal est affiché', async () => {
    const f = vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') return reponse(201, { id: 'n' });
      return reponse(200, url.endsWith('journal') ? JOURNAL : MEMBRES);
    });
    vi.stubGlobal('fetch', f);
    render(<Administration />);
    expect(await screen.findByText(/Invitation de Nina Nouvelle par Adèle Administratrice/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Adresse électronique professionnelle'), { target: { value: 'nina.nouvelle@exemple.test' } });
    fireEvent.change(screen.getByLabelText('Prénom'), { target: { value: 'Nina' } });
    fireEvent.change(screen.getByLabelText('Nom'), { target: { value: 'Nouvelle' } });
    fireEvent.click(screen.getByRole('button', { name: 'Inviter' }));
    expect(await screen.findByText('Invitation envoyée à nina.nouvelle@exemple.test.')).toBeTruthy();
    const post = f.mock.calls.find(([, i]) => i?.method === 'POST')!;
    expect(JSON.parse(String(post[1]!.body))).toEqual({ email: 'nina.nouvelle@exemple.test', prenom: 'Nina', nom: 'Nouvelle', role: 'membre', uai: null });
  });
  test('désactiver un membre : POST sur sa désactivation', async () => {
    const f = vi.fn(async (url: string, init?: RequestInit) =>
      init?.method === 'POST' ? reponse(200, { actif: false }) : reponse(200, url.endsWith('journal') ? [] : MEMBRES),
    );
    vi.stubGlobal('fetch', f);
    render(<Administration />);
    fireEvent.click(await screen.findByRole('button', { name: 'Désactiver Bruno Garcia' }));
    expect(await screen.findByText(/Bruno Garcia est désactivé\(e\)/)).toBeTruthy();
    expect(f).toHaveBeenCalledWith('/api/admin/membres/b/desactivation', expect.objectContaining({ method: 'POST' }));
  });
});
