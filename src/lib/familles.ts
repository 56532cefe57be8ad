import type { Famille } from '../schemas/guide.ts';

/** Présentation de chaque famille de guides (pages et cartes). */
export const DESCRIPTIONS_FAMILLES: Record<Famille, string> = {
  reglementation: 'Le cadre légal des PFMP et des stages, l’allocation, les mineurs, et les limites du rôle du RBDE, avec leurs sources officielles.',
  partenaires: 'Les structures avec lesquelles travaille un bureau des entreprises : CMQ, CLEE, GRETA, chambres, France Travail, OPCO, Région, plateformes.',
  pratiques: 'Des méthodes éprouvées et des ateliers réutilisables : premiers jours en poste, contact entreprise, registre des lieux d’accueil…',
};

/**
 * Au plus tant de guides dans le menu « Dans cette rubrique » d'une page de guide. Au-delà, le menu montre les
 * guides qui entourent celui qu'on lit (dans l'ordre de la rubrique) et un lien vers la rubrique entière : un menu
 * de centaines de liens ne se parcourt plus, au clavier comme au lecteur d'écran, et pesait les deux tiers d'une page
 * (mesuré sur 1 000 guides : 53 Ko de menu sur 80, et la mise en page la plus longue de la page sur mobile).
 */
export const GUIDES_MENU_RUBRIQUE = 30;

/** Les guides du menu de rubrique : tous, ou une fenêtre de `max` guides autour du rang du guide lu. */
export function guidesDuMenu<T>(famille: T[], rang: number, max = GUIDES_MENU_RUBRIQUE): { guides: T[]; tronque: boolean } {
  if (famille.length <= max) return { guides: famille, tronque: false };
  const debut = Math.max(0, Math.min(rang - Math.floor(max / 2), famille.length - max));
  return { guides: famille.slice(debut, debut + max), tronque: true };
}
