import { useEffect, useState } from 'react';
import { appelApi, ErreurApi } from '../lib/api-client.ts';
import type { InscriptionDetail } from '../schemas/inscription.ts';
import type { Profil } from '../schemas/membre.ts';

const ROLES: Record<Profil['role'], string> = { membre: 'Membre du réseau', organisateur: 'Organisateur des rencontres', admin: 'Administrateur du réseau' };

const STATUTS = { confirmee: 'place confirmée', en_attente: 'en liste d’attente', annulee: 'annulé' } as const;
const dateRencontre = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeZone: 'Europe/Paris' });

type Etat =
  { statut: 'chargement' } | { statut: 'connecte'; profil: Profil } | { statut: 'deconnecte'; message?: string } | { statut: 'erreur'; message: string };

/** L'espace du membre connecté : sa fiche, et la déconnexion. */
export default function MonEspace() {
  const [etat, setEtat] = useState<Etat>({ statut: 'chargement' });
  const [inscriptions, setInscriptions] = useState<InscriptionDetail[] | string | null>(null);

  useEffect(() => {
    appelApi<Profil>('/api/moi')
      .then((profil) => {
        setEtat({ statut: 'connecte', profil });
        appelApi<InscriptionDetail[]>('/api/mes-inscriptions')
          .then(setInscriptions)
          .catch((e: ErreurApi) => setInscriptions(e.message));
      })
      .catch((e: ErreurApi) => {
        if (e.statut === 401) setEtat({ statut: 'deconnecte', message: e.code === 'NON_CONNECTE' ? undefined : e.message });
        else setEtat({ statut: 'erreur', message: e.message });
      });
  }, []);

  async function seDeconnecter() {
    try {
      await appelApi('/api/auth/session', { method: 'DELETE' });
    } finally {
      setEtat({ statut: 'deconnecte', message: 'Vous êtes déconnecté.' });
    }
  }

  if (etat.statut === 'chargement') return <p role="status">Chargement de votre espace…</p>;
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
        <p>Cet espace est réservé aux membres du réseau.</p>
        <a className="fr-btn" href="/connexion/">
          Se connecter
        </a>
      </div>
    );
  }
  const { profil } = etat;
  return (
    <div>
      <h2>
        Bonjour {profil.prenom} {profil.nom}
      </h2>
      <dl className="fr-mb-4w">
        <dt className="fr-text--bold">Fonction</dt>
        <dd>{profil.fonction}</dd>
        <dt className="fr-text--bold">Établissement</dt>
        <dd>
          {profil.etablissement
            ? `${profil.etablissement.nom}, ${profil.etablissement.commune} (${profil.etablissement.departement}) — UAI ${profil.etablissement.uai}`
            : 'Non renseigné'}
        </dd>
        <dt className="fr-text--bold">Adresse électronique</dt>
        <dd>{profil.email}</dd>
        <dt className="fr-text--bold">Téléphone professionnel</dt>
        <dd>{profil.telephone ?? 'Non renseigné'}</dd>
        <dt className="fr-text--bold">Rôle</dt>
        <dd>{ROLES[profil.role]}</dd>
      </dl>
      <h2>Mes rencontres</h2>
      {inscriptions === null && <p role="status">Chargement de mes inscriptions…</p>}
      {typeof inscriptions === 'string' && (
        <div className="fr-alert fr-alert--error fr-alert--sm fr-mb-2w" role="alert">
          <p>{inscriptions}</p>
        </div>
      )}
      {Array.isArray(inscriptions) && inscriptions.length === 0 && (
        <p>
          Vous n’êtes inscrit à aucune rencontre. <a href="/rencontres/">Voir les rencontres</a>
        </p>
      )}
      {Array.isArray(inscriptions) && inscriptions.length > 0 && (
        <ul className="fr-mb-4w">
          {inscriptions.map((i) => (
            <li key={i.id}>
              <a href={`/rencontres/${i.rencontre}/`}>{i.titre}</a>, {dateRencontre.format(new Date(i.debut))}
              <ul>
                {i.ateliers.map((a) => (
                  <li key={a.atelier}>
                    {a.creneau_libelle} : « {a.titre} » — {STATUTS[a.statut]}
                    {a.position ? ` (position ${a.position})` : ''}
                  </li>
                ))}
              </ul>
              <a className="fr-link" href={`/rencontres/${i.rencontre}/inscription/`}>
                Modifier ou annuler mon inscription à « {i.titre} »
              </a>
            </li>
          ))}
        </ul>
      )}
      {(profil.role === 'organisateur' || profil.role === 'admin') && (
        <p>Organisateur : l’espace d’organisation de chaque rencontre est lié en bas de sa page.</p>
      )}
      <button className="fr-btn fr-btn--secondary fr-icon-logout-box-r-line fr-btn--icon-left" type="button" onClick={seDeconnecter}>
        Se déconnecter
      </button>
    </div>
  );
}
