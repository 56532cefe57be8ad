import type { Famille } from '../schemas/guide.ts';

/** Présentation de chaque famille de guides (pages et cartes). */
export const DESCRIPTIONS_FAMILLES: Record<Famille, string> = {
  reglementation: 'Le cadre légal des PFMP et des stages, l’allocation, les mineurs, et les limites du rôle du RBDE, avec leurs sources officielles.',
  partenaires: 'Les structures avec lesquelles travaille un bureau des entreprises : CMQ, CLEE, GRETA, chambres, France Travail, OPCO, Région, plateformes.',
  pratiques: 'Des méthodes éprouvées et des ateliers réutilisables : premiers jours en poste, contact entreprise, registre des lieux d’accueil…',
};
