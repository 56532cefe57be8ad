// Cas d'usage de la bourse aux places : publier, réserver, confirmer. L'atomicité est en SQL
// (api.place_reserver : mise à jour conditionnelle) ; ici, on orchestre et on prévient par courriel
// (au mieux : voir courriels.ts).
import type { NIVEAUX } from '../../../src/schemas/bourse.ts';
import type { Contexte } from '../contexte.ts';
import { envoyerAuMieux, lienBourse, periodeFr, signature } from './courriels.ts';

export function publierOffre(
  o: { organisation_id: string; formation: string; debut: string; fin: string; places: number; conditions?: string | null },
  ctx: Contexte,
) {
  return ctx.api.offre_publier({
    p_organisation: o.organisation_id,
    p_formation: o.formation,
    p_debut: o.debut,
    p_fin: o.fin,
    p_places: o.places,
    p_conditions: (o.conditions ?? null) as string,
  });
}

/** Réserve une place ; prévient l'émetteur de l'offre et le réservant. */
export async function reserverPlace(offre: string, r: { formation: string; niveau: (typeof NIVEAUX)[number] }, ctx: Contexte) {
  const res = await ctx.api.place_reserver({ p_offre: offre, p_formation: r.formation, p_niveau: r.niveau });
  const periode = periodeFr(res.debut, res.fin);
  const envois = await Promise.all([
    envoyerAuMieux(
      ctx,
      {
        a: res.emetteur.email,
        objet: `Bourse aux places : une place réservée chez ${res.organisation}`,
        texte:
          `Bonjour ${res.emetteur.prenom},\n\n${res.reservant.prenom} ${res.reservant.nom}` +
          `${res.reservant.lycee ? ` (${res.reservant.lycee})` : ''} a réservé une place chez ${res.organisation}, ${periode}, ` +
          `pour un élève en ${r.formation} (${r.niveau}).\n\nQuand le passage de relais est fait, confirmez-le dans la bourse aux places : ` +
          `la période entrera dans le carnet.\n\n${lienBourse()}\n\n${signature()}`,
      },
      'reservation',
    ),
    envoyerAuMieux(
      ctx,
      {
        a: res.reservant.email,
        objet: `Bourse aux places : votre réservation chez ${res.organisation}`,
        texte:
          `Bonjour ${res.reservant.prenom},\n\nVotre réservation d’une place chez ${res.organisation}, ${periode}, est enregistrée. ` +
          `${res.emetteur.prenom} ${res.emetteur.nom} (${res.emetteur.email}) vous passera le relais et le confirmera.\n\n${signature()}`,
      },
      'reservation',
    ),
  ]);
  return { reservation: res.reservation, courriel: envois[0] };
}

/** L'émetteur confirme le passage de relais ; le réservant est prévenu. */
export async function confirmerReservation(reservation: string, ctx: Contexte) {
  const res = await ctx.api.reservation_confirmer({ p_reservation: reservation });
  const courriel = await envoyerAuMieux(
    ctx,
    {
      a: res.reservant.email,
      objet: `Bourse aux places : passage de relais confirmé chez ${res.organisation}`,
      texte:
        `Bonjour ${res.reservant.prenom},\n\nLe passage de relais pour la place chez ${res.organisation}, ${periodeFr(res.debut, res.fin)}, ` +
        `est confirmé. La période figure désormais dans le carnet des entreprises.\n\n${signature()}`,
    },
    'confirmation',
  );
  return { organisation_id: res.organisation_id, courriel };
}
