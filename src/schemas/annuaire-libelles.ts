// Libellés de l'annuaire, sans dépendance : importables par les îlots sans charger zod.

/** Qui voit un champ : tout le réseau, les organisateurs (et administrateurs), ou moi seul. */
export const VISIBILITES = {
  reseau: 'Tout le réseau',
  organisateurs: 'Organisateurs seulement',
  moi: 'Moi seul',
} as const;
export type Visibilite = keyof typeof VISIBILITES;
/** Les champs dont le membre choisit la visibilité (les mêmes que prive.champs_masquables() en base). */
export const CHAMPS_MASQUABLES = {
  email: 'Adresse électronique',
  telephone: 'Téléphone professionnel',
  etablissement: 'Lycée',
  secteurs: 'Secteurs',
  expertises: 'Expertises',
  presentation: 'Présentation',
  langues: 'Langues',
  accompagne: 'Accompagnement d’un nouveau collègue',
} as const;
export type ChampMasquable = keyof typeof CHAMPS_MASQUABLES;
