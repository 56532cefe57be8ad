// Les rencontres du contenu (et, sous « npm start » et dans les tests seulement, la démonstration).
import { getCollection, type CollectionEntry } from 'astro:content';
import { bornes, etatInscriptions, trierRencontres } from './rencontres.ts';
import { dateLongue } from './dates-fr.ts';
import type { Rencontre } from '../schemas/rencontre.ts';

export type RencontreEntree = CollectionEntry<'rencontres'> | CollectionEntry<'rencontresDemo'>;

/** Toutes les rencontres, à venir d'abord puis passées. */
export async function toutesLesRencontres(maintenant = new Date()) {
  const liste: RencontreEntree[] = [...(await getCollection('rencontres')), ...(await getCollection('rencontresDemo'))];
  return trierRencontres(liste, maintenant);
}

/** Adresse de la page d'une rencontre. */
export const urlRencontre = (r: Pick<RencontreEntree, 'id'>) => `/rencontres/${r.id}/`;

/** « mardi 26 septembre 2023, 9 h 00 – 16 h 30 » */
export function quandRencontre(r: Rencontre): string {
  const jour = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone: 'Europe/Paris' }).format(bornes(r).debut);
  const heures = r.debut && r.fin ? `, ${r.debut.replace(':', ' h ')} – ${r.fin.replace(':', ' h ')}` : '';
  return `${jour} ${dateLongue(bornes(r).debut)}${heures}`;
}

/** Libellé de l'état des inscriptions. */
export function libelleInscriptions(r: Rencontre, maintenant = new Date()): string {
  const fmt = (s: string) => `${dateLongue(new Date(`${s.slice(0, 10)}T12:00:00Z`))} à ${s.slice(11).replace(':', ' h ')}`;
  switch (etatInscriptions(r, maintenant)) {
    case 'aucune':
      return 'Pas d’inscription en ligne pour cette rencontre.';
    case 'a_venir':
      return `Inscriptions ouvertes à partir du ${fmt(r.inscriptions!.ouverture)}.`;
    case 'ouvertes':
      return `Inscriptions ouvertes jusqu’au ${fmt(r.inscriptions!.fermeture)}.`;
    case 'closes':
      return 'Inscriptions closes.';
  }
}
