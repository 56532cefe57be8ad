// Recherche dans l'annuaire : la base masque les champs selon le rôle de l'appelant et ne filtre que sur ce qu'il voit.
import { FICHES_PAR_PAGE, type RechercheAnnuaire, type ResultatRecherche } from '../../../src/schemas/annuaire.ts';
import type { Contexte } from '../contexte.ts';

/** Les filtres de la recherche, en arguments de api.annuaire_rechercher (absent : la valeur par défaut SQL, null). */
export function argumentsRecherche(r: Omit<RechercheAnnuaire, 'page'>) {
  return {
    p_q: r.q,
    p_departement: r.departement,
    p_bassin: r.bassin,
    p_uai: r.uai,
    p_secteur: r.secteur,
    p_expertise: r.expertise,
    p_nouveaux: r.nouveaux,
    p_accompagne: r.accompagne,
  };
}

/** Une page de résultats, le total et le compte par département (pour la carte). */
export async function rechercherAnnuaire(r: RechercheAnnuaire, ctx: Pick<Contexte, 'api'>): Promise<ResultatRecherche> {
  const res = await ctx.api.annuaire_rechercher({ ...argumentsRecherche(r), p_limite: FICHES_PAR_PAGE, p_decalage: (r.page - 1) * FICHES_PAR_PAGE });
  return { ...res, page: r.page, parPage: FICHES_PAR_PAGE };
}
