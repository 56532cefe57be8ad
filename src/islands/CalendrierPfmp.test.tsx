import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import CalendrierPfmp from './CalendrierPfmp.tsx';

const reponse = (statut: number, corps: unknown) => new Response(statut === 204 ? null : JSON.stringify(corps), { status: statut });
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const mes = {
  uai: '0309901C',
  periodes: [{ id: 'a1', uai: '0309901C', formation: 'bac-pro-cuisine', classe: '1CUI', niveau: '1re', debut: '2027-01-11', fin: '2027-02-05', eleves: 24 }],
  formations: [{ code: 'bac-pro-cuisine', intitule: 'Bac pro Cuisine', secteur: 'Hôtellerie-restauration' }],
  abonnement: null,
};
const vue = {
  debut: '2027-01-11',
  fin: '2027-01-24',
  seuil: 50,
  groupes: [
    { semaine: '2027-01-11', secteur: 'Hôtellerie-restauration', departement: '30', eleves: 39, lycees: 2, alerte: false, detail: null },
    {
      semaine: '2027-01-18',
      secteur: 'Hôtellerie-restauration',
      departement: '30',
      eleves: 61,
      lycees: 2,
      alerte: true,
      detail: [
        { uai: '0309901C', nom: 'Lycée des Arènes', eleves: 24 },
        { uai: '0309902D', nom: 'Lycée des Cévennes', eleves: 37 },
      ],
    },
  ],
};

describe('calendrier des PFMP', () => {
  test('montre les périodes du lycée, les chevauchements au-delà du seuil (le sien marqué) et les mêmes chiffres en figure et en tableau', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => reponse(200, url.startsWith('/api/calendrier-pfmp/reseau') ? vue : mes)),
    );
    render(<CalendrierPfmp />);
    expect(await screen.findByRole('heading', { name: 'Les périodes de mon lycée (0309901C)' })).toBeTruthy();
    expect(screen.getByRole('rowheader', { name: '1CUI' })).toBeTruthy();
    const alerte = (await screen.findByText('votre lycée (24)')).closest('li')!;
    expect(alerte.textContent).toMatch(/^Semaine du 18 janv\. 2027, Hôtellerie-restauration, département 30 : 61 élèves de 2 lycées/);
    const parSemaine = screen.getByRole('table', { name: 'Élèves en PFMP dans le réseau par semaine (données de la figure)' });
    expect(
      within(parSemaine)
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['11 janv. 202739non', '18 janv. 202761oui']);
    expect(screen.getByRole('img', { name: /Élèves en PFMP dans le réseau, semaine par semaine/ })).toBeTruthy();
  });

  test('une publication refusée affiche le message du serveur et relie l’erreur au champ', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (init?.method === 'POST')
          return reponse(400, {
            erreur: {
              code: 'REQUETE_INVALIDE',
              message: 'Certains champs sont absents ou mal remplis.',
              details: { champs: { fin: ['La fin de la période est avant son début.'] } },
            },
          });
        return reponse(200, url.startsWith('/api/calendrier-pfmp/reseau') ? vue : mes);
      }),
    );
    render(<CalendrierPfmp />);
    fireEvent.click(await screen.findByRole('button', { name: 'Publier la période' }));
    expect(await screen.findByText('Certains champs sont absents ou mal remplis.')).toBeTruthy();
    const fin = screen.getByLabelText('Dernier jour');
    expect(document.getElementById(fin.getAttribute('aria-describedby')!)?.textContent).toBe('La fin de la période est avant son début.');
  });

  test('sans session : propose de se connecter', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(401, { erreur: { code: 'NON_CONNECTE', message: 'Vous devez être connecté.' } })),
    );
    render(<CalendrierPfmp />);
    expect((await screen.findByRole('link', { name: 'Se connecter' })).getAttribute('href')).toBe('/connexion/');
  });
});
