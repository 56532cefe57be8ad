// Calendrier des PFMP : cas d'usage. Les droits (chacun son lycée) et les invariants (dates, formation,
// chevauchement) sont en SQL ; ici, la mise en forme des appels.
import type { PublicationPeriode, RequeteReseau } from '../../../src/schemas/calendrier-pfmp.ts';
import type { Contexte } from '../contexte.ts';

/** Publie une période pour le lycée du membre connecté. */
export function publierPeriode(p: PublicationPeriode, { api }: Contexte) {
  return api.periode_pfmp_publier({ p_formation: p.formation, p_classe: p.classe, p_niveau: p.niveau, p_debut: p.debut, p_fin: p.fin, p_eleves: p.eleves });
}

/** Retire une période du lycée du membre connecté (celle d'un autre lycée est introuvable). */
export function retirerPeriode(id: string, { api }: Contexte) {
  return api.periode_pfmp_retirer({ p_id: id });
}

/** Les périodes du lycée du membre connecté, et les formations du réseau. */
export function mesPeriodes({ api }: Contexte) {
  return api.periodes_pfmp_miennes();
}

/** La vue du réseau, semaine par semaine. */
export function vueReseau(r: RequeteReseau, { api }: Contexte) {
  return api.calendrier_pfmp_reseau({ p_debut: r.debut, p_fin: r.fin, p_seuil: r.seuil });
}
