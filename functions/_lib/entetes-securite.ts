// En-têtes de sécurité de chaque réponse de /api/*. Netlify n'applique pas les [[headers]] de
// netlify.toml aux fonctions : ils sont posés ici, en un seul endroit, par l'enveloppe HTTP.
// Une réponse d'API est du JSON : elle ne charge rien, ne s'affiche dans aucun cadre, ne se met en
// cache nulle part.
export const ENTETES_SECURITE_API: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'strict-transport-security': 'max-age=63072000; includeSubDomains',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'strict-origin-when-cross-origin',
  'cache-control': 'no-store',
});

/** Pose les en-têtes de sécurité sur une réponse (ceux qu'elle a déjà sont remplacés). */
export function poserEntetesSecurite(reponse: Response): Response {
  let modifiable = reponse;
  try {
    reponse.headers.set('x-content-type-options', 'nosniff');
  } catch {
    // En-têtes figés (réponse de fetch, Response.redirect) : une copie modifiable.
    modifiable = new Response(reponse.body, reponse);
  }
  for (const [nom, valeur] of Object.entries(ENTETES_SECURITE_API)) modifiable.headers.set(nom, valeur);
  return modifiable;
}
