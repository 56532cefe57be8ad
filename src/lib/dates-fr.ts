// Les dates du site, toujours au format français, par un seul assistant.

const formatLong = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

/** « 30 novembre 2026 » (« 1er » pour le premier du mois). */
export function dateLongue(d: Date): string {
  return formatLong.format(d).replace(/^1 /, '1er ');
}

/** AAAA-MM-JJ pour l'attribut datetime de <time>. */
export function dateIso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** Vrai si la date est passée (au jour près) par rapport à `maintenant`. */
export function estPassee(d: Date, maintenant: Date = new Date()): boolean {
  return dateIso(d) < dateIso(maintenant);
}
