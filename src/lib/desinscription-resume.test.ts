// @vitest-environment happy-dom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { desinscrireResume } from './desinscription-resume.ts';

const JETON = '6f1c2d3e-4a5b-4c6d-8e7f-8091a2b3c4d5';
const reponse = (statut: number, corps: unknown) => new Response(JSON.stringify(corps), { status: statut });

/** La page telle qu'Astro l'écrit, ouverte à l'adresse donnée. */
function page(recherche: string) {
  window.history.replaceState(null, '', `/outils/bourse-aux-places/desinscription/${recherche}`);
  document.body.innerHTML = `<div id="desinscription-message" role="status"></div>
    <button type="button" class="fr-btn" id="desinscription-bouton">Ne plus recevoir le résumé</button>`;
  return { message: () => document.getElementById('desinscription-message')!, bouton: document.getElementById('desinscription-bouton') as HTMLButtonElement };
}
afterEach(() => vi.unstubAllGlobals());

describe('page de désinscription du résumé', () => {
  test('le bouton envoie le jeton du lien ; l’inscription retirée, il disparaît et la page le dit', async () => {
    const f = vi.fn(async () => reponse(200, { desinscrit: true }));
    vi.stubGlobal('fetch', f);
    const p = page(`?jeton=${JETON}`);
    expect(f).not.toHaveBeenCalled(); // rien sans clic : une messagerie qui ouvre le lien ne désinscrit personne
    await desinscrireResume(document).cliquer();
    expect(f).toHaveBeenCalledWith(`/api/bourse/resume/desinscription?jeton=${JETON}`, expect.objectContaining({ method: 'POST' }));
    expect(p.message().querySelector('.fr-alert--success')?.textContent).toContain('vous ne recevrez plus le résumé');
    expect(p.bouton.hidden).toBe(true);
  });

  test('déjà désinscrit : la page le dit, sans erreur', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(200, { desinscrit: false })),
    );
    const p = page(`?jeton=${JETON}`);
    await desinscrireResume(document).cliquer();
    expect(p.message().querySelector('.fr-alert--info')?.textContent).toContain('déjà désinscrit');
  });

  test('lien sans jeton : message d’erreur, pas de bouton, aucun appel', () => {
    const f = vi.fn();
    vi.stubGlobal('fetch', f);
    const p = page('');
    desinscrireResume(document);
    expect(p.message().querySelector('.fr-alert--error')?.textContent).toContain('incomplet');
    expect(p.bouton.hidden).toBe(true);
    expect(f).not.toHaveBeenCalled();
  });

  test('refus du serveur : son message en français, et le bouton reste pour réessayer', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => reponse(400, { erreur: { code: 'REQUETE_INVALIDE', message: 'Ce lien de désinscription est incomplet ou altéré.' } })),
    );
    const p = page('?jeton=abc');
    await desinscrireResume(document).cliquer();
    expect(p.message().textContent).toBe('Ce lien de désinscription est incomplet ou altéré.');
    expect(p.bouton.disabled).toBe(false);
    expect(p.bouton.hidden).toBe(false);
  });
});
