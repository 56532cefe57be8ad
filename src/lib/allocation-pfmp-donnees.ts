// Forfaits et plafonds de l'allocation PFMP : la seule copie des montants du site.
// Le guide « L'allocation PFMP » affiche ses tableaux à partir de ce fichier (composant TableauAllocation)
// et le simulateur calcule avec lui : les deux ne peuvent pas se contredire.
// Pour changer un montant : modifier ce fichier, la date VERIFIE_LE et, s'il le faut, la source.

/** Date à laquelle ces valeurs ont été relues dans leurs sources (AAAA-MM-JJ). */
export const VERIFIE_LE = '2026-12-03';

/** Le guide qui explique chaque montant ; chaque chiffre du simulateur y renvoie. */
export const GUIDE_ALLOCATION = '/guides/reglementation/allocation-pfmp/';

/** Les textes d'où viennent les montants. */
export const TEXTES = {
  arrete: {
    titre: 'Arrêté du 11 août 2023 (NOR MENE2319040A)',
    url: 'https://www.legifrance.gouv.fr/jorf/id/JORFTEXT000047963979',
    date: '2023-08-11',
    /** Ce que dit le texte, tel qu'il est cité dans le guide. */
    extraits: {
      article1:
        'Le montant est un forfait journalier multiplié par le nombre de jours de PFMP effectivement réalisés ; les jours d’absence sont exclus (art. 1er).',
      article2: 'Le montant versé pour une année scolaire « ne peut excéder, pour chaque formation et niveau d’études, le montant » fixé en annexe (art. 2).',
    },
  },
  aplypro: {
    titre: 'APLyPro, application nationale de paiement (dépôt betagouv/aplypro, fichiers data/wages)',
    url: 'https://github.com/betagouv/aplypro',
    date: '2025-09-01',
  },
} as const;

/** Ancres du guide (titres de section) où chaque notion est sourcée. */
export const ANCRES = {
  forfaits: 'forfaits-journaliers',
  plafonds: 'plafonds-annuels',
  absences: 'absences-et-décompte-des-jours',
  verifier: 'ce-qui-reste-à-vérifier',
  droit: 'qui-y-a-droit',
  autres: 'autres-formations',
} as const;

/** Années scolaires connues du simulateur, de la plus ancienne à la plus récente. */
export const ANNEES = ['2023-2024', '2024-2025', '2025-2026', '2026-2027'] as const;
export type AnneeScolaire = (typeof ANNEES)[number];

/** Dernière année dont les plafonds sont attestés (données d'APLyPro) ; au-delà, ils sont à vérifier. */
export const DERNIERE_ANNEE_ATTESTEE: AnneeScolaire = '2025-2026';

export interface Niveau {
  id: string;
  /** Libellé de l'année ou du niveau (« 1re année », « Terminale »). */
  libelle: string;
  /** Forfait par jour de PFMP effectué, en euros (annexe de l'arrêté). */
  forfait: number;
  /** Plafond annuel fixé par l'annexe de l'arrêté (art. 2), en euros ; null : non connu du site. */
  plafondArrete: number | null;
  /**
   * Plafonds appliqués par APLyPro quand ils diffèrent de l'annexe, par année scolaire.
   * Les arrêtés modificatifs correspondants n'ont pas été retrouvés (voir le guide).
   */
  plafondsAplypro?: Partial<Record<AnneeScolaire, number>>;
  /** Vrai si le plafond a changé d'une année à l'autre : une année non attestée reste alors inconnue. */
  plafondVariable?: boolean;
}

export interface Formation {
  id: string;
  libelle: string;
  /** Libellé court pour les tableaux du guide. */
  libelleTableau: string;
  niveaux: Niveau[];
}

