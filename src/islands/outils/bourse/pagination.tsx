// Listes longues de la bourse (offres, recherches) : l'API rend une page et le nombre total ; la suite s'affiche à
// la demande. Le bilan dit combien il y en a, et combien sont affichées quand ce n'est pas tout.

/** Éléments par page (offres et recherches). */
export const PAR_PAGE = 50;

/** Le texte d'un nombre : « 1 offre », « 3 offres ». */
export const pluriel = (n: number, mot: string) => `${n} ${mot}${n > 1 ? 's' : ''}`;

/** La page reçue, à la place de la liste (première page) ou à sa suite (decalage > 0). */
export function ajouterPage<T, R extends { total: number }>(avant: R | null, recue: R, decalage: number, cle: keyof R & string): R {
  if (!decalage || !avant) return recue;
  return { ...recue, [cle]: [...(avant[cle] as T[]), ...(recue[cle] as T[])] };
}

/** « Aucune … », « 12 offres », ou « 120 offres, dont 50 affichées » ; puis le bouton de la suite. */
export function BilanEtSuite({
  total,
  affiches,
  mot,
  vide,
  suite,
  children,
}: {
  total: number;
  affiches: number;
  mot: string;
  vide: string;
  suite: () => void;
  children: React.ReactNode;
}) {
  return (
    <>
      <p>{total === 0 ? vide : total > affiches ? `${pluriel(total, mot)}, dont ${affiches} affichées` : pluriel(total, mot)}</p>
      {children}
      {total > affiches && (
        <button type="button" className="fr-btn fr-btn--tertiary" onClick={suite}>
          {`Afficher les ${Math.min(PAR_PAGE, total - affiches)} suivantes`}
        </button>
      )}
    </>
  );
}
