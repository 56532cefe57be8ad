// Préparation d'une requête de recherche en français avant Pagefind.

/** Normalise la requête : élisions (« l’entreprise » → « entreprise »), œ → oe, apostrophes typographiques. */
export function developperRequete(q: string): string {
  return q
    .replace(/[’‘`]/g, "'")
    .replace(/\b(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)'(?=\p{L})/giu, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/\s+/g, ' ')
    .trim();
}
