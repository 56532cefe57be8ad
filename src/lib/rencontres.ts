// Rencontres : heures de Paris, état d'une rencontre, et forme publiée en base (api.rencontre_publier).
import type { Rencontre } from '../schemas/rencontre.ts';

const formatParis = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** « AAAA-MM-JJTHH:MM » à l'heure de Paris pour un instant donné. */
export function enHeureDeParis(d: Date): string {
  const p = Object.fromEntries(formatParis.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** L'instant correspondant à « AAAA-MM-JJTHH:MM » heure de Paris (heure d'été comprise). */
export function depuisHeureDeParis(locale: string): Date {
  const approx = new Date(`${locale}:00Z`);
  // Décalage de Paris à cet instant, corrigé une fois (suffit hors de l'heure sautée du changement d'heure).
  let instant = new Date(approx.getTime() - decalage(approx));
  instant = new Date(approx.getTime() - decalage(instant));
  return instant;
}

function decalage(d: Date): number {
  return new Date(`${enHeureDeParis(d)}:00Z`).getTime() - Math.floor(d.getTime() / 60000) * 60000;
}

/** Début et fin de la rencontre (journée entière si les heures ne sont pas connues). */
export function bornes(r: Pick<Rencontre, 'date' | 'debut' | 'fin'>): { debut: Date; fin: Date; journeeEntiere: boolean } {
  const journeeEntiere = !r.debut || !r.fin;
  return {
    debut: depuisHeureDeParis(`${r.date}T${r.debut ?? '00:00'}`),
    fin: depuisHeureDeParis(`${r.date}T${r.fin ?? '23:59'}`),
    journeeEntiere,
  };
}

/** Vrai si la rencontre est terminée à `maintenant`. */
export function estTerminee(r: Pick<Rencontre, 'date' | 'debut' | 'fin'>, maintenant = new Date()): boolean {
  return bornes(r).fin < maintenant;
}

/** État des inscriptions à `maintenant`. */
export function etatInscriptions(r: Pick<Rencontre, 'inscriptions'>, maintenant = new Date()): 'aucune' | 'a_venir' | 'ouvertes' | 'closes' {
  if (!r.inscriptions) return 'aucune';
  if (maintenant < depuisHeureDeParis(r.inscriptions.ouverture)) return 'a_venir';
  if (maintenant > depuisHeureDeParis(r.inscriptions.fermeture)) return 'closes';
  return 'ouvertes';
}

/** Trie : à venir d'abord (la plus proche en tête), puis passées (la plus récente en tête). */
export function trierRencontres<T extends { data: Pick<Rencontre, 'date' | 'debut' | 'fin'> }>(
  liste: T[],
  maintenant = new Date(),
): { aVenir: T[]; passees: T[] } {
  const cle = (x: T) => bornes(x.data).debut.getTime();
  return {
    aVenir: liste.filter((x) => !estTerminee(x.data, maintenant)).sort((a, b) => cle(a) - cle(b)),
    passees: liste.filter((x) => estTerminee(x.data, maintenant)).sort((a, b) => cle(b) - cle(a)),
  };
}

/** Argument de api.rencontre_publier : heures de Paris telles quelles (la base les convertit). */
export interface RencontrePubliee {
  slug: string;
  titre: string;
  lieu: string;
  debut: string;
  fin: string;
  ouverture: string | null;
  fermeture: string | null;
  mode: 'premier_arrive' | 'voeux';
  questions: Rencontre['questions'];
  ateliers: { code: string; creneau: string; creneau_libelle: string; titre: string; salle: string; capacite: number }[];
}

/** La forme publiée d'une rencontre du contenu. */
export function versPublication(slug: string, r: Rencontre): RencontrePubliee {
  return {
    slug,
    titre: r.titre,
    lieu: `${r.lieu.nom}, ${r.lieu.adresse}, ${r.lieu.commune}`,
    debut: `${r.date}T${r.debut ?? '00:00'}`,
    fin: `${r.date}T${r.fin ?? '23:59'}`,
    ouverture: r.inscriptions?.ouverture ?? null,
    fermeture: r.inscriptions?.fermeture ?? null,
    mode: r.inscriptions?.mode ?? 'premier_arrive',
    questions: r.questions,
    ateliers: r.programme.flatMap((c) =>
      c.ateliers.map((a) => ({ code: a.id, creneau: c.id, creneau_libelle: c.libelle, titre: a.titre, salle: a.salle, capacite: a.capacite })),
    ),
  };
}
