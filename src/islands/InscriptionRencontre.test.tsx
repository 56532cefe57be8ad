import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import InscriptionRencontre, { libellePlaces } from './InscriptionRencontre.tsx';

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
      { id: 'petit', titre: 'Atelier à une place', capacite: 1 },
      { id: 'grand', titre: 'Grand atelier', capacite: 12 },
    ],
  },
  { id: 'c2', libelle: 'Fin d’après-midi', ateliers: [{ id: 'fin', titre: 'Atelier de fin', capacite: 15 }] },
];
const places = {
  rencontre: 'demo',
  ouverte: true,
  ateliers: [
    { atelier: 'petit', creneau: 'c1', capacite: 1, confirmees: 1, en_attente: 2, restantes: 0 },
    { atelier: 'grand', creneau: 'c1', capacite: 12, confirmees: 1, en_attente: 0, restantes: 11 },
    { atelier: 'fin', creneau: 'c2', capacite: 15, confirmees: 14, en_attente: 0, restantes: 1 },
  ],
};
const detail = (statut: string, position: number | null) => ({
  id: 'i1',
  rencontre: 'demo',
  titre: 'Démo',
  lieu: null,
  debut: '2027-03-16T08:00:00Z',
  fin: '2027-03-16T15:00:00Z',
  membre: { email: 'm@exemple.test', prenom: 'Marie', nom: 'Membre' },
  annulee: false,
  present: false,
  reponses: { repas: true, regime: null, accessibilite: null },
  ateliers: [{ atelier: 'petit', titre: 'Atelier à une place', salle: 'S', creneau: 'c1', creneau_libelle: 'Début d’après-midi', statut, position }],
  courriel: true,
});
const props = {
  slug: 'demo',
  creneaux,
  questions: { repas: true, regime: true, accessibilite: true },
  etat: 'ouvertes' as const,
  mode: 'premier_arrive' as const,
};

describe('inscription à une rencontre', () => {
  test('libellé des places', () => {
    expect(libellePlaces(places.ateliers[0])).toBe('Complet : liste d’attente (2 personnes)');
    expect(libellePlaces(places.ateliers[2])).toBe('1 place restante');
    expect(libellePlaces(places.ateliers[1])).toBe('11 places restantes');
  });

  test('montre les places restantes en direct et propose de se connecter sans session', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) =>
        url.endsWith('/places') ? reponse(200, places) : reponse(401, { erreur: { code: 'NON_CONNECTE', message: 'Connectez-vous.' } }),
      ),
    );
    render(<InscriptionRencontre {...props} />);
    expect(await screen.findByText(/Complet : liste d’attente \(2 personnes\)/)).toBeTruthy();
    expect((await screen.findByRole('link', { name: 'Se connecter pour s’inscrire' })).getAttribute('href')).toBe('/connexion/');
    expect((screen.getByRole('radio', { name: /Grand atelier/ }) as HTMLInputElement).disabled).toBe(true);
  });

  test('s’inscrire envoie un atelier par créneau et annonce la liste d’attente', async () => {
    const f = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/places')) return reponse(200, places);
      if (url === '/api/mes-inscriptions') return reponse(200, []);
      return reponse(201, { ...detail('en_attente', 3), _corps: JSON.parse(String(init?.body)) });
    });
    vi.stubGlobal('fetch', f);
    render(<InscriptionRencontre {...props} />);
    fireEvent.click(await screen.findByRole('radio', { name: /Atelier à une place/ }));
    await waitFor(() => expect((screen.getByRole('radio', { name: /Atelier à une place/ }) as HTMLInputElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('radio', { name: /Atelier à une place/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Je déjeune sur place/ }));
    fireEvent.click(screen.getByRole('button', { name: 'M’inscrire' }));
    expect(await screen.findByText(/Vous êtes en liste d’attente pour « Atelier à une place » \(position 3\)/)).toBeTruthy();
    const envoi = f.mock.calls.find(([u, i]) => u === '/api/rencontres/demo/inscription' && i?.method === 'POST')!;
    expect(JSON.parse(String(envoi[1]!.body))).toEqual({ ateliers: ['petit'], reponses: { repas: true } });
  });

  test('annuler demande une confirmation, puis appelle DELETE', async () => {
    const f = vi.fn(async (url: string, init?: RequestInit) => {
      if (url.endsWith('/places')) return reponse(200, places);
      if (url === '/api/mes-inscriptions') return reponse(200, [detail('confirmee', null)]);
      if (init?.method === 'DELETE') return reponse(200, { annulee: true, promus: 1 });
      return reponse(500, {});
    });
    vi.stubGlobal('fetch', f);
    render(<InscriptionRencontre {...props} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Annuler mon inscription' }));
    expect(f.mock.calls.some(([, i]) => i?.method === 'DELETE')).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer l’annulation' }));
    expect(await screen.findByText(/Votre inscription est annulée/)).toBeTruthy();
    expect(f).toHaveBeenCalledWith('/api/rencontres/demo/inscription', expect.objectContaining({ method: 'DELETE' }));
  });

  test('affiche le message français d’une erreur de l’API', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url.endsWith('/places')) return reponse(200, places);
        if (url === '/api/mes-inscriptions') return reponse(200, []);
        if (init?.method === 'POST') return reponse(409, { erreur: { code: 'INSCRIPTIONS_FERMEES', message: 'Les inscriptions sont closes.' } });
        return reponse(500, {});
      }),
    );
    render(<InscriptionRencontre {...props} />);
    await waitFor(() => expect((screen.getByRole('radio', { name: /Grand atelier/ }) as HTMLInputElement).disabled).toBe(false));
    fireEvent.click(screen.getByRole('radio', { name: /Grand atelier/ }));
    fireEvent.click(screen.getByRole('button', { name: 'M’inscrire' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Les inscriptions sont closes.');
  });
});
