import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import MonEspace from './MonEspace.tsx';

const reponse = (statut: number, corps: unknown) => new Response(JSON.stringify(corps), { status: statut });
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const profil = {
  id: '1',
  email: 'membre@exemple.test',
  role: 'membre',
  prenom: 'Marie',
  nom: 'Membre',
  fonction: 'Responsable du bureau des entreprises',
  telephone: null,
  etablissement: { uai: '0309901C', nom: 'Lycée professionnel des Arènes (fictif)', commune: 'Nîmes', departement: '30' },
};

describe('mon espace', () => {
  test('montre la fiche du membre connecté', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(200, profil)),
    );
    render(<MonEspace />);
    expect(await screen.findByRole('heading', { name: 'Bonjour Marie Membre' })).toBeTruthy();
    expect(screen.getByText(/Lycée professionnel des Arènes \(fictif\), Nîmes \(30\)/)).toBeTruthy();
    expect(screen.getByText('Non renseigné')).toBeTruthy();
  });

  test('sans session, propose de se connecter', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(401, { erreur: { code: 'NON_CONNECTE', message: 'Vous devez être connecté.' } })),
    );
    render(<MonEspace />);
    expect((await screen.findByRole('link', { name: 'Se connecter' })).getAttribute('href')).toBe('/connexion/');
  });

  test('session expirée : le dit, puis propose de se connecter', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(401, { erreur: { code: 'SESSION_EXPIREE', message: 'Votre session a expiré. Reconnectez-vous.' } })),
    );
    render(<MonEspace />);
    expect(await screen.findByText('Votre session a expiré. Reconnectez-vous.')).toBeTruthy();
  });

  test('se déconnecter appelle DELETE /api/auth/session', async () => {
    const f = vi.fn(async (_url: string, init?: RequestInit) => (init?.method === 'DELETE' ? reponse(200, { message: 'ok' }) : reponse(200, profil)));
    vi.stubGlobal('fetch', f);
    render(<MonEspace />);
    fireEvent.click(await screen.findByRole('button', { name: 'Se déconnecter' }));
    expect(await screen.findByText('Vous êtes déconnecté.')).toBeTruthy();
    expect(f).toHaveBeenCalledWith('/api/auth/session', expect.objectContaining({ method: 'DELETE' }));
  });

  test('liste mes rencontres, mes ateliers et leur statut, avec le lien de gestion', async () => {
    const mes = [
      {
        id: 'i1',
        rencontre: 'rencontre-demonstration',
        titre: 'Rencontre de démonstration (fictive)',
        lieu: null,
        debut: '2027-03-16T08:00:00Z',
        fin: '2027-03-16T15:30:00Z',
        membre: { email: 'membre@exemple.test', prenom: 'Marie', nom: 'Membre' },
        annulee: false,
        present: false,
        reponses: { repas: null, regime: null, accessibilite: null },
        ateliers: [
          {
            atelier: 'premier-contact',
            titre: 'Préparer un premier contact',
            salle: 'S',
            creneau: 'c1',
            creneau_libelle: 'Début d’après-midi',
            statut: 'en_attente',
            position: 2,
          },
          { atelier: 'reseau', titre: 'Animer un réseau', salle: 'S', creneau: 'c2', creneau_libelle: 'Fin d’après-midi', statut: 'confirmee', position: null },
        ],
      },
    ];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => reponse(200, url === '/api/mes-inscriptions' ? mes : profil)),
    );
    render(<MonEspace />);
    expect(await screen.findByText(/« Préparer un premier contact » — en liste d’attente \(position 2\)/)).toBeTruthy();
    expect(screen.getByText(/« Animer un réseau » — place confirmée/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Modifier ou annuler mon inscription à « Rencontre de démonstration (fictive) »' }).getAttribute('href')).toBe(
      '/rencontres/rencontre-demonstration/inscription/',
    );
  });

  test('sans inscription, renvoie vers les rencontres', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => reponse(200, url === '/api/mes-inscriptions' ? [] : profil)),
    );
    render(<MonEspace />);
    expect((await screen.findByRole('link', { name: 'Voir les rencontres' })).getAttribute('href')).toBe('/rencontres/');
  });
});
