// Cas d'usage des recherches de places (le sens inverse de la bourse) : publier une recherche, y répondre
// avec une organisation du carnet, accepter une réponse (le registre est mis à jour en SQL, comme à la
// confirmation d'une remise). Les courriels partent au mieux (voir courriels.ts).
import type { z } from 'zod';
import { communeParCode } from '../../../src/lib/referentiels.ts';
import type { filtresRecherchesSchema, rechercheEntreeSchema } from '../../../src/schemas/bourse.ts';
import type { Contexte } from '../contexte.ts';
import { DomainError } from '../errors.ts';
import { envoyerAuMieux, lienBourse, periodeFr, signature } from './courriels.ts';

/** Publie une recherche ; la commune vient du référentiel officiel (nom et département). */
export function publierRecherche(r: z.output<typeof rechercheEntreeSchema>, ctx: Contexte) {
  const commune = communeParCode(r.commune);
  if (!commune) throw new DomainError('REQUETE_INVALIDE', 'Cette commune est inconnue.');
  return ctx.api.recherche_publier({
    p_formation: r.formation,
    p_secteur: (r.secteur ?? null) as string,
    p_niveau: r.niveau,
    p_debut: r.debut,
    p_fin: r.fin,
    p_commune_insee: commune.code,
    p_commune_nom: commune.nom,
    p_departement: commune.departement,
    p_eleves: r.eleves,
    p_conditions: (r.conditions ?? null) as string,
  });
}

/** Les recherches ouvertes selon les filtres. */
export function chercherRecherches(f: z.output<typeof filtresRecherchesSchema>, ctx: Contexte) {
  return ctx.api.recherches_rechercher({
    p_secteur: f.naf ?? undefined,
    p_departement: f.departement ?? undefined,
    p_commune_insee: f.commune ?? undefined,
    p_formation: f.formation ?? undefined,
    p_du: f.du ?? undefined,
    p_au: f.au ?? undefined,
    p_limite: f.limite,
    p_decalage: f.decalage,
  });
}

/** Répond à une recherche avec une organisation du carnet ; le demandeur est prévenu. */
export async function repondreRecherche(recherche: string, r: { organisation_id: string; places: number }, ctx: Contexte) {
  const res = await ctx.api.recherche_repondre({ p_recherche: recherche, p_organisation: r.organisation_id, p_places: r.places });
  const eleves = `${res.places} élève${res.places > 1 ? 's' : ''}`;
  const courriel = await envoyerAuMieux(
    ctx,
    {
      a: res.demandeur.email,
      objet: `Bourse aux places : une réponse à votre recherche (${res.formation})`,
      texte:
        `Bonjour ${res.demandeur.prenom},\n\n${res.repondant.prenom} ${res.repondant.nom}` +
        `${res.repondant.lycee ? ` (${res.repondant.lycee})` : ''} propose ${res.organisation} (${res.commune}) ` +
        `pour ${eleves} en ${res.formation}, ${periodeFr(res.debut, res.fin)}.\n\n` +
        `Voyez la fiche de l’organisation dans le carnet et acceptez la réponse dans la bourse aux places (onglet « Recherches ») ; ` +
        `vous pouvez aussi écrire à ${res.repondant.prenom} : ${res.repondant.email}.\n\n${lienBourse('?onglet=recherches')}\n\n${signature()}`,
    },
    'reponse',
  );
  return { reponse: res.reponse, courriel };
}

/** Le demandeur accepte une réponse : placements au registre ; le répondant est prévenu. */
export async function accepterReponse(reponse: string, ctx: Contexte) {
  const res = await ctx.api.reponse_accepter({ p_reponse: reponse });
  const eleves = `${res.eleves} élève${res.eleves > 1 ? 's' : ''}`;
  const courriel = await envoyerAuMieux(
    ctx,
    {
      a: res.repondant.email,
      objet: `Bourse aux places : votre proposition de ${res.organisation} est acceptée`,
      texte:
        `Bonjour ${res.repondant.prenom},\n\n${res.demandeur.prenom} ${res.demandeur.nom}` +
        `${res.demandeur.lycee ? ` (${res.demandeur.lycee})` : ''} a accepté votre proposition : ${res.organisation} accueillera ` +
        `${eleves} en ${res.formation}, ${periodeFr(res.debut, res.fin)}. La période figure désormais dans le carnet des entreprises.\n\n` +
        `Pour le passage de relais, écrivez à ${res.demandeur.prenom} : ${res.demandeur.email}.\n\n${signature()}`,
    },
    'acceptation',
  );
  return { organisation_id: res.organisation_id, eleves: res.eleves, satisfaite: res.satisfaite, courriel };
}
