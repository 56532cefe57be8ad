// Bourse aux places : chercher et réserver une place (formation et niveau de l'élève seulement),
// publier des places, confirmer le passage de relais (qui inscrit la période au registre). Membres seulement.
import { type FormEvent, useEffect, useState } from 'react';
import { appelApi, ErreurApi } from '../../lib/api-client.ts';
import type { ListeOffres, ListeReservations, OffrePlaces } from '../../schemas/bourse.ts';
import type { ListeOrganisations } from '../../schemas/carnet.ts';
import { Alerte, ChampCommune, type CommuneChoisie, DEPARTEMENTS, dateFr, messageErreur, NonConnecte, useReferentiels } from './commun.tsx';

const NIVEAUX = ['CAP 1re année', 'CAP 2e année', 'Seconde', 'Première', 'Terminale', 'BTS'];

export default function BourseAuxPlaces() {
  const ref = useReferentiels();
  const [nonConnecte, setNonConnecte] = useState<string | null>(null);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; texte: string } | null>(null);
  const [criteres, setCriteres] = useState({ naf: '', departement: '', formation: '' });
  const [commune, setCommune] = useState<CommuneChoisie | null>(null);
  const [offres, setOffres] = useState<ListeOffres | null>(null);
  const [reservations, setReservations] = useState<ListeReservations>([]);
  const [organisations, setOrganisations] = useState<ListeOrganisations>([]);
  const [aReserver, setAReserver] = useState<OffrePlaces | null>(null);
  const [eleve, setEleve] = useState({ formation: '', niveau: '' });
  const [offre, setOffre] = useState({ organisation_id: '', formation: '', debut: '', fin: '', places: '1', conditions: '' });

  const echec = (e: unknown) => {
    if (e instanceof ErreurApi && e.statut === 401) setNonConnecte(e.code === 'NON_CONNECTE' ? '' : e.message);
    else setMessage({ type: 'error', texte: messageErreur(e) });
  };

  async function chercher(e?: FormEvent) {
    e?.preventDefault();
    try {
      setOffres(await appelApi<ListeOffres>('/api/bourse/recherche', { method: 'POST', corps: { ...criteres, commune: commune?.code ?? '' } }));
    } catch (err) {
      echec(err);
    }
  }
  async function chargerReservations() {
    try {
      setReservations(await appelApi<ListeReservations>('/api/bourse/reservations'));
    } catch (err) {
      echec(err);
    }
  }
  useEffect(() => {
    void chercher();
    void chargerReservations();
    appelApi<ListeOrganisations>('/api/carnet/recherche', { method: 'POST', corps: {} })
      .then(setOrganisations)
      .catch(() => setOrganisations([]));
  }, []);

  async function agir(action: () => Promise<unknown>, ok: string) {
    setMessage(null);
    try {
      await action();
      setMessage({ type: 'success', texte: ok });
      await Promise.all([chercher(), chargerReservations()]);
      return true;
    } catch (e) {
      echec(e);
      return false;
    }
  }

  if (nonConnecte !== null) return <NonConnecte message={nonConnecte || undefined} />;
  return (
    <div>
      {message && <Alerte type={message.type}>{message.texte}</Alerte>}

      <section aria-labelledby="titre-offres">
        <h2 id="titre-offres">Places disponibles</h2>
        <form onSubmit={chercher} className="fr-mb-3w">
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-6">
              <div className="fr-select-group">
                <label className="fr-label" htmlFor="bourse-secteur">
                  Secteur
                </label>
                <select className="fr-select" id="bourse-secteur" value={criteres.naf} onChange={(e) => setCriteres({ ...criteres, naf: e.target.value })}>
                  <option value="">Tous les secteurs</option>
                  {ref?.divisions.map((d) => (
                    <option key={d.code} value={d.code}>
                      {d.code} — {d.libelle}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <div className="fr-select-group">
                <label className="fr-label" htmlFor="bourse-departement">
                  Département
                </label>
                <select
                  className="fr-select"
                  id="bourse-departement"
                  value={criteres.departement}
                  onChange={(e) => setCriteres({ ...criteres, departement: e.target.value })}
                >
                  <option value="">Tous</option>
                  {DEPARTEMENTS.map(([c, n]) => (
                    <option key={c} value={c}>
                      {c} — {n}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <ChampCommune label="Commune" valeur={commune} onChange={setCommune} />
            </div>
            <div className="fr-col-12 fr-col-md-6">
              <div className="fr-input-group">
                <label className="fr-label" htmlFor="bourse-formation">
                  Formation
                </label>
                <input
                  className="fr-input"
                  id="bourse-formation"
                  value={criteres.formation}
                  onChange={(e) => setCriteres({ ...criteres, formation: e.target.value })}
                />
              </div>
            </div>
          </div>
          <button type="submit" className="fr-btn fr-btn--secondary">
            Chercher des places
          </button>
        </form>
        {offres && (
          <div aria-live="polite">
            <p>{offres.length === 0 ? 'Aucune place disponible pour ces critères.' : `${offres.length} offre${offres.length > 1 ? 's' : ''}`}</p>
            <ul className="fr-raw-list">
              {offres.map((o) => (
                <li key={o.id} className="fr-mb-3w">
                  <p className="fr-mb-1v">
                    <strong>{o.organisation}</strong> — {o.commune} ({o.departement}), NAF {o.code_naf}
                  </p>
                  <p className="fr-mb-1v">
                    {o.formation}, du {dateFr(o.debut)} au {dateFr(o.fin)} — {o.libres} place{o.libres > 1 ? 's' : ''} libre{o.libres > 1 ? 's' : ''} sur{' '}
                    {o.places}
                    {o.conditions && ` — conditions : ${o.conditions}`}
                    {o.lycee && ` — proposée par ${o.lycee}`}
                  </p>
                  {o.de_moi ? (
                    <p className="fr-text--sm">Votre offre.</p>
                  ) : (
                    <button
                      type="button"
                      className="fr-btn fr-btn--sm"
                      onClick={() => {
                        setAReserver(o);
                        setEleve({ formation: o.formation, niveau: '' });
                      }}
                    >
                      Réserver une place chez {o.organisation}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        {aReserver && (
          <form
            className="fr-mb-4w"
            onSubmit={(e) => {
              e.preventDefault();
              void agir(
                () => appelApi(`/api/bourse/offres/${aReserver.id}/reservations`, { method: 'POST', corps: eleve }),
                `Place réservée chez ${aReserver.organisation}. L’émetteur de l’offre est prévenu.`,
              ).then((ok) => ok && setAReserver(null));
            }}
          >
            <fieldset className="fr-fieldset">
              <legend className="fr-fieldset__legend">Réserver chez {aReserver.organisation} — pour un élève : formation et niveau seulement, aucun nom</legend>
              <div className="fr-fieldset__element">
                <div className="fr-input-group">
                  <label className="fr-label" htmlFor="eleve-formation">
                    Formation de l’élève
                  </label>
                  <input
                    className="fr-input"
                    id="eleve-formation"
                    required
                    value={eleve.formation}
                    onChange={(e) => setEleve({ ...eleve, formation: e.target.value })}
                  />
                </div>
              </div>
              <div className="fr-fieldset__element">
                <div className="fr-select-group">
                  <label className="fr-label" htmlFor="eleve-niveau">
                    Niveau
                  </label>
                  <select
                    className="fr-select"
                    id="eleve-niveau"
                    required
                    value={eleve.niveau}
                    onChange={(e) => setEleve({ ...eleve, niveau: e.target.value })}
                  >
                    <option value="">Choisir</option>
                    {NIVEAUX.map((n) => (
                      <option key={n}>{n}</option>
                    ))}
                  </select>
                </div>
              </div>
              <div className="fr-fieldset__element">
                <ul className="fr-btns-group fr-btns-group--inline">
                  <li>
                    <button type="submit" className="fr-btn">
                      Confirmer la réservation
                    </button>
                  </li>
                  <li>
                    <button type="button" className="fr-btn fr-btn--secondary" onClick={() => setAReserver(null)}>
                      Annuler
                    </button>
                  </li>
                </ul>
              </div>
            </fieldset>
          </form>
        )}
      </section>

      <section aria-labelledby="titre-reservations" className="fr-mb-4w">
        <h2 id="titre-reservations">Mes réservations et passages de relais</h2>
        {reservations.length === 0 ? (
          <p>Aucune réservation.</p>
        ) : (
          <ul>
            {reservations.map((r) => (
              <li key={r.id} className="fr-mb-2w">
                {r.sens === 'recue' ? 'Reçue' : 'Faite'} : {r.organisation}, {r.formation} ({r.niveau}), du {dateFr(r.debut)} au {dateFr(r.fin)}
                {r.lycee && `, ${r.lycee}`} — {r.statut === 'confirmee' ? 'relais confirmé' : 'en attente de confirmation'}{' '}
                {r.a_confirmer && (
                  <button
                    type="button"
                    className="fr-btn fr-btn--sm"
                    onClick={() =>
                      void agir(
                        () => appelApi(`/api/bourse/reservations/${r.id}/confirmation`, { method: 'POST' }),
                        `Passage de relais confirmé : la période chez ${r.organisation} est au registre.`,
                      )
                    }
                  >
                    Confirmer le passage de relais chez {r.organisation}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="titre-publier">
        <h2 id="titre-publier">Proposer des places</h2>
        <p>Des places qu’une organisation du carnet vous offre et que votre lycée ne pourvoit pas. L’offre expire le premier jour de la période.</p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void agir(
              () => appelApi('/api/bourse/offres', { method: 'POST', corps: { ...offre, places: Number(offre.places) } }),
              'Places publiées dans la bourse.',
            ).then((ok) => ok && setOffre({ organisation_id: '', formation: '', debut: '', fin: '', places: '1', conditions: '' }));
          }}
        >
          <div className="fr-select-group">
            <label className="fr-label" htmlFor="offre-organisation">
              Organisation
              <span className="fr-hint-text">Absente de la liste ? Ajoutez-la d’abord au carnet des entreprises.</span>
            </label>
            <select
              className="fr-select"
              id="offre-organisation"
              required
              value={offre.organisation_id}
              onChange={(e) => setOffre({ ...offre, organisation_id: e.target.value })}
            >
              <option value="">Choisir</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.nom} — {o.commune}
                </option>
              ))}
            </select>
          </div>
          {(
            [
              ['formation', 'Formation ou spécialité', 'text'],
              ['debut', 'Premier jour de la période', 'date'],
              ['fin', 'Dernier jour de la période', 'date'],
              ['places', 'Nombre de places', 'number'],
              ['conditions', 'Conditions (âge, permis…), facultatives', 'text'],
            ] as const
          ).map(([cle, libelle, type]) => (
            <div key={cle} className="fr-input-group">
              <label className="fr-label" htmlFor={`offre-${cle}`}>
                {libelle}
              </label>
              <input
                className="fr-input"
                id={`offre-${cle}`}
                type={type}
                min={type === 'number' ? 1 : undefined}
                max={type === 'number' ? 50 : undefined}
                required={cle !== 'conditions'}
                value={offre[cle]}
                onChange={(e) => setOffre({ ...offre, [cle]: e.target.value })}
              />
            </div>
          ))}
          <button type="submit" className="fr-btn">
            Publier les places
          </button>
        </form>
      </section>
    </div>
  );
}
