import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { appelApi, ErreurApi } from '../lib/api-client.ts';
import type { Participants } from '../schemas/inscription.ts';

interface Props {
  slug: string;
  titre: string;
  quand: string;
}

type Etat = { statut: 'chargement' } | { statut: 'pret'; donnees: Participants } | { statut: 'refus'; message: string; connexion: boolean };

/** Compare sans accents ni casse (« Chloé » trouvé par « chloe »). */
const normaliser = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

const donneesOuVide = (e: Etat): Participants =>
  e.statut === 'pret' ? e.donnees : { rencontre: { slug: '', titre: '', debut: '', fin: '' }, ateliers: [], inscrits: [] };

/** Organisateurs : effectifs, listes d'attente, export CSV, feuilles d'émargement, pointage sur téléphone. */
export default function OrganisationRencontre({ slug, titre, quand }: Props) {
  const [etat, setEtat] = useState<Etat>({ statut: 'chargement' });
  const [recherche, setRecherche] = useState('');
  const [feuille, setFeuille] = useState<string | null>(null);
  // Pointages pas encore confirmés par le serveur (réseau faible) : gardés et renvoyés.
  const [enAttente, setEnAttente] = useState<Record<string, boolean>>({});
  const [annonce, setAnnonce] = useState('');
  const [attestations, setAttestations] = useState(false);
  const [envoiMessage, setEnvoiMessage] = useState<{ type: 'success' | 'error'; texte: string } | null>(null);

  const charger = useCallback(() => {
    appelApi<Participants>(`/api/rencontres/${slug}/participants`)
      .then((donnees) => setEtat({ statut: 'pret', donnees }))
      .catch((e: ErreurApi) => setEtat({ statut: 'refus', message: e.message, connexion: e.statut === 401 }));
  }, [slug]);
  useEffect(charger, [charger]);

  const envoyerPointage = useCallback(
    async (inscription: string, present: boolean) => {
      try {
        await appelApi(`/api/rencontres/${slug}/pointage`, { method: 'POST', corps: { inscription, present } });
        setEnAttente((p) => {
          const { [inscription]: _, ...reste } = p;
          return reste;
        });
        return true;
      } catch (e) {
        if ((e as ErreurApi).statut === 0) return false;
        setAnnonce((e as ErreurApi).message);
        setEnAttente((p) => {
          const { [inscription]: _, ...reste } = p;
          return reste;
        });
        charger();
        return true;
      }
    },
    [slug, charger],
  );

  // Réseau revenu : renvoie les pointages restés en attente.
  useEffect(() => {
    const renvoyer = () => Object.entries(enAttente).forEach(([i, p]) => void envoyerPointage(i, p));
    window.addEventListener('online', renvoyer);
    return () => window.removeEventListener('online', renvoyer);
  }, [enAttente, envoyerPointage]);

  async function pointer(inscription: string, nom: string, present: boolean) {
    if (etat.statut !== 'pret') return;
    // Affichage immédiat ; le serveur confirme ensuite.
    setEtat({
      statut: 'pret',
      donnees: { ...etat.donnees, inscrits: etat.donnees.inscrits.map((i) => (i.inscription === inscription ? { ...i, present } : i)) },
    });
    setEnAttente((p) => ({ ...p, [inscription]: present }));
    const ok = await envoyerPointage(inscription, present);
    setAnnonce(ok ? `${nom} : ${present ? 'présent' : 'pointage retiré'}.` : `${nom} : pas de réseau, le pointage sera renvoyé dès le retour de la connexion.`);
  }

  const inscritsFiltres = useMemo(() => {
    if (etat.statut !== 'pret') return [];
    const q = normaliser(recherche.trim());
    return etat.donnees.inscrits.filter((i) => !q || normaliser(`${i.prenom} ${i.nom} ${i.nom} ${i.prenom}`).includes(q));
  }, [etat, recherche]);

  if (etat.statut === 'chargement') return <p role="status">Chargement des listes…</p>;
  if (etat.statut === 'refus') {
    return (
      <div>
        <div className="fr-alert fr-alert--error fr-mb-2w" role="alert">
          <p>{etat.message}</p>
        </div>
        {etat.connexion && (
          <a className="fr-btn" href="/connexion/">
            Se connecter
          </a>
        )}
      </div>
    );
  }
  const { donnees } = etat;

  async function envoyerMessage(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    setEnvoiMessage(null);
    try {
      const r = await appelApi<{ envoyes: number; echecs: number }>(`/api/rencontres/${slug}/message`, {
        method: 'POST',
        corps: { objet: f.get('objet'), texte: f.get('texte'), atelier: f.get('atelier') || null },
      });
      setEnvoiMessage({
        type: 'success',
        texte: `Message envoyé à ${r.envoyes} ${r.envoyes > 1 ? 'personnes' : 'personne'}${r.echecs ? ` ; ${r.echecs} envoi(s) en échec` : ''}.`,
      });
    } catch (err) {
      const champs = (err as ErreurApi).details?.champs as Record<string, string[]> | undefined;
      setEnvoiMessage({ type: 'error', texte: [(err as ErreurApi).message, ...Object.values(champs ?? {}).flat()].join(' ') });
    }
  }

  if (attestations) {
    const dateJour = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'Europe/Paris' }).format(new Date(donneesOuVide(etat).rencontre.debut));
    return (
      <div>
        <ul className="fr-btns-group fr-btns-group--inline-sm">
          <li>
            <button className="fr-btn fr-icon-printer-line fr-btn--icon-left" type="button" onClick={() => window.print()}>
              Imprimer les attestations
            </button>
          </li>
          <li>
            <button className="fr-btn fr-btn--secondary" type="button" onClick={() => setAttestations(false)}>
              Revenir aux listes
            </button>
          </li>
        </ul>
        {donneesOuVide(etat)
          .inscrits.filter((i) => i.present)
          .map((i) => (
            <section key={i.inscription} className="rbde-emargement fr-mb-6w" aria-label={`Attestation de présence de ${i.prenom} ${i.nom}`}>
              <h2>Attestation de présence</h2>
              <p>
                Les organisateurs attestent que {i.prenom} {i.nom}
                {i.etablissement ? `, ${i.etablissement},` : ''} a participé à la rencontre « {titre} » le {dateJour}.
              </p>
              {i.ateliers.some((a) => a.statut === 'confirmee') && (
                <p>
                  Ateliers suivis :{' '}
                  {i.ateliers
                    .filter((a) => a.statut === 'confirmee')
                    .map((a) => `« ${a.titre} »`)
                    .join(', ')}
                  .
                </p>
              )}
              <p className="fr-mt-6w">Pour les organisateurs, signature :</p>
            </section>
          ))}
      </div>
    );
  }

  if (feuille) {
    const atelier = donnees.ateliers.find((a) => a.atelier === feuille)!;
    return (
      <div>
        <ul className="fr-btns-group fr-btns-group--inline-sm">
          <li>
            <button className="fr-btn fr-icon-printer-line fr-btn--icon-left" type="button" onClick={() => window.print()}>
              Imprimer la feuille
            </button>
          </li>
          <li>
            <button className="fr-btn fr-btn--secondary" type="button" onClick={() => setFeuille(null)}>
              Revenir aux listes
            </button>
          </li>
        </ul>
        <section className="rbde-emargement" aria-labelledby="titre-feuille">
          <h2 id="titre-feuille">Feuille d’émargement — {atelier.titre}</h2>
          <p>
            {titre} — {quand} — {atelier.creneau}, {atelier.salle ?? 'salle à préciser'} — {atelier.confirmes.length} inscrits sur {atelier.capacite} places
          </p>
          <table>
            <caption className="fr-sr-only">Inscrits confirmés de l’atelier, avec une case de signature</caption>
            <thead>
              <tr>
                <th scope="col">Nom</th>
                <th scope="col">Prénom</th>
                <th scope="col">Établissement</th>
                <th scope="col">Signature</th>
              </tr>
            </thead>
            <tbody>
              {atelier.confirmes.map((p) => (
                <tr key={p.inscription}>
                  <td>{p.nom}</td>
                  <td>{p.prenom}</td>
                  <td>{p.etablissement ?? ''}</td>
                  <td className="rbde-signature"></td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    );
  }

  const presents = donnees.inscrits.filter((i) => i.present).length;
  return (
    <div>
      <p className="fr-sr-only" aria-live="polite">
        {annonce}
      </p>
      <section aria-labelledby="effectifs">
        <h2 id="effectifs">Effectifs par atelier</h2>
        <div className="fr-table">
          <table>
            <caption>
              {donnees.inscrits.length} inscrits, {presents} présents pointés
            </caption>
            <thead>
              <tr>
                <th scope="col">Atelier</th>
                <th scope="col">Créneau</th>
                <th scope="col">Confirmés / places</th>
                <th scope="col">En attente</th>
                <th scope="col">Émargement</th>
              </tr>
            </thead>
            <tbody>
              {donnees.ateliers.map((a) => (
                <tr key={a.atelier}>
                  <td>{a.titre}</td>
                  <td>{a.creneau}</td>
                  <td>
                    {a.confirmes.length} / {a.capacite}
                  </td>
                  <td>{a.attente.length}</td>
                  <td>
                    <button className="fr-btn fr-btn--sm fr-btn--tertiary" type="button" onClick={() => setFeuille(a.atelier)}>
                      Feuille d’émargement : {a.titre}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          <a className="fr-link" href={`/api/rencontres/${slug}/participants.csv`} download>
            Télécharger la liste des inscrits (CSV pour tableur)
          </a>
        </p>
      </section>

      <section aria-labelledby="message" className="fr-mt-4w">
        <h2 id="message">Écrire aux inscrits</h2>
        <form onSubmit={envoyerMessage} aria-label="Message aux inscrits">
          <div className="fr-select-group">
            <label className="fr-label" htmlFor="message-atelier">
              Destinataires
            </label>
            <select className="fr-select" id="message-atelier" name="atelier" defaultValue="">
              <option value="">Tous les inscrits de la rencontre</option>
              {donnees.ateliers.map((a) => (
                <option key={a.atelier} value={a.atelier}>
                  Atelier « {a.titre} » (inscrits et liste d’attente)
                </option>
              ))}
            </select>
          </div>
          <div className="fr-input-group">
            <label className="fr-label" htmlFor="message-objet">
              Objet
            </label>
            <input className="fr-input" id="message-objet" name="objet" required maxLength={150} />
          </div>
          <div className="fr-input-group">
            <label className="fr-label" htmlFor="message-texte">
              Message
              <span className="fr-hint-text">Une copie par personne : aucune adresse n’est visible des autres.</span>
            </label>
            <textarea className="fr-input" id="message-texte" name="texte" required maxLength={5000} rows={5} />
          </div>
          <button className="fr-btn" type="submit">
            Envoyer le message
          </button>
        </form>
        <div aria-live="polite">
          {envoiMessage && (
            <div className={`fr-alert fr-alert--${envoiMessage.type} fr-alert--sm fr-mt-2w`} role={envoiMessage.type === 'error' ? 'alert' : 'status'}>
              <p>{envoiMessage.texte}</p>
            </div>
          )}
        </div>
      </section>

      {presents > 0 && (
        <p className="fr-mt-4w">
          <button className="fr-btn fr-btn--secondary" type="button" onClick={() => setAttestations(true)}>
            Attestations de présence ({presents})
          </button>
        </p>
      )}

      <section aria-labelledby="attente" className="fr-mt-4w">
        <h2 id="attente">Listes d’attente</h2>
        {donnees.ateliers.every((a) => a.attente.length === 0) ? (
          <p>Personne n’est en attente.</p>
        ) : (
          donnees.ateliers
            .filter((a) => a.attente.length > 0)
            .map((a) => (
              <div key={a.atelier}>
                <h3 className="fr-h6">{a.titre}</h3>
                <ol>
                  {a.attente.map((p) => (
                    <li key={p.inscription}>
                      {p.prenom} {p.nom}
                    </li>
                  ))}
                </ol>
              </div>
            ))
        )}
      </section>

      <section aria-labelledby="pointage" className="fr-mt-4w">
        <h2 id="pointage">Pointage des présents</h2>
        <div className="fr-search-bar fr-mb-2w" role="search">
          <label className="fr-label" htmlFor="recherche-inscrit">
            Rechercher un nom
          </label>
          <input
            className="fr-input"
            id="recherche-inscrit"
            type="search"
            value={recherche}
            onChange={(e) => setRecherche(e.target.value)}
            autoComplete="off"
          />
        </div>
        {Object.keys(enAttente).length > 0 && (
          <div className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w" role="status">
            <p>{Object.keys(enAttente).length} pointage(s) pas encore enregistré(s) : ils seront renvoyés au retour du réseau.</p>
            <button
              className="fr-btn fr-btn--sm fr-mt-1w"
              type="button"
              onClick={() => Object.entries(enAttente).forEach(([i, p]) => void envoyerPointage(i, p))}
            >
              Renvoyer maintenant
            </button>
          </div>
        )}
        <ul className="rbde-liste-nue">
          {inscritsFiltres.map((i) => (
            <li key={i.inscription} className="fr-checkbox-group fr-mb-1w">
              <input
                type="checkbox"
                id={`present-${i.inscription}`}
                checked={i.present}
                onChange={(e) => void pointer(i.inscription, `${i.prenom} ${i.nom}`, e.target.checked)}
              />
              <label className="fr-label" htmlFor={`present-${i.inscription}`}>
                {i.prenom} {i.nom}
                <span className="fr-hint-text">
                  {i.etablissement ?? 'Établissement non renseigné'}
                  {i.besoin_accessibilite ? ' — besoin d’accessibilité signalé' : ''}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {inscritsFiltres.length === 0 && <p>Aucun inscrit ne correspond à « {recherche} ».</p>}
      </section>
    </div>
  );
}
