// Onglet « Résumé par courriel » : s'inscrire (désactivé par défaut) au résumé hebdomadaire des nouvelles
// offres près de chez moi (département de mon lycée, ou départements choisis), ou s'en désinscrire.
import { useEffect, useState } from 'react';
import { appelApi } from '../../../lib/api-client.ts';
import type { ReglageResume } from '../../../schemas/bourse.ts';
import { DEPARTEMENTS } from '../commun.tsx';
import type { Actions } from './OngletOffres.tsx';

export function OngletResume({ actions }: { actions: Actions }) {
  const [reglage, setReglage] = useState<ReglageResume | null>(null);
  const [inscrit, setInscrit] = useState(false);
  const [choisis, setChoisis] = useState<string[]>([]);

  function appliquer(r: ReglageResume) {
    setReglage(r);
    setInscrit(r.inscrit);
    setChoisis(r.departements ?? []);
  }
  useEffect(() => {
    appelApi<ReglageResume>('/api/bourse/resume').then(appliquer).catch(actions.echec);
  }, []);
  if (!reglage) return <p>Chargement de votre réglage…</p>;

  const lycee = reglage.departement_lycee ? DEPARTEMENTS.find(([c]) => c === reglage.departement_lycee) : undefined;
  return (
    <section aria-labelledby="titre-resume">
      <h2 id="titre-resume">Résumé hebdomadaire par courriel</h2>
      <p>
        Une fois par semaine, un seul courriel liste les offres de places publiées depuis le précédent, près de chez vous. Rien n’est envoyé les semaines sans
        offre nouvelle. Désactivé tant que vous ne l’activez pas ; vous pouvez vous désinscrire ici à tout moment.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void actions.agir(
            async () => {
              const r = await appelApi<ReglageResume>('/api/bourse/resume', { method: 'PUT', corps: { inscrit, departements: inscrit ? choisis : [] } });
              appliquer(r);
              return r;
            },
            inscrit ? 'Inscription au résumé hebdomadaire enregistrée.' : 'Vous ne recevrez plus le résumé hebdomadaire.',
          );
        }}
      >
        <div className="fr-checkbox-group fr-mb-3w">
          <input type="checkbox" id="resume-inscrit" checked={inscrit} onChange={(e) => setInscrit(e.target.checked)} />
          <label className="fr-label" htmlFor="resume-inscrit">
            Recevoir le résumé hebdomadaire des nouvelles offres
          </label>
        </div>
        {inscrit && (
          <fieldset className="fr-fieldset" aria-describedby="resume-departements-aide">
            <legend className="fr-fieldset__legend">
              Départements suivis
              <span className="fr-hint-text" id="resume-departements-aide">
                {lycee
                  ? `Aucun coché : le département de votre lycée (${lycee[0]} — ${lycee[1]}).`
                  : 'Votre fiche n’indique pas de lycée : cochez au moins un département.'}
              </span>
            </legend>
            {DEPARTEMENTS.map(([c, n]) => (
              <div key={c} className="fr-fieldset__element">
                <div className="fr-checkbox-group">
                  <input
                    type="checkbox"
                    id={`resume-dep-${c}`}
                    checked={choisis.includes(c)}
                    onChange={(e) => setChoisis(e.target.checked ? [...choisis, c] : choisis.filter((x) => x !== c))}
                  />
                  <label className="fr-label" htmlFor={`resume-dep-${c}`}>
                    {c} — {n}
                  </label>
                </div>
              </div>
            ))}
          </fieldset>
        )}
        <button type="submit" className="fr-btn">
          Enregistrer mon choix
        </button>
      </form>
      {reglage.dernier_envoi && <p className="fr-text--sm fr-mt-2w">Dernier résumé envoyé le {new Date(reglage.dernier_envoi).toLocaleDateString('fr-FR')}.</p>}
    </section>
  );
}
