import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { academie } from '../academie.ts';
import { appelApi, type ErreurApi } from '../lib/api-client.ts';
import type { EntreeJournal, MembreAdmin } from '../schemas/annuaire.ts';
import type { Role } from '../schemas/membre.ts';

type Etat = { statut: 'chargement' } | { statut: 'refuse'; message: string } | { statut: 'pret' };
const ROLES: Record<Role, string> = { membre: 'Membre', organisateur: 'Organisateur', admin: 'Administrateur' };
const ACTIONS: Record<EntreeJournal['action'], string> = {
  invitation: 'Invitation',
  desactivation: 'Désactivation',
  reactivation: 'Réactivation',
  changement_role: 'Changement de rôle',
};
const dateHeure = (iso: string) => new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
const personne = (p: { prenom: string; nom: string } | null) => (p ? `${p.prenom} ${p.nom}` : 'membre supprimé');

/** Administration (rôle admin) : inviter, désactiver, réactiver, changer un rôle ; le journal des actions. */
export default function Administration() {
  const [etat, setEtat] = useState<Etat>({ statut: 'chargement' });
  const [membres, setMembres] = useState<MembreAdmin[]>([]);
  const [journal, setJournal] = useState<EntreeJournal[]>([]);
  const [message, setMessage] = useState<{ genre: 'success' | 'error'; texte: string; champs?: Record<string, string[]> } | null>(null);
  const [invitation, setInvitation] = useState({ email: '', prenom: '', nom: '', role: 'membre' as Role, uai: '' });

  const recharger = useCallback(async () => {
    try {
      const [m, j] = await Promise.all([appelApi<MembreAdmin[]>('/api/admin/membres'), appelApi<EntreeJournal[]>('/api/admin/journal')]);
      setMembres(m);
      setJournal(j);
      setEtat({ statut: 'pret' });
    } catch (e) {
      setEtat({ statut: 'refuse', message: (e as ErreurApi).message });
    }
  }, []);
  useEffect(() => {
    void recharger();
  }, [recharger]);

  async function agir(texteSucces: string, appel: () => Promise<unknown>) {
    setMessage(null);
    try {
      await appel();
      setMessage({ genre: 'success', texte: texteSucces });
      await recharger();
    } catch (e) {
      const err = e as ErreurApi;
      setMessage({ genre: 'error', texte: err.message, champs: err.details?.champs as Record<string, string[]> | undefined });
    }
  }

  async function inviter(e: FormEvent) {
    e.preventDefault();
    await agir(`Invitation envoyée à ${invitation.email}.`, () =>
      appelApi('/api/admin/membres', { method: 'POST', corps: { ...invitation, uai: invitation.uai.trim() || null } }),
    );
  }

  if (etat.statut === 'chargement') return <p role="status">Chargement…</p>;
  if (etat.statut === 'refuse') {
    return (
      <div className="fr-alert fr-alert--error" role="alert">
        <p>{etat.message}</p>
      </div>
    );
  }
  const erreur = (champ: string) => message?.champs?.[champ]?.join(' ');

  return (
    <div>
      {message && (
        <div className={`fr-alert fr-alert--${message.genre} fr-alert--sm fr-mb-3w`} role={message.genre === 'error' ? 'alert' : 'status'}>
          <p>{message.texte}</p>
        </div>
      )}
      <h2>Inviter un membre</h2>
      <form onSubmit={inviter} noValidate className="fr-mb-6w">
        <div className="fr-grid-row fr-grid-row--gutters">
          {(
            [
              ['email', 'Adresse électronique professionnelle', 'email'],
              ['prenom', 'Prénom', 'text'],
              ['nom', 'Nom', 'text'],
              ['uai', 'UAI du lycée (facultatif)', 'text'],
            ] as const
          ).map(([champ, libelle, type]) => (
            <div className="fr-col-12 fr-col-md-6" key={champ}>
              <div className={`fr-input-group${erreur(champ) ? ' fr-input-group--error' : ''}`}>
                <label className="fr-label" htmlFor={`invitation-${champ}`}>
                  {libelle}
                </label>
                <input
                  className="fr-input"
                  id={`invitation-${champ}`}
                  type={type}
                  value={invitation[champ]}
                  aria-describedby={erreur(champ) ? `invitation-${champ}-erreur` : undefined}
                  onChange={(e) => setInvitation({ ...invitation, [champ]: e.target.value })}
                />
                {erreur(champ) && (
                  <p className="fr-error-text" id={`invitation-${champ}-erreur`}>
                    {erreur(champ)}
                  </p>
                )}
              </div>
            </div>
          ))}
          <div className="fr-col-12 fr-col-md-6 fr-select-group">
            <label className="fr-label" htmlFor="invitation-role">
              Rôle
            </label>
            <select
              className="fr-select"
              id="invitation-role"
              value={invitation.role}
              onChange={(e) => setInvitation({ ...invitation, role: e.target.value as Role })}
            >
              {(Object.entries(ROLES) as [Role, string][]).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button className="fr-btn fr-mt-2w" type="submit">
          Inviter
        </button>
      </form>

      <h2>Membres</h2>
      <div className="fr-table">
        <table>
          <caption>{`Membres du ${academie.nomService}`}</caption>
          <thead>
            <tr>
              <th scope="col">Nom</th>
              <th scope="col">Adresse</th>
              <th scope="col">Lycée</th>
              <th scope="col">Rôle</th>
              <th scope="col">État</th>
            </tr>
          </thead>
          <tbody>
            {membres.map((m) => (
              <tr key={m.id}>
                <th scope="row">{`${m.prenom} ${m.nom}`}</th>
                <td>{m.email}</td>
                <td>{m.etablissement ?? '—'}</td>
                <td>
                  <label className="fr-sr-only" htmlFor={`role-${m.id}`}>{`Rôle de ${m.prenom} ${m.nom}`}</label>
                  <select
                    className="fr-select"
                    id={`role-${m.id}`}
                    value={m.role}
                    onChange={(e) =>
                      agir(`Rôle de ${m.prenom} ${m.nom} changé.`, () =>
                        appelApi(`/api/admin/membres/${m.id}/role`, { method: 'PUT', corps: { role: e.target.value } }),
                      )
                    }
                  >
                    {(Object.entries(ROLES) as [Role, string][]).map(([k, v]) => (
                      <option key={k} value={k}>
                        {v}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  {m.actif ? (
                    <button
                      type="button"
                      className="fr-btn fr-btn--sm fr-btn--tertiary"
                      onClick={() =>
                        agir(`${m.prenom} ${m.nom} est désactivé(e) : sa fiche disparaît de l’annuaire.`, () =>
                          appelApi(`/api/admin/membres/${m.id}/desactivation`, { method: 'POST' }),
                        )
                      }
                    >
                      {`Désactiver ${m.prenom} ${m.nom}`}
                    </button>
                  ) : (
                    <button
                      type="button"
                      className="fr-btn fr-btn--sm fr-btn--secondary"
                      onClick={() =>
                        agir(`${m.prenom} ${m.nom} est réactivé(e).`, () => appelApi(`/api/admin/membres/${m.id}/reactivation`, { method: 'POST' }))
                      }
                    >
                      {`Réactiver ${m.prenom} ${m.nom}`}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>Journal d’administration</h2>
      {journal.length === 0 ? (
        <p>Aucune action pour l’instant.</p>
      ) : (
        <ul>
          {journal.map((j) => (
            <li key={j.id}>
              {`${dateHeure(j.le)} — ${ACTIONS[j.action]} de ${personne(j.cible)} par ${personne(j.auteur)}`}
              {j.action === 'changement_role' && ` (${String(j.details.avant)} → ${String(j.details.apres)})`}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
