import { cloneElement, useEffect, useId, useState, type FormEvent, type ReactElement } from 'react';
import { academie } from '../academie.ts';
import { appelApi, ErreurApi } from '../lib/api-client.ts';
import { jourCourt, NIVEAUX_PFMP, totauxParSemaine, type NiveauPfmp } from '../lib/calendrier-pfmp.ts';
import type { Formation, LigneRefusee, MesPeriodes, Periode, VueReseau } from '../schemas/calendrier-pfmp.ts';

type Etat = { statut: 'chargement' } | { statut: 'deconnecte' } | { statut: 'erreur'; message: string } | { statut: 'pret'; donnees: MesPeriodes };
type Saisie = { formation: string; classe: string; niveau: NiveauPfmp; debut: string; fin: string; eleves: string };

/** 1er septembre et 30 juin de l'année scolaire en cours. */
function anneeScolaire(maintenant = new Date()): { debut: string; fin: string } {
  const an = maintenant.getMonth() >= 8 ? maintenant.getFullYear() : maintenant.getFullYear() - 1;
  return { debut: `${an}-09-01`, fin: `${an + 1}-06-30` };
}

/** Calendrier des PFMP (membres) : publier les périodes de son lycée, voir le réseau semaine par semaine. */
export default function CalendrierPfmp() {
  const id = useId();
  const [etat, setEtat] = useState<Etat>({ statut: 'chargement' });
  const [saisie, setSaisie] = useState<Saisie>({ formation: '', classe: '', niveau: '1re', debut: '', fin: '', eleves: '' });
  const [erreur, setErreur] = useState<{ message: string; champs: Record<string, string[]> } | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [envoi, setEnvoi] = useState(false);
  const [filtre, setFiltre] = useState({ ...anneeScolaire(), seuil: '50', regroupement: 'departement' as VueReseau['regroupement'] });
  const [vue, setVue] = useState<VueReseau | null>(null);
  const [adresseIcs, setAdresseIcs] = useState<string | null>(null);
  const [rapport, setRapport] = useState<{ succes?: string; erreur?: string; lignes: LigneRefusee[] } | null>(null);
  const [erreurVue, setErreurVue] = useState<string | null>(null);
  const [nouvelle, setNouvelle] = useState({ code: '', intitule: '', niveau: '', secteur: '' });
  const [ajout, setAjout] = useState<{ succes?: string; erreur?: string; champs: Record<string, string[]> } | null>(null);

  async function charger() {
    try {
      const donnees = await appelApi<MesPeriodes>('/api/calendrier-pfmp/periodes');
      setEtat({ statut: 'pret', donnees });
      setSaisie((s) => (s.formation ? s : { ...s, formation: donnees.formations[0]?.code ?? '' }));
    } catch (e) {
      const err = e as ErreurApi;
      setEtat(err.statut === 401 ? { statut: 'deconnecte' } : { statut: 'erreur', message: err.message });
    }
  }
  async function afficherReseau(e?: FormEvent) {
    e?.preventDefault();
    setErreurVue(null);
    try {
      const q = new URLSearchParams({ debut: filtre.debut, fin: filtre.fin, seuil: filtre.seuil, regroupement: filtre.regroupement });
      setVue(await appelApi<VueReseau>(`/api/calendrier-pfmp/reseau?${q}`));
    } catch (err) {
      const e2 = err as ErreurApi;
      const champs = e2.details?.champs as Record<string, string[]> | undefined;
      setErreurVue(champs ? Object.values(champs).flat().join(' ') : e2.message);
      setVue(null);
    }
  }
  useEffect(() => {
    // Chargement initial seulement.
    void charger().then(() => afficherReseau());
  }, []);

  async function publier(e: FormEvent) {
    e.preventDefault();
    if (envoi) return;
    setEnvoi(true);
    setErreur(null);
    setInfo(null);
    try {
      const p = await appelApi<Periode>('/api/calendrier-pfmp/periodes', { method: 'POST', corps: { ...saisie, eleves: Number(saisie.eleves) } });
      setInfo(`Période publiée : ${p.classe}, du ${jourCourt(p.debut)} au ${jourCourt(p.fin)}.`);
      setSaisie((s) => ({ ...s, classe: '', debut: '', fin: '', eleves: '' }));
      await charger();
      await afficherReseau();
    } catch (err) {
      const e2 = err as ErreurApi;
      setErreur({ message: e2.message, champs: (e2.details?.champs as Record<string, string[]> | undefined) ?? {} });
    } finally {
      setEnvoi(false);
    }
  }
  async function importer(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const fichier = (e.currentTarget.elements.namedItem('fichier') as HTMLInputElement).files?.[0];
    if (!fichier) {
      setRapport({ erreur: 'Choisissez un fichier CSV.', lignes: [] });
      return;
    }
    try {
      const r = await appelApi<{ importees: number }>('/api/calendrier-pfmp/import', { method: 'POST', corps: { csv: await fichier.text() } });
      setRapport({ succes: `${r.importees} période${r.importees > 1 ? 's' : ''} importée${r.importees > 1 ? 's' : ''}.`, lignes: [] });
      await charger();
      await afficherReseau();
    } catch (err) {
      const e2 = err as ErreurApi;
      setRapport({ erreur: e2.message, lignes: (e2.details?.lignes as LigneRefusee[] | undefined) ?? [] });
    }
  }
  async function creerAbonnement() {
    try {
      const r = await appelApi<{ adresse: string }>('/api/calendrier-pfmp/abonnement', { method: 'POST' });
      setAdresseIcs(r.adresse);
      await charger();
    } catch (err) {
      setErreur({ message: (err as ErreurApi).message, champs: {} });
    }
  }
  async function revoquerAbonnement() {
    try {
      await appelApi('/api/calendrier-pfmp/abonnement', { method: 'DELETE' });
      setAdresseIcs(null);
      setInfo('Adresse d’abonnement révoquée : les agendas abonnés ne reçoivent plus le calendrier.');
      await charger();
    } catch (err) {
      setErreur({ message: (err as ErreurApi).message, champs: {} });
    }
  }
  async function ajouterFormation(e: FormEvent) {
    e.preventDefault();
    setAjout(null);
    try {
      const f = await appelApi<Formation>('/api/calendrier-pfmp/formations', { method: 'POST', corps: nouvelle });
      setNouvelle({ code: '', intitule: '', niveau: '', secteur: '' });
      // La liste rechargée d'abord : le message annonce une formation que l'on peut déjà choisir.
      await charger();
      setAjout({ succes: `Formation ajoutée : ${f.intitule} (${f.code}). Les membres peuvent la choisir dès maintenant.`, champs: {} });
    } catch (err) {
      const e2 = err as ErreurApi;
      setAjout({ erreur: e2.message, champs: (e2.details?.champs as Record<string, string[]> | undefined) ?? {} });
    }
  }
  async function retirer(p: Periode) {
    try {
      await appelApi(`/api/calendrier-pfmp/periodes/${p.id}`, { method: 'DELETE' });
      setInfo(`Période retirée : ${p.classe}, du ${jourCourt(p.debut)} au ${jourCourt(p.fin)}.`);
      await charger();
      await afficherReseau();
    } catch (err) {
      setErreur({ message: (err as ErreurApi).message, champs: {} });
    }
  }

  if (etat.statut === 'chargement') return <p role="status">Chargement du calendrier…</p>;
  if (etat.statut === 'deconnecte')
    return (
      <div>
        <p>Le calendrier des PFMP est réservé aux membres du réseau.</p>
        <a className="fr-btn" href="/connexion/">
          Se connecter
        </a>
      </div>
    );
  if (etat.statut === 'erreur')
    return (
      <div className="fr-alert fr-alert--error" role="alert">
        <p>{etat.message}</p>
      </div>
    );

  const { donnees } = etat;
  const intitule = (code: string) => donnees.formations.find((f) => f.code === code)?.intitule ?? code;
  const champ = (nom: keyof Saisie) => erreur?.champs[nom]?.join(' ');
  const totaux = vue ? totauxParSemaine(vue) : [];
  const alertes = vue?.groupes.filter((g) => g.alerte) ?? [];
  const parBassin = vue?.regroupement === 'bassin';
  /** « département 30 » ou « bassin Nîmes (30) ». */
  const zone = (g: VueReseau['groupes'][number]) => (g.bassin === null ? `département ${g.departement}` : `bassin ${g.bassin} (${g.departement})`);
  const cle = (g: VueReseau['groupes'][number]) => `${g.semaine}-${g.secteur}-${g.departement}-${g.bassin ?? ''}`;

  return (
    <>
      <section aria-labelledby={`${id}-miennes`}>
        <h2 id={`${id}-miennes`}>Les périodes de mon lycée ({donnees.uai})</h2>
        <div aria-live="polite">
          {info && (
            <div className="fr-alert fr-alert--success fr-alert--sm fr-mb-2w">
              <p>{info}</p>
            </div>
          )}
          {erreur && (
            <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
              <p>{erreur.message}</p>
            </div>
          )}
        </div>
        {donnees.periodes.length === 0 ? (
          <p>Aucune période publiée pour votre lycée.</p>
        ) : (
          <table className="fr-mb-3w">
            <caption className="fr-sr-only">Périodes de PFMP publiées par mon lycée</caption>
            <thead>
              <tr>
                <th scope="col">Classe</th>
                <th scope="col">Formation</th>
                <th scope="col">Niveau</th>
                <th scope="col">Du</th>
                <th scope="col">Au</th>
                <th scope="col">Élèves</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {donnees.periodes.map((p) => (
                <tr key={p.id}>
                  <th scope="row">{p.classe}</th>
                  <td>{intitule(p.formation)}</td>
                  <td>{NIVEAUX_PFMP[p.niveau]}</td>
                  <td>{jourCourt(p.debut)}</td>
                  <td>{jourCourt(p.fin)}</td>
                  <td>{p.eleves}</td>
                  <td>
                    <button type="button" className="fr-btn fr-btn--sm fr-btn--tertiary" onClick={() => void retirer(p)}>
                      Retirer la période {p.classe} du {jourCourt(p.debut)}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}

        <form onSubmit={publier} noValidate aria-labelledby={`${id}-publier`} className="fr-mb-6w">
          <h3 id={`${id}-publier`} className="fr-h5">
            Publier une période
          </h3>
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-12 fr-col-md-6">
              <Groupe id={`${id}-formation`} libelle="Formation" erreur={champ('formation')}>
                <select
                  className="fr-select"
                  id={`${id}-formation`}
                  value={saisie.formation}
                  onChange={(e) => setSaisie({ ...saisie, formation: e.target.value })}
                >
                  {donnees.formations.map((f) => (
                    <option key={f.code} value={f.code}>
                      {f.intitule} ({f.secteur})
                    </option>
                  ))}
                </select>
              </Groupe>
              <p className="fr-text--sm fr-mt-n2w" id={`${id}-formation-absente`}>
                Votre formation n’est pas dans la liste ? Un administrateur du réseau l’ajoute : écrivez à{' '}
                <a href={`mailto:${academie.contact}?subject=${encodeURIComponent('Calendrier des PFMP : formation à ajouter')}`}>{academie.contact}</a> en
                donnant son intitulé, son niveau et son code « formation diplôme » de la BCN (8 caractères, sur la fiche de la formation dans votre logiciel de
                scolarité).
              </p>
            </div>
            <div className="fr-col-6 fr-col-md-3">
              <Groupe id={`${id}-classe`} libelle="Classe" erreur={champ('classe')}>
                <input
                  className="fr-input"
                  id={`${id}-classe`}
                  value={saisie.classe}
                  onChange={(e) => setSaisie({ ...saisie, classe: e.target.value })}
                  autoComplete="off"
                />
              </Groupe>
            </div>
            <div className="fr-col-6 fr-col-md-3">
              <Groupe id={`${id}-niveau`} libelle="Niveau" erreur={champ('niveau')}>
                <select
                  className="fr-select"
                  id={`${id}-niveau`}
                  value={saisie.niveau}
                  onChange={(e) => setSaisie({ ...saisie, niveau: e.target.value as NiveauPfmp })}
                >
                  {Object.entries(NIVEAUX_PFMP).map(([v, l]) => (
                    <option key={v} value={v}>
                      {l}
                    </option>
                  ))}
                </select>
              </Groupe>
            </div>
            <div className="fr-col-6 fr-col-md-4">
              <Groupe id={`${id}-debut`} libelle="Premier jour" erreur={champ('debut')}>
                <input
                  className="fr-input"
                  type="date"
                  id={`${id}-debut`}
                  value={saisie.debut}
                  onChange={(e) => setSaisie({ ...saisie, debut: e.target.value })}
                />
              </Groupe>
            </div>
            <div className="fr-col-6 fr-col-md-4">
              <Groupe id={`${id}-fin`} libelle="Dernier jour" erreur={champ('fin')}>
                <input className="fr-input" type="date" id={`${id}-fin`} value={saisie.fin} onChange={(e) => setSaisie({ ...saisie, fin: e.target.value })} />
              </Groupe>
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Groupe id={`${id}-eleves`} libelle="Nombre d’élèves" erreur={champ('eleves')}>
                <input
                  className="fr-input"
                  inputMode="numeric"
                  id={`${id}-eleves`}
                  value={saisie.eleves}
                  onChange={(e) => setSaisie({ ...saisie, eleves: e.target.value })}
                  autoComplete="off"
                />
              </Groupe>
            </div>
          </div>
          <button className="fr-btn" type="submit" disabled={envoi}>
            {envoi ? 'Publication…' : 'Publier la période'}
          </button>
        </form>
        <form onSubmit={importer} noValidate aria-labelledby={`${id}-importer`} className="fr-mb-6w">
          <h3 id={`${id}-importer`} className="fr-h5">
            Importer les périodes d’une année (CSV)
          </h3>
          <div className="fr-upload-group fr-mb-2w">
            <label className="fr-label" htmlFor={`${id}-fichier`}>
              Fichier CSV
              <span className="fr-hint-text">
                Une ligne par période, en-tête « formation;classe;niveau;debut;fin;eleves » ; dates au format JJ/MM/AAAA ou AAAA-MM-JJ ; codes de formation de
                la liste ci-dessus. Tout ou rien : une seule ligne refusée et rien n’est enregistré.
              </span>
            </label>
            <input className="fr-upload" type="file" id={`${id}-fichier`} name="fichier" accept=".csv,text/csv" />
          </div>
          <button className="fr-btn fr-btn--secondary" type="submit">
            Importer le fichier
          </button>
          <div aria-live="polite" className="fr-mt-2w">
            {rapport?.succes && (
              <div className="fr-alert fr-alert--success fr-alert--sm">
                <p>{rapport.succes}</p>
              </div>
            )}
            {rapport?.erreur && (
              <div className="fr-alert fr-alert--error fr-alert--sm" role="alert">
                <p>{rapport.erreur}</p>
                {rapport.lignes.length > 0 && (
                  <ul>
                    {rapport.lignes.map((l) => (
                      <li key={l.ligne}>
                        Ligne {l.ligne} : {l.messages.join(' ; ')}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            )}
          </div>
        </form>
        {donnees.peut_ajouter_formation && (
          <form onSubmit={ajouterFormation} noValidate aria-labelledby={`${id}-ajout-formation`} className="fr-mb-6w">
            <h3 id={`${id}-ajout-formation`} className="fr-h5">
              Ajouter une formation manquante (administrateurs)
            </h3>
            <p className="fr-text--sm">
              La liste vient de l’export officiel de la Base Centrale des Nomenclatures (commande <code>npm run importer-formations</code>). Ajoutez ici une
              formation qui n’y est pas encore ; un prochain import la mettra à jour d’après la BCN.
            </p>
            <div className="fr-grid-row fr-grid-row--gutters">
              <div className="fr-col-12 fr-col-md-3">
                <Groupe id={`${id}-nf-code`} libelle="Code formation diplôme (BCN, 8 caractères)" erreur={ajout?.champs.code?.join(' ')}>
                  <input
                    className="fr-input"
                    id={`${id}-nf-code`}
                    value={nouvelle.code}
                    onChange={(e) => setNouvelle({ ...nouvelle, code: e.target.value })}
                    autoComplete="off"
                  />
                </Groupe>
              </div>
              <div className="fr-col-12 fr-col-md-9">
                <Groupe id={`${id}-nf-intitule`} libelle="Intitulé" erreur={ajout?.champs.intitule?.join(' ')}>
                  <input
                    className="fr-input"
                    id={`${id}-nf-intitule`}
                    value={nouvelle.intitule}
                    onChange={(e) => setNouvelle({ ...nouvelle, intitule: e.target.value })}
                    autoComplete="off"
                  />
                </Groupe>
              </div>
              <div className="fr-col-12 fr-col-md-3">
                <Groupe id={`${id}-nf-niveau`} libelle="Niveau ou diplôme (CAP, BAC PRO…)" erreur={ajout?.champs.niveau?.join(' ')}>
                  <input
                    className="fr-input"
                    id={`${id}-nf-niveau`}
                    value={nouvelle.niveau}
                    onChange={(e) => setNouvelle({ ...nouvelle, niveau: e.target.value })}
                    autoComplete="off"
                  />
                </Groupe>
              </div>
              <div className="fr-col-12 fr-col-md-9">
                <Groupe
                  id={`${id}-nf-secteur`}
                  libelle="Secteur (vue du réseau ; un secteur déjà utilisé de préférence)"
                  erreur={ajout?.champs.secteur?.join(' ')}
                >
                  <input
                    className="fr-input"
                    id={`${id}-nf-secteur`}
                    list={`${id}-secteurs`}
                    value={nouvelle.secteur}
                    onChange={(e) => setNouvelle({ ...nouvelle, secteur: e.target.value })}
                    autoComplete="off"
                  />
                </Groupe>
                <datalist id={`${id}-secteurs`}>
                  {[...new Set(donnees.formations.map((f) => f.secteur))].sort().map((sct) => (
                    <option key={sct} value={sct} />
                  ))}
                </datalist>
              </div>
            </div>
            <button className="fr-btn fr-btn--secondary" type="submit">
              Ajouter la formation
            </button>
            <div aria-live="polite" className="fr-mt-2w">
              {ajout?.succes && (
                <div className="fr-alert fr-alert--success fr-alert--sm">
                  <p>{ajout.succes}</p>
                </div>
              )}
              {ajout?.erreur && (
                <div className="fr-alert fr-alert--error fr-alert--sm" role="alert">
                  <p>{ajout.erreur}</p>
                </div>
              )}
            </div>
          </form>
        )}
        <h3 id={`${id}-abonnement`} className="fr-h5">
          S’abonner au calendrier de mon lycée (.ics)
        </h3>
        <p>
          Une adresse secrète, à coller dans un agenda (Thunderbird, Outlook, agenda du téléphone) : il affiche les périodes de votre lycée et suit leurs
          changements. Ne la diffusez qu’à ceux qui doivent la voir.
        </p>
        {adresseIcs && (
          <div className="fr-input-group">
            <label className="fr-label" htmlFor={`${id}-ics`}>
              Adresse d’abonnement (montrée une seule fois : copiez-la maintenant)
            </label>
            <input className="fr-input" id={`${id}-ics`} readOnly value={adresseIcs} onFocus={(e) => e.currentTarget.select()} />
          </div>
        )}
        {!adresseIcs && donnees.abonnement && <p>Une adresse d’abonnement est active depuis le {jourCourt(donnees.abonnement.cree_le.slice(0, 10))}.</p>}
        <ul className="fr-btns-group fr-btns-group--inline-sm fr-mb-6w">
          <li>
            <button type="button" className="fr-btn fr-btn--secondary" onClick={() => void creerAbonnement()}>
              {donnees.abonnement ? 'Remplacer l’adresse (l’ancienne cesse de fonctionner)' : 'Créer l’adresse d’abonnement'}
            </button>
          </li>
          {donnees.abonnement && (
            <li>
              <button type="button" className="fr-btn fr-btn--tertiary" onClick={() => void revoquerAbonnement()}>
                Révoquer l’adresse
              </button>
            </li>
          )}
        </ul>
      </section>

      <section aria-labelledby={`${id}-reseau`}>
        <h2 id={`${id}-reseau`}>Le réseau, semaine par semaine</h2>
        <form onSubmit={afficherReseau} noValidate aria-label="Période et seuil de la vue du réseau" className="fr-mb-3w">
          <div className="fr-grid-row fr-grid-row--gutters">
            <div className="fr-col-6 fr-col-md-6">
              <Groupe id={`${id}-vue-debut`} libelle="Du">
                <input
                  className="fr-input"
                  type="date"
                  id={`${id}-vue-debut`}
                  value={filtre.debut}
                  onChange={(e) => setFiltre({ ...filtre, debut: e.target.value })}
                />
              </Groupe>
            </div>
            <div className="fr-col-6 fr-col-md-6">
              <Groupe id={`${id}-vue-fin`} libelle="Au">
                <input
                  className="fr-input"
                  type="date"
                  id={`${id}-vue-fin`}
                  value={filtre.fin}
                  onChange={(e) => setFiltre({ ...filtre, fin: e.target.value })}
                />
              </Groupe>
            </div>
            <div className="fr-col-12 fr-col-md-4">
              <Groupe id={`${id}-regroupement`} libelle="Regrouper les lycées par">
                <select
                  className="fr-select"
                  id={`${id}-regroupement`}
                  value={filtre.regroupement}
                  onChange={(e) => setFiltre({ ...filtre, regroupement: e.target.value as VueReseau['regroupement'] })}
                >
                  <option value="departement">Département</option>
                  <option value="bassin">Bassin de formation</option>
                </select>
              </Groupe>
            </div>
            <div className="fr-col-12 fr-col-md-8">
              <Groupe id={`${id}-seuil`} libelle="Seuil d’alerte (élèves d’un même secteur et d’un même département ou bassin la même semaine)">
                <input
                  className="fr-input"
                  inputMode="numeric"
                  id={`${id}-seuil`}
                  value={filtre.seuil}
                  onChange={(e) => setFiltre({ ...filtre, seuil: e.target.value })}
                />
              </Groupe>
            </div>
          </div>
          <button className="fr-btn fr-btn--secondary" type="submit">
            Afficher le réseau
          </button>
        </form>
        {erreurVue && (
          <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
            <p>{erreurVue}</p>
          </div>
        )}
        {vue && (
          <>
            <h3 className="fr-h5">Chevauchements au-delà du seuil ({vue.seuil} élèves)</h3>
            {alertes.length === 0 ? (
              <p>Aucun groupe n’atteint le seuil sur cette période.</p>
            ) : (
              <ul>
                {alertes.map((g) => (
                  <li key={cle(g)}>
                    Semaine du {jourCourt(g.semaine)}, {g.secteur}, {zone(g)} : <strong>{g.eleves} élèves</strong> de {g.lycees} lycée{g.lycees > 1 ? 's' : ''}{' '}
                    —{' '}
                    {(g.detail ?? []).map((d, i) => (
                      <span key={`${d.uai}-${i}`}>
                        {i > 0 && ', '}
                        {d.uai === donnees.uai ? <mark>votre lycée ({d.eleves})</mark> : `${d.nom} (${d.eleves})`}
                      </span>
                    ))}
                  </li>
                ))}
              </ul>
            )}
            <Graphique totaux={totaux} />
            <table className="fr-mb-3w">
              <caption>Élèves en PFMP par semaine, secteur et {parBassin ? 'bassin de formation' : 'département'}</caption>
              <thead>
                <tr>
                  <th scope="col">Semaine du</th>
                  <th scope="col">Secteur</th>
                  <th scope="col">Département</th>
                  {parBassin && <th scope="col">Bassin</th>}
                  <th scope="col">Élèves</th>
                  <th scope="col">Lycées</th>
                  <th scope="col">Seuil</th>
                </tr>
              </thead>
              <tbody>
                {vue.groupes.map((g) => (
                  <tr key={cle(g)}>
                    <td>{jourCourt(g.semaine)}</td>
                    <td>{g.secteur}</td>
                    <td>{g.departement}</td>
                    {parBassin && <td>{g.bassin}</td>}
                    <td>{g.eleves}</td>
                    <td>{g.lycees}</td>
                    <td>{g.alerte ? <p className="fr-badge fr-badge--sm fr-badge--warning">Atteint</p> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>
    </>
  );
}

/** Barres SVG des élèves en PFMP par semaine ; les mêmes chiffres sont dans le tableau qui suit la figure. */
function Graphique({ totaux }: { totaux: { semaine: string; eleves: number; alerte: boolean }[] }) {
  const id = useId();
  if (totaux.length === 0) return <p>Aucune période de PFMP publiée sur ces dates.</p>;
  const max = Math.max(...totaux.map((t) => t.eleves));
  const largeur = 12;
  const hauteur = 120;
  return (
    <figure className="fr-mb-3w" aria-labelledby={`${id}-legende`}>
      <svg
        role="img"
        aria-labelledby={`${id}-legende`}
        viewBox={`0 0 ${totaux.length * largeur} ${hauteur}`}
        width="100%"
        height="160"
        preserveAspectRatio="none"
      >
        {totaux.map((t, i) => {
          const h = Math.max(1, (t.eleves / max) * (hauteur - 4));
          return (
            <rect
              key={t.semaine}
              x={i * largeur + 1}
              y={hauteur - h}
              width={largeur - 2}
              height={h}
              fill={t.alerte ? 'var(--background-flat-warning)' : 'var(--background-flat-blue-france)'}
            >
              <title>{`Semaine du ${jourCourt(t.semaine)} : ${t.eleves} élèves${t.alerte ? ', seuil atteint' : ''}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption id={`${id}-legende`}>
        Élèves en PFMP dans le réseau, semaine par semaine ({totaux.length} semaines, au plus {max} élèves) ; en orange, les semaines où un groupe atteint le
        seuil. Détail dans le tableau ci-dessous.
      </figcaption>
      <table className="fr-mt-2w">
        <caption className="fr-sr-only">Élèves en PFMP dans le réseau par semaine (données de la figure)</caption>
        <thead>
          <tr>
            <th scope="col">Semaine du</th>
            <th scope="col">Élèves en PFMP</th>
            <th scope="col">Seuil atteint</th>
          </tr>
        </thead>
        <tbody>
          {totaux.map((t) => (
            <tr key={t.semaine}>
              <td>{jourCourt(t.semaine)}</td>
              <td>{t.eleves}</td>
              <td>{t.alerte ? 'oui' : 'non'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** Groupe de champ DSFR avec son message d'erreur relié. */
function Groupe({
  id,
  libelle,
  erreur,
  children,
}: {
  id: string;
  libelle: string;
  erreur?: string;
  children: ReactElement<{ 'aria-describedby'?: string; 'aria-invalid'?: boolean }>;
}) {
  return (
    <div className={`fr-input-group${erreur ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {libelle}
      </label>
      {erreur ? cloneElement(children, { 'aria-describedby': `${id}-erreur`, 'aria-invalid': true }) : children}
      {erreur && (
        <p id={`${id}-erreur`} className="fr-error-text">
          {erreur}
        </p>
      )}
    </div>
  );
}
