// Page /outils/bourse-aux-places/desinscription/ : le bouton envoie le jeton du lien à l'API et dit ce qui s'est
// passé. Sans framework (une page de quelques lignes) ; messages écrits avec textContent.
import { appelApi, ErreurApi } from './api-client.ts';

type Message = readonly ['success' | 'info' | 'error', string];

const MESSAGES: Record<'fait' | 'deja' | 'incomplet', Message> = {
  fait: ['success', 'C’est fait : vous ne recevrez plus le résumé hebdomadaire de la bourse.'],
  deja: [
    'info',
    'Ce lien ne correspond plus à aucune inscription : vous êtes déjà désinscrit. Si vous vous êtes réinscrit depuis, utilisez le lien du dernier résumé reçu.',
  ],
  incomplet: ['error', 'Ce lien de désinscription est incomplet : ouvrez-le tel qu’il figure dans le courriel, ou désinscrivez-vous dans la bourse.'],
};

/** Branche le bouton de la page ; rend la promesse du clic (tests). */
export function desinscrireResume(doc: Document): { cliquer: () => Promise<void> } {
  const message = doc.getElementById('desinscription-message')!;
  const bouton = doc.getElementById('desinscription-bouton') as HTMLButtonElement;
  const jeton = new URLSearchParams(doc.location.search).get('jeton');
  const dire = ([genre, texte]: Message) => {
    const alerte = doc.createElement('div');
    alerte.className = `fr-alert fr-alert--${genre} fr-alert--sm fr-mb-3w`;
    const p = doc.createElement('p');
    p.textContent = texte;
    alerte.append(p);
    message.replaceChildren(alerte);
  };
  const cliquer = async () => {
    bouton.disabled = true;
    try {
      const r = await appelApi<{ desinscrit: boolean }>(`/api/bourse/resume/desinscription?jeton=${encodeURIComponent(jeton ?? '')}`, { method: 'POST' });
      dire(r.desinscrit ? MESSAGES.fait : MESSAGES.deja);
      bouton.hidden = true;
    } catch (e) {
      dire(['error', e instanceof ErreurApi ? e.message : 'Une erreur inattendue est survenue. Réessayez plus tard.']);
      bouton.disabled = false;
    }
  };
  if (!jeton) {
    dire(MESSAGES.incomplet);
    bouton.hidden = true;
  } else bouton.addEventListener('click', () => void cliquer());
  return { cliquer };
}
