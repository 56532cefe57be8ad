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
  formations: [{ code: 'bac-pro-cuisine', intitule: 'Bac pro Cuisine', secteur: 'Hôtellerie-restauration', niveau: null }],
  abonnement: null,
  peut_ajouter_formation: false,
};
const vue = {
  debut: '2027-01-11',
  fin: '2027-01-24',
  seuil: 50,
  regroupement: 'departement',
  groupes: [
    { semaine: '2027-01-11', secteur: 'Hôtellerie-restauration', departement: '30', bassin: null, eleves: 39, lycees: 2, alerte: false, detail: null },
    {
      semaine: '2027-01-18',
      secteur: 'Hôtellerie-restauration',
      departement: '30',
      bassin: null,
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
  test('la vue du réseau se regroupe par bassin de formation : la demande le dit, la liste et le tableau montrent le bassin', async () => {
    const parBassin = {
      ...vue,
      regroupement: 'bassin',
      groupes: [
        {
          semaine: '2027-01-18',
          secteur: 'Hôtellerie-restauration',
          departement: '30',
          bassin: 'Nîmes',
          eleves: 61,
          lycees: 2,
          alerte: true,
          detail: [{ uai: '0309901C', nom: 'Lycée des Arènes', eleves: 61 }],
        },
      ],
    };
    const urls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => {
        urls.push(url);
        if (!url.startsWith('/api/calendrier-pfmp/reseau')) return reponse(200, mes);
        return reponse(200, url.includes('regroupement=bassin') ? parBassin : vue);
      }),
    );
    render(<CalendrierPfmp />);
    fireEvent.change(await screen.findByRole('combobox', { name: 'Regrouper les lycées par' }), { target: { value: 'bassin' } });
    fireEvent.click(screen.getByRole('button', { name: 'Afficher le réseau' }));
    const alerte = (await screen.findByText(/bassin Nîmes \(30\)/)).closest('li')!;
    expect(alerte.textContent).toMatch(/^Semaine du 18 janv\. 2027, Hôtellerie-restauration, bassin Nîmes \(30\) : 61 élèves/);
    expect(urls.at(-1)).toMatch(/regroupement=bassin/);
    const tableau = screen.getByRole('table', { name: 'Élèves en PFMP par semaine, secteur et bassin de formation' });
    expect(within(tableau).getByRole('columnheader', { name: 'Bassin' })).toBeTruthy();
    expect(within(tableau).getByRole('cell', { name: 'Nîmes' })).toBeTruthy();
  });

  test('un membre qui ne trouve pas sa formation voit comment la faire ajouter ; il n’a pas le formulaire des administrateurs', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string) => reponse(200, url.startsWith('/api/calendrier-pfmp/reseau') ? vue : mes)),
    );
    render(<CalendrierPfmp />);
    expect((await screen.findByText(/Votre formation n’est pas dans la liste/)).textContent).toMatch(/code « formation diplôme » de la BCN/);
    expect(screen.getByRole('link', { name: 'reseau-bde@ac-montpellier.fr' }).getAttribute('href')).toMatch(/^mailto:reseau-bde@ac-montpellier\.fr\?subject=/);
    expect(screen.queryByRole('form', { name: /Ajouter une formation manquante/ })).toBeNull();
  });

  test('un administrateur ajoute une formation manquante ; une erreur du serveur est reliée au champ', async () => {
    const appels: { url: string; corps?: unknown }[] = [];
    let refuser = true;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        appels.push({ url, corps: init?.body ? JSON.parse(String(init.body)) : undefined });
        if (url === '/api/calendrier-pfmp/formations') {
          if (refuser) {
            refuser = false;
            return reponse(400, {
              erreur: { code: 'REQUETE_INVALIDE', message: 'Vérifiez les champs.', details: { champs: { code: ['Le code est le code BCN.'] } } },
            });
          }
          return reponse(201, { code: '40022106', intitule: 'BAC PRO CUISINE', niveau: 'BAC PRO', secteur: 'Transformations' });
        }
        return reponse(200, url.startsWith('/api/calendrier-pfmp/reseau') ? vue : { ...mes, peut_ajouter_formation: true });
      }),
    );
    render(<CalendrierPfmp />);
    const form = await screen.findByRole('form', { name: 'Ajouter une formation manquante (administrateurs)' });
    fireEvent.change(within(form).getByLabelText('Code formation diplôme (BCN, 8 caractères)'), { target: { value: '4002' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Ajouter la formation' }));
    const code = within(form).getByLabelText('Code formation diplôme (BCN, 8 caractères)');
    expect((await within(form).findByRole('alert')).textContent).toBe('Vérifiez les champs.');
    expect(document.getElementById(code.getAttribute('aria-describedby')!)?.textContent).toBe('Le code est le code BCN.');
    fireEvent.change(code, { target: { value: '40022106' } });
    fireEvent.change(within(form).getByLabelText('Intitulé'), { target: { value: 'BAC PRO CUISINE' } });
    fireEvent.change(within(form).getByLabelText('Niveau ou diplôme (CAP, BAC PRO…)'), { target: { value: 'BAC PRO' } });
    fireEvent.change(within(form).getByLabelText(/^Secteur/), { target: { value: 'Transformations' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Ajouter la formation' }));
    expect(await within(form).findByText('Formation ajoutée : BAC PRO CUISINE (40022106). Les membres peuvent la choisir dès maintenant.')).toBeTruthy();
    expect(appels.filter((a) => a.url === '/api/calendrier-pfmp/formations').at(-1)!.corps).toEqual({
      code: '40022106',
      intitule: 'BAC PRO CUISINE',
      niveau: 'BAC PRO',
      secteur: 'Transformations',
    });
  });

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
