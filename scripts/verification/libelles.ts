// Contrôle des libellés de liens : un lien dit où il mène, jamais « cliquez ici ».
import { ligneDe, parcourir, texteDe } from './document.ts';
import type { Probleme, Regle } from './types.ts';

/** Libellés qui ne disent pas où mène le lien (comparés en minuscules, apostrophes droites). */
export const LIBELLES_VAGUES = [
  'cliquez ici',
  'cliquer ici',
  'clique ici',
  'ici',
  'en savoir plus',
  'pour en savoir plus',
  'lire la suite',
  'la suite',
  'lien',
  'ce lien',
  'voir',
  'voir ici',
  "plus d'infos",
  "plus d'info",
  "plus d'informations",
  "plus d'information",
];

/** Libellé ramené à une forme comparable : minuscules, apostrophes droites, sans ponctuation autour. */
export function normaliserLibelle(libelle: string): string {
  return libelle
    .toLowerCase()
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/^[\s.,;:!?…«»"()[\]→>-]+|[\s.,;:!?…«»"()[\]→>-]+$/g, '');
}

export const verifierLibelles: Regle = (doc) => {
  const problemes: Probleme[] = [];
  parcourir(doc.arbre, (n) => {
    if (n.type !== 'link' && n.type !== 'linkReference') return;
    const libelle = texteDe(n);
    if (LIBELLES_VAGUES.includes(normaliserLibelle(libelle)))
      problemes.push({
        fichier: doc.chemin,
        ligne: ligneDe(n),
        message: `Libellé de lien vague « ${libelle.trim()} » : dites où mène le lien, par exemple « [la circulaire du 29 mars 2016](…) » ou « [le guide sur la convention](…) ».`,
      });
  });
  return problemes;
};
