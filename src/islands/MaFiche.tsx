import { useEffect, useState, type FormEvent } from 'react';
import { appelApi, ErreurApi } from '../lib/api-client.ts';
import { CHAMPS_MASQUABLES, VISIBILITES, type ChampMasquable, type Visibilite } from '../schemas/annuaire-libelles.ts';
import type { FiltresAnnuaire, MaFiche as Fiche, ModificationFicheEntree } from '../schemas/annuaire.ts';
import { THEMES, type Theme } from '../schemas/themes.ts';

type Etat = { statut: 'chargement' } | { statut: 'deconnecte' } | { statut: 'erreur'; message: string } | { statut: 'pret' };
type Saisie = Omit<ModificationFicheEntree, 'secteurs' | 'langues' | 'visibilites' | 'expertises'> & {
  secteurs: string;
  langues: string;
  expertises: Theme[];
  visibilites: Record<ChampMasquable, Visibilite>;
};

const liste = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const versSaisie = (f: Fiche): Saisie => ({
  prenom: f.prenom,
  nom: f.nom,
  fonction: f.fonction,
  uai: f.uai,
  telephone: f.telephone ?? '',
  presentation: f.presentation ?? '',
  secteurs: f.secteurs.join(', '),
  langues: f.langues.join(', '),
  expertises: f.expertises,
  accompagne: f.accompagne,
  visibilites: f.visibilites,
});
const dateFr = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long' }).format(new Date(iso));

