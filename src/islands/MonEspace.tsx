import { useEffect, useState } from 'react';
import { appelApi, ErreurApi } from '../lib/api-client.ts';
import type { Profil } from '../schemas/membre.ts';

const ROLES: Record<Profil['role'], string> = { membre: 'Membre du réseau', organisateur: 'Organisateur des rencontres', admin: 'Administrateur du réseau' };

type Etat = { statut: 'chargement' } | { statut: 'connecte'; profil: Profil } | { statut: 'deconnecte'; message?: string } | { statut: 'erreur'; message: string };

/** L'espace du membre connecté : sa fiche, et la déconnexion. */
export default function MonEspace() {
  const [etat, setEtat] = useState<Etat>({ statut: 'chargement' });

  useEffect(() => {
    appelApi<Profil>('/api/moi')
      .then((profil) => setEtat({ statut: 'connecte', profil }))
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
      <button className="fr-btn fr-btn--secondary fr-icon-logout-box-r-line fr-btn--icon-left" type="button" onClick={seDeconnecter}>
        Se déconnecter
      </button>
    </div>
  );
}
