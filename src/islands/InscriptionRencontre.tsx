import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { appelApi, ErreurApi } from '../lib/api-client.ts';
import type { InscriptionDetail, PlacesRencontre } from '../schemas/inscription.ts';

export interface CreneauFormulaire {
  id: string;
  libelle: string;
  ateliers: { id: string; titre: string; capacite: number }[];
}

interface Props {
  slug: string;
  creneaux: CreneauFormulaire[];
  questions: { repas: boolean; regime: boolean; accessibilite: boolean };
  etat: 'aucune' | 'a_venir' | 'ouvertes' | 'closes';
  mode: 'premier_arrive' | 'voeux';
}

type Connexion = 'inconnue' | 'connecte' | 'deconnecte';

const STATUTS = { confirmee: 'Place confirmée', en_attente: 'En liste d’attente', annulee: 'Annulé' } as const;

/** Places restantes en clair : « 3 places restantes », « Complet : liste d’attente (2 personnes) ». */
export function libellePlaces(p: PlacesRencontre['ateliers'][number] | undefined): string {
  if (!p) return '';
  if (p.restantes > 0) return p.restantes === 1 ? '1 place restante' : `${p.restantes} places restantes`;
  return p.en_attente > 0 ? `Complet : liste d’attente (${p.en_attente} ${p.en_attente === 1 ? 'personne' : 'personnes'})` : 'Complet : liste d’attente';
}

