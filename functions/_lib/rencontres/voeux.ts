// Cas d'usage des vœux classés : enregistrer ses vœux ; pour les organisateurs, aperçu puis
// publication de l'attribution. La base vérifie fenêtre, rôle, créneaux, doublons et la cohérence
// de l'attribution avec la graine ; le calcul lui-même est la fonction pure de allocation.ts.
import type { DemandeAllocation, DemandeVoeux, DonneesAllocation } from '../../../src/schemas/voeux.ts';
import type { Contexte } from '../contexte.ts';
import { DomainError } from '../errors.ts';
import { allouer, VoeuxInvalides, type ResultatAllocation } from './allocation.ts';
import { verifierSlug } from './inscriptions.ts';

/** Enregistrer (ou remplacer) tous ses vœux pour une rencontre. */
export async function enregistrerVoeux(slug: string, demande: DemandeVoeux, ctx: Contexte) {
  const r = await ctx.api.voeux_enregistrer({ p_rencontre: verifierSlug(slug), p_voeux: demande.voeux });
  ctx.journal('voeux', { rencontre: slug, creneaux: demande.voeux.length });
  return r;
}

/** Mes vœux, et après publication ce que j'ai obtenu et pourquoi. */
export const mesVoeux = (slug: string, ctx: Contexte) => ctx.api.mes_voeux({ p_rencontre: verifierSlug(slug) });

function calculer(donnees: DonneesAllocation, graine: string): ResultatAllocation {
  try {
    return allouer(graine, donnees.ateliers, donnees.voeux);
  } catch (e) {
    // Impossible si la base a fait son travail (contraintes) : refus clair plutôt qu'une 500.
    if (e instanceof VoeuxInvalides) throw new DomainError('ALLOCATION_INCOHERENTE', e.message);
    throw e;
  }
}

/** Organisateurs : l'attribution que donnerait cette graine, avec les noms. Rien n'est écrit. */
export async function apercuAllocation(slug: string, demande: DemandeAllocation, ctx: Contexte) {
  const donnees = await ctx.api.allocation_donnees({ p_rencontre: verifierSlug(slug) });
  const r = calculer(donnees, demande.graine);
  const noms = new Map(donnees.membres.map((m) => [m.membre, `${m.prenom} ${m.nom}`]));
  return {
    rencontre: donnees.rencontre,
    graine: r.graine,
    publiee: donnees.publiee,
    methode:
      'Ordre de priorité : membres classés par SHA-256 croissant de « graine:identifiant » ; puis, créneau par créneau, chacun dans cet ordre reçoit son vœu le mieux classé qui a encore une place ; sinon liste d’attente de son premier vœu, dans le même ordre.',
    attributions: r.attributions.map((a) => ({ ...a, nom: noms.get(a.membre) ?? '' })),
  };
}

/** Organisateurs : publie l'attribution de cette graine (une seule fois ; la base vérifie et écrit d'un bloc). */
export async function publierAllocation(slug: string, demande: DemandeAllocation, ctx: Contexte) {
  const donnees = await ctx.api.allocation_donnees({ p_rencontre: verifierSlug(slug) });
  if (donnees.publiee) throw new DomainError('ALLOCATION_PUBLIEE');
  const r = calculer(donnees, demande.graine);
  const publie = await ctx.api.allocation_publier({ p_rencontre: slug, p_graine: r.graine, p_attributions: r.attributions as never });
  ctx.journal('allocation_publiee', { rencontre: slug, confirmees: publie.confirmees, en_attente: publie.en_attente });
  return publie;
}