/** Le choix de visibilité d'un champ. */
function ChoixVisibilite({ champ, valeur, changer }: { champ: ChampMasquable; valeur: Visibilite; changer: (v: Visibilite) => void }) {
  const id = `visibilite-${champ}`;
  return (
    <div className="fr-select-group fr-mb-3w">
      <label className="fr-label" htmlFor={id}>
        {`Qui voit : ${CHAMPS_MASQUABLES[champ].toLowerCase()}`}
      </label>
      <select className="fr-select" id={id} value={valeur} onChange={(e) => changer(e.target.value as Visibilite)}>
        {(Object.entries(VISIBILITES) as [Visibilite, string][]).map(([k, v]) => (
          <option key={k} value={k}>
            {v}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Ma fiche d'annuaire : la compléter, choisir qui voit chaque champ, exporter ou effacer mes données. */
export default function MaFiche() {
  const [etat, setEtat] = useState<Etat>({ statut: 'chargement' });
  const [fiche, setFiche] = useState<Fiche | null>(null);
  const [saisie, setSaisie] = useState<Saisie | null>(null);
  const [lycees, setLycees] = useState<FiltresAnnuaire['etablissements']>([]);
  const [message, setMessage] = useState<{ genre: 'success' | 'error'; texte: string; champs?: Record<string, string[]> } | null>(null);
  const [envoi, setEnvoi] = useState(false);
  const [confirmerEffacement, setConfirmerEffacement] = useState(false);

  useEffect(() => {
    Promise.all([appelApi<Fiche>('/api/annuaire/moi'), appelApi<FiltresAnnuaire>('/api/annuaire/filtres')])
      .then(([f, d]) => {
        setFiche(f);
        setSaisie(versSaisie(f));
        setLycees(d.etablissements);
        setEtat({ statut: 'pret' });
      })
      .catch((e: ErreurApi) => setEtat(e.statut === 401 ? { statut: 'deconnecte' } : { statut: 'erreur', message: e.message }));
  }, []);

  if (etat.statut === 'chargement') return <p role="status">Chargement de votre fiche…</p>;
  if (etat.statut === 'deconnecte') {
    return (
      <div>
        <p>Votre fiche est accessible une fois connecté.</p>
        <a className="fr-btn" href="/connexion/">
          Se connecter
        </a>
      </div>
    );
  }
  if (etat.statut === 'erreur' || !saisie || !fiche) {
    return (
      <div className="fr-alert fr-alert--error" role="alert">
        <p>{etat.statut === 'erreur' ? etat.message : 'Fiche indisponible.'}</p>
      </div>
    );
  }

  const maj = (p: Partial<Saisie>) => setSaisie({ ...saisie, ...p });
  const visibilite = (champ: ChampMasquable) => (
    <ChoixVisibilite champ={champ} valeur={saisie.visibilites[champ]} changer={(v) => maj({ visibilites: { ...saisie.visibilites, [champ]: v } })} />
  );
  const erreurChamp = (champ: string) => message?.champs?.[champ]?.join(' ');
  const groupe = (champ: string) => `fr-input-group${erreurChamp(champ) ? ' fr-input-group--error' : ''}`;
  const aide = (champ: string) =>
    erreurChamp(champ) ? (
      <p className="fr-error-text" id={`erreur-${champ}`}>
        {erreurChamp(champ)}
      </p>
    ) : null;
  const decrit = (champ: string) => (erreurChamp(champ) ? `erreur-${champ}` : undefined);

  async function enregistrer(e: FormEvent) {
    e.preventDefault();
    if (!saisie) return;
    setEnvoi(true);
    setMessage(null);
    try {
      const f = await appelApi<Fiche>('/api/annuaire/moi', {
        method: 'PUT',
        corps: {
          ...saisie,
          secteurs: liste(saisie.secteurs),
          langues: liste(saisie.langues),
          telephone: saisie.telephone || null,
          presentation: saisie.presentation || null,
        },
      });
      setFiche(f);
      setSaisie(versSaisie(f));
      setMessage({ genre: 'success', texte: 'Votre fiche est enregistrée.' });
    } catch (err) {
      const e2 = err as ErreurApi;
      setMessage({ genre: 'error', texte: e2.message, champs: e2.details?.champs as Record<string, string[]> | undefined });
    } finally {
      setEnvoi(false);
    }
  }

  async function effacer() {
    try {
      const f = await appelApi<Fiche>('/api/annuaire/moi', { method: 'DELETE' });
      setFiche(f);
      setSaisie(versSaisie(f));
      setConfirmerEffacement(false);
      setMessage({ genre: 'success', texte: 'Vos données facultatives sont effacées.' });
    } catch (err) {
      setMessage({ genre: 'error', texte: (err as ErreurApi).message });
    }
  }

  return (
    <div>
      <p className="rbde-meta">
        {`Membre depuis le ${dateFr(fiche.arrive_le)}. `}
        {fiche.mis_a_jour_le ? `Fiche mise à jour le ${dateFr(fiche.mis_a_jour_le)}.` : 'Fiche jamais complétée.'}
      </p>
      {message && (
        <div className={`fr-alert fr-alert--${message.genre} fr-alert--sm fr-mb-3w`} role={message.genre === 'error' ? 'alert' : 'status'}>
          <p>{message.texte}</p>
        </div>
      )}
      <form onSubmit={enregistrer} noValidate>
        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Identité (visible de tout le réseau)</legend>
          <div className="fr-fieldset__element">
            <div className={groupe('prenom')}>
              <label className="fr-label" htmlFor="fiche-prenom">
                Prénom
              </label>
              <input
                className="fr-input"
                id="fiche-prenom"
                value={saisie.prenom}
                required
                maxLength={80}
                aria-describedby={decrit('prenom')}
                onChange={(e) => maj({ prenom: e.target.value })}
              />
              {aide('prenom')}
            </div>
          </div>
          <div className="fr-fieldset__element">
            <div className={groupe('nom')}>
              <label className="fr-label" htmlFor="fiche-nom">
                Nom
              </label>
              <input
                className="fr-input"
                id="fiche-nom"
                value={saisie.nom}
                required
                maxLength={80}
                aria-describedby={decrit('nom')}
                onChange={(e) => maj({ nom: e.target.value })}
              />
              {aide('nom')}
            </div>
          </div>
          <div className="fr-fieldset__element">
            <div className={groupe('fonction')}>
              <label className="fr-label" htmlFor="fiche-fonction">
                Fonction
              </label>
              <input
                className="fr-input"
                id="fiche-fonction"
                value={saisie.fonction}
                required
                maxLength={120}
                aria-describedby={decrit('fonction')}
                onChange={(e) => maj({ fonction: e.target.value })}
              />
              {aide('fonction')}
            </div>
          </div>
        </fieldset>

        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Coordonnées professionnelles</legend>
          <div className="fr-fieldset__element">
            <p>
              Adresse électronique : <strong>{fiche.email}</strong> (celle de votre connexion ; un administrateur la change)
            </p>
            {visibilite('email')}
          </div>
          <div className="fr-fieldset__element">
            <div className={groupe('telephone')}>
              <label className="fr-label" htmlFor="fiche-telephone">
                Téléphone professionnel
                <span className="fr-hint-text">Facultatif. Exemple : 04 67 00 00 00</span>
              </label>
              <input
                className="fr-input"
                id="fiche-telephone"
                type="tel"
                value={saisie.telephone ?? ''}
                maxLength={20}
                aria-describedby={decrit('telephone')}
                onChange={(e) => maj({ telephone: e.target.value })}
              />
              {aide('telephone')}
            </div>
            {visibilite('telephone')}
          </div>
          <div className="fr-fieldset__element">
            <div className="fr-select-group">
              <label className="fr-label" htmlFor="fiche-uai">
                Lycée
              </label>
              <select className="fr-select" id="fiche-uai" value={saisie.uai ?? ''} onChange={(e) => maj({ uai: e.target.value || null })}>
                <option value="">Non renseigné</option>
                {lycees.map((l) => (
                  <option key={l.uai} value={l.uai}>{`${l.nom}, ${l.commune} (${l.departement})`}</option>
                ))}
              </select>
            </div>
            {visibilite('etablissement')}
          </div>
        </fieldset>

        <fieldset className="fr-fieldset">
          <legend className="fr-fieldset__legend">Ce que je sais faire</legend>
          <div className="fr-fieldset__element">
            <div className={groupe('secteurs')}>
              <label className="fr-label" htmlFor="fiche-secteurs">
                Secteurs et formations de mon lycée
                <span className="fr-hint-text">Séparés par des virgules. Exemple : Commerce, Maintenance des véhicules</span>
              </label>
              <input
                className="fr-input"
                id="fiche-secteurs"
                value={saisie.secteurs}
                aria-describedby={decrit('secteurs')}
                onChange={(e) => maj({ secteurs: e.target.value })}
              />
              {aide('secteurs')}
            </div>
            {visibilite('secteurs')}
          </div>
          <div className="fr-fieldset__element">
            <fieldset className="fr-fieldset" aria-describedby={decrit('expertises')}>
              <legend className="fr-fieldset__legend fr-text--regular">Mes expertises (thèmes des guides)</legend>
              {(Object.entries(THEMES) as [Theme, string][]).map(([k, v]) => (
                <div className="fr-fieldset__element fr-fieldset__element--inline" key={k}>
                  <div className="fr-checkbox-group">
                    <input
                      id={`expertise-${k}`}
                      type="checkbox"
                      checked={saisie.expertises.includes(k)}
                      onChange={(e) => maj({ expertises: e.target.checked ? [...saisie.expertises, k] : saisie.expertises.filter((x) => x !== k) })}
                    />
                    <label className="fr-label" htmlFor={`expertise-${k}`}>
                      {v}
                    </label>
                  </div>
                </div>
              ))}
              {aide('expertises')}
            </fieldset>
            {visibilite('expertises')}
          </div>
          <div className="fr-fieldset__element">
            <div className={groupe('presentation')}>
              <label className="fr-label" htmlFor="fiche-presentation">
                Courte présentation
                <span className="fr-hint-text">600 caractères au plus.</span>
              </label>
              <textarea
                className="fr-input"
                id="fiche-presentation"
                value={saisie.presentation ?? ''}
                maxLength={600}
                rows={4}
                aria-describedby={decrit('presentation')}
                onChange={(e) => maj({ presentation: e.target.value })}
              />
              {aide('presentation')}
            </div>
            {visibilite('presentation')}
          </div>
          <div className="fr-fieldset__element">
            <div className={groupe('langues')}>
              <label className="fr-label" htmlFor="fiche-langues">
                Langues parlées
                <span className="fr-hint-text">Séparées par des virgules. Exemple : anglais, catalan</span>
              </label>
              <input
                className="fr-input"
                id="fiche-langues"
                value={saisie.langues}
                aria-describedby={decrit('langues')}
                onChange={(e) => maj({ langues: e.target.value })}
              />
              {aide('langues')}
            </div>
            {visibilite('langues')}
          </div>
          <div className="fr-fieldset__element">
            <div className="fr-checkbox-group fr-mb-2w">
              <input id="fiche-accompagne" type="checkbox" checked={saisie.accompagne ?? false} onChange={(e) => maj({ accompagne: e.target.checked })} />
              <label className="fr-label" htmlFor="fiche-accompagne">
                Je peux accompagner un nouveau collègue
              </label>
            </div>
            {visibilite('accompagne')}
          </div>
        </fieldset>
        <button className="fr-btn" type="submit" disabled={envoi}>
          Enregistrer ma fiche
        </button>
      </form>

      <h2 className="fr-mt-6w">Mes données</h2>
      <p>
        Téléchargez tout ce que le réseau conserve sur vous, ou effacez vos données facultatives (téléphone, secteurs, expertises, présentation, langues,
        accompagnement, visibilités). Votre nom, votre adresse, votre fonction et votre lycée restent : ils font de vous un membre.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <a className="fr-btn fr-btn--secondary fr-icon-download-line fr-btn--icon-left" href="/api/annuaire/moi/export" download>
            Télécharger mes données (JSON)
          </a>
        </li>
        <li>
          {confirmerEffacement ? (
            <button className="fr-btn fr-btn--tertiary" type="button" onClick={effacer}>
              Confirmer l’effacement de mes données facultatives
            </button>
          ) : (
            <button className="fr-btn fr-btn--tertiary" type="button" onClick={() => setConfirmerEffacement(true)}>
              Effacer mes données facultatives
            </button>
          )}
        </li>
      </ul>
    </div>
  );
}
