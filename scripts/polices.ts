// npm run polices : réduit les polices Marianne du DSFR aux caractères dont le français a besoin, dans src/assets/polices/
// (fichiers générés, versionnés ; à relancer après une mise à jour de @gouvfr/dsfr). Motif : les quatre fichiers
// complets pesaient 228 Ko par page ; réduits, une page de guide ne télécharge que quelques dizaines de Ko.
// Seules les graisses que la feuille emploie : 400 (texte, préchargée), 500 et 700 (titres, boutons), 400 italique.
// Le Light (300) et le Spectral ne servent qu'à des composants que le site n'emploie pas : le navigateur se rabat
// sur la graisse la plus proche.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';

const racine = join(import.meta.dirname, '..');
const source = join(racine, 'node_modules', '@gouvfr', 'dsfr', 'dist', 'fonts');

/** Les plages Unicode gardées : ASCII, Latin-1 (accents, « », °, §), Œ œ Ÿ, tirets, apostrophes et guillemets
 *  typographiques, espaces fines, puces, points de suspension, €, flèches courantes. */
export const PLAGES_FR: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x152, 0x153],
  [0x178, 0x178],
  [0x2009, 0x200a],
  [0x2010, 0x2014],
  [0x2018, 0x201e],
  [0x2022, 0x2022],
  [0x2026, 0x2026],
  [0x202f, 0x202f],
  [0x2039, 0x203a],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
  [0x2190, 0x2193],
  [0x2212, 0x2212],
];

/** La valeur unicode-range des @font-face (src/styles/polices.css). */
export const uniciteRange = () =>
  PLAGES_FR.map(([a, b]) => (a === b ? `U+${a.toString(16).toUpperCase()}` : `U+${a.toString(16).toUpperCase()}-${b.toString(16).toUpperCase()}`)).join(', ');

export const POLICES = [
  { source: 'Marianne-Regular.woff2', cible: 'marianne-400.woff2' },
  { source: 'Marianne-Medium.woff2', cible: 'marianne-500.woff2' },
  { source: 'Marianne-Bold.woff2', cible: 'marianne-700.woff2' },
  { source: 'Marianne-Regular_Italic.woff2', cible: 'marianne-400-italique.woff2' },
];

if (import.meta.main) {
  const texte = PLAGES_FR.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i))).join('');
  for (const { source: s, cible } of POLICES) {
    const reduite = await subsetFont(readFileSync(join(source, s)), texte, {
      targetFormat: 'woff2',
      // Les fonctions typographiques qu'emploie un texte courant (crénage, ligatures, accents composés) ;
      // les autres (petites capitales, chiffres alternatifs…) tiraient des centaines de glyphes inutiles.
      keepFeatures: ['kern', 'liga', 'calt', 'ccmp', 'locl', 'mark', 'mkmk'],
      // Sans instructions de hinting : les écrans actuels lissent le texte sans elles, et elles pesaient un tiers du fichier.
      noHinting: true,
    });
    writeFileSync(join(racine, 'src', 'assets', 'polices', cible), reduite);
    console.log(`${cible} : ${(reduite.length / 1024).toFixed(1)} Ko (${s} : ${(readFileSync(join(source, s)).length / 1024).toFixed(1)} Ko)`);
  }
  console.log(`unicode-range: ${uniciteRange()};`);
}
