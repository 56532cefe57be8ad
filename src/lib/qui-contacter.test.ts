// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { afficherQuiContacter } from './qui-contacter.ts';

const reponse = (statut: number, corps: unknown) => new Response(JSON.stringify(corps), { status: statut });
/**
 * Le témoin de connexion que pose l'ouverture de session (lisible par la page, contrairement à la session). happy-dom
 * refuse un cookie __Host- hors HTTPS : document.cookie est simulé.
 */
const temoin = (present: boolean) =>
  vi.spyOn(document, 'cookie', 'get').mockReturnValue(present ? 'autre=x; __Host-rbde_connecte=1' : 'autre=x; rbde_connecte_faux=1');
beforeEach(() => temoin(true));
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('qui contacter (sans React)', () => {
  test('connecté : les experts des thèmes du guide, demandés à l’API, sans HTML interprété', async () => {
    const f = vi.fn(async () =>
      reponse(200, [
        {
          id: 'a',
          prenom: 'Alice',
          nom: '<img src=x onerror=alert(1)>',
          email: 'alice@exemple.test',
          etablissement: { nom: 'Lycée des Remparts (fictif)', departement: '11' },
          expertises: ['pfmp', 'mineurs'],
        },
      ]),
    );
    vi.stubGlobal('fetch', f);
    const div = document.createElement('div');
    await afficherQuiContacter(div, ['pfmp', 'convention']);
    expect(div.querySelector('h2')?.textContent).toBe('Qui contacter');
    expect(div.querySelector('strong')?.textContent).toBe('Alice <img src=x onerror=alert(1)>');
    expect(div.querySelector('img')).toBeNull();
    expect(div.textContent).toContain('PFMP et stages');
    expect(div.textContent).not.toContain('Mineurs');
    expect(div.querySelector('a[href="mailto:alice@exemple.test"]')).not.toBeNull();
    expect(f).toHaveBeenCalledWith('/api/annuaire/qui-contacter?themes=pfmp,convention', expect.anything());
  });

  test('sans témoin de connexion : invite à se connecter sans appeler l’API (aucune fonction par lecture anonyme)', async () => {
    temoin(false);
    const f = vi.fn(async () => reponse(200, []));
    vi.stubGlobal('fetch', f);
    const div = document.createElement('div');
    await afficherQuiContacter(div, ['pfmp']);
    expect(div.querySelector('a')?.getAttribute('href')).toBe('/connexion/');
    expect(f).not.toHaveBeenCalled();
  });

  test('témoin présent mais session finie (401) : invite à se connecter, ne montre personne', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(401, { erreur: { code: 'NON_CONNECTE', message: 'Connectez-vous.' } })),
    );
    const div = document.createElement('div');
    await afficherQuiContacter(div, ['pfmp']);
    expect(div.querySelector('a')?.getAttribute('href')).toBe('/connexion/');
    expect(div.querySelector('ul')).toBeNull();
  });

  test('une panne du serveur ne montre rien', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(500, { erreur: { code: 'ERREUR_INTERNE', message: 'x' } })),
    );
    const div = document.createElement('div');
    await afficherQuiContacter(div, ['pfmp']);
    expect(div.childElementCount).toBe(0);
  });
});
