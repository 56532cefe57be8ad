// Thèmes des guides, sans dépendance : importables par les îlots (zod n'est pas chargé dans le navigateur,
// où sa compilation à la volée, new Function, serait refusée par la CSP).

/** Thèmes d’un guide : servent aux filtres de `/guides` et de la recherche. */
export const THEMES = {
  'role-rbde': 'Rôle du RBDE',
  pfmp: 'PFMP et stages',
  convention: 'Convention',
  allocation: 'Allocation et gratification',
  mineurs: 'Mineurs et sécurité',
  apprentissage: 'Apprentissage et mixité',
  orientation: 'Orientation et observation',
  international: 'Mobilité internationale',
  partenariats: 'Partenariats',
  insertion: 'Insertion et emploi',
  outils: 'Plateformes et outils',
  donnees: 'Données personnelles',
  pilotage: 'Pilotage et réseau',
} as const;
export type Theme = keyof typeof THEMES;
