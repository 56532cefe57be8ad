import { cleanup, render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { afterEach, describe, expect, test, vi } from 'vitest';
import QuiContacter from './QuiContacter.tsx';

const reponse = (statut: number, corps: unknown) => new Response(JSON.stringify(corps), { status: statut });
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('qui contacter', () => {
  test('le rendu serveur (la page construite) ne contient rien : ni nom ni titre', () => {
    expect(renderToString(<QuiContacter themes={['pfmp']} />)).toBe('');
  });
  test('connecté : les experts des thèmes du guide, demandés à l’API', async () => {
    const f = vi.fn(async () =>
      reponse(200, [
        {
          id: 'a',
          prenom: 'Alice',
          nom: 'Martin',
          email: 'alice@exemple.test',
          etablissement: { nom: 'Lycée des Remparts (fictif)', departement: '11' },
          expertises: ['pfmp', 'mineurs'],
        },
      ]),
    );
    vi.stubGlobal('fetch', f);
    render(<QuiContacter themes={['pfmp', 'convention']} />);
    expect(await screen.findByRole('heading', { name: 'Qui contacter' })).toBeTruthy();
    expect(screen.getByText('Alice Martin')).toBeTruthy();
    expect(screen.getByText(/PFMP et stages/)).toBeTruthy();
    expect(f).toHaveBeenCalledWith('/api/annuaire/qui-contacter?themes=pfmp,convention', expect.anything());
  });
  test('hors connexion : invite à se connecter, ne montre personne', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(401, { erreur: { code: 'NON_CONNECTE', message: 'Connectez-vous.' } })),
    );
    render(<QuiContacter themes={['pfmp']} />);
    expect((await screen.findByRole('link', { name: 'Se connecter' })).getAttribute('href')).toBe('/connexion/');
  });
});
