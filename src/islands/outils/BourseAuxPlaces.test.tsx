import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import BourseAuxPlaces from './BourseAuxPlaces.tsx';

const reponse = (statut: number, corps: unknown) => new Response(JSON.stringify(corps), { status: statut });
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const OFFRE = {
  id: 'o1',
  organisation_id: 'g1',
  organisation: 'Garage du Midi (fictif)',
  code_naf: '45.20A',
  commune: 'Carcassonne',
  departement: '11',
  formation: 'CAP MV',
  debut: '2027-01-10',
  fin: '2027-02-05',
  places: 1,
  libres: 1,
  conditions: null,
  lycee: 'Lycée des Remparts (fictif)',
  de_moi: false,
};

function api(reservation: (corps: unknown) => Response) {
  return vi.fn(async (url: string, init?: RequestInit) => {
    if (url === '/api/carnet/referentiels')
      return reponse(200, { divisions: [{ code: '45', libelle: 'Commerce et réparation automobiles' }], sousClasses: [] });
    if (url === '/api/bourse/recherche') return reponse(200, { total: 1, par_departement: { '11': 1 }, offres: [OFFRE] });
    if (url === '/api/bourse/reservations') return reponse(200, []);
    if (url === '/api/carnet/recherche') return reponse(200, []);
    if (url === '/api/bourse/offres/o1/reservations') return reservation(JSON.parse(String(init?.body)));
    return reponse(404, { erreur: { code: 'INTROUVABLE', message: 'Introuvable.' } });
  });
}

describe('bourse aux places', () => {
  test('sans session, propose de se connecter', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(401, { erreur: { code: 'NON_CONNECTE', message: 'Vous devez être connecté.' } })),
    );
    render(<BourseAuxPlaces />);
    expect((await screen.findByRole('link', { name: 'Se connecter' })).getAttribute('href')).toBe('/connexion/');
  });

  test('réserve avec la formation et le niveau seulement', async () => {
    const envoyes: unknown[] = [];
    vi.stubGlobal(
      'fetch',
      api((corps) => (envoyes.push(corps), reponse(201, { reservation: 'r1' }))),
    );
    render(<BourseAuxPlaces />);
    fireEvent.click(await screen.findByRole('button', { name: 'Réserver une place chez Garage du Midi (fictif)' }));
    fireEvent.change(screen.getByLabelText('Niveau'), { target: { value: 'Seconde' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer la réservation' }));
    expect(await screen.findByText(/Place réservée chez Garage du Midi/)).toBeTruthy();
    expect(envoyes).toEqual([{ formation: 'CAP MV', niveau: 'Seconde' }]);
  });

  test('une place déjà prise : le message français du serveur est affiché', async () => {
    vi.stubGlobal(
      'fetch',
      api(() => reponse(409, { erreur: { code: 'OFFRE_COMPLETE', message: 'Toutes les places de cette offre sont déjà réservées.' } })),
    );
    render(<BourseAuxPlaces />);
    fireEvent.click(await screen.findByRole('button', { name: 'Réserver une place chez Garage du Midi (fictif)' }));
    fireEvent.change(screen.getByLabelText('Niveau'), { target: { value: 'Seconde' } });
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer la réservation' }));
    expect((await screen.findByRole('alert')).textContent).toContain('déjà réservées');
  });
});

describe('bourse aux places : carte des départements', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  test('compte les offres trouvées par département, et un département choisi devient le filtre', async () => {
    const corps: unknown[] = [];
    const base = api(() => reponse(404, {}));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === '/api/bourse/recherche') corps.push(JSON.parse(String(init?.body)));
        return base(url, init);
      }),
    );
    render(<BourseAuxPlaces />);
    await screen.findByRole('button', { name: 'Réserver une place chez Garage du Midi (fictif)' });
    fireEvent.click(screen.getByRole('button', { name: 'Afficher la carte des départements' }));
    const aude = await screen.findByRole('button', { name: /Aude \(11\) : 1 offre$/ });
    expect(screen.getByRole('button', { name: /Hérault \(34\) : 0 offre$/ })).toBeTruthy();
    fireEvent.click(aude);
    await vi.waitFor(() => expect(corps.at(-1)).toMatchObject({ departement: '11' }));
    await vi.waitFor(() => expect(window.location.search).toContain('departement=11'));
  });
});

