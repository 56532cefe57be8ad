// Fichiers .ics (iCalendar) des rencontres, construits par la bibliothèque « ics ».
import { createEvent } from 'ics';

export interface EvenementRencontre {
  /** Identifiant stable (le même .ics importé deux fois met à jour l'événement au lieu de le doubler). */
  uid: string;
  titre: string;
  description: string;
  lieu: string | null;
  debut: Date;
  fin: Date;
  /** Adresse de la page de la rencontre. */
  url?: string;
  /** Journée entière (heures inconnues). */
  journeeEntiere?: boolean;
}

const jour = (d: Date): [number, number, number] => {
  const [a, m, j] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(d).split('-').map(Number);
  return [a!, m!, j!];
};

/** Le texte d'un .ics d'un événement ; lève une erreur si la bibliothèque le refuse. */
export function fichierIcs(e: EvenementRencontre): string {
  const { error, value } = createEvent({
    uid: e.uid,
    productId: 'reseau-bde/rencontres',
    method: 'PUBLISH',
    title: e.titre,
    description: e.description,
    ...(e.lieu ? { location: e.lieu } : {}),
    // La bibliothèque n'accepte qu'un nom de domaine complet (pas « localhost ») ; l'adresse reste dans la description.
    ...(e.url && new URL(e.url).hostname.includes('.') ? { url: e.url } : {}),
    ...(e.journeeEntiere
      ? { start: jour(e.debut), end: jour(new Date(e.debut.getTime() + 86_400_000)) }
      : {
          start: e.debut.getTime(),
          startInputType: 'utc' as const,
          startOutputType: 'utc' as const,
          end: e.fin.getTime(),
          endInputType: 'utc' as const,
          endOutputType: 'utc' as const,
        }),
  });
  if (error || !value) throw new Error(`Fichier .ics impossible : ${error?.message ?? 'inconnu'}`);
  return value;
}
