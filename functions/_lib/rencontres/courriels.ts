// Les courriels des rencontres : confirmation (avec le .ics du membre) et promotion depuis l'attente.
import { fichierIcs } from '../../../src/lib/ics-rencontre.ts';
import type { InscriptionDetail, Promu } from '../../../src/schemas/inscription.ts';
import type { Courriel } from '../mail.ts';

const dateHeure = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Paris' });
const STATUTS = { confirmee: 'place confirmée', en_attente: 'en liste d’attente', annulee: 'annulé' } as const;

/** Le lien qui mène à la page de gestion (un GET n'y change rien : la page porte les boutons). */
export const lienGestion = (site: string, slug: string) => `${site.replace(/\/$/, '')}/rencontres/${slug}/inscription/`;

/** Le .ics personnel : la rencontre, avec mes ateliers et leur statut dans la description. */
export function icsInscription(d: InscriptionDetail, site: string): string {
  return fichierIcs({
    uid: `${d.id}@reseau-bde`,
    titre: d.titre,
    description: [
      `Inscription de ${d.membre.prenom} ${d.membre.nom}.`,
      ...d.ateliers.map(
        (a) => `${a.creneau_libelle} : ${a.titre} (${a.salle ?? 'salle à préciser'}) — ${STATUTS[a.statut]}${a.position ? `, position ${a.position}` : ''}`,
      ),
      `Gérer mon inscription : ${lienGestion(site, d.rencontre)}`,
    ].join('\n'),
    lieu: d.lieu,
    debut: new Date(d.debut),
    fin: new Date(d.fin),
    url: `${site.replace(/\/$/, '')}/rencontres/${d.rencontre}/`,
  });
}

/** Confirmation d'inscription (ou de modification). */
export function courrielConfirmation(d: InscriptionDetail, site: string): Courriel {
  const lignes = d.ateliers.map(
    (a) => `- ${a.creneau_libelle} : « ${a.titre} », ${a.salle ?? 'salle à préciser'} — ${STATUTS[a.statut]}${a.position ? ` (position ${a.position})` : ''}`,
  );
  return {
    a: d.membre.email,
    objet: `Inscription enregistrée : ${d.titre}`,
    texte: [
      `Bonjour ${d.membre.prenom},`,
      '',
      `Votre inscription à « ${d.titre} » (${dateHeure.format(new Date(d.debut))}${d.lieu ? `, ${d.lieu}` : ''}) est enregistrée :`,
      '',
      ...lignes,
      '',
      d.ateliers.some((a) => a.statut === 'en_attente')
        ? 'Si une place se libère dans un atelier où vous êtes en attente, elle vous est attribuée automatiquement et vous recevez un courriel.'
        : 'Le fichier joint (.ics) ajoute la rencontre à votre agenda.',
      '',
      `Pour modifier ou annuler votre inscription : ${lienGestion(site, d.rencontre)}`,
      '',
      'Réseau BDE',
    ].join('\n'),
    pieces: [{ nom: `${d.rencontre}.ics`, type: 'text/calendar; charset=utf-8; method=PUBLISH', contenu: icsInscription(d, site) }],
  };
}

/** Une place s'est libérée : la personne promue est prévenue. */
export function courrielPromotion(p: Promu, site: string): Courriel {
  return {
    a: p.email,
    objet: `Une place s’est libérée : ${p.titre}`,
    texte: [
      `Bonjour ${p.prenom},`,
      '',
      `Une place s’est libérée dans l’atelier « ${p.titre} » (${p.creneau}) de la rencontre « ${p.rencontre_titre} ». Vous étiez en liste d’attente : la place vous est attribuée, votre inscription est confirmée.`,
      '',
      `Si vous ne pouvez plus venir, libérez la place pour la personne suivante : ${lienGestion(site, p.rencontre)}`,
      '',
      'Réseau BDE',
    ].join('\n'),
  };
}
