import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import MaFiche from './MaFiche.tsx';

const reponse = (statut: number, corps: unknown) => new Response(JSON.stringify(corps), { status: statut });
const FICHE = {
  id: '1',
  prenom: 'Marie',
  nom: 'Membre',
  fonction: 'RBDE',
  email: 'membre@exemple.test',
  role: 'membre',
  telephone: '04 00 00 00 03',
  uai: '0309901C',
  etablissement: null,
  secteurs: ['Hôtellerie-restauration'],
  expertises: ['pfmp'],
  presentation: null,
  langues: [],
  accompagne: false,
  visibilites: {
    email: 'reseau',
    telephone: 'reseau',
    etablissement: 'reseau',
    secteurs: 'reseau',
    expertises: 'reseau',
    presentation: 'reseau',
    langues: 'reseau',
    accompagne: 'reseau',
  },
  arrive_le: '2025-01-01T00:00:00Z',
  mis_a_jour_le: null,
};
const FILTRES = {
  etablissements: [{ uai: '0309901C', nom: 'Lycée des Arènes (fictif)', commune: 'Nîmes', departement: '30', bassin: 'Nîmes' }],
  bassins: [],
  secteurs: [],
};

function serveur(surPut: (corps: Record<string, unknown>) => Response) {
  const f = vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/annuaire/filtres') return reponse(200, FILTRES);
    if (init?.method === 'PUT') return surPut(JSON.parse(String(init.body)));
    if (init?.method === 'DELETE') return reponse(200, { ...FICHE, telephone: null, secteurs: [], expertises: [] });
    return reponse(200, FICHE);
  });
  vi.stubGlobal('fetch', f);
  return f;
}
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('ma fiche', () => {
  test('masquer le téléphone au réseau, ajouter une expertise, enregistrer : PUT avec la visibilité choisie', async () => {
    let envoye: Record<string, unknown> = {};
    serveur((c) => {
      envoye = c;
      return reponse(200, { ...FICHE, ...c, mis_a_jour_le: '2026-12-03T09:00:00Z' });
    });
    render(<MaFiche />);
    fireEvent.change(await screen.findByLabelText('Qui voit : téléphone professionnel'), { target: { value: 'organisateurs' } });
    fireEvent.click(screen.getByLabelText('Convention'));
    fireEvent.change(screen.getByLabelText(/Langues parlées/), { target: { value: 'anglais, catalan' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer ma fiche' }));
    expect(await screen.findByText('Votre fiche est enregistrée.')).toBeTruthy();
    expect(envoye).toMatchObject({
      telephone: '04 00 00 00 03',
      expertises: ['pfmp', 'convention'],
      langues: ['anglais', 'catalan'],
      visibilites: { telephone: 'organisateurs', email: 'reseau' },
    });
    expect(screen.getByText(/Fiche mise à jour le 3 décembre 2026/)).toBeTruthy();
  });

  test('une erreur de champ renvoyée par le serveur s’affiche sous le champ, reliée par aria-describedby', async () => {
    serveur(() =>
      reponse(400, {
        erreur: {
          code: 'REQUETE_INVALIDE',
          message: 'Certains champs sont absents ou mal remplis.',
          details: { champs: { telephone: ['Téléphone invalide.'] } },
        },
      }),
    );
    render(<MaFiche />);
    fireEvent.change(await screen.findByLabelText(/Téléphone professionnel/), { target: { value: 'appelez-moi' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer ma fiche' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.getByLabelText(/Téléphone professionnel/).getAttribute('aria-describedby')).toBe('erreur-telephone');
    expect(screen.getByText('Téléphone invalide.')).toBeTruthy();
  });

  test('effacer mes données demande une confirmation, puis DELETE', async () => {
    const f = serveur(() => reponse(500, {}));
    render(<MaFiche />);
    fireEvent.click(await screen.findByRole('button', { name: 'Effacer mes données facultatives' }));
    expect(f).not.toHaveBeenCalledWith('/api/annuaire/moi', expect.objectContaining({ method: 'DELETE' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer l’effacement de mes données facultatives' }));
    expect(await screen.findByText('Vos données facultatives sont effacées.')).toBeTruthy();
    await waitFor(() => expect((screen.getByLabelText(/Téléphone professionnel/) as HTMLInputElement).value).toBe(''));
  });

  test('le lien d’export de mes données', async () => {
    serveur(() => reponse(500, {}));
    render(<MaFiche />);
    expect((await screen.findByRole('link', { name: 'Télécharger mes données (JSON)' })).getAttribute('href')).toBe('/api/annuaire/moi/export');
  });
});
