import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import DesinscriptionResume from './DesinscriptionResume.tsx';

const JETON = '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';
const reponse = (statut: number, corps: unknown) => new Response(JSON.stringify(corps), { status: statut });
const ouvrir = (recherche: string) => window.history.replaceState(null, '', `/outils/bourse-aux-places/desinscription/${recherche}`);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('désinscription du résumé de la bourse', () => {
  test('rien sans clic ; le bouton envoie le jeton du lien, puis la page dit que c’est fait', async () => {
    const f = vi.fn(async () => reponse(200, { desinscrit: true }));
    vi.stubGlobal('fetch', f);
    ouvrir(`?jeton=${JETON}`);
    render(<DesinscriptionResume />);
    const bouton = await screen.findByRole('button', { name: 'Ne plus recevoir le résumé' });
    expect(f).not.toHaveBeenCalled(); // une messagerie qui ouvre le lien ne désinscrit personne
    fireEvent.click(bouton);
    expect((await screen.findByRole('status')).textContent).toContain('vous ne recevrez plus le résumé');
    expect(f).toHaveBeenCalledWith(`/api/bourse/resume/desinscription?jeton=${JETON}`, expect.objectContaining({ method: 'POST' }));
    expect(screen.queryByRole('button')).toBeNull();
  });

  test('déjà désinscrit : la page le dit, sans erreur', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(200, { desinscrit: false })),
    );
    ouvrir(`?jeton=${JETON}`);
    render(<DesinscriptionResume />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ne plus recevoir le résumé' }));
    expect((await screen.findByRole('status')).textContent).toContain('déjà désinscrit');
  });

  test('lien sans jeton : message d’erreur, pas de bouton, aucun appel', async () => {
    const f = vi.fn();
    vi.stubGlobal('fetch', f);
    ouvrir('');
    render(<DesinscriptionResume />);
    expect((await screen.findByRole('alert')).textContent).toContain('incomplet');
    expect(screen.queryByRole('button')).toBeNull();
    expect(f).not.toHaveBeenCalled();
  });

  test('refus du serveur : son message en français, et le bouton reste pour réessayer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(400, { erreur: { code: 'REQUETE_INVALIDE', message: 'Ce lien de désinscription est incomplet ou altéré.' } })),
    );
    ouvrir('?jeton=abc');
    render(<DesinscriptionResume />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ne plus recevoir le résumé' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Ce lien de désinscription est incomplet ou altéré.');
    expect((screen.getByRole('button', { name: 'Ne plus recevoir le résumé' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
