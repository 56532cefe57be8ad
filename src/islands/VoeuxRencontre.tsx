import { useEffect, useState, type FormEvent } from 'react';
import { appelApi, ErreurApi } from '../lib/api-client.ts';
import type { MesVoeux } from '../schemas/voeux.ts';
import type { CreneauFormulaire } from './InscriptionRencontre.tsx';

interface Props {
  slug: string;
  creneaux: CreneauFormulaire[];
  etat: 'aucune' | 'a_venir' | 'ouvertes' | 'closes';
}

type Connexion = 'inconnue' | 'connecte' | 'deconnecte';

/** Rencontre à vœux classés : je classe les ateliers de chaque créneau ; après publication, je vois
 *  le vœu obtenu et pourquoi (mon numéro de priorité tiré de la graine, les ateliers complets à mon tour). */
export default function VoeuxRencontre({ slug, creneaux, etat }: Props) {
  const [connexion, setConnexion] = useState<Connexion>('inconnue');
  const [mes, setMes] = useState<MesVoeux | null>(null);
  // Par créneau : la liste des rangs, chacun un code d'atelier ou '' (rang non rempli).
  const [rangs, setRangs] = useState<Record<string, string[]>>({});
  const [envoi, setEnvoi] = useState(false);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; texte: string } | null>(null);

  const titre = (code: string | null) => creneaux.flatMap((c) => c.ateliers).find((a) => a.id === code)?.titre ?? code ?? '';

  function appliquer(m: MesVoeux) {
    setMes(m);
    setRangs(Object.fromEntries(m.creneaux.map((c) => [c.creneau, c.voeux])));
  }

  useEffect(() => {
    appelApi<MesVoeux>(`/api/rencontres/${slug}/voeux`)
      .then((m) => {
        setConnexion('connecte');
        appliquer(m);
      })
      .catch((e: ErreurApi) => setConnexion(e.statut === 401 ? 'deconnecte' : 'connecte'));
  }, [slug]);

  const publiee = Boolean(mes?.graine);
  const modifiable = etat === 'ouvertes' && connexion === 'connecte' && !publiee;

  async function envoyer(e: FormEvent) {
    e.preventDefault();
    const voeux = creneaux.map((c) => ({ creneau: c.id, ateliers: (rangs[c.id] ?? []).filter(Boolean) })).filter((v) => v.ateliers.length > 0);
    const double = voeux.find((v) => new Set(v.ateliers).size !== v.ateliers.length);
    if (double) {
      setMessage({ type: 'error', texte: `${creneaux.find((c) => c.id === double.creneau)?.libelle} : un atelier ne peut être classé qu’une fois.` });
      return;
    }
    setEnvoi(true);
    try {
      appliquer(await appelApi<MesVoeux>(`/api/rencontres/${slug}/voeux`, { method: 'POST', corps: { voeux } }));
      setMessage({ type: 'success', texte: 'Vos vœux sont enregistrés. Vous pouvez les modifier jusqu’à la fermeture.' });
    } catch (err) {
      setMessage({ type: 'error', texte: (err as ErreurApi).message });
    } finally {
      setEnvoi(false);
    }
  }

  return (
    <div>
      <div aria-live="polite">
        {message && (
          <div className={`fr-alert fr-alert--${message.type} fr-alert--sm fr-mb-3w`} role={message.type === 'error' ? 'alert' : 'status'}>
            <p>{message.texte}</p>
          </div>
        )}
      </div>
      <p>
        Les places sont attribuées par vœux classés : classez les ateliers de chaque créneau avant la fermeture. Ensuite, un ordre de priorité est tiré au sort
        à partir d’une graine publiée, et chacun reçoit, dans cet ordre, son vœu le mieux classé qui a encore une place.
      </p>

      {publiee && mes && (
        <div className="fr-callout fr-mb-3w">
          <h3 className="fr-callout__title">Résultat de l’attribution</h3>
          <p className="fr-callout__text">Graine du tirage : « {mes.graine} ». Votre numéro de priorité est le même pour tous les créneaux.</p>
          <ul className="fr-callout__text">
            {mes.creneaux.map((c) => {
              const a = c.attribution;
              const libelle = creneaux.find((x) => x.id === c.creneau)?.libelle ?? c.creneau;
              if (!a) return <li key={c.creneau}>{libelle} : pas d’attribution.</li>;
              return (
                <li key={c.creneau}>
                  {libelle} :{' '}
                  {a.atelier ? `vœu n° ${a.rang} obtenu, « ${titre(a.atelier)} »` : `aucune place : liste d’attente de « ${titre(c.voeux[0] ?? null)} »`}{' '}
                  (priorité n° {a.priorite}
                  {a.complets.length ? ` ; complets à votre tour : ${a.complets.map((x) => `« ${titre(x)} »`).join(', ')}` : ''}).
                </li>
              );
            })}
          </ul>
        </div>
      )}

      {connexion === 'deconnecte' && (
        <div className="fr-mb-3w">
          <p>Les vœux sont réservés aux membres du réseau.</p>
          <a className="fr-btn" href="/connexion/">
            Se connecter pour classer les ateliers
          </a>
        </div>
      )}
      {etat !== 'ouvertes' && !publiee && <p>Les vœux ne sont pas ouverts, ou sont clos : l’attribution sera publiée ici.</p>}

      <form onSubmit={envoyer} noValidate aria-label="Classer les ateliers">
        {creneaux.map((c) => (
          <fieldset className="fr-fieldset" key={c.id}>
            <legend className="fr-fieldset__legend">{c.libelle} : classez les ateliers, du préféré au moins voulu</legend>
            {c.ateliers.map((_, i) => (
              <div className="fr-fieldset__element" key={i}>
                <div className="fr-select-group">
                  <label className="fr-label" htmlFor={`voeu-${c.id}-${i + 1}`}>
                    Vœu n° {i + 1}
                  </label>
                  <select
                    className="fr-select"
                    id={`voeu-${c.id}-${i + 1}`}
                    value={rangs[c.id]?.[i] ?? ''}
                    disabled={!modifiable}
                    onChange={(ev) => {
                      const liste = [...(rangs[c.id] ?? [])];
                      while (liste.length <= i) liste.push('');
                      liste[i] = ev.target.value;
                      setRangs({ ...rangs, [c.id]: liste });
                    }}
                  >
                    <option value="">Aucun</option>
                    {c.ateliers.map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.titre}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            ))}
          </fieldset>
        ))}
        {modifiable && (
          <button className="fr-btn" type="submit" disabled={envoi}>
            Enregistrer mes vœux
          </button>
        )}
      </form>
    </div>
  );
}
