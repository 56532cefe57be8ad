import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import OrganisationRencontre from './OrganisationRencontre.tsx';

const reponse = (statut: number, corps: unknown) => new Response(JSON.stringify(corps), { status: statut });
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const participants = {
  rencontre: { slug: 'demo', titre: 'Démo', debut: '', fin: '' },
  ateliers: [
    {
      atelier: 'petit',
      titre: 'Atelier à une place',
      salle: 'S1',
      creneau: 'Début',
      capacite: 1,
      confirmes: [{ inscription: 'i1', prenom: 'Chloé', nom: 'Bernard', email: 'c@exemple.test', etablissement: 'Lycée A', present: false }],
      attente: [{ inscription: 'i2', prenom: 'Bruno', nom: 'Garcia', email: 'b@exemple.test' }],
    },
  ],
  inscrits: [
    {
      inscription: 'i1',
      prenom: 'Chloé',
      nom: 'Bernard',
      email: 'c@exemple.test',
      etablissement: 'Lycée A',
      present: false,
      repas: null,
      regime: null,
      besoin_accessibilite: true,
      accessibilite: 'x',
      ateliers: [],
    },
    {
      inscription: 'i2',
      prenom: 'Bruno',
      nom: 'Garcia',
      email: 'b@exemple.test',
      etablissement: null,
      present: false,
      repas: null,
      regime: null,
      besoin_accessibilite: false,
      accessibilite: null,
      ateliers: [],
    },
  ],
};

describe('organisation d’une rencontre', () => {
  test('effectifs, attente, lien CSV', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(200, participants)),
    );
    render(<OrganisationRencontre slug="demo" titre="Démo" quand="mardi" />);
    expect(await screen.findByText('1 / 1')).toBeTruthy();
    expect(screen.getByRole('link', { name: /Télécharger la liste des inscrits/ }).getAttribute('href')).toBe('/api/rencontres/demo/participants.csv');
    expect(screen.getByRole('heading', { name: 'Atelier à une place' })).toBeTruthy();
  });

  test('un membre non organisateur voit le refus en français', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(403, { erreur: { code: 'ORGANISATEUR_REQUIS', message: 'Cette action est réservée aux organisateurs des rencontres.' } })),
    );
    render(<OrganisationRencontre slug="demo" titre="Démo" quand="mardi" />);
    expect((await screen.findByRole('alert')).textContent).toBe('Cette action est réservée aux organisateurs des rencontres.');
  });

  test('chercher un nom sans accents, puis le pointer', async () => {
    const f = vi.fn(async (_url: string, init?: RequestInit) =>
      init?.method === 'POST' ? reponse(200, { inscription: 'i1', present: true }) : reponse(200, participants),
    );
    vi.stubGlobal('fetch', f);
    render(<OrganisationRencontre slug="demo" titre="Démo" quand="mardi" />);
    fireEvent.change(await screen.findByRole('searchbox', { name: 'Rechercher un nom' }), { target: { value: 'chloe' } });
    expect(screen.queryByRole('checkbox', { name: /Bruno Garcia/ })).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: /Chloé Bernard/ }));
    expect(await screen.findByText('Chloé Bernard : présent.')).toBeTruthy();
    expect(JSON.parse(String(f.mock.calls.find(([, i]) => i?.method === 'POST')![1]!.body))).toEqual({ inscription: 'i1', present: true });
  });

  test('sans réseau, le pointage est gardé et annoncé', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init?: RequestInit) => {
        if (init?.method === 'POST') throw new TypeError('réseau');
        return reponse(200, participants);
      }),
    );
    render(<OrganisationRencontre slug="demo" titre="Démo" quand="mardi" />);
    fireEvent.click(await screen.findByRole('checkbox', { name: /Bruno Garcia/ }));
    expect(await screen.findByText(/pas encore enregistré/)).toBeTruthy();
    expect((screen.getByRole('checkbox', { name: /Bruno Garcia/ }) as HTMLInputElement).checked).toBe(true);
  });

  test('la feuille d’émargement liste les confirmés avec une case de signature', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(200, participants)),
    );
    render(<OrganisationRencontre slug="demo" titre="Démo" quand="mardi" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Feuille d’émargement : Atelier à une place' }));
    expect(screen.getByRole('heading', { name: 'Feuille d’émargement — Atelier à une place' })).toBeTruthy();
    expect(screen.getAllByRole('row')).toHaveLength(2);
    expect(screen.getByRole('button', { name: 'Imprimer la feuille' })).toBeTruthy();
  });
});

describe('message et attestations', () => {
  test('écrire aux inscrits d’un atelier : la réponse dit combien de personnes l’ont reçu', async () => {
    const f = vi.fn(async (_url: string, init?: RequestInit) =>
      init?.method === 'POST' ? reponse(200, { envoyes: 2, echecs: 0 }) : reponse(200, participants),
    );
    vi.stubGlobal('fetch', f);
    render(<OrganisationRencontre slug="demo" titre="Démo" quand="mardi" />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Destinataires' }), { target: { value: 'petit' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Objet' }), { target: { value: 'Salle' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Message/ }), { target: { value: 'Rendez-vous en salle 12.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer le message' }));
    expect(await screen.findByText('Message envoyé à 2 personnes.')).toBeTruthy();
    const envoi = f.mock.calls.find(([u]) => u === '/api/rencontres/demo/message')!;
    expect(JSON.parse(String(envoi[1]!.body))).toEqual({ objet: 'Salle', texte: 'Rendez-vous en salle 12.', atelier: 'petit' });
  });

  test('une attestation de présence par personne pointée', async () => {
    const avecPresent = {
      ...participants,
      rencontre: { ...participants.rencontre, debut: '2027-03-16T08:00:00Z' },
      inscrits: participants.inscrits.map((i) => (i.inscription === 'i1' ? { ...i, present: true } : i)),
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(200, avecPresent)),
    );
    render(<OrganisationRencontre slug="demo" titre="Démo" quand="mardi" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Attestations de présence (1)' }));
    const attestation = screen.getByRole('region', { name: 'Attestation de présence de Chloé Bernard' });
    expect(attestation.textContent).toContain('a participé à la rencontre « Démo » le 16 mars 2027');
    expect(screen.queryByRole('region', { name: /Bruno Garcia/ })).toBeNull();
  });
});
