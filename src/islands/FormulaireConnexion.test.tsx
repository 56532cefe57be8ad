import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import FormulaireConnexion from './FormulaireConnexion.tsx';

const reponse = (statut: number, corps: unknown) => new Response(JSON.stringify(corps), { status: statut, headers: { 'content-type': 'application/json' } });
let appels: { url: string; corps: unknown }[];

beforeEach(() => {
  appels = [];
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function simulerApi(...reponses: Response[]) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      appels.push({ url, corps: init?.body ? JSON.parse(String(init.body)) : undefined });
      return reponses.shift() ?? reponse(500, {});
    }),
  );
}

describe('formulaire de connexion', () => {
  test('demande un code puis passe à la saisie du code', async () => {
    simulerApi(reponse(202, { message: 'Si cette adresse est celle d’un membre du réseau, un code à 6 chiffres vient d’y être envoyé.' }));
    render(<FormulaireConnexion />);
    fireEvent.change(screen.getByLabelText(/Adresse électronique professionnelle/), { target: { value: 'membre@exemple.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Recevoir un code' }));
    expect(await screen.findByLabelText(/Code reçu par courriel/)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('un code à 6 chiffres');
    expect(appels).toEqual([{ url: '/api/auth/code', corps: { email: 'membre@exemple.test' } }]);
  });

  test('affiche l’erreur du champ e-mail et la relie au champ', async () => {
    simulerApi(
      reponse(400, {
        erreur: { code: 'REQUETE_INVALIDE', message: 'Certains champs…', details: { champs: { email: ['Cette adresse électronique n’est pas valide.'] } } },
      }),
    );
    render(<FormulaireConnexion />);
    fireEvent.click(screen.getByRole('button', { name: 'Recevoir un code' }));
    const champ = screen.getByLabelText(/Adresse électronique professionnelle/);
    await waitFor(() => expect(champ.getAttribute('aria-invalid')).toBe('true'));
    const erreur = document.getElementById(champ.getAttribute('aria-describedby')!);
    expect(erreur?.textContent).toBe('Cette adresse électronique n’est pas valide.');
  });

  test('un mauvais code affiche les essais restants sous le champ', async () => {
    simulerApi(
      reponse(202, { message: 'Code envoyé.' }),
      reponse(400, {
        erreur: {
          code: 'CODE_INVALIDE',
          message: 'Ce code est incorrect ou a expiré. Il vous reste 4 essais ; au-delà, demandez un nouveau code.',
          details: { restants: 4 },
        },
      }),
    );
    render(<FormulaireConnexion />);
    fireEvent.change(screen.getByLabelText(/Adresse électronique professionnelle/), { target: { value: 'membre@exemple.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Recevoir un code' }));
    const champ = await screen.findByLabelText(/Code reçu par courriel/);
    fireEvent.change(champ, { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Se connecter' }));
    await waitFor(() => expect(champ.getAttribute('aria-describedby')).toBeTruthy());
    expect(document.getElementById(champ.getAttribute('aria-describedby')!)?.textContent).toContain('Il vous reste 4 essais');
    expect(appels[1]).toEqual({ url: '/api/auth/session', corps: { email: 'membre@exemple.test', code: '000000' } });
  });

  test('un serveur injoignable donne un message français', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('fetch failed'))),
    );
    render(<FormulaireConnexion />);
    fireEvent.change(screen.getByLabelText(/Adresse électronique professionnelle/), { target: { value: 'membre@exemple.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Recevoir un code' }));
    expect(await screen.findByText('Le serveur ne répond pas. Vérifiez votre connexion et réessayez.')).toBeTruthy();
  });

  test('empêche le double envoi pendant la requête', async () => {
    let liberer: (r: Response) => void = () => {};
    vi.stubGlobal(
      'fetch',
      vi.fn(() => new Promise<Response>((ok) => (liberer = ok))),
    );
    render(<FormulaireConnexion />);
    fireEvent.change(screen.getByLabelText(/Adresse électronique professionnelle/), { target: { value: 'membre@exemple.test' } });
    fireEvent.click(screen.getByRole('button', { name: 'Recevoir un code' }));
    const bouton = await screen.findByRole('button', { name: 'Envoi en cours…' });
    expect((bouton as HTMLButtonElement).disabled).toBe(true);
    // Un clic sur un bouton désactivé ne prouve rien (le navigateur l'ignore) : on soumet le
    // formulaire lui-même, comme la touche Entrée dans le champ, pendant que la requête court.
    fireEvent.submit(screen.getByRole('form', { name: 'Recevoir un code de connexion' }));
    fireEvent.submit(screen.getByRole('form', { name: 'Recevoir un code de connexion' }));
    expect(fetch).toHaveBeenCalledTimes(1);
    liberer(reponse(202, { message: 'ok' }));
    await screen.findByLabelText(/Code reçu par courriel/);
  });
});
