// La SEULE configuration propre à une académie. Une autre académie change ce fichier et content/, rien d'autre.

export const academie = {
  /** Nom du service, affiché dans l'en-tête et les titres. */
  nomService: 'Réseau BDE',
  /** Sous-titre sous le nom du service. */
  baseline: 'Le réseau des responsables du bureau des entreprises',
  /** Nom de l'académie, avec son article. */
  nom: 'académie de Montpellier',
  /** Lignes du bloc-marque (sous « République française »). */
  blocMarque: ['Académie', 'de Montpellier'],
  /** Région académique, pour les textes. */
  regionAcademique: 'région académique Occitanie',
  /** Départements de l'académie, numéro et nom. */
  departements: [
    { code: '11', nom: 'Aude' },
    { code: '30', nom: 'Gard' },
    { code: '34', nom: 'Hérault' },
    { code: '48', nom: 'Lozère' },
    { code: '66', nom: 'Pyrénées-Orientales' },
  ],
  /**
   * Bassins d'éducation et de formation, par département : un lycée prend le bassin de sa commune (code
   * INSEE), sinon le bassin « parDefaut » de son département. À CONFIRMER auprès du rectorat : liste
   * provisoire, établie pour la démonstration à partir des villes principales, pas la carte officielle.
   */
  bassins: {
    aConfirmer: true,
    departements: {
      '11': { parDefaut: 'Carcassonne', communes: { '11262': 'Narbonne', '11206': 'Limoux', '11076': 'Castelnaudary' } },
      '30': { parDefaut: 'Nîmes', communes: { '30007': 'Alès', '30028': 'Bagnols-sur-Cèze', '30350': 'Le Vigan' } },
      '34': { parDefaut: 'Montpellier', communes: { '34032': 'Béziers', '34301': 'Sète', '34145': 'Lunel', '34142': 'Lodève' } },
      '48': { parDefaut: 'Mende', communes: {} },
      '66': { parDefaut: 'Perpignan', communes: { '66149': 'Prades', '66049': 'Céret' } },
    } as Record<string, { parDefaut: string; communes: Record<string, string> }>,
  },
  /** Adresse de contact du réseau (questions, accessibilité, données personnelles). */
  contact: 'reseau-bde@ac-montpellier.fr',
  /** Adresse du délégué à la protection des données de l'académie. */
  contactDpd: 'dpd@ac-montpellier.fr',
  /** Adresse publique du site (liens absolus, flux RSS, plan du site). */
  site: 'https://reseau-bde.ac-montpellier.fr',
  /** Dépôt du code et du contenu. */
  depot: {
    url: 'https://github.com/ac-montpellier/reseau-bde',
    branche: 'main',
  },
  /** Site de l'académie, lié depuis le pied de page. */
  siteAcademie: { libelle: 'ac-montpellier.fr', url: 'https://www.ac-montpellier.fr' },
} as const;

export type Academie = typeof academie;

/** Le bassin d'un lycée d'après sa commune et son département ; null hors de l'académie. */
export function bassinDe(codeCommune: string, departement: string): string | null {
  const d = academie.bassins.departements[departement];
  return d ? (d.communes[codeCommune] ?? d.parDefaut) : null;
}

/** Lien « Proposer une modification » vers le fichier d'un contenu dans le dépôt. */
export const lienModification = (chemin: string) => `${academie.depot.url}/edit/${academie.depot.branche}/${chemin}`;
