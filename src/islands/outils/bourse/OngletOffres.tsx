// Onglet « Offres de places » : chercher (filtres dans l'adresse) et réserver une place pour un élève
// (formation et niveau seulement), suivre ses réservations, confirmer un passage de relais, publier des places.
import { type FormEvent, useEffect, useState } from 'react';
import CarteDepartements from '../../../components/carte/CarteDepartements.tsx';
import { appelApi } from '../../../lib/api-client.ts';
import type { ListeReservations, OffrePlaces, ResultatOffres } from '../../../schemas/bourse.ts';
import { dateFr, type Referentiels } from '../commun.tsx';
import { ajouterPage, BilanEtSuite, PAR_PAGE, pluriel } from './pagination.tsx';
import { ChoixOrganisation } from './ChoixOrganisation.tsx';
import { corpsFiltres, type Filtres, FormulaireFiltres, NIVEAUX_ELEVE, ChampsSimples } from './filtres.tsx';

export interface Actions {
  /** Signale une erreur d'appel (401 → invitation à se connecter). */
  echec: (e: unknown) => void;
  /** Lance une action, affiche le message de succès ou l'erreur ; vrai si elle a réussi. */
  agir: (action: () => Promise<unknown>, ok: string | ((r: unknown) => string)) => Promise<boolean>;
  /** Les filtres ont été appliqués (ceux-ci, ou ceux de l'état) : l'adresse de la page les retient. */
  filtresAppliques: (f?: Filtres) => void;
}

/** Le message de succès, complété quand le courriel n'a pas pu partir (l'action est faite quand même). */
export const avecCourriel = (texte: string, qui: string) => (r: unknown) =>
  (r as { courriel?: boolean } | null)?.courriel === false
    ? `${texte} Le courriel n’a pas pu partir : prévenez ${qui} vous-même.`
    : `${texte} ${qui.charAt(0).toUpperCase()}${qui.slice(1)} est prévenu par courriel.`;

const VIDE = { organisation_id: '', formation: '', debut: '', fin: '', places: '1', conditions: '' };

export function OngletOffres({
  filtres,
  setFiltres,
  referentiels,
  actions,
  version,
}: {
  filtres: Filtres;
  setFiltres: (f: Filtres) => void;
  referentiels: Referentiels | null;
  actions: Actions;
  version: number;
}) {
  const [resultat, setResultat] = useState<ResultatOffres | null>(null);
  const offres = resultat?.offres ?? null;
  const [reservations, setReservations] = useState<ListeReservations>([]);
  const [aReserver, setAReserver] = useState<OffrePlaces | null>(null);
  const [eleve, setEleve] = useState({ formation: '', niveau: '' });
  const [offre, setOffre] = useState(VIDE);

  const [carte, setCarte] = useState(false);

  /** Cherche avec les filtres ; decalage > 0 : la page suivante, ajoutée à la liste affichée. */
  async function chercher(e?: FormEvent, f: Filtres = filtres, decalage = 0) {
    e?.preventDefault();
    try {
      const r = await appelApi<ResultatOffres>('/api/bourse/recherche', {
        method: 'POST',
        corps: { ...corpsFiltres(f, true), limite: PAR_PAGE, decalage },
      });
      setResultat((avant) => ajouterPage(avant, r, decalage, 'offres'));
      if (decalage) return;
      if (e) actions.filtresAppliques();
      else if (f !== filtres) actions.filtresAppliques(f);
    } catch (err) {
      actions.echec(err);
    }
  }
  /** Un département choisi sur la carte devient le filtre (« Tous » le retire) ; la liste suit. */
  function choisirDepartement(code: string) {
    const f = { ...filtres, departement: code };
    setFiltres(f);
    void chercher(undefined, f);
  }
  const nombreOffres = (n: number) => pluriel(n, 'offre');
  async function chargerReservations() {
    try {
      setReservations(await appelApi<ListeReservations>('/api/bourse/reservations'));
    } catch (err) {
      actions.echec(err);
    }
  }
  useEffect(() => {
    void chercher();
    void chargerReservations();
  }, [version]);

  return (
    <>
      <section aria-labelledby="titre-offres">
        <h2 id="titre-offres">Places disponibles</h2>
        <FormulaireFiltres
          prefixe="bourse"
          filtres={filtres}
          onChange={setFiltres}
          onSubmit={chercher}
          referentiels={referentiels}
          bouton="Chercher des places"
          avecLibres
        />
        <p>
          <button type="button" className="fr-btn fr-btn--tertiary fr-btn--sm" aria-pressed={carte} onClick={() => setCarte(!carte)}>
            {carte ? 'Masquer la carte' : 'Afficher la carte des départements'}
          </button>
        </p>
        {resultat && carte && (
          <section aria-labelledby="titre-carte-bourse" className="fr-mb-4w">
            <h3 id="titre-carte-bourse" className="fr-h6">
              Offres trouvées par département
            </h3>
            <CarteDepartements
              comptes={resultat.par_departement}
              selection={filtres.departement}
              choisir={choisirDepartement}
              unite={nombreOffres}
              libelle="Offres par département : filtrer"
              tableau="Nombre d’offres trouvées par département"
            />
          </section>
        )}
        {resultat && offres && (
          <div aria-live="polite">
            <BilanEtSuite
              total={resultat.total}
              affiches={offres.length}
              mot="offre"
              vide="Aucune place disponible pour ces critères."
              suite={() => void chercher(undefined, filtres, offres.length)}
            >
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
                    ) : o.libres === 0 ? (
                      <p className="fr-text--sm">Complète.</p>
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
            </BilanEtSuite>
          </div>
        )}
        {aReserver && (
          <form
            className="fr-mb-4w"
            onSubmit={(e) => {
              e.preventDefault();
              void actions
                .agir(
                  () => appelApi(`/api/bourse/offres/${aReserver.id}/reservations`, { method: 'POST', corps: eleve }),
                  avecCourriel(`Place réservée chez ${aReserver.organisation}.`, 'l’émetteur de l’offre'),
                )
                .then((ok) => ok && setAReserver(null));
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
                    {NIVEAUX_ELEVE.map((n) => (
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
                      void actions.agir(
                        () => appelApi(`/api/bourse/reservations/${r.id}/confirmation`, { method: 'POST' }),
                        avecCourriel(`Passage de relais confirmé : la période chez ${r.organisation} est au registre.`, 'le réservant'),
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
            void actions
              .agir(
                () => appelApi('/api/bourse/offres', { method: 'POST', corps: { ...offre, places: Number(offre.places) } }),
                'Places publiées dans la bourse.',
              )
              .then((ok) => ok && setOffre(VIDE));
          }}
        >
          <ChoixOrganisation id="offre-organisation" valeur={offre.organisation_id} onChange={(organisation_id) => setOffre({ ...offre, organisation_id })} />
          <ChampsSimples
            prefixe="offre"
            champs={
              [
                ['formation', 'Formation ou spécialité', 'text'],
                ['debut', 'Premier jour de la période', 'date'],
                ['fin', 'Dernier jour de la période', 'date'],
                ['places', 'Nombre de places', 'number'],
                ['conditions', 'Conditions (âge, permis…), facultatives', 'text'],
              ] as const
            }
            valeurs={offre}
            onChange={(cle, valeur) => setOffre({ ...offre, [cle]: valeur })}
          />
          <button type="submit" className="fr-btn">
            Publier les places
          </button>
        </form>
      </section>
    </>
  );
}