/** Places restantes en direct, mon statut, et le formulaire d'inscription (un atelier par créneau). */
export default function InscriptionRencontre({ slug, creneaux, questions, etat, mode }: Props) {
  const [places, setPlaces] = useState<PlacesRencontre | null>(null);
  const [erreurPlaces, setErreurPlaces] = useState<string | null>(null);
  const [connexion, setConnexion] = useState<Connexion>('inconnue');
  const [mienne, setMienne] = useState<InscriptionDetail | null>(null);
  const [choix, setChoix] = useState<Record<string, string>>({});
  const [repas, setRepas] = useState(false);
  const [regime, setRegime] = useState('');
  const [accessibilite, setAccessibilite] = useState('');
  const [envoi, setEnvoi] = useState(false);
  const [message, setMessage] = useState<{ type: 'success' | 'error' | 'info'; texte: string } | null>(null);
  const [confirmerAnnulation, setConfirmerAnnulation] = useState(false);

  const chargerPlaces = useCallback(() => {
    appelApi<PlacesRencontre>(`/api/rencontres/${slug}/places`)
      .then((p) => {
        setPlaces(p);
        setErreurPlaces(null);
      })
      .catch((e: ErreurApi) => setErreurPlaces(e.message));
  }, [slug]);

  const appliquer = useCallback((i: InscriptionDetail | null) => {
    setMienne(i);
    if (i) {
      setChoix(Object.fromEntries(i.ateliers.map((a) => [a.creneau, a.atelier])));
      setRepas(Boolean(i.reponses.repas));
      setRegime(i.reponses.regime ?? '');
      setAccessibilite(i.reponses.accessibilite ?? '');
    }
  }, []);

  useEffect(() => {
    chargerPlaces();
    appelApi<InscriptionDetail[]>('/api/mes-inscriptions')
      .then((liste) => {
        setConnexion('connecte');
        appliquer(liste.find((i) => i.rencontre === slug) ?? null);
      })
      .catch((e: ErreurApi) => setConnexion(e.statut === 401 ? 'deconnecte' : 'connecte'));
    // Les places bougent : rafraîchies toutes les 30 secondes tant que la page est ouverte.
    const minuterie = setInterval(chargerPlaces, 30_000);
    return () => clearInterval(minuterie);
  }, [slug, chargerPlaces, appliquer]);

  const parAtelier = new Map(places?.ateliers.map((a) => [a.atelier, a]) ?? []);

  async function envoyer(e: FormEvent) {
    e.preventDefault();
    const ateliers = Object.values(choix).filter(Boolean);
    if (ateliers.length === 0) {
      setMessage({ type: 'error', texte: 'Choisissez au moins un atelier.' });
      return;
    }
    setEnvoi(true);
    setMessage(null);
    try {
      const reponses = {
        ...(questions.repas ? { repas } : {}),
        ...(questions.regime && regime.trim() ? { regime: regime.trim() } : {}),
        ...(questions.accessibilite && accessibilite.trim() ? { accessibilite: accessibilite.trim() } : {}),
      };
      const i = await appelApi<InscriptionDetail & { courriel: boolean }>(`/api/rencontres/${slug}/inscription`, {
        method: 'POST',
        corps: { ateliers, reponses },
      });
      appliquer(i);
      const attente = i.ateliers.filter((a) => a.statut === 'en_attente');
      setMessage({
        type: 'success',
        texte: `Inscription enregistrée.${attente.length ? ` Vous êtes en liste d’attente pour ${attente.map((a) => `« ${a.titre} » (position ${a.position})`).join(', ')}.` : ''}${i.courriel ? ' Un courriel de confirmation vous a été envoyé.' : ' Le courriel de confirmation n’a pas pu partir ; votre inscription est bien enregistrée.'}`,
      });
    } catch (err) {
      setMessage({
        type: 'error',
        texte: (err as ErreurApi).message + ((err as ErreurApi).details?.precision ? ` (${String((err as ErreurApi).details!.precision)})` : ''),
      });
    } finally {
      setEnvoi(false);
      chargerPlaces();
    }
  }

  async function annuler() {
    setEnvoi(true);
    setMessage(null);
    try {
      await appelApi(`/api/rencontres/${slug}/inscription`, { method: 'DELETE' });
      setMienne(null);
      setChoix({});
      setConfirmerAnnulation(false);
      setMessage({ type: 'success', texte: 'Votre inscription est annulée. Les places libérées sont passées aux premières personnes en attente.' });
    } catch (err) {
      setMessage({ type: 'error', texte: (err as ErreurApi).message });
    } finally {
      setEnvoi(false);
      chargerPlaces();
    }
  }

  const ouverte = etat === 'ouvertes' && mode === 'premier_arrive';

  return (
    <div>
      {erreurPlaces && (
        <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" role="status">
          <p>Places restantes indisponibles : {erreurPlaces}</p>
        </div>
      )}
      <div aria-live="polite">
        {message && (
          <div className={`fr-alert fr-alert--${message.type} fr-alert--sm fr-mb-3w`} role={message.type === 'error' ? 'alert' : 'status'}>
            <p>{message.texte}</p>
          </div>
        )}
      </div>

      {mienne && (
        <div className="fr-callout fr-mb-3w">
          <h3 className="fr-callout__title">Mon inscription</h3>
          <ul className="fr-callout__text">
            {mienne.ateliers.map((a) => (
              <li key={a.atelier}>
                {a.creneau_libelle} : « {a.titre} » — {STATUTS[a.statut]}
                {a.position ? ` (position ${a.position})` : ''}
              </li>
            ))}
          </ul>
        </div>
      )}

      {connexion === 'deconnecte' && (
        <div className="fr-mb-3w">
          <p>L’inscription est réservée aux membres du réseau.</p>
          <a className="fr-btn" href="/connexion/">
            Se connecter pour s’inscrire
          </a>
        </div>
      )}
      {!ouverte && (
        <p>
          {mode === 'voeux'
            ? 'Cette rencontre attribue les places par vœux classés : ce mode n’est pas encore disponible en ligne.'
            : 'Les inscriptions ne sont pas ouvertes. Une inscription existante peut toujours être annulée.'}
        </p>
      )}

      <form onSubmit={envoyer} noValidate aria-label="Choisir mes ateliers">
        {creneaux.map((c) => (
          <fieldset className="fr-fieldset" key={c.id} id={`choix-${c.id}`}>
            <legend className="fr-fieldset__legend">{c.libelle} : un atelier au plus</legend>
            {c.ateliers.map((a) => (
              <div className="fr-fieldset__element" key={a.id}>
                <div className="fr-radio-group">
                  <input
                    type="radio"
                    id={`atelier-${c.id}-${a.id}`}
                    name={`creneau-${c.id}`}
                    value={a.id}
                    checked={choix[c.id] === a.id}
                    disabled={!ouverte || connexion !== 'connecte'}
                    onChange={() => setChoix({ ...choix, [c.id]: a.id })}
                  />
                  <label className="fr-label" htmlFor={`atelier-${c.id}-${a.id}`}>
                    {a.titre}
                    <span className="fr-hint-text">
                      {a.capacite} {a.capacite > 1 ? 'places' : 'place'}
                      {places ? ` — ${libellePlaces(parAtelier.get(a.id))}` : ''}
                    </span>
                  </label>
                </div>
              </div>
            ))}
            <div className="fr-fieldset__element">
              <div className="fr-radio-group">
                <input
                  type="radio"
                  id={`atelier-${c.id}-aucun`}
                  name={`creneau-${c.id}`}
                  value=""
                  checked={!choix[c.id]}
                  disabled={!ouverte || connexion !== 'connecte'}
                  onChange={() => setChoix({ ...choix, [c.id]: '' })}
                />
                <label className="fr-label" htmlFor={`atelier-${c.id}-aucun`}>
                  Aucun atelier sur ce créneau
                </label>
              </div>
            </div>
          </fieldset>
        ))}

        {ouverte && connexion === 'connecte' && (
          <>
            {questions.repas && (
              <div className="fr-checkbox-group fr-mb-2w">
                <input type="checkbox" id="question-repas" checked={repas} onChange={(e) => setRepas(e.target.checked)} />
                <label className="fr-label" htmlFor="question-repas">
                  Je déjeune sur place (facultatif)
                </label>
              </div>
            )}
            {questions.regime && (
              <div className="fr-input-group">
                <label className="fr-label" htmlFor="question-regime">
                  Régime alimentaire (facultatif)
                  <span className="fr-hint-text">Réponse effacée 30 jours après la rencontre.</span>
                </label>
                <input className="fr-input" id="question-regime" maxLength={200} value={regime} onChange={(e) => setRegime(e.target.value)} />
              </div>
            )}
            {questions.accessibilite && (
              <div className="fr-input-group">
                <label className="fr-label" htmlFor="question-accessibilite">
                  Besoins d’accessibilité (facultatif)
                  <span className="fr-hint-text">Lu par les seuls organisateurs pour l’aménagement ; effacé 30 jours après la rencontre.</span>
                </label>
                <textarea
                  className="fr-input"
                  id="question-accessibilite"
                  maxLength={500}
                  value={accessibilite}
                  onChange={(e) => setAccessibilite(e.target.value)}
                />
              </div>
            )}
            <button className="fr-btn" type="submit" disabled={envoi}>
              {mienne ? 'Modifier mon inscription' : 'M’inscrire'}
            </button>
          </>
        )}
      </form>

      {mienne && connexion === 'connecte' && (
        <div className="fr-mt-4w">
          {!confirmerAnnulation ? (
            <button className="fr-btn fr-btn--secondary" type="button" onClick={() => setConfirmerAnnulation(true)} disabled={envoi}>
              Annuler mon inscription
            </button>
          ) : (
            <div role="group" aria-label="Confirmer l’annulation">
              <p>Votre place sera donnée à la première personne en attente. Confirmer l’annulation ?</p>
              <ul className="fr-btns-group fr-btns-group--inline-sm">
                <li>
                  <button className="fr-btn" type="button" onClick={annuler} disabled={envoi}>
                    Confirmer l’annulation
                  </button>
                </li>
                <li>
                  <button className="fr-btn fr-btn--secondary" type="button" onClick={() => setConfirmerAnnulation(false)}>
                    Garder mon inscription
                  </button>
                </li>
              </ul>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
