import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import Annuaire from './Annuaire.tsx';

const reponse = (statut: number, corps: unknown) => new Response(JSON.stringify(corps), { status: statut });
const fiche = (id: string, prenom: string, nom: string, extra: Record<string, unknown> = {}) => ({
  id,
  prenom,
  nom,
  fonction: 'Responsable du bureau des entreprises',
  email: `${prenom.toLowerCase()}@exemple.test`,
  telephone: null,
  etablissement: { uai: '0119901A', nom: 'Lycée des Remparts (fictif)', commune: 'Carcassonne', departement: '11', bassin: 'Carcassonne' },
  secteurs: [],
  expertises: ['pfmp'],
  presentation: null,
  langues: [],
  accompagne: false,
  arrive_le: '2025-01-01',
  nouveau: false,
  mis_a_jour_le: null,
  ...extra,
});
const ALICE = fiche('a', 'Alice', 'Martin', { telephone: '04 00 00 00 04' });
const BRUNO = fiche('b', 'Bruno', 'Garcia', { expertises: ['convention'] });

let appels: string[];
function serveur({ role = 'membre', connecte = true } = {}) {
  appels = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      appels.push(url);
      if (!connecte) return reponse(401, { erreur: { code: 'NON_CONNECTE', message: 'Vous devez être connecté.' } });
      if (url === '/api/moi') return reponse(200, { role });
      if (url === '/api/annuaire/filtres')
        return reponse(200, { etablissements: [], bassins: [{ nom: 'Carcassonne', departement: '11' }], secteurs: ['Commerce'] });
      const q = new URL(url, 'http://x').searchParams;
      const fiches = q.get('departement') === '11' ? [ALICE] : q.get('nouveaux') ? [BRUNO] : [ALICE, BRUNO];
      return reponse(200, { total: fiches.length, page: 1, parPage: 60, fiches, departements: { '11': 1, '30': 1 } });
    }),
  );
}
beforeEach(() => window.history.replaceState(null, '', '/annuaire/'));
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('annuaire', () => {
  test('hors connexion : propose de se connecter, ne montre personne', async () => {
    serveur({ connecte: false });
    render(<Annuaire />);
    expect((await screen.findByRole('link', { name: 'Se connecter' })).getAttribute('href')).toBe('/connexion/');
    expect(screen.queryByText('Alice Martin')).toBeNull();
  });

  test('montre les cartes avec les seules coordonnées reçues, et leur vCard', async () => {
    serveur();
    render(<Annuaire />);
    expect(await screen.findByRole('heading', { name: 'Alice Martin' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '04 00 00 00 04' }).getAttribute('href')).toBe('tel:0400000004');
    expect(screen.getByRole('link', { name: 'Carte de visite (vCard) de Bruno Garcia' }).getAttribute('href')).toBe('/api/annuaire/membres/b/vcard');
    expect(screen.getByText('2 membres trouvés.')).toBeTruthy();
    // Un membre ne voit pas l'export CSV des organisateurs.
    expect(screen.queryByRole('link', { name: /CSV/ })).toBeNull();
  });

  test('« Nouveaux dans le réseau » sur l’accueil de l’annuaire', async () => {
    serveur();
    render(<Annuaire />);
    const section = (await screen.findByRole('heading', { name: 'Nouveaux dans le réseau' })).closest('section')!;
    expect(within(section).getByText('Bruno Garcia')).toBeTruthy();
  });

  test('cliquer un département (liste équivalente à la carte) filtre et met le filtre dans l’adresse', async () => {
    serveur();
    render(<Annuaire />);
    fireEvent.click(await screen.findByRole('button', { name: 'Aude (11) : 1 membre' }));
    await waitFor(() => expect(window.location.search).toBe('?departement=11'));
    expect(appels).toContain('/api/annuaire?departement=11');
    await waitFor(() => expect(screen.queryByRole('heading', { name: 'Bruno Garcia' })).toBeNull());
    expect(screen.getByRole('button', { name: 'Aude (11) : 1 membre' }).getAttribute('aria-pressed')).toBe('true');
  });

  test('les filtres de l’adresse sont appliqués au chargement ; expertise et nom se combinent', async () => {
    window.history.replaceState(null, '', '/annuaire/?expertise=pfmp&q=mar');
    serveur();
    render(<Annuaire />);
    await screen.findByRole('heading', { name: 'Alice Martin' });
    expect(appels).toContain('/api/annuaire?q=mar&expertise=pfmp');
    expect((screen.getByLabelText('Expertise') as HTMLSelectElement).value).toBe('pfmp');
    expect(screen.queryByRole('heading', { name: 'Nouveaux dans le réseau' })).toBeNull();
  });

  test('vue tableau : un tableau avec une ligne par membre', async () => {
    serveur();
    render(<Annuaire />);
    fireEvent.click(await screen.findByRole('button', { name: 'Afficher en tableau' }));
    const tableau = await screen.findByRole('table');
    expect(within(tableau).getAllByRole('row')).toHaveLength(3);
    expect(window.location.search).toBe('?vue=tableau');
  });

  test('un organisateur voit l’export CSV de la liste filtrée', async () => {
    serveur({ role: 'organisateur' });
    render(<Annuaire />);
    expect((await screen.findByRole('link', { name: 'Télécharger la liste (CSV, organisateurs)' })).getAttribute('href')).toBe('/api/annuaire/csv');
  });
});
