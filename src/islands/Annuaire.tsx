import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { academie } from '../academie.ts';
import { appelApi, ErreurApi } from '../lib/api-client.ts';
import { adresseDesFiltres, FILTRES_VIDES, filtresActifs, filtresDepuisAdresse, type FiltresAnnuaire } from '../lib/filtres-annuaire.ts';
import type { FicheAnnuaire, FiltresAnnuaire as FiltresDisponibles, ResultatRecherche } from '../schemas/annuaire.ts';
import { THEMES, type Theme } from '../schemas/themes.ts';
import type { Profil } from '../schemas/membre.ts';
import CarteDepartements from './CarteDepartements.tsx';

type Etat = { statut: 'chargement' } | { statut: 'deconnecte'; message?: string } | { statut: 'erreur'; message: string } | { statut: 'pret' };
type Vue = 'cartes' | 'tableau';

const nomDepartement = (code: string) => academie.departements.find((d) => d.code === code)?.nom ?? code;
const lieu = (f: FicheAnnuaire) =>
  f.etablissement ? `${f.etablissement.nom}, ${f.etablissement.commune} (${f.etablissement.departement})` : 'Lycée non communiqué';
const nomComplet = (f: FicheAnnuaire) => `${f.prenom} ${f.nom}`;

/** Coordonnées d'une fiche : seules celles que la base a laissé passer. */
function Contacts({ f }: { f: FicheAnnuaire }) {
  return (
    <ul className="rbde-fiche__contacts fr-mb-1w">
      {f.email && (
        <li>
          <a href={`mailto:${f.email}`}>{f.email}</a>
        </li>
      )}
      {f.telephone && (
        <li>
          <a href={`tel:${f.telephone.replace(/[^0-9+]/g, '')}`}>{f.telephone}</a>
        </li>
      )}
    </ul>
  );
}

function Carte({ f }: { f: FicheAnnuaire }) {
  return (
    <li className="fr-col-12 fr-col-md-6 fr-col-lg-4">
      <article className="fr-card fr-card--no-arrow">
        <div className="fr-card__body">
          <div className="fr-card__content">
            <h3 className="fr-card__title">{nomComplet(f)}</h3>
            <p className="fr-card__desc">
              {f.fonction}
              <br />
              {lieu(f)}
            </p>
            <Contacts f={f} />
            {f.expertises.length > 0 && (
              <ul className="fr-tags-group" aria-label="Expertises">
                {f.expertises.map((e) => (
                  <li key={e}>
                    <p className="fr-tag fr-tag--sm">{THEMES[e]}</p>
                  </li>
                ))}
              </ul>
            )}
            {f.secteurs.length > 0 && <p className="fr-text--sm fr-mb-1w">Secteurs : {f.secteurs.join(', ')}</p>}
            {f.langues.length > 0 && <p className="fr-text--sm fr-mb-1w">Langues : {f.langues.join(', ')}</p>}
            {f.presentation && <p className="fr-text--sm fr-mb-1w">{f.presentation}</p>}
            <ul className="fr-badges-group">
              {f.nouveau && (
                <li>
                  <p className="fr-badge fr-badge--sm fr-badge--new">Nouveau</p>
                </li>
              )}
              {f.accompagne && (
                <li>
                  <p className="fr-badge fr-badge--sm fr-badge--success">Peut accompagner un nouveau collègue</p>
                </li>
              )}
            </ul>
          </div>
          <div className="fr-card__footer">
            <a className="fr-link fr-icon-download-line fr-link--icon-left" href={`/api/annuaire/membres/${f.id}/vcard`} download>
              Carte de visite (vCard) de {nomComplet(f)}
            </a>
          </div>
        </div>
      </article>
    </li>
  );
}

