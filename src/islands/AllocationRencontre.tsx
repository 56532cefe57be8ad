import { useState, type FormEvent } from 'react';
import { appelApi, ErreurApi } from '../lib/api-client.ts';
import type { ResultatPublicationAllocation } from '../schemas/voeux.ts';

interface LigneApercu {
  membre: string;
  nom: string;
  creneau: string;
  priorite: number;
  atelier: string | null;
  rang: number | null;
  complets: string[];
  attente: { atelier: string; position: number } | null;
}
interface Apercu {
  graine: string;
  publiee: { graine: string; publiee_le: string } | null;
  methode: string;
  attributions: LigneApercu[];
}

/** Organisateurs d'une rencontre à vœux : après la fermeture, aperçu de l'attribution pour une
 *  graine (rien n'est écrit), puis publication (une seule fois). */
export default function AllocationRencontre({ slug }: { slug: string }) {
  const [graine, setGraine] = useState('');
  const [apercu, setApercu] = useState<Apercu | null>(null);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; texte: string } | null>(null);
  const [envoi, setEnvoi] = useState(false);

  async function previsualiser(e: FormEvent) {
    e.preventDefault();
    setEnvoi(true);
    setMessage(null);
    try {
      setApercu(await appelApi<Apercu>(`/api/rencontres/${slug}/allocation/apercu`, { method: 'POST', corps: { graine } }));
    } catch (err) {
      setApercu(null);
      setMessage({ type: 'error', texte: (err as ErreurApi).message });
    } finally {
      setEnvoi(false);
    }
  }

  async function publier() {
    if (!apercu) return;
    setEnvoi(true);
    try {
      const r = await appelApi<ResultatPublicationAllocation>(`/api/rencontres/${slug}/allocation/publier`, {
        method: 'POST',
        corps: { graine: apercu.graine },
      });
      setMessage({
        type: 'success',
        texte: `Attribution publiée (graine « ${r.graine} ») : ${r.confirmees} place(s) confirmée(s), ${r.en_attente} en liste d’attente.`,
      });
    } catch (err) {
      setMessage({ type: 'error', texte: (err as ErreurApi).message });
    } finally {
      setEnvoi(false);
    }
  }

  return (
    <section aria-labelledby="attribution" className="fr-mt-4w rbde-non-imprime">
      <h2 id="attribution">Attribution des vœux</h2>
      <div aria-live="polite">
        {message && (
          <div className={`fr-alert fr-alert--${message.type} fr-alert--sm fr-mb-3w`} role={message.type === 'error' ? 'alert' : 'status'}>
            <p>{message.texte}</p>
          </div>
        )}
      </div>
      <form onSubmit={previsualiser} noValidate>
        <div className="fr-input-group">
          <label className="fr-label" htmlFor="graine">
            Graine du tirage
            <span className="fr-hint-text">Annoncée à l’avance (par exemple le résultat d’un tirage public) : tout le monde pourra refaire le calcul.</span>
          </label>
          <input className="fr-input" id="graine" value={graine} onChange={(e) => setGraine(e.target.value)} />
        </div>
        <button className="fr-btn fr-btn--secondary" type="submit" disabled={envoi}>
          Prévisualiser (rien n’est écrit)
        </button>
      </form>
      {apercu && (
        <>
          <p className="fr-mt-2w">{apercu.methode}</p>
          <div className="fr-table">
            <table>
              <caption>Aperçu pour la graine « {apercu.graine} »</caption>
              <thead>
                <tr>
                  <th scope="col">Priorité</th>
                  <th scope="col">Membre</th>
                  <th scope="col">Créneau</th>
                  <th scope="col">Résultat</th>
                </tr>
              </thead>
              <tbody>
                {[...apercu.attributions]
                  .sort((a, b) => a.priorite - b.priorite || a.creneau.localeCompare(b.creneau))
                  .map((a) => (
                    <tr key={`${a.membre}-${a.creneau}`}>
                      <td>{a.priorite}</td>
                      <td>{a.nom}</td>
                      <td>{a.creneau}</td>
                      <td>{a.atelier ? `${a.atelier} (vœu n° ${a.rang})` : `liste d’attente de ${a.attente?.atelier} (position ${a.attente?.position})`}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          {apercu.publiee ? (
            <p>Une attribution est déjà publiée (graine « {apercu.publiee.graine} ») : elle ne se refait pas.</p>
          ) : (
            <button className="fr-btn" type="button" onClick={publier} disabled={envoi}>
              Publier cette attribution (définitif)
            </button>
          )}
        </>
      )}
    </section>
  );
}
