// Cas d'usage des organisateurs : listes, export CSV, pointage. Le rôle est vérifié en SQL.
import { stringify } from 'csv-stringify/sync';
import type { Participants } from '../../../src/schemas/inscription.ts';
import type { DemandeMessage } from '../../../src/schemas/rencontre.ts';
import type { Contexte } from '../contexte.ts';
import { verifierSlug } from './inscriptions.ts';

/** La vue organisateur d'une rencontre. */
export const participants = (slug: string, ctx: Contexte) => ctx.api.rencontre_participants({ p_rencontre: verifierSlug(slug) });

const STATUTS = { confirmee: 'confirmé', en_attente: 'en attente', annulee: 'annulé' } as const;

/** Les inscrits en CSV (UTF-8 avec BOM, séparateur « ; ») : un tableur français l'ouvre accents intacts. */
export function participantsCsv(p: Participants): string {
  const lignes = p.inscrits.map((i) => [
    i.nom,
    i.prenom,
    i.email,
    i.etablissement ?? '',
    i.ateliers.map((a) => `${a.creneau} : ${a.titre} (${STATUTS[a.statut]})`).join(' | '),
    i.repas === null ? '' : i.repas ? 'oui' : 'non',
    i.regime ?? '',
    i.besoin_accessibilite ? 'oui' : 'non',
    i.present ? 'oui' : 'non',
  ]);
  return stringify(
    [
      ['Nom', 'Prénom', 'Adresse électronique', 'Établissement', 'Ateliers', 'Déjeuner', 'Régime alimentaire', 'Besoin d’accessibilité signalé', 'Présent'],
      ...lignes,
    ],
    {
      bom: true,
      delimiter: ';',
      record_delimiter: 'windows',
    },
  );
}

/** Export CSV des inscrits. */
export async function exporterParticipants(slug: string, ctx: Contexte) {
  return { nom: `inscrits-${verifierSlug(slug)}.csv`, contenu: participantsCsv(await participants(slug, ctx)) };
}

/** Pointer (ou dépointer) la présence d'un inscrit. */
export const pointer = (slug: string, demande: { inscription: string; present: boolean }, ctx: Contexte) =>
  ctx.api.pointer({ p_rencontre: verifierSlug(slug), p_inscription: demande.inscription, p_present: demande.present });

/** Un message des organisateurs : une copie par inscrit (aucune adresse visible des autres). */
export async function envoyerMessage(slug: string, demande: DemandeMessage, ctx: Contexte): Promise<{ envoyes: number; echecs: number }> {
  const { titre, destinataires } = await ctx.api.rencontre_destinataires({
    p_rencontre: verifierSlug(slug),
    ...(demande.atelier ? { p_atelier: demande.atelier } : {}),
  });
  const r = await Promise.allSettled(
    destinataires.map((d) =>
      ctx.mailer.envoyer({
        a: d.email,
        objet: `[${titre}] ${demande.objet}`,
        texte: `Bonjour ${d.prenom},\n\n${demande.texte}\n\n—\nMessage des organisateurs de « ${titre} », envoyé par le Réseau BDE à chaque personne inscrite.`,
      }),
    ),
  );
  const echecs = r.filter((x) => x.status === 'rejected').length;
  ctx.journal('message_inscrits', { rencontre: slug, envoyes: r.length - echecs, echecs });
  return { envoyes: r.length - echecs, echecs };
}
