// Onglet « Recherches de places » : le sens inverse. Publier ce que mon lycée cherche ; répondre à la recherche
// d'un autre avec une organisation du carnet ; voir les réponses reçues et en accepter une (le carnet est mis à jour).
import { type FormEvent, useEffect, useState } from 'react';
import { appelApi } from '../../../lib/api-client.ts';
import type { MesRecherches, RecherchePlaces, ResultatRecherches } from '../../../schemas/bourse.ts';
import { ChampCommune, ChoixSecteur, type CommuneChoisie, dateFr, type Referentiels } from '../commun.tsx';
import { ChoixOrganisation } from './ChoixOrganisation.tsx';
import { ajouterPage, BilanEtSuite, PAR_PAGE, pluriel } from './pagination.tsx';
import { corpsFiltres, type Filtres, FormulaireFiltres, NIVEAUX_ELEVE, ChampsSimples } from './filtres.tsx';
import { type Actions, avecCourriel } from './OngletOffres.tsx';

const STATUTS = { ouverte: 'ouverte', satisfaite: 'satisfaite', fermee: 'retirée', expiree: 'expirée (la période a commencé)' } as const;
const VIDE = { formation: '', secteur: '', niveau: '', debut: '', fin: '', eleves: '1', conditions: '' };

export function OngletRecherches({
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
  const [resultat, setResultat] = useState<ResultatRecherches | null>(null);
  const recherches = resultat?.recherches ?? null;
  const [miennes, setMiennes] = useState<MesRecherches>({ recherches: [], reponses: [] });
  const [aRepondre, setARepondre] = useState<RecherchePlaces | null>(null);
  const [reponse, setReponse] = useState({ organisation_id: '', places: '1' });
  const [nouvelle, setNouvelle] = useState(VIDE);
  const [commune, setCommune] = useState<CommuneChoisie | null>(null);

  /** Cherche avec les filtres ; decalage > 0 : la page suivante, ajoutée à la liste affichée. */
  async function chercher(e?: FormEvent, decalage = 0) {
    e?.preventDefault();
    try {
      const r = await appelApi<ResultatRecherches>('/api/bourse/recherches/filtre', {
        method: 'POST',
        corps: { ...corpsFiltres(filtres, false), limite: PAR_PAGE, decalage },
      });
      setResultat((avant) => ajouterPage(avant, r, decalage, 'recherches'));
      if (decalage) return;
      if (e) actions.filtresAppliques();
    } catch (err) {
      actions.echec(err);
    }
  }
  async function chargerMiennes() {
    try {
      setMiennes(await appelApi<MesRecherches>('/api/bourse/recherches/miennes'));
    } catch (err) {
      actions.echec(err);
    }
  }
  useEffect(() => {
    void chercher();
    void chargerMiennes();
  }, [version]);

  return (
    <>
      <section aria-labelledby="titre-recherches">
        <h2 id="titre-recherches">Lycées qui cherchent des places</h2>
        <FormulaireFiltres
          prefixe="recherches"
          filtres={filtres}
          onChange={setFiltres}
          onSubmit={chercher}
          referentiels={referentiels}
          bouton="Chercher des recherches"
          avecLibres={false}
        />
        {resultat && recherches && (
          <div aria-live="polite">
            <BilanEtSuite
              total={resultat.total}
              affiches={recherches.length}
              mot="recherche"
              vide="Aucune recherche ouverte pour ces critères."
              suite={() => void chercher(undefined, recherches.length)}
            >
              <ul className="fr-raw-list">
                {recherches.map((q) => (
                  <li key={q.id} className="fr-mb-3w">
                    <p className="fr-mb-1v">
                      <strong>{q.formation}</strong> ({q.niveau}) — {q.commune} ({q.departement}){q.secteur && `, secteur NAF ${q.secteur}`}
                    </p>
                    <p className="fr-mb-1v">
                      Du {dateFr(q.debut)} au {dateFr(q.fin)} — {pluriel(q.restants, 'élève')} à placer
                      {q.conditions && ` — contraintes : ${q.conditions}`}
                      {q.lycee && ` — ${q.lycee}`}
                    </p>
                    {q.de_moi ? (
                      <p className="fr-text--sm">Votre recherche.</p>
                    ) : (
                      <>
                        {q.mes_reponses > 0 && <p className="fr-text--sm">Vous y avez déjà répondu.</p>}
                        <button
                          type="button"
                          className="fr-btn fr-btn--sm"
                          onClick={() => {
                            setARepondre(q);
                            setReponse({ organisation_id: '', places: String(q.restants) });
                          }}
                        >
                          Proposer une organisation pour {q.formation} à {q.commune}
                        </button>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </BilanEtSuite>
          </div>
        )}
        {aRepondre && (
          <form
            className="fr-mb-4w"
            onSubmit={(e) => {
              e.preventDefault();
              void actions
                .agir(
                  () =>
                    appelApi(`/api/bourse/recherches/${aRepondre.id}/reponses`, {
                      method: 'POST',
                      corps: { organisation_id: reponse.organisation_id, places: Number(reponse.places) },
                    }),
                  avecCourriel('Proposition envoyée.', 'le lycée demandeur'),
                )
                .then((ok) => ok && setARepondre(null));
            }}
          >
            <fieldset className="fr-fieldset">
              <legend className="fr-fieldset__legend">
                Proposer une organisation du carnet pour {aRepondre.formation} ({aRepondre.commune}, du {dateFr(aRepondre.debut)} au {dateFr(aRepondre.fin)})
              </legend>
              <div className="fr-fieldset__element">
                <ChoixOrganisation
                  id="reponse-organisation"
                  valeur={reponse.organisation_id}
                  onChange={(organisation_id) => setReponse({ ...reponse, organisation_id })}
                />
              </div>
              <div className="fr-fieldset__element">
                <div className="fr-input-group">
                  <label className="fr-label" htmlFor="reponse-places">
                    Élèves qu’elle peut accueillir
                  </label>
                  <input
                    className="fr-input"
                    id="reponse-places"
                    type="number"
                    min={1}
                    max={50}
                    required
                    value={reponse.places}
                    onChange={(e) => setReponse({ ...reponse, places: e.target.value })}
                  />
                </div>
              </div>
              <div className="fr-fieldset__element">
                <ul className="fr-btns-group fr-btns-group--inline">
                  <li>
                    <button type="submit" className="fr-btn">
                      Envoyer la proposition
                    </button>
                  </li>
                  <li>
                    <button type="button" className="fr-btn fr-btn--secondary" onClick={() => setARepondre(null)}>
                      Annuler
                    </button>
                  </li>
                </ul>
              </div>
            </fieldset>
          </form>
        )}
      </section>

      <section aria-labelledby="titre-mes-recherches" className="fr-mb-4w">
        <h2 id="titre-mes-recherches">Mes recherches et les réponses reçues</h2>
        {miennes.recherches.length === 0 ? (
          <p>Aucune recherche publiée.</p>
        ) : (
          <ul className="fr-raw-list">
            {miennes.recherches.map((q) => (
              <li key={q.id} className="fr-mb-3w">
                <h3 className="fr-h6 fr-mb-1v">
                  {q.formation} ({q.niveau}), {q.commune}, du {dateFr(q.debut)} au {dateFr(q.fin)}
                </h3>
                <p className="fr-mb-1v">
                  {pluriel(q.eleves, 'élève')}, {q.restants} à placer — recherche {STATUTS[q.statut]}
                  {q.statut === 'ouverte' && (
                    <>
                      {' '}
                      <button
                        type="button"
                        className="fr-btn fr-btn--sm fr-btn--tertiary"
                        onClick={() =>
                          void actions.agir(() => appelApi(`/api/bourse/recherches/${q.id}/fermeture`, { method: 'POST' }), 'Recherche retirée de la bourse.')
                        }
                      >
                        Retirer la recherche {q.formation}
                      </button>
                    </>
                  )}
                </p>
                {q.reponses.length === 0 ? (
                  <p className="fr-text--sm">Pas encore de réponse.</p>
                ) : (
                  <ul>
                    {q.reponses.map((r) => (
                      <li key={r.id}>
                        <strong>{r.organisation}</strong> ({r.commune}, NAF {r.code_naf}) — {pluriel(r.places, 'élève')}, proposée par {r.repondant}
                        {r.lycee && ` (${r.lycee})`} —{' '}
                        {r.statut === 'acceptee' ? (
                          `acceptée pour ${pluriel(r.places_acceptees ?? 0, 'élève')}`
                        ) : q.statut === 'ouverte' ? (
                          <button
                            type="button"
                            className="fr-btn fr-btn--sm"
                            onClick={() =>
                              void actions.agir(
                                () => appelApi(`/api/bourse/reponses/${r.id}/acceptation`, { method: 'POST' }),
                                avecCourriel(`Réponse acceptée : la période chez ${r.organisation} est au registre du carnet.`, 'le répondant'),
                              )
                            }
                          >
                            Accepter {r.organisation}
                          </button>
                        ) : (
                          'non retenue'
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
        {miennes.reponses.length > 0 && (
          <>
            <h3 className="fr-h6">Mes propositions</h3>
            <ul>
              {miennes.reponses.map((r) => (
                <li key={r.id}>
                  {r.organisation} pour {r.formation} ({r.niveau}), du {dateFr(r.debut)} au {dateFr(r.fin)}
                  {r.lycee && `, ${r.lycee}`} — {r.statut === 'acceptee' ? 'acceptée' : 'en attente'}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section aria-labelledby="titre-publier-recherche">
        <h2 id="titre-publier-recherche">Publier une recherche</h2>
        <p>
          Des élèves de votre lycée sans lieu d’accueil : décrivez la formation, la période et la commune. Aucune donnée d’élève : seulement leur nombre et leur
          niveau. La recherche expire le premier jour de la période et se ferme quand tous les élèves sont placés.
        </p>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void actions
              .agir(
                () =>
                  appelApi('/api/bourse/recherches', {
                    method: 'POST',
                    corps: { ...nouvelle, commune: commune?.code ?? '', eleves: Number(nouvelle.eleves) },
                  }),
                'Recherche publiée dans la bourse.',
              )
              .then((ok) => {
                if (ok) {
                  setNouvelle(VIDE);
                  setCommune(null);
                }
              });
          }}
        >
          <div className="fr-input-group">
            <label className="fr-label" htmlFor="recherche-formation">
              Formation des élèves
            </label>
            <input
              className="fr-input"
              id="recherche-formation"
              required
              value={nouvelle.formation}
              onChange={(e) => setNouvelle({ ...nouvelle, formation: e.target.value })}
            />
          </div>
          <div className="fr-select-group">
            <label className="fr-label" htmlFor="recherche-niveau">
              Niveau des élèves
            </label>
            <select
              className="fr-select"
              id="recherche-niveau"
              required
              value={nouvelle.niveau}
              onChange={(e) => setNouvelle({ ...nouvelle, niveau: e.target.value })}
            >
              <option value="">Choisir</option>
              {NIVEAUX_ELEVE.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </div>
          <ChoixSecteur
            id="recherche-secteur"
            label="Secteur souhaité (facultatif)"
            vide="Indifférent"
            valeur={nouvelle.secteur}
            onChange={(secteur) => setNouvelle({ ...nouvelle, secteur })}
            divisions={referentiels?.divisions}
          />
          <ChampCommune label="Commune recherchée" valeur={commune} onChange={setCommune} requis />
          <ChampsSimples
            prefixe="recherche"
            champs={
              [
                ['debut', 'Premier jour de la période', 'date'],
                ['fin', 'Dernier jour de la période', 'date'],
                ['eleves', 'Nombre d’élèves', 'number'],
                ['conditions', 'Contraintes (âge, permis…), facultatives', 'text'],
              ] as const
            }
            valeurs={nouvelle}
            onChange={(cle, valeur) => setNouvelle({ ...nouvelle, [cle]: valeur })}
          />
          <button type="submit" className="fr-btn">
            Publier la recherche
          </button>
        </form>
      </section>
    </>
  );
}