function Tableau({ fiches }: { fiches: FicheAnnuaire[] }) {
  return (
    <div className="fr-table fr-table--no-caption">
      <table>
        <caption>Membres trouvés</caption>
        <thead>
          <tr>
            <th scope="col">Nom</th>
            <th scope="col">Lycée</th>
            <th scope="col">Contact</th>
            <th scope="col">Expertises</th>
            <th scope="col">vCard</th>
          </tr>
        </thead>
        <tbody>
          {fiches.map((f) => (
            <tr key={f.id}>
              <th scope="row">
                {nomComplet(f)}
                <br />
                <span className="fr-text--sm">{f.fonction}</span>
              </th>
              <td>{lieu(f)}</td>
              <td>
                <Contacts f={f} />
              </td>
              <td>{f.expertises.map((e) => THEMES[e]).join(', ')}</td>
              <td>
                <a href={`/api/annuaire/membres/${f.id}/vcard`} download>
                  vCard de {nomComplet(f)}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Une courte liste (nouveaux, volontaires) sur l'accueil de l'annuaire. */
function Apercu({ titre, fiches, voirTout }: { titre: string; fiches: FicheAnnuaire[]; voirTout: () => void }) {
  return (
    <section className="fr-col-12 fr-col-md-6">
      <h2 className="fr-h4">{titre}</h2>
      {fiches.length === 0 ? (
        <p>Personne pour l’instant.</p>
      ) : (
        <ul>
          {fiches.slice(0, 6).map((f) => (
            <li key={f.id}>
              <strong>{nomComplet(f)}</strong> — {lieu(f)}
            </li>
          ))}
        </ul>
      )}
      {fiches.length > 0 && (
        <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={voirTout}>
          {`Voir tous : ${titre.toLowerCase()}`}
        </button>
      )}
    </section>
  );
}

/** L'annuaire des membres : recherche et filtres (dans l'adresse), carte, cartes ou tableau, exports. */
export default function Annuaire() {
  const [etat, setEtat] = useState<Etat>({ statut: 'chargement' });
  const [filtres, setFiltres] = useState<FiltresAnnuaire>(() => (typeof window === 'undefined' ? FILTRES_VIDES : filtresDepuisAdresse(window.location.search)));
  const [saisie, setSaisie] = useState<FiltresAnnuaire>(filtres);
  const [vue, setVue] = useState<Vue>(() =>
    typeof window !== 'undefined' && new URLSearchParams(window.location.search).get('vue') === 'tableau' ? 'tableau' : 'cartes',
  );
  const [dispo, setDispo] = useState<FiltresDisponibles | null>(null);
  const [role, setRole] = useState<Profil['role'] | null>(null);
  const [resultat, setResultat] = useState<ResultatRecherche | null>(null);
  const [apercus, setApercus] = useState<{ nouveaux: FicheAnnuaire[]; accompagnent: FicheAnnuaire[] } | null>(null);
  const [chargement, setChargement] = useState(false);

  const echec = useCallback((e: ErreurApi) => {
    if (e.statut === 401 || e.code === 'NON_MEMBRE') setEtat({ statut: 'deconnecte', message: e.code === 'NON_CONNECTE' ? undefined : e.message });
    else setEtat({ statut: 'erreur', message: e.message });
  }, []);

  useEffect(() => {
    Promise.all([appelApi<FiltresDisponibles>('/api/annuaire/filtres'), appelApi<Profil>('/api/moi')])
      .then(([d, moi]) => {
        setDispo(d);
        setRole(moi.role);
        setEtat({ statut: 'pret' });
      })
      .catch(echec);
    Promise.all([appelApi<ResultatRecherche>('/api/annuaire?nouveaux=1'), appelApi<ResultatRecherche>('/api/annuaire?accompagne=1')])
      .then(([n, a]) => setApercus({ nouveaux: n.fiches, accompagnent: a.fiches }))
      .catch(() => setApercus(null));
  }, [echec]);

  useEffect(() => {
    const requete = adresseDesFiltres(filtres);
    const adresse = [requete, vue === 'tableau' ? 'vue=tableau' : ''].filter(Boolean).join('&');
    window.history.replaceState(null, '', `${window.location.pathname}${adresse ? `?${adresse}` : ''}`);
    setChargement(true);
    appelApi<ResultatRecherche>(`/api/annuaire${requete ? `?${requete}` : ''}`)
      .then(setResultat)
      .catch(echec)
      .finally(() => setChargement(false));
  }, [filtres, vue, echec]);

  const appliquer = (f: Partial<FiltresAnnuaire>) => {
    const suivant = { ...saisie, ...f, page: f.page ?? 1 };
    setSaisie(suivant);
    setFiltres(suivant);
  };
  const soumettre = (e: FormEvent) => {
    e.preventDefault();
    appliquer({});
  };

  if (etat.statut === 'chargement') return <p role="status">Chargement de l’annuaire…</p>;
  if (etat.statut === 'erreur') {
    return (
      <div className="fr-alert fr-alert--error" role="alert">
        <p>{etat.message}</p>
      </div>
    );
  }
  if (etat.statut === 'deconnecte') {
    return (
      <div>
        {etat.message && (
          <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" role="status">
            <p>{etat.message}</p>
          </div>
        )}
        <p>L’annuaire est réservé aux membres du réseau connectés.</p>
        <a className="fr-btn" href="/connexion/">
          Se connecter
        </a>
      </div>
    );
  }

  const bassins = (dispo?.bassins ?? []).filter((b) => !saisie.departement || b.departement === saisie.departement);
  const lycees = (dispo?.etablissements ?? []).filter(
    (e) => (!saisie.departement || e.departement === saisie.departement) && (!saisie.bassin || e.bassin === saisie.bassin),
  );
  const requete = adresseDesFiltres(filtres, { avecPage: false });
  const pages = resultat ? Math.max(1, Math.ceil(resultat.total / resultat.parPage)) : 1;

  return (
    <div>
      <p className="fr-mb-3w">
        <a className="fr-link fr-icon-user-line fr-link--icon-left" href="/annuaire/ma-fiche/">
          Compléter ma fiche et choisir qui la voit
        </a>
        {role === 'admin' && (
          <>
            {' · '}
            <a className="fr-link" href="/annuaire/administration/">
              Administration des membres
            </a>
          </>
        )}
      </p>

      {!filtresActifs(filtres) && apercus && (
        <div className="fr-grid-row fr-grid-row--gutters fr-mb-3w">
          <Apercu titre="Nouveaux dans le réseau" fiches={apercus.nouveaux} voirTout={() => appliquer({ ...FILTRES_VIDES, nouveaux: true })} />
          <Apercu
            titre="Prêts à accompagner un nouveau collègue"
            fiches={apercus.accompagnent}
            voirTout={() => appliquer({ ...FILTRES_VIDES, accompagne: true })}
          />
        </div>
      )}

      <form onSubmit={soumettre} role="search" aria-label="Chercher dans l’annuaire" className="fr-mb-3w">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4 fr-input-group">
            <label className="fr-label" htmlFor="annuaire-q">
              Nom ou prénom
            </label>
            <input
              className="fr-input"
              id="annuaire-q"
              type="search"
              value={saisie.q}
              maxLength={100}
              onChange={(e) => setSaisie({ ...saisie, q: e.target.value })}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4 fr-select-group">
            <label className="fr-label" htmlFor="annuaire-departement">
              Département
            </label>
            <select
              className="fr-select"
              id="annuaire-departement"
              value={saisie.departement}
              onChange={(e) => appliquer({ departement: e.target.value, bassin: '', uai: '' })}
            >
              <option value="">Tous</option>
              {academie.departements.map((d) => (
                <option key={d.code} value={d.code}>{`${d.nom} (${d.code})`}</option>
              ))}
            </select>
          </div>
          <div className="fr-col-12 fr-col-md-4 fr-select-group">
            <label className="fr-label" htmlFor="annuaire-bassin">
              Bassin
            </label>
            <select className="fr-select" id="annuaire-bassin" value={saisie.bassin} onChange={(e) => appliquer({ bassin: e.target.value, uai: '' })}>
              <option value="">Tous</option>
              {bassins.map((b) => (
                <option key={`${b.departement}-${b.nom}`} value={b.nom}>{`${b.nom} (${nomDepartement(b.departement)})`}</option>
              ))}
            </select>
          </div>
          <div className="fr-col-12 fr-col-md-4 fr-select-group">
            <label className="fr-label" htmlFor="annuaire-uai">
              Lycée
            </label>
            <select className="fr-select" id="annuaire-uai" value={saisie.uai} onChange={(e) => appliquer({ uai: e.target.value })}>
              <option value="">Tous</option>
              {lycees.map((l) => (
                <option key={l.uai} value={l.uai}>{`${l.nom}, ${l.commune}`}</option>
              ))}
            </select>
          </div>
          <div className="fr-col-12 fr-col-md-4 fr-input-group">
            <label className="fr-label" htmlFor="annuaire-secteur">
              Secteur ou formation
            </label>
            <input
              className="fr-input"
              id="annuaire-secteur"
              type="text"
              list="annuaire-secteurs"
              value={saisie.secteur}
              maxLength={80}
              onChange={(e) => setSaisie({ ...saisie, secteur: e.target.value })}
            />
            <datalist id="annuaire-secteurs">
              {(dispo?.secteurs ?? []).map((s) => (
                <option key={s} value={s} />
              ))}
            </datalist>
          </div>
          <div className="fr-col-12 fr-col-md-4 fr-select-group">
            <label className="fr-label" htmlFor="annuaire-expertise">
              Expertise
            </label>
            <select className="fr-select" id="annuaire-expertise" value={saisie.expertise} onChange={(e) => appliquer({ expertise: e.target.value })}>
              <option value="">Toutes</option>
              {(Object.entries(THEMES) as [Theme, string][]).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        </div>
        <fieldset className="fr-fieldset fr-mt-2w">
          <legend className="fr-fieldset__legend fr-text--regular">Seulement</legend>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <div className="fr-checkbox-group">
              <input id="annuaire-nouveaux" type="checkbox" checked={saisie.nouveaux} onChange={(e) => appliquer({ nouveaux: e.target.checked })} />
              <label className="fr-label" htmlFor="annuaire-nouveaux">
                les nouveaux (arrivés depuis moins de 60 jours)
              </label>
            </div>
          </div>
          <div className="fr-fieldset__element fr-fieldset__element--inline">
            <div className="fr-checkbox-group">
              <input id="annuaire-accompagne" type="checkbox" checked={saisie.accompagne} onChange={(e) => appliquer({ accompagne: e.target.checked })} />
              <label className="fr-label" htmlFor="annuaire-accompagne">
                ceux qui peuvent accompagner un nouveau collègue
              </label>
            </div>
          </div>
        </fieldset>
        <ul className="fr-btns-group fr-btns-group--inline-sm">
          <li>
            <button className="fr-btn" type="submit">
              Rechercher
            </button>
          </li>
          <li>
            <button className="fr-btn fr-btn--secondary" type="button" onClick={() => appliquer(FILTRES_VIDES)}>
              Effacer les filtres
            </button>
          </li>
        </ul>
      </form>

      <h2>Répartition par département</h2>
      <CarteDepartements
        comptes={resultat?.departements ?? {}}
        selection={filtres.departement}
        choisir={(code) => appliquer({ departement: code, bassin: '', uai: '' })}
      />

      <h2 className="fr-mt-4w">Résultats</h2>
      <p role="status" aria-live="polite">
        {chargement
          ? 'Recherche en cours…'
          : resultat
            ? `${resultat.total} membre${resultat.total > 1 ? 's' : ''} trouvé${resultat.total > 1 ? 's' : ''}.`
            : ''}
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
        <li>
          <button
            type="button"
            className={`fr-btn fr-btn--sm ${vue === 'cartes' ? '' : 'fr-btn--tertiary'}`}
            aria-pressed={vue === 'cartes'}
            onClick={() => setVue('cartes')}
          >
            Afficher en cartes
          </button>
        </li>
        <li>
          <button
            type="button"
            className={`fr-btn fr-btn--sm ${vue === 'tableau' ? '' : 'fr-btn--tertiary'}`}
            aria-pressed={vue === 'tableau'}
            onClick={() => setVue('tableau')}
          >
            Afficher en tableau
          </button>
        </li>
        <li>
          <a
            className="fr-btn fr-btn--sm fr-btn--secondary fr-icon-download-line fr-btn--icon-left"
            href={`/api/annuaire/vcard${requete ? `?${requete}` : ''}`}
            download
          >
            Télécharger ces contacts (vCard)
          </a>
        </li>
        {(role === 'organisateur' || role === 'admin') && (
          <li>
            <a
              className="fr-btn fr-btn--sm fr-btn--secondary fr-icon-download-line fr-btn--icon-left"
              href={`/api/annuaire/csv${requete ? `?${requete}` : ''}`}
              download
            >
              Télécharger la liste (CSV, organisateurs)
            </a>
          </li>
        )}
      </ul>

      {resultat &&
        resultat.fiches.length > 0 &&
        (vue === 'cartes' ? (
          <ul className="fr-grid-row fr-grid-row--gutters rbde-liste-nue">
            {resultat.fiches.map((f) => (
              <Carte key={f.id} f={f} />
            ))}
          </ul>
        ) : (
          <Tableau fiches={resultat.fiches} />
        ))}
      {resultat && resultat.total === 0 && <p>Aucun membre ne correspond à ces critères. Retirez un filtre pour élargir la recherche.</p>}

      {pages > 1 && (
        <nav role="navigation" className="fr-pagination fr-mt-3w" aria-label="Pages de résultats">
          <ul className="fr-pagination__list">
            <li>
              <button
                type="button"
                className="fr-pagination__link fr-pagination__link--prev fr-pagination__link--lg-label"
                disabled={filtres.page <= 1}
                onClick={() => appliquer({ page: filtres.page - 1 })}
              >
                Page précédente
              </button>
            </li>
            <li>
              <span className="fr-pagination__link" aria-current="page">{`Page ${filtres.page} sur ${pages}`}</span>
            </li>
            <li>
              <button
                type="button"
                className="fr-pagination__link fr-pagination__link--next fr-pagination__link--lg-label"
                disabled={filtres.page >= pages}
                onClick={() => appliquer({ page: filtres.page + 1 })}
              >
                Page suivante
              </button>
            </li>
          </ul>
        </nav>
      )}
    </div>
  );
}
