import { carteAcademie } from '../lib/carte.ts';

const CARTE = carteAcademie();
const membres = (n: number) => `${n} membre${n > 1 ? 's' : ''}`;

interface Props {
  /** Nombre de fiches par département (pour les autres filtres). */
  comptes: Record<string, number>;
  /** Département sélectionné, ou ''. */
  selection: string;
  /** Choisir un département ('' : tous). */
  choisir: (code: string) => void;
}

/**
 * Carte des départements de l'académie : un clic filtre. La carte est décorative pour les technologies
 * d'assistance (aria-hidden) ; la liste de boutons qui la suit dit la même chose et se manie au clavier.
 */
export default function CarteDepartements({ comptes, selection, choisir }: Props) {
  return (
    <div className="rbde-carte">
      <svg className="rbde-carte__svg" viewBox={CARTE.viewBox} aria-hidden="true" focusable="false">
        {CARTE.departements.map((d) => (
          <g
            key={d.code}
            className={`rbde-carte__dep${selection === d.code ? ' rbde-carte__dep--choisi' : ''}${comptes[d.code] ? '' : ' rbde-carte__dep--vide'}`}
            onClick={() => choisir(selection === d.code ? '' : d.code)}
          >
            <title>{`${d.nom} (${d.code}) : ${membres(comptes[d.code] ?? 0)}`}</title>
            <path d={d.trace} />
            <text x={d.etiquette.x} y={d.etiquette.y} textAnchor="middle" dominantBaseline="middle">
              {comptes[d.code] ?? 0}
            </text>
          </g>
        ))}
      </svg>
      <ul className="fr-btns-group fr-btns-group--sm fr-btns-group--inline-md rbde-carte__liste" aria-label="Filtrer par département">
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
              {`${d.nom} (${d.code}) : ${membres(comptes[d.code] ?? 0)}`}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
