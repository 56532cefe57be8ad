import Carte from '../components/carte/CarteDepartements.tsx';

const membres = (n: number) => `${n} membre${n > 1 ? 's' : ''}`;

interface Props {
  /** Nombre de fiches par département (pour les autres filtres). */
  comptes: Record<string, number>;
  /** Département sélectionné, ou ''. */
  selection: string;
  /** Choisir un département ('' : tous). */
  choisir: (code: string) => void;
}

/** La carte des départements de l'annuaire : le composant commun, compté en membres. */
export default function CarteDepartements(props: Props) {
  return <Carte {...props} unite={membres} />;
}
