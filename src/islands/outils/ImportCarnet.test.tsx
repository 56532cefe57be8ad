import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, test, vi } from 'vitest';
import ImportCarnet from './ImportCarnet.tsx';

const reponse = (statut: number, corps: unknown) => new Response(JSON.stringify(corps), { status: statut });
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const ANALYSE = {
  encodage: 'Windows-1252',
  separateur: ';',
  entetes: ['Raison sociale', 'SIRET', 'APE', 'Ville'],
  lignes: [
    { numero: 2, cellules: ['Garage A', '99900000100019', '45.20A', 'Carcassonne'] },
    { numero: 3, cellules: ['Fleuriste B', '99900000100018', '47.76Z', 'Nîmes'] },
  ],
  correspondance: { nom: 0, siret: 1, code_naf: 2, commune: 3 },
};
const ligneOk = {
  numero: 2,
  resume: { nom: 'Garage A', commune: 'Carcassonne', departement: '11', code_naf: '45.20A' },
  erreurs: [],
  doublons: [],
  doublons_fichier: [],
};

describe('import d’un tableur dans le carnet', () => {
  test('associe les colonnes, montre la ligne fautive avec son erreur liée au champ, et n’importe qu’après correction', async () => {
    const envois: { url: string; corps: { lignes: { numero: number; valeurs: Record<string, string> }[] } }[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const corps = init?.body ? JSON.parse(String(init.body)) : undefined;
        envois.push({ url, corps });
        if (url === '/api/carnet/import/analyse') return reponse(200, ANALYSE);
        if (url === '/api/carnet/import/verification') {
          const siret = corps.lignes.find((l: { numero: number }) => l.numero === 3)?.valeurs.siret;
          const l3 =
            siret === '99900000100018'
              ? { numero: 3, resume: null, erreurs: [{ champ: 'siret', message: 'SIRET : clé de contrôle fausse.' }], doublons: [], doublons_fichier: [] }
              : { ...ligneOk, numero: 3, resume: { ...ligneOk.resume, nom: 'Fleuriste B' } };
          const lignes = [ligneOk, l3];
          return reponse(200, { lignes, pretes: lignes.filter((l) => !l.erreurs.length).length, a_corriger: lignes.filter((l) => l.erreurs.length).length });
        }
        if (url === '/api/carnet/import') return reponse(201, { creees: 2, completees: 0 });
        return reponse(404, { erreur: { code: 'INTROUVABLE', message: 'Introuvable' } });
      }),
    );
    render(<ImportCarnet />);
    const fichier = new File(['Raison sociale;SIRET\n'], 'carnet.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByLabelText(/Fichier CSV de votre tableur/), { target: { files: [fichier] } });
    fireEvent.submit(screen.getByRole('button', { name: 'Lire le fichier' }).closest('form')!);
    await screen.findByText(/séparateur point-virgule, encodage Windows-1252/);
    expect((screen.getByLabelText('Nom de l’organisation (obligatoire)') as HTMLSelectElement).value).toBe('0');

    fireEvent.click(screen.getByRole('button', { name: 'Vérifier les lignes' }));
    await screen.findByText('2 lignes : 1 prête, 1 à corriger.');
    expect(screen.queryByRole('button', { name: /^Importer/ })).toBeNull();
    const champ = screen.getByLabelText('SIRET (ligne 3)');
    expect(champ.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(champ.getAttribute('aria-describedby')!)!.textContent).toContain('clé de contrôle');

    fireEvent.change(champ, { target: { value: '99900000100019' } });
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier de nouveau' }));
    await screen.findByText('2 lignes : 2 prêtes, 0 à corriger.');
    fireEvent.click(screen.getByRole('button', { name: 'Importer 2 lignes' }));
    await screen.findByText('2 organisations ajoutées au carnet.');
    const importe = envois.find((e) => e.url === '/api/carnet/import')!;
    expect(importe.corps.lignes.map((l) => l.valeurs.siret)).toEqual(['99900000100019', '99900000100019']);
  });

  test('une ligne exclue ne part pas à l’import', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        if (url === '/api/carnet/import/analyse') return reponse(200, ANALYSE);
        const corps = JSON.parse(String(init?.body));
        const lignes = corps.lignes.map((l: { numero: number }) =>
          l.numero === 3
            ? { numero: 3, resume: null, erreurs: [{ champ: 'commune', message: 'Commune inconnue.' }], doublons: [], doublons_fichier: [] }
            : ligneOk,
        );
        return reponse(200, { lignes, pretes: 1, a_corriger: lignes.length - 1 });
      }),
    );
    render(<ImportCarnet />);
    fireEvent.change(screen.getByLabelText(/Fichier CSV de votre tableur/), { target: { files: [new File(['x'], 'a.csv')] } });
    fireEvent.submit(screen.getByRole('button', { name: 'Lire le fichier' }).closest('form')!);
    fireEvent.click(await screen.findByRole('button', { name: 'Vérifier les lignes' }));
    fireEvent.click(await screen.findByLabelText('Exclure la ligne 3 de l’import'));
    fireEvent.click(screen.getByRole('button', { name: 'Vérifier de nouveau' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Importer 1 ligne' })).toBeTruthy());
  });
});