/** Formations de l'Éducation nationale couvertes (annexe de l'arrêté du 11 août 2023). */
export const FORMATIONS: Formation[] = [
  {
    id: 'bac-pro',
    libelle: 'Baccalauréat professionnel en 3 ans',
    libelleTableau: 'Bac pro',
    niveaux: [
      { id: '2de', libelle: '2de', forfait: 10, plafondArrete: 300 },
      { id: '1re', libelle: '1re', forfait: 15, plafondArrete: 600 },
      {
        id: 'terminale',
        libelle: 'Terminale',
        forfait: 20,
        plafondArrete: 800,
        plafondsAplypro: { '2024-2025': 1200, '2025-2026': 1000 },
        plafondVariable: true,
      },
    ],
  },
  {
    id: 'bac-pro-1-an',
    libelle: 'Baccalauréat professionnel en 1 an',
    libelleTableau: 'Bac pro en 1 an',
    niveaux: [{ id: 'unique', libelle: 'Formation en 1 an', forfait: 20, plafondArrete: null }],
  },
  {
    id: 'cap-2-ans',
    libelle: 'CAP en 2 ans',
    libelleTableau: 'CAP en 2 ans',
    niveaux: [
      { id: '1re-annee', libelle: '1re année', forfait: 10, plafondArrete: 350 },
      { id: '2e-annee', libelle: '2e année', forfait: 15, plafondArrete: 525 },
    ],
  },
  {
    id: 'cap-1-an',
    libelle: 'CAP en 1 an',
    libelleTableau: 'CAP en 1 an',
    niveaux: [{ id: 'unique', libelle: 'Formation en 1 an', forfait: 15, plafondArrete: null }],
  },
  {
    id: 'cap-3-ans',
    libelle: 'CAP en 3 ans',
    libelleTableau: 'CAP en 3 ans',
    niveaux: [{ id: '2-dernieres-annees', libelle: '2e ou 3e année', forfait: 15, plafondArrete: null }],
  },
  {
    id: 'bma',
    libelle: 'Brevet des métiers d’art (BMA)',
    libelleTableau: 'BMA',
    niveaux: [
      { id: '1re-annee', libelle: '1re année', forfait: 15, plafondArrete: null },
      { id: '2e-annee', libelle: '2e année', forfait: 20, plafondArrete: 800 },
      { id: 'en-1-an', libelle: 'Formation en 1 an', forfait: 20, plafondArrete: null },
    ],
  },
  {
    id: 'dtms',
    libelle: 'Diplôme de technicien des métiers du spectacle (DTMS)',
    libelleTableau: 'DTMS',
    niveaux: [
      { id: '1re-annee', libelle: '1re année', forfait: 15, plafondArrete: null },
      { id: '2e-annee', libelle: '2e année', forfait: 20, plafondArrete: null },
      { id: 'en-1-an', libelle: 'Formation en 1 an', forfait: 20, plafondArrete: null },
    ],
  },
  {
    id: 'mc-cs',
    libelle: 'Mention complémentaire ou certificat de spécialisation (MC, CS)',
    libelleTableau: 'MC ou CS',
    niveaux: [
      { id: 'niveau-3', libelle: 'Niveau 3', forfait: 15, plafondArrete: 1350 },
      { id: 'niveau-4', libelle: 'Niveau 4', forfait: 20, plafondArrete: 1800 },
    ],
  },
  {
    id: 'fcil',
    libelle: 'Formation complémentaire d’initiative locale (FCIL)',
    libelleTableau: 'FCIL',
    niveaux: [
      { id: 'niveau-3', libelle: 'Niveau 3', forfait: 15, plafondArrete: null },
      { id: 'niveau-4', libelle: 'Niveau 4', forfait: 20, plafondArrete: null },
    ],
  },
];

/** Cas que le simulateur ne sait pas calculer, et pourquoi : affichés tels quels. */
export const HORS_CHAMP = [
  {
    id: 'agricole-maritime',
    libelle: 'Formation agricole ou maritime',
    raison: 'Les formations agricoles et maritimes ont leurs propres plafonds ; le site n’en connaît que quelques exemples.',
    ancre: ANCRES.autres,
  },
  {
    id: 'avenirpro',
    libelle: 'Parcours Ambition emploi ou AvenirPro+',
    raison: 'Le parcours Ambition emploi est devenu la phase AvenirPro+ du dispositif AvenirPro : l’effet sur les forfaits et les plafonds est à vérifier.',
    ancre: ANCRES.autres,
  },
  {
    id: 'apprenti',
    libelle: 'Apprenti',
    raison: 'Les apprentis ne sont pas concernés par l’allocation PFMP.',
    ancre: ANCRES.droit,
  },
] as const;
