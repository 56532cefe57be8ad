// Cas d'usage des inscriptions : la base décide (places, attente, promotion) ; ici, les courriels.
import type { DemandeInscription } from '../../../src/schemas/rencontre.ts';
import type { InscriptionDetail, Promu, ResultatInscription } from '../../../src/schemas/inscription.ts';
import type { Contexte } from '../contexte.ts';
import { env } from '../env.ts';
import { DomainError } from '../errors.ts';
import { courrielConfirmation, courrielPromotion } from './courriels.ts';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Refuse un identifiant de rencontre mal formé avant d'appeler la base. */
export function verifierSlug(slug: string | undefined): string {
  if (!slug || !SLUG.test(slug) || slug.length > 100) throw new DomainError('RENCONTRE_INCONNUE');
  return slug;
}

/** Envoie sans faire échouer la demande : la décision est déjà enregistrée ; l'échec est journalisé. */
async function envoyer(ctx: Contexte, courriels: Parameters<Contexte['mailer']['envoyer']>[0][]): Promise<boolean> {
  const r = await Promise.allSettled(courriels.map((c) => ctx.mailer.envoyer(c)));
  const echecs = r.filter((x) => x.status === 'rejected');
  if (echecs.length) ctx.journal('courriel_non_envoye', { nombre: echecs.length, raison: String((echecs[0] as PromiseRejectedResult).reason?.message ?? '') });
  return echecs.length === 0;
}

const avisPromus = (_ctx: Contexte, promus: Promu[]) => promus.map((p) => courrielPromotion(p, env().SITE_URL));

/** S'inscrire, ou modifier son inscription (la liste donne tous les ateliers voulus). */
export async function inscrire(slug: string, demande: DemandeInscription, ctx: Contexte): Promise<InscriptionDetail & { courriel: boolean }> {
  const r: ResultatInscription = await ctx.api.inscrire({ p_rencontre: verifierSlug(slug), p_ateliers: demande.ateliers, p_reponses: demande.reponses });
  let envoye = false;
  try {
    const courriels = [...(r.modifiee === false ? [] : [courrielConfirmation(r.inscription, env().SITE_URL)]), ...avisPromus(ctx, r.promus)];
    envoye = await envoyer(ctx, courriels);
  } catch (e) {
    // L'inscription est enregistrée : un courriel impossible à composer ne la fait pas échouer.
    ctx.journal('courriel_non_compose', { raison: (e as Error).message });
  }
  ctx.journal('inscription', { rencontre: slug, modifiee: r.modifiee, promus: r.promus.length });
  return { ...r.inscription, courriel: envoye };
}

/** Annuler toute son inscription ; la première personne en attente de chaque atelier libéré est prévenue. */
export async function annuler(slug: string, ctx: Contexte): Promise<{ annulee: true; promus: number }> {
  const r = await ctx.api.annuler({ p_rencontre: verifierSlug(slug) });
  await envoyer(ctx, avisPromus(ctx, r.promus));
  ctx.journal('annulation', { rencontre: slug, promus: r.promus.length });
  return { annulee: true, promus: r.promus.length };
}

/** Mes inscriptions actives. */
export const mesInscriptions = (ctx: Contexte) => ctx.api.mes_inscriptions();

/** Places restantes par atelier. */
export const places = (slug: string, ctx: Contexte) => ctx.api.rencontre_places({ p_rencontre: verifierSlug(slug) });