describe('bourse aux places : au-delà d’une page d’offres', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  test('le nombre total et la carte viennent de l’API, pas de la page affichée ; la suite se charge à la demande', async () => {
    const offres = (debut: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({ ...OFFRE, id: `o${debut + i}`, organisation: `Organisation ${debut + i} (fictive)` }));
    const corps: { decalage: number; limite: number }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === '/api/carnet/referentiels') return reponse(200, { divisions: [], sousClasses: [] });
        if (url === '/api/bourse/recherche') {
          const c = JSON.parse(String(init?.body)) as { decalage: number; limite: number };
          corps.push(c);
          // 120 offres : 50 dans l'Aude affichées d'abord, mais 70 dans l'Hérault au-delà de la première page.
          return reponse(200, { total: 120, par_departement: { '11': 50, '34': 70 }, offres: offres(c.decalage, Math.min(c.limite, 120 - c.decalage)) });
        }
        return reponse(200, []);
      }),
    );
    render(<BourseAuxPlaces />);
    await screen.findByText('120 offres, dont 50 affichées');
    expect(screen.getAllByRole('button', { name: /^Réserver une place chez/ })).toHaveLength(50);
    fireEvent.click(screen.getByRole('button', { name: 'Afficher la carte des départements' }));
    expect(await screen.findByRole('button', { name: /Hérault \(34\) : 70 offres$/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Afficher les 50 suivantes' }));
    await screen.findByText('120 offres, dont 100 affichées');
    expect(corps.at(-1)).toMatchObject({ limite: 50, decalage: 50 });
    expect(screen.getByRole('button', { name: 'Réserver une place chez Organisation 99 (fictive)' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Afficher les 20 suivantes' }));
    await screen.findByText('120 offres');
    expect(screen.queryByRole('button', { name: /suivantes$/ })).toBeNull();
  });
});

describe('bourse aux places : filtres dans l’adresse, recherches, résumé', () => {
  afterEach(() => window.history.replaceState(null, '', '/'));

  /** Une fausse API qui note chaque appel (adresse, méthode, corps). */
  function apiNotee(routes: Record<string, unknown>) {
    const appels: { url: string; method: string; corps: unknown }[] = [];
    const f = vi.fn(async (url: string, init?: RequestInit) => {
      appels.push({ url, method: init?.method ?? 'GET', corps: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (url === '/api/carnet/referentiels')
        return reponse(200, { divisions: [{ code: '45', libelle: 'Commerce et réparation automobiles' }], sousClasses: [] });
      if (url in routes) return reponse(200, routes[url]);
      return reponse(200, []);
    });
    vi.stubGlobal('fetch', f);
    return appels;
  }

  test('les filtres de l’adresse sont appliqués dès l’ouverture (lien partageable) et réécrits à la recherche', async () => {
    window.history.replaceState(null, '', '/outils/bourse-aux-places/?naf=45&commune=11069&commune_nom=Carcassonne&du=2027-01-01&libres=0');
    const appels = apiNotee({ '/api/bourse/recherche': { total: 1, par_departement: { '11': 1 }, offres: [OFFRE] }, '/api/bourse/reservations': [] });
    render(<BourseAuxPlaces />);
    await screen.findByText('1 offre');
    expect(appels.find((a) => a.url === '/api/bourse/recherche')?.corps).toEqual({
      naf: '45',
      departement: '',
      commune: '11069',
      formation: '',
      du: '2027-01-01',
      au: '',
      libres: false,
      limite: 50,
      decalage: 0,
    });
    expect((screen.getByLabelText('Places libres seulement') as HTMLInputElement).checked).toBe(false);
    fireEvent.change(screen.getByLabelText(/^Formation\s*Une partie/), { target: { value: 'CAP' } });
    fireEvent.click(screen.getByLabelText('Places libres seulement'));
    fireEvent.click(screen.getByRole('button', { name: 'Chercher des places' }));
    await vi.waitFor(() => expect(window.location.search).toBe('?naf=45&formation=CAP&du=2027-01-01&commune=11069&commune_nom=Carcassonne'));
  });

  test('onglet Recherches : le demandeur accepte une réponse ; on répond avec une organisation du carnet', async () => {
    window.history.replaceState(null, '', '/outils/bourse-aux-places/?onglet=recherches');
    const appels = apiNotee({
      '/api/bourse/recherches/filtre': {
        total: 1,
        recherches: [
          {
            id: 'q2',
            formation: 'Bac pro Commerce',
            secteur: null,
            niveau: 'Première',
            debut: '2027-01-10',
            fin: '2027-02-05',
            commune: 'Nîmes',
            departement: '30',
            eleves: 2,
            restants: 2,
            conditions: null,
            lycee: 'Lycée des Arènes (fictif)',
            de_moi: false,
            mes_reponses: 0,
          },
        ],
      },
      '/api/bourse/recherches/miennes': {
        recherches: [
          {
            id: 'q1',
            formation: 'CAP MV',
            niveau: 'Seconde',
            debut: '2027-01-10',
            fin: '2027-02-05',
            commune: 'Carcassonne',
            departement: '11',
            eleves: 1,
            restants: 1,
            statut: 'ouverte',
            reponses: [
              {
                id: 'r1',
                organisation_id: 'g1',
                organisation: 'Garage du Midi (fictif)',
                commune: 'Carcassonne',
                code_naf: '45.20A',
                places: 1,
                statut: 'proposee',
                places_acceptees: null,
                repondant: 'Bruno Garcia',
                lycee: null,
              },
            ],
          },
        ],
        reponses: [],
      },
      '/api/carnet/recherche': [{ id: 'g9', nom: 'Hôtel du Canal (fictif)', commune: 'Narbonne' }],
      '/api/bourse/reponses/r1/acceptation': { organisation_id: 'g1', eleves: 1, satisfaite: true, courriel: true },
      '/api/bourse/recherches/q2/reponses': { reponse: 'r2', courriel: false },
    });
    render(<BourseAuxPlaces />);
    expect((await screen.findByRole('tab', { name: 'Recherches de places' })).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(await screen.findByRole('button', { name: 'Accepter Garage du Midi (fictif)' }));
    expect((await screen.findByRole('status')).textContent).toContain('Le répondant est prévenu par courriel.');
    expect(appels.some((a) => a.url === '/api/bourse/reponses/r1/acceptation' && a.method === 'POST')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Proposer une organisation pour Bac pro Commerce à Nîmes' }));
    await screen.findByRole('option', { name: 'Hôtel du Canal (fictif) — Narbonne' });
    fireEvent.change(screen.getByLabelText(/^Organisation/), { target: { value: 'g9' } });
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer la proposition' }));
    expect((await screen.findByRole('status')).textContent).toContain('Le courriel n’a pas pu partir : prévenez le lycée demandeur vous-même.');
    expect(appels.find((a) => a.url === '/api/bourse/recherches/q2/reponses')?.corps).toEqual({ organisation_id: 'g9', places: 2 });
  });

  test('onglet Résumé : désactivé par défaut, on s’inscrit pour des départements choisis', async () => {
    const appels = apiNotee({
      '/api/bourse/resume': { inscrit: false, departements: null, departement_lycee: '11', dernier_envoi: null },
      '/api/bourse/recherche': { total: 0, par_departement: {}, offres: [] },
      '/api/bourse/reservations': [],
    });
    render(<BourseAuxPlaces />);
    fireEvent.click(await screen.findByRole('tab', { name: 'Résumé par courriel' }));
    const case_ = (await screen.findByLabelText('Recevoir le résumé hebdomadaire des nouvelles offres')) as HTMLInputElement;
    expect(case_.checked).toBe(false);
    fireEvent.click(case_);
    expect(screen.getByText(/le département de votre lycée \(11 — Aude\)/)).toBeTruthy();
    fireEvent.click(screen.getByLabelText('34 — Hérault'));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer mon choix' }));
    await vi.waitFor(() => expect(appels.find((a) => a.method === 'PUT')?.corps).toEqual({ inscrit: true, departements: ['34'] }));
    expect(window.location.search).toBe('?onglet=resume');
  });
});

test('les niveaux de l’îlot sont ceux du schéma (recopiés pour ne pas charger zod dans le navigateur)', async () => {
  const { NIVEAUX } = await import('../../schemas/bourse.ts');
  const { NIVEAUX_ELEVE } = await import('./bourse/filtres.tsx');
  expect(NIVEAUX_ELEVE).toEqual(NIVEAUX);
});
