// Carnet des entreprises d'accueil : chercher, voir, ajouter, modifier (doublons montrés avant d'enregistrer),
// contacts professionnels (opposition en une action), notes de mon lycée, historique. Membres seulement.
import { type FormEvent, useEffect, useState } from 'react';
import { appelApi, ErreurApi } from '../../lib/api-client.ts';
import CarteDepartements from '../../components/carte/CarteDepartements.tsx';
import type { Doublon, Organisation, ResultatEnregistrement, ResultatFusion, ResultatRecherche } from '../../schemas/carnet.ts';
import { Alerte, ChampCommune, ChoixSecteur, type CommuneChoisie, DEPARTEMENTS, dateFr, messageErreur, NonConnecte, useReferentiels } from './commun.tsx';

type Vue = { nom: 'liste' } | { nom: 'fiche'; id: string } | { nom: 'formulaire'; fiche: Organisation | null };

const TAILLES: Record<string, string> = {
  '0-9': 'de 0 à 9 salariés',
  '10-49': 'de 10 à 49 salariés',
  '50-249': 'de 50 à 249 salariés',
  '250+': '250 salariés et plus',
};

export default function CarnetEntreprises() {
  const [vue, setVue] = useState<Vue>({ nom: 'liste' });
  const [nonConnecte, setNonConnecte] = useState<string | null>(null);
  const [annonce, setAnnonce] = useState<string | null>(null);
  const surErreur = (e: unknown) => {
    if (e instanceof ErreurApi && e.statut === 401) setNonConnecte(e.code === 'NON_CONNECTE' ? '' : e.message);
  };
  if (nonConnecte !== null) return <NonConnecte message={nonConnecte || undefined} />;
  return (
    <div>
      {annonce && vue.nom !== 'fiche' && <Alerte type="success">{annonce}</Alerte>}
      {vue.nom === 'liste' && (
        <Recherche
          surErreur={surErreur}
          ouvrir={(id) => {
            setAnnonce(null);
            setVue({ nom: 'fiche', id });
          }}
          ajouter={() => {
            setAnnonce(null);
            setVue({ nom: 'formulaire', fiche: null });
          }}
        />
      )}
      {vue.nom === 'fiche' && (
        <Fiche
          id={vue.id}
          annonce={annonce}
          surErreur={surErreur}
          retour={() => setVue({ nom: 'liste' })}
          modifier={(fiche) => setVue({ nom: 'formulaire', fiche })}
        />
      )}
      {vue.nom === 'formulaire' && (
        <Formulaire
          fiche={vue.fiche}
          annuler={() => setVue(vue.fiche ? { nom: 'fiche', id: vue.fiche.id } : { nom: 'liste' })}
          ouvrir={(id) => setVue({ nom: 'fiche', id })}
          enregistree={(id, message) => {
            setAnnonce(message);
            setVue({ nom: 'fiche', id });
          }}
        />
      )}
    </div>
  );
}

const PAGE = 50;
const organisations = (n: number) => `${n} organisation${n > 1 ? 's' : ''}`;

