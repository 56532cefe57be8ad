import { useEffect, useState } from 'react';
import { appelApi, type ErreurApi } from '../lib/api-client.ts';
import type { FicheAnnuaire } from '../schemas/annuaire.ts';
import { THEMES, type Theme } from '../schemas/themes.ts';

type Etat = { statut: 'chargement' } | { statut: 'anonyme' } | { statut: 'pret'; fiches: FicheAnnuaire[] } | { statut: 'erreur' };

/**
 * « Qui contacter » sur une page de guide : les membres dont l'expertise recoupe les thèmes du guide.
 * Demandé à l'exécution, pour les seuls membres connectés : la page construite (et l'index de
 * recherche) n'en contient rien.
 */
export default function QuiContacter({ themes }: { themes: Theme[] }) {
  const [etat, setEtat] = useState<Etat>({ statut: 'chargement' });
  useEffect(() => {
    appelApi<FicheAnnuaire[]>(`/api/annuaire/qui-contacter?themes=${themes.map(encodeURIComponent).join(',')}`)
      .then((fiches) => setEtat({ statut: 'pret', fiches }))
      .catch((e: ErreurApi) => setEtat(e.statut === 401 || e.statut === 403 ? { statut: 'anonyme' } : { statut: 'erreur' }));
  }, [themes]);

  if (etat.statut === 'chargement' || etat.statut === 'erreur') return null;
  if (etat.statut === 'anonyme') {
    return (
      <section className="fr-mt-6w" aria-labelledby="qui-contacter">
        <h2 id="qui-contacter" className="fr-h4">
          Qui contacter
        </h2>
        <p>
          Les membres du réseau connectés voient ici les collègues qui connaissent ce sujet. <a href="/connexion/">Se connecter</a>
        </p>
      </section>
    );
  }
  return (
    <section className="fr-mt-6w" aria-labelledby="qui-contacter">
      <h2 id="qui-contacter" className="fr-h4">
        Qui contacter
      </h2>
      {etat.fiches.length === 0 ? (
        <p>Aucun membre n’a encore indiqué d’expertise sur ces thèmes.</p>
      ) : (
        <ul>
          {etat.fiches.map((f) => (
            <li key={f.id}>
              <strong>{`${f.prenom} ${f.nom}`}</strong>
              {f.etablissement ? `, ${f.etablissement.nom} (${f.etablissement.departement})` : ''}
              {' — '}
              {f.expertises
                .filter((e) => themes.includes(e))
                .map((e) => THEMES[e])
                .join(', ')}
              {f.email && (
                <>
                  {' — '}
                  <a href={`mailto:${f.email}`}>{f.email}</a>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <p>
        <a className="fr-link" href={`/annuaire/?expertise=${themes[0]}`}>
          Chercher d’autres collègues dans l’annuaire
        </a>
      </p>
    </section>
  );
}
