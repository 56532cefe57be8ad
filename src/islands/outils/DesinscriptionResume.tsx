// Désinscription du résumé hebdomadaire de la bourse, sans connexion : le lien de chaque résumé porte un jeton
// (?jeton=…). Un bouton confirme : une messagerie qui ouvre les liens pour les vérifier ne désinscrit personne.
// Un îlot (et non un script de page) : ses alertes n'alourdissent pas la feuille commune des pages de guide.
import { useEffect, useState } from 'react';
import { appelApi } from '../../lib/api-client.ts';
import type { Desinscription } from '../../schemas/bourse.ts';
import { Alerte, messageErreur } from './commun.tsx';

type Message = { type: 'error' | 'success' | 'info'; texte: string };

const DEJA =
  'Ce lien ne correspond plus à aucune inscription : vous êtes déjà désinscrit. Si vous vous êtes réinscrit depuis, utilisez le lien du dernier résumé reçu.';
const INCOMPLET = 'Ce lien de désinscription est incomplet : ouvrez-le tel qu’il figure dans le courriel, ou désinscrivez-vous dans la bourse.';

export default function DesinscriptionResume() {
  // Le jeton est lu dans l'adresse une fois l'îlot dans le navigateur (la page construite n'en a pas).
  const [jeton, setJeton] = useState<string | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [envoi, setEnvoi] = useState(false);
  const [fait, setFait] = useState(false);
  useEffect(() => {
    const lu = new URLSearchParams(window.location.search).get('jeton');
    if (lu) setJeton(lu);
    else setMessage({ type: 'error', texte: INCOMPLET });
  }, []);

  async function desinscrire() {
    setEnvoi(true);
    try {
      const r = await appelApi<Desinscription>(`/api/bourse/resume/desinscription?jeton=${encodeURIComponent(jeton ?? '')}`, { method: 'POST' });
      setMessage(
        r.desinscrit ? { type: 'success', texte: 'C’est fait : vous ne recevrez plus le résumé hebdomadaire de la bourse.' } : { type: 'info', texte: DEJA },
      );
      setFait(true);
    } catch (e) {
      setMessage({ type: 'error', texte: messageErreur(e) });
    } finally {
      setEnvoi(false);
    }
  }

  return (
    <>
      {message && <Alerte type={message.type}>{message.texte}</Alerte>}
      {jeton && !fait && (
        <button type="button" className="fr-btn" disabled={envoi} onClick={() => void desinscrire()}>
          Ne plus recevoir le résumé
        </button>
      )}
    </>
  );
}