function Recherche({ ouvrir, ajouter, surErreur }: { ouvrir: (id: string) => void; ajouter: () => void; surErreur: (e: unknown) => void }) {
  const ref = useReferentiels();
  const [criteres, setCriteres] = useState({ texte: '', naf: '', departement: '', formation: '', debut: '', fin: '', places_libres: false });
  const [commune, setCommune] = useState<CommuneChoisie | null>(null);
  const [resultats, setResultats] = useState<ResultatRecherche | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);
  const [carte, setCarte] = useState(false);

  async function chercher(e?: FormEvent, changement: Partial<typeof criteres> = {}, decalage = 0) {
    e?.preventDefault();
    setErreur(null);
    const c = { ...criteres, ...changement };
    setCriteres(c);
    try {
      const r = await appelApi<ResultatRecherche>('/api/carnet/resultats', {
        method: 'POST',
        corps: { ...c, commune: commune?.code ?? '', limite: PAGE, decalage },
      });
      setResultats((avant) => (decalage && avant ? { ...r, organisations: [...avant.organisations, ...r.organisations] } : r));
    } catch (err) {
      surErreur(err);
      setErreur(messageErreur(err));
    }
  }
  useEffect(() => {
    void chercher();
  }, []);

  const champ = (cle: 'texte' | 'formation' | 'debut' | 'fin', libelle: string, type = 'text', aide?: string) => (
    <div className="fr-input-group">
      <label className="fr-label" htmlFor={`carnet-${cle}`}>
        {libelle}
        {aide && <span className="fr-hint-text">{aide}</span>}
      </label>
      <input
        className="fr-input"
        id={`carnet-${cle}`}
        type={type}
        value={criteres[cle]}
        onChange={(e) => setCriteres({ ...criteres, [cle]: e.target.value })}
      />
    </div>
  );

  return (
    <div>
      <p>
        <button type="button" className="fr-btn fr-icon-add-line fr-btn--icon-left" onClick={ajouter}>
          Ajouter une organisation
        </button>{' '}
        <a className="fr-btn fr-btn--secondary fr-icon-upload-line fr-btn--icon-left" href="/outils/carnet-entreprises/importer/">
          Importer un tableur (CSV)
        </a>{' '}
        <a className="fr-btn fr-btn--tertiary fr-icon-download-line fr-btn--icon-left" href="/api/carnet/export.csv" download>
          Exporter le carnet (CSV)
        </a>
      </p>
      <form onSubmit={(e) => void chercher(e)} aria-labelledby="titre-recherche-carnet" className="fr-mb-4w">
        <h2 id="titre-recherche-carnet" className="fr-h4">
          Chercher dans le carnet
        </h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">{champ('texte', 'Nom')}</div>
          <div className="fr-col-12 fr-col-md-6">
            <ChoixSecteur
              id="carnet-secteur"
              label="Secteur"
              vide="Tous les secteurs"
              valeur={criteres.naf}
              onChange={(naf) => setCriteres({ ...criteres, naf })}
              divisions={ref?.divisions}
            />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="carnet-departement">
                Département
              </label>
              <select
                className="fr-select"
                id="carnet-departement"
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
          <div className="fr-col-12 fr-col-md-4">
            <ChampCommune label="Commune" valeur={commune} onChange={setCommune} />
          </div>
          <div className="fr-col-12 fr-col-md-4">{champ('formation', 'Formation')}</div>
          <div className="fr-col-12 fr-col-md-4">{champ('debut', 'Places offertes à partir du', 'date', 'Début de la période (facultatif).')}</div>
          <div className="fr-col-12 fr-col-md-4">{champ('fin', 'Places offertes jusqu’au', 'date', 'Fin de la période (facultative).')}</div>
          <div className="fr-col-12 fr-col-md-4">
            <div className="fr-checkbox-group fr-mt-4w">
              <input
                type="checkbox"
                id="carnet-places-libres"
                checked={criteres.places_libres}
                onChange={(e) => setCriteres({ ...criteres, places_libres: e.target.checked })}
              />
              <label className="fr-label" htmlFor="carnet-places-libres">
                Seulement les organisations qui ont des places libres
              </label>
            </div>
          </div>
        </div>
        <ul className="fr-btns-group fr-btns-group--inline">
          <li>
            <button type="submit" className="fr-btn fr-btn--secondary">
              Chercher
            </button>
          </li>
          <li>
            <button type="button" className="fr-btn fr-btn--tertiary" aria-pressed={carte} onClick={() => setCarte(!carte)}>
              {carte ? 'Masquer la carte' : 'Afficher la carte des départements'}
            </button>
          </li>
        </ul>
      </form>
      {erreur && <Alerte type="error">{erreur}</Alerte>}
      {resultats && carte && (
        <section aria-labelledby="titre-carte-carnet" className="fr-mb-4w">
          <h2 id="titre-carte-carnet" className="fr-h5">
            Résultats par département
          </h2>
          <CarteDepartements
            comptes={resultats.par_departement}
            selection={criteres.departement}
            choisir={(code) => void chercher(undefined, { departement: code })}
            unite={organisations}
            libelle="Résultats par département : filtrer"
            tableau="Nombre d’organisations trouvées par département"
          />
        </section>
      )}
      {resultats && (
        <div>
          <p role="status">
            {resultats.total === 0
              ? 'Aucune organisation ne correspond.'
              : resultats.total > resultats.organisations.length
                ? `${organisations(resultats.total)}, dont ${resultats.organisations.length} affichées`
                : organisations(resultats.total)}
          </p>
          <ul className="fr-raw-list">
            {resultats.organisations.map((o) => (
              <li key={o.id} className="fr-mb-2w">
                <button type="button" className="fr-link" onClick={() => ouvrir(o.id)}>
                  {o.nom}
                </button>{' '}
                — {o.commune} ({o.departement}), NAF {o.code_naf}
                {o.formations.length > 0 && `, formations : ${o.formations.join(', ')}`}
                {o.places_libres > 0 && `, ${o.places_libres} place${o.places_libres > 1 ? 's' : ''} libre${o.places_libres > 1 ? 's' : ''}`}
              </li>
            ))}
          </ul>
          {resultats.total > resultats.organisations.length && (
            <button type="button" className="fr-btn fr-btn--tertiary" onClick={() => void chercher(undefined, {}, resultats.organisations.length)}>
              {`Afficher les ${Math.min(PAGE, resultats.total - resultats.organisations.length)} suivantes`}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/** La fiche ; `annonce` (« Organisation ajoutée… ») ne s'affiche qu'une fois la fiche chargée, avec elle. */
function Fiche({
  id,
  annonce,
  retour,
  modifier,
  surErreur,
}: {
  id: string;
  annonce: string | null;
  retour: () => void;
  modifier: (f: Organisation) => void;
  surErreur: (e: unknown) => void;
}) {
  const [fiche, setFiche] = useState<Organisation | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [contact, setContact] = useState({ nom: '', fonction: '', telephone: '', email: '' });
  const [lien, setLien] = useState('');
  const [aFusionner, setAFusionner] = useState<string | null>(null);

  async function charger() {
    try {
      const f = await appelApi<Organisation>(`/api/carnet/organisations/${id}`);
      setFiche(f);
      setNote(f.note ?? '');
    } catch (e) {
      surErreur(e);
      setErreur(messageErreur(e));
    }
  }
  useEffect(() => {
    void charger();
  }, [id]);

  /** Exécute une action de la fiche ; vrai si elle a réussi (la fiche est alors relue). */
  async function agir(action: () => Promise<unknown>, ok: string): Promise<boolean> {
    setErreur(null);
    setMessage(null);
    try {
      await action();
      setMessage(ok);
      await charger();
      return true;
    } catch (e) {
      surErreur(e);
      const precision = e instanceof ErreurApi ? (e.details as { precision?: string } | undefined)?.precision : undefined;
      setErreur(precision ? `${messageErreur(e)} ${precision}` : messageErreur(e));
      return false;
    }
  }

  if (!fiche) return erreur ? <Alerte type="error">{erreur}</Alerte> : <p role="status">Chargement de la fiche…</p>;
  return (
    <article>
      <p>
        <button type="button" className="fr-link fr-icon-arrow-left-line fr-link--icon-left" onClick={retour}>
          Retour à la recherche
        </button>
      </p>
      {annonce && !message && <Alerte type="success">{annonce}</Alerte>}
      <h2>{fiche.nom}</h2>
      {message && <Alerte type="success">{message}</Alerte>}
      {erreur && <Alerte type="error">{erreur}</Alerte>}
      <dl>
        <dt className="fr-text--bold">SIRET</dt>
        <dd>{fiche.siret ?? 'Non renseigné'}</dd>
        <dt className="fr-text--bold">Secteur (NAF)</dt>
        <dd>{fiche.code_naf}</dd>
        <dt className="fr-text--bold">Commune</dt>
        <dd>
          {fiche.commune} ({fiche.departement}){fiche.adresse && ` — ${fiche.adresse}`}
        </dd>
        <dt className="fr-text--bold">Effectif</dt>
        <dd>{fiche.taille ? TAILLES[fiche.taille] : 'Non renseigné'}</dd>
        <dt className="fr-text--bold">Dernier contact</dt>
        <dd>{dateFr(fiche.dernier_contact)}</dd>
      </dl>
      <button type="button" className="fr-btn fr-btn--secondary fr-mb-4w" onClick={() => modifier(fiche)}>
        Modifier la fiche
      </button>

      <h3 className="fr-h5">Contacts professionnels</h3>
      {fiche.contacts.length === 0 ? (
        <p>Aucun contact.</p>
      ) : (
        <ul>
          {fiche.contacts.map((c) => (
            <li key={c.id}>
              {c.nom}
              {c.fonction && `, ${c.fonction}`}
              {c.telephone && ` — ${c.telephone}`}
              {c.email && ` — ${c.email}`}{' '}
              <button
                type="button"
                className="fr-btn fr-btn--tertiary fr-btn--sm"
                onClick={() =>
                  void agir(() => appelApi(`/api/carnet/contacts/${c.id}/opposition`, { method: 'POST' }), `${c.nom} est retiré de tout le carnet.`)
                }
              >
                Opposition : retirer {c.nom} partout
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="fr-mb-4w"
        aria-label="Ajouter un contact"
        onSubmit={(e) => {
          e.preventDefault();
          void agir(() => appelApi(`/api/carnet/organisations/${id}/contacts`, { method: 'POST', corps: contact }), 'Contact ajouté.').then(
            (reussi) => reussi && setContact({ nom: '', fonction: '', telephone: '', email: '' }),
          );
        }}
      >
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Ajouter un contact (coordonnées professionnelles seulement)</legend>
          {(
            [
              ['nom', 'Nom', 'text'],
              ['fonction', 'Fonction', 'text'],
              ['telephone', 'Téléphone professionnel', 'tel'],
              ['email', 'Adresse électronique professionnelle', 'email'],
            ] as const
          ).map(([cle, libelle, type]) => (
            <div key={cle} className="fr-fieldset__element">
              <div className="fr-input-group">
                <label className="fr-label" htmlFor={`contact-${cle}`}>
                  {libelle}
                </label>
                <input
                  className="fr-input"
                  id={`contact-${cle}`}
                  type={type}
                  value={contact[cle]}
                  required={cle === 'nom'}
                  onChange={(e) => setContact({ ...contact, [cle]: e.target.value })}
                />
              </div>
            </div>
          ))}
          <div className="fr-fieldset__element">
            <button type="submit" className="fr-btn fr-btn--secondary">
              Ajouter le contact
            </button>
          </div>
        </fieldset>
      </form>

      <h3 className="fr-h5">Lycées et formations</h3>
      {fiche.partenariats.length === 0 ? (
        <p>Aucun lycée déclaré.</p>
      ) : (
        <ul>
          {fiche.partenariats.map((p) => (
            <li key={`${p.uai}-${p.formation}`}>
              {p.lycee} : {p.formation}{' '}
              {p.mien && (
                <button
                  type="button"
                  className="fr-btn fr-btn--tertiary-no-outline fr-btn--sm"
                  onClick={() =>
                    void agir(
                      () => appelApi(`/api/carnet/organisations/${id}/partenariats/retrait`, { method: 'POST', corps: { formation: p.formation } }),
                      `Lien retiré : ${p.formation}.`,
                    )
                  }
                >
                  {`Retirer ${p.formation} de mon lycée`}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <form
        className="fr-mb-4w"
        aria-labelledby="titre-lien-formation"
        onSubmit={(e) => {
          e.preventDefault();
          void agir(
            () => appelApi(`/api/carnet/organisations/${id}/partenariats`, { method: 'POST', corps: { formation: lien } }),
            `Votre lycée travaille avec ${fiche.nom} pour : ${lien.trim()}.`,
          ).then((reussi) => reussi && setLien(''));
        }}
      >
        <p id="titre-lien-formation" className="fr-text--bold fr-mb-1w">
          Mon lycée travaille avec cette organisation
        </p>
        <div className="fr-input-group">
          <label className="fr-label" htmlFor="carnet-lien-formation">
            Pour la formation
            <span className="fr-hint-text">Exemple : CAP Maintenance des véhicules.</span>
          </label>
          <input
            className="fr-input"
            id="carnet-lien-formation"
            required
            minLength={2}
            maxLength={120}
            value={lien}
            onChange={(e) => setLien(e.target.value)}
          />
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary">
          Déclarer ce lien
        </button>
      </form>

      <h3 className="fr-h5">Registre des périodes</h3>
      {fiche.placements.length === 0 ? (
        <p>Aucune période enregistrée.</p>
      ) : (
        <ul>
          {fiche.placements.map((p, i) => (
            <li key={i}>
              {p.formation} ({p.niveau}), {p.lycee ?? 'lycée non renseigné'}, du {dateFr(p.debut)} au {dateFr(p.fin)}
            </li>
          ))}
        </ul>
      )}

      <h3 className="fr-h5">Retours de périodes</h3>
      {fiche.retours.length === 0 ? (
        <p>Aucun retour.</p>
      ) : (
        <ul>
          {fiche.retours.map((r, i) => (
            <li key={i}>
              {r.formation}, {dateFr(r.date)} : accueil {r.accueil}/4, encadrement {r.encadrement}/4, activités {r.activites}/4, sécurité {r.securite}/4 —{' '}
              {r.reprendrait ? 'accueillerait à nouveau' : 'n’accueillerait pas à nouveau'}
            </li>
          ))}
        </ul>
      )}

      <FormulaireRetour
        envoyer={(r) => agir(() => appelApi(`/api/carnet/organisations/${id}/retours`, { method: 'POST', corps: r }), 'Retour enregistré. Merci.')}
      />

      {fiche.doublons && fiche.doublons.length > 0 && (
        <section aria-labelledby="titre-semblables" className="fr-mb-4w">
          <h3 id="titre-semblables" className="fr-h5">
            Fiches semblables
          </h3>
          <p>
            Ces fiches décrivent peut-être la même organisation. Si c’est le cas, fusionnez-les dans celle-ci : contacts, lycées et formations, retours, notes,
            offres et historique y seront rattachés, puis l’autre fiche sera supprimée. Réservé aux membres dont le lycée travaille avec l’une des deux fiches,
            à qui l’a créée, et aux administrateurs.
          </p>
          <ul>
            {fiche.doublons.map((d) => (
              <li key={d.id} className="fr-mb-1w">
                {d.nom} ({d.commune}) — {d.raison === 'siret' ? 'même SIRET' : 'nom proche dans la même commune'}{' '}
                {aFusionner === d.id ? (
                  <>
                    <button
                      type="button"
                      className="fr-btn fr-btn--sm"
                      onClick={() =>
                        void agir(
                          () => appelApi<ResultatFusion>(`/api/carnet/organisations/${id}/fusion`, { method: 'POST', corps: { absorber: d.id } }),
                          `« ${d.nom} » est fusionnée dans cette fiche.`,
                        ).then((reussi) => reussi && setAFusionner(null))
                      }
                    >
                      {`Confirmer : fusionner « ${d.nom} » dans cette fiche`}
                    </button>{' '}
                    <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" onClick={() => setAFusionner(null)}>
                      Annuler
                    </button>
                  </>
                ) : (
                  <button type="button" className="fr-btn fr-btn--sm fr-btn--secondary" onClick={() => setAFusionner(d.id)}>
                    {`Fusionner « ${d.nom} » dans cette fiche`}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}

      <form
        className="fr-mb-4w"
        onSubmit={(e) => {
          e.preventDefault();
          void agir(() => appelApi(`/api/carnet/organisations/${id}/note`, { method: 'PUT', corps: { texte: note } }), 'Notes de votre lycée enregistrées.');
        }}
      >
        <div className="fr-input-group">
          <label className="fr-label" htmlFor="carnet-note">
            Notes de mon lycée
            <span className="fr-hint-text">Visibles par les membres de votre lycée seulement. Aucune appréciation sur une personne.</span>
          </label>
          <textarea className="fr-input" id="carnet-note" rows={3} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary">
          Enregistrer les notes
        </button>
      </form>

      <h3 className="fr-h5">Historique des changements</h3>
      <ul>
        {fiche.historique.map((h, i) => (
          <li key={i}>
            {new Date(h.quand).toLocaleString('fr-FR', { timeZone: 'Europe/Paris' })} — {h.qui} : {h.action}
            {h.action === 'organisation modifiée' && ` (${Object.keys(h.details).join(', ')})`}
            {h.action === 'fiches fusionnées' && ` (${String((h.details.absorbee as { nom?: string } | undefined)?.nom ?? '')})`}
          </li>
        ))}
      </ul>
    </article>
  );
}

function Formulaire({
  fiche,
  annuler,
  enregistree,
  ouvrir,
}: {
  fiche: Organisation | null;
  annuler: () => void;
  enregistree: (id: string, message: string) => void;
  ouvrir: (id: string) => void;
}) {
  const ref = useReferentiels();
  const [champs, setChamps] = useState({
    nom: fiche?.nom ?? '',
    siret: fiche?.siret ?? '',
    code_naf: fiche?.code_naf ?? '',
    adresse: fiche?.adresse ?? '',
    taille: fiche?.taille ?? '',
    dernier_contact: fiche?.dernier_contact ?? '',
  });
  const [commune, setCommune] = useState<CommuneChoisie | null>(
    fiche ? { code: fiche.commune_insee, nom: fiche.commune, departement: fiche.departement } : null,
  );
  const [doublons, setDoublons] = useState<Doublon[] | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);

  async function envoyer(forcer: boolean) {
    setErreur(null);
    if (!commune) {
      setErreur('Choisissez la commune dans la liste proposée.');
      return;
    }
    try {
      const r = await appelApi<ResultatEnregistrement>(fiche ? `/api/carnet/organisations/${fiche.id}` : '/api/carnet/organisations', {
        method: fiche ? 'PUT' : 'POST',
        corps: { ...champs, commune: commune.code, forcer },
      });
      if (r.statut === 'doublons') setDoublons(r.doublons);
      else enregistree(r.id, fiche ? 'Fiche modifiée.' : 'Organisation ajoutée au carnet.');
    } catch (e) {
      setErreur(messageErreur(e));
    }
  }

  const champ = (cle: keyof typeof champs, libelle: string, aide?: string, requis = false, type = 'text') => (
    <div className="fr-input-group">
      <label className="fr-label" htmlFor={`orga-${cle}`}>
        {libelle}
        {aide && <span className="fr-hint-text">{aide}</span>}
      </label>
      <input
        className="fr-input"
        id={`orga-${cle}`}
        type={type}
        required={requis}
        list={cle === 'code_naf' ? 'orga-naf-liste' : undefined}
        value={champs[cle]}
        onChange={(e) => setChamps({ ...champs, [cle]: e.target.value })}
      />
    </div>
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setDoublons(null);
        void envoyer(false);
      }}
    >
      <h2>{fiche ? `Modifier ${fiche.nom}` : 'Ajouter une organisation'}</h2>
      {erreur && <Alerte type="error">{erreur}</Alerte>}
      {doublons && (
        <div className="fr-alert fr-alert--warning fr-mb-3w" role="alert">
          <h3 className="fr-alert__title">Cette organisation est peut-être déjà dans le carnet</h3>
          <ul>
            {doublons.map((d) => (
              <li key={d.id}>
                <button type="button" className="fr-link" onClick={() => ouvrir(d.id)}>
                  {d.nom}
                </button>{' '}
                ({d.commune}) — {d.raison === 'siret' ? 'même SIRET' : 'nom proche dans la même commune'}
              </li>
            ))}
          </ul>
          {doublons.every((d) => d.raison === 'nom') ? (
            <button type="button" className="fr-btn fr-btn--secondary fr-btn--sm" onClick={() => void envoyer(true)}>
              Ce n’est pas la même : enregistrer quand même
            </button>
          ) : (
            <p>Un SIRET n’est enregistré qu’une fois : ouvrez la fiche existante pour la compléter.</p>
          )}
        </div>
      )}
      {champ('nom', 'Nom de l’organisation', undefined, true)}
      {champ('siret', 'SIRET', '14 chiffres ; la clé de contrôle est vérifiée. Facultatif.')}
      {champ('code_naf', 'Code NAF', 'Exemple : 45.20A (entretien et réparation de véhicules automobiles légers).', true)}
      <datalist id="orga-naf-liste">
        {ref?.sousClasses.map((c) => (
          <option key={c.code} value={c.code}>
            {c.libelle}
          </option>
        ))}
      </datalist>
      <ChampCommune label="Commune" valeur={commune} onChange={setCommune} requis />
      {champ('adresse', 'Adresse', 'Facultative.')}
      <div className="fr-select-group">
        <label className="fr-label" htmlFor="orga-taille">
          Effectif
        </label>
        <select className="fr-select" id="orga-taille" value={champs.taille} onChange={(e) => setChamps({ ...champs, taille: e.target.value })}>
          <option value="">Non renseigné</option>
          {Object.entries(TAILLES).map(([c, l]) => (
            <option key={c} value={c}>
              {l}
            </option>
          ))}
        </select>
      </div>
      {champ('dernier_contact', 'Date du dernier contact', 'Facultative.', false, 'date')}
      <ul className="fr-btns-group fr-btns-group--inline">
        <li>
          <button type="submit" className="fr-btn">
            Enregistrer
          </button>
        </li>
        <li>
          <button type="button" className="fr-btn fr-btn--secondary" onClick={annuler}>
            Annuler
          </button>
        </li>
      </ul>
    </form>
  );
}

const CRITERES = [
  ['accueil', 'Accueil de l’élève'],
  ['encadrement', 'Disponibilité du tuteur'],
  ['activites', 'Activités conformes au référentiel'],
  ['securite', 'Conditions de sécurité'],
] as const;
const NIVEAUX = ['1 — insuffisant', '2 — à améliorer', '3 — satisfaisant', '4 — très satisfaisant'];

/** Retour structuré d'une période : des critères notés de 1 à 4, jamais une appréciation libre sur une personne. */
function FormulaireRetour({ envoyer }: { envoyer: (r: Record<string, unknown>) => Promise<boolean> }) {
  const vide = { formation: '', accueil: '', encadrement: '', activites: '', securite: '', reprendrait: '' };
  const [r, setR] = useState(vide);
  return (
    <form
      className="fr-mb-4w"
      aria-labelledby="titre-retour"
      onSubmit={(e) => {
        e.preventDefault();
        void envoyer({
          formation: r.formation,
          accueil: Number(r.accueil),
          encadrement: Number(r.encadrement),
          activites: Number(r.activites),
          securite: Number(r.securite),
          reprendrait: r.reprendrait === 'oui',
        }).then((reussi) => reussi && setR(vide));
      }}
    >
      <h3 id="titre-retour" className="fr-h5">
        Donner un retour sur une période
      </h3>
      <p className="fr-hint-text">Des critères notés, pour le lycée de l’élève : aucune appréciation sur une personne.</p>
      <div className="fr-input-group">
        <label className="fr-label" htmlFor="retour-formation">
          Formation de l’élève accueilli
        </label>
        <input
          className="fr-input"
          id="retour-formation"
          required
          minLength={2}
          maxLength={120}
          value={r.formation}
          onChange={(e) => setR({ ...r, formation: e.target.value })}
        />
      </div>
      {CRITERES.map(([cle, libelle]) => (
        <div key={cle} className="fr-select-group">
          <label className="fr-label" htmlFor={`retour-${cle}`}>
            {libelle}
          </label>
          <select className="fr-select" id={`retour-${cle}`} required value={r[cle]} onChange={(e) => setR({ ...r, [cle]: e.target.value })}>
            <option value="" disabled>
              Choisir une note
            </option>
            {NIVEAUX.map((n, i) => (
              <option key={n} value={i + 1}>
                {n}
              </option>
            ))}
          </select>
        </div>
      ))}
      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-text--regular">L’organisation accueillerait-elle un élève à nouveau ?</legend>
        {(
          [
            ['oui', 'Oui'],
            ['non', 'Non'],
          ] as const
        ).map(([v, l]) => (
          <div key={v} className="fr-fieldset__element fr-fieldset__element--inline">
            <div className="fr-radio-group">
              <input
                type="radio"
                id={`retour-reprendrait-${v}`}
                name="retour-reprendrait"
                required
                checked={r.reprendrait === v}
                onChange={() => setR({ ...r, reprendrait: v })}
              />
              <label className="fr-label" htmlFor={`retour-reprendrait-${v}`}>
                {l}
              </label>
            </div>
          </div>
        ))}
      </fieldset>
      <button type="submit" className="fr-btn fr-btn--secondary">
        Enregistrer le retour
      </button>
    </form>
  );
}
