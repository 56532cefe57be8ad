// npm run generer-config-auth : recopie dans src/schemas/config-auth.gen.ts les réglages d'Auth dont
// le site et les fonctions ont besoin (longueur et durée du code), lus dans supabase/config.toml.
// Les fonctions déployées ne lisent pas ce fichier TOML : elles importent ce module généré, et un
// test échoue s'il n'est plus à jour.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lireConfigSupabase } from '../local/supabase/config.ts';

export const FICHIER_GENERE = join(import.meta.dirname, '..', 'src', 'schemas', 'config-auth.gen.ts');

/** Le texte du module généré, depuis config.toml. */
export function genererConfigAuth(): string {
  const { otp_length, otp_expiry } = lireConfigSupabase().auth.email;
  return `// Généré depuis supabase/config.toml par « npm run generer-config-auth » : ne pas modifier à la main.
/** Réglages de Supabase Auth utiles au site et aux fonctions (section [auth.email] de config.toml). */
export const CONFIG_AUTH = { longueurCode: ${otp_length}, dureeCodeS: ${otp_expiry} } as const;
`;
}

if (import.meta.main) {
  writeFileSync(FICHIER_GENERE, genererConfigAuth());
  console.log(`✔ ${FICHIER_GENERE} régénéré.`);
}
