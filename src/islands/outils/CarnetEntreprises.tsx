// Carnet des entreprises d'accueil : chercher, voir, ajouter, modifier (doublons montrés avant d'enregistrer),
// contacts professionnels (opposition en une action), notes de mon lycée, historique. Membres seulement.
import { type FormEvent, useEffect, useState } from 'react';
import { appelApi, ErreurApi } from '../../lib/api-client.ts';
import type { Doublon, ListeOrganisations, Organisation, OrganisationResume, ResultatEnregistrement } from '../../schemas/carnet.ts';
import { Alerte, ChampCommune, type CommuneChoisie, DEPARTEMENTS, dateFr, messageErreur, NonConnecte, useReferentiels } from './commun.tsx';

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
      {annonce && <Alerte type="success">{annonce}</Alerte>}
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
        <Fiche id={vue.id} surErreur={surErreur} retour={() => setVue({ nom: 'liste' })} modifier={(fiche) => setVue({ nom: 'formulaire', fiche })} />
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

function Recherche({ ouvrir, ajouter, surErreur }: { ouvrir: (id: string) => void; ajouter: () => void; surErreur: (e: unknown) => void }) {
  const ref = useReferentiels();
  const [criteres, setCriteres] = useState({ texte: '', naf: '', departement: '', formation: '' });
  const [commune, setCommune] = useState<CommuneChoisie | null>(null);
  const [resultats, setResultats] = useState<ListeOrganisations | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);

  async function chercher(e?: FormEvent) {
    e?.preventDefault();
    setErreur(null);
    try {
      setResultats(await appelApi<ListeOrganisations>('/api/carnet/recherche', { method: 'POST', corps: { ...criteres, commune: commune?.code ?? '' } }));
    } catch (err) {
      surErreur(err);
      setErreur(messageErreur(err));
    }
  }
  useEffect(() => {
    void chercher();
  }, []);

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
      <form onSubmit={chercher} aria-labelledby="titre-recherche-carnet" className="fr-mb-4w">
        <h2 id="titre-recherche-carnet" className="fr-h4">
          Chercher dans le carnet
        </h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-6">
            <div className="fr-input-group">
              <label className="fr-label" htmlFor="carnet-texte">
                Nom
              </label>
              <input className="fr-input" id="carnet-texte" value={criteres.texte} onChange={(e) => setCriteres({ ...criteres, texte: e.target.value })} />
            </div>
          </div>
          <div className="fr-col-12 fr-col-md-6">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="carnet-secteur">
                Secteur
              </label>
              <select className="fr-select" id="carnet-secteur" value={criteres.naf} onChange={(e) => setCriteres({ ...criteres, naf: e.target.value })}>
                <option value="">Tous les secteurs</option>
                {ref?.divisions.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.code} — {d.libelle}
                  </option>
                ))}
              </select>
            </div>
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
          <div className="fr-col-12 fr-col-md-4">
            <div className="fr-input-group">
              <label className="fr-label" htmlFor="carnet-formation">
                Formation
              </label>
              <input
                className="fr-input"
                id="carnet-formation"
                value={criteres.formation}
                onChange={(e) => setCriteres({ ...criteres, formation: e.target.value })}
              />
            </div>
          </div>
        </div>
        <button type="submit" className="fr-btn fr-btn--secondary">
          Chercher
        </button>
      </form>
      {erreur && <Alerte type="error">{erreur}</Alerte>}
      {resultats && (
        <div aria-live="polite">
          <p>{resultats.length === 0 ? 'Aucune organisation ne correspond.' : `${resultats.length} organisation${resultats.length > 1 ? 's' : ''}`}</p>
          <ul className="fr-raw-list">
            {resultats.map((o: OrganisationResume) => (
              <li key={o.id} className="fr-mb-2w">
                <button type="button" className="fr-link" onClick={() => ouvrir(o.id)}>
                  {o.nom}
                </button>{' '}
                — {o.commune} ({o.departement}), NAF {o.code_naf}
                {o.formations.length > 0 && `, formations : ${o.formations.join(', ')}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function Fiche({ id, retour, modifier, surErreur }: { id: string; retour: () => void; modifier: (f: Organisation) => void; surErreur: (e: unknown) => void }) {
  const [fiche, setFiche] = useState<Organisation | null>(null);
  const [erreur, setErreur] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [contact, setContact] = useState({ nom: '', fonction: '', telephone: '', email: '' });

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

  async function agir(action: () => Promise<unknown>, ok: string) {
    setErreur(null);
    setMessage(null);
    try {
      await action();
      setMessage(ok);
      await charger();
    } catch (e) {
      surErreur(e);
      setErreur(messageErreur(e));
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
          void agir(() => appelApi(`/api/carnet/organisations/${id}/contacts`, { method: 'POST', corps: contact }), 'Contact ajouté.').then(() =>
            setContact({ nom: '', fonction: '', telephone: '', email: '' }),
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
              {p.lycee} : {p.formation}
            </li>
          ))}
        </ul>
      )}

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
