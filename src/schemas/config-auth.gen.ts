// Généré depuis supabase/config.toml par « npm run generer-config-auth » : ne pas modifier à la main.
/** Réglages de Supabase Auth utiles au site et aux fonctions (section [auth.email] de config.toml). */
export const CONFIG_AUTH = { longueurCode: 6, dureeCodeS: 600 } as const;
