// Check-list de préparation d'une PFMP : les questions, et chaque point à vérifier avec qui s'en charge,
// le cas où il s'applique et le guide (section) qui le fonde. Utilisé par la page (rendu de toutes les lignes)
// et par son script (qui masque celles qui ne concernent pas les réponses lues dans l'adresse).

/** Les réponses, telles qu'elles sont écrites dans l'adresse (?age=…&secteur=…). */
export interface Reponses {
  age: 'moins-de-16' | '16-17' | 'majeur';
  secteur: Secteur;
  reglementes: 'oui' | 'non' | 'ne-sait-pas';
  etranger: boolean;
  nuit: boolean;
  dimanche: boolean;
  handicap: boolean;
  premiere: boolean;
}

export const AGES: Record<Reponses['age'], string> = {
  'moins-de-16': 'Moins de 16 ans',
  '16-17': '16 ou 17 ans',
  majeur: '18 ans ou plus',
};

export const SECTEURS = {
  'hotellerie-restauration': 'Hôtellerie, restauration',
  alimentation: 'Boulangerie, pâtisserie, métiers de bouche',
  commerce: 'Commerce, vente',
  'coiffure-esthetique': 'Coiffure, esthétique',
  'industrie-btp': 'Industrie, bâtiment, maintenance',
  territorial: 'Collectivité territoriale (mairie, département, EHPAD public…)',
  hospitalier: 'Établissement public hospitalier',
  autre: 'Autre secteur',
} as const;
export type Secteur = keyof typeof SECTEURS;

export const REGLEMENTES: Record<Reponses['reglementes'], string> = {
  oui: 'Oui',
  non: 'Non',
  'ne-sait-pas': 'Je ne sais pas',
};

/** Réponses par défaut : le cas le plus courant, un élève de 16 ou 17 ans en entreprise, sans particularité. */
export const REPONSES_PAR_DEFAUT: Reponses = {
  age: '16-17',
  secteur: 'autre',
  reglementes: 'non',
  etranger: false,
  nuit: false,
  dimanche: false,
  handicap: false,
  premiere: false,
};

const unDe = <T extends string>(valeurs: readonly T[], v: string | null, defaut: T): T =>
  v !== null && (valeurs as readonly string[]).includes(v) ? (v as T) : defaut;
const oui = (v: string | null) => v === 'oui';

/** Lit les réponses d'une adresse ; une valeur absente ou inconnue prend sa valeur par défaut. */
export function lireReponses(params: URLSearchParams): Reponses {
  const d = REPONSES_PAR_DEFAUT;
  return {
    age: unDe(Object.keys(AGES) as Reponses['age'][], params.get('age'), d.age),
    secteur: unDe(Object.keys(SECTEURS) as Secteur[], params.get('secteur'), d.secteur),
    reglementes: unDe(Object.keys(REGLEMENTES) as Reponses['reglementes'][], params.get('reglementes'), d.reglementes),
    etranger: oui(params.get('etranger')),
    nuit: oui(params.get('nuit')),
    dimanche: oui(params.get('dimanche')),
    handicap: oui(params.get('handicap')),
    premiere: oui(params.get('premiere')),
  };
}

/** L'adresse (partie « ?… ») qui garde les réponses ; le formulaire GET de la page produit la même. */
export function ecrireReponses(r: Reponses): string {
  const p = new URLSearchParams({ age: r.age, secteur: r.secteur, reglementes: r.reglementes });
  for (const cle of ['etranger', 'nuit', 'dimanche', 'handicap', 'premiere'] as const) if (r[cle]) p.set(cle, 'oui');
  return `?${p.toString()}`;
}

export interface Point {
  id: string;
  /** Ce qu'il faut vérifier. */
  texte: string;
  /** Qui s'en charge. */
  qui: string;
  /** Dans quel cas la ligne s'applique, dit en clair (« Toujours », « Élève mineur »…). */
  cas: string;
  /** Guide qui fonde la ligne : identifiant (famille/slug) et titre exact de la section. */
  guide: { id: string; section: string };
  /** Vrai si la ligne concerne ces réponses. */
  siApplique: (r: Reponses) => boolean;
}

const mineur = (r: Reponses) => r.age !== 'majeur';
const reglementes = (r: Reponses) => mineur(r) && r.reglementes !== 'non';
const SECTEURS_WEEK_END: Secteur[] = ['hotellerie-restauration', 'alimentation', 'commerce', 'coiffure-esthetique'];

export const POINTS: Point[] = [
  {
    id: 'convention-signee',
    texte:
      'La convention est établie sur le modèle de l’académie (dispositions générales et annexe pédagogique) et signée par toutes les parties avant le départ.',
    qui: 'Chef d’établissement, organisme d’accueil, élève ou représentant légal, enseignant référent ; le RBDE relance les signatures',
    cas: 'Toujours',
    guide: { id: 'reglementation/vie-convention-assurance', section: 'Étape 2 : signer avant le départ' },
    siApplique: () => true,
  },
  {
    id: 'missions',
    texte: 'Les missions sont conformes au projet pédagogique ; l’annexe pédagogique est rédigée avec le tuteur.',
    qui: 'Équipe pédagogique',
    cas: 'Toujours',
    guide: { id: 'reglementation/vie-convention-assurance', section: 'Étape 1 : préparer' },
    siApplique: () => true,
  },
  {
    id: 'referent-tuteur',
    texte: 'Un enseignant référent est désigné (16 élèves au plus pour une même période) ; l’organisme désigne un tuteur (3 conventions en cours au plus).',
    qui: 'Chef d’établissement (référent), organisme d’accueil (tuteur)',
    cas: 'Toujours',
    guide: { id: 'reglementation/encadrement-suivi', section: 'Qui fait quoi dans le suivi' },
    siApplique: () => true,
  },
  {
    id: 'quota',
    texte: 'L’organisme respecte son quota de stagiaires par semaine : 15 % de l’effectif à partir de 20 personnes, 3 stagiaires en dessous.',
    qui: 'Organisme d’accueil ; le RBDE le note au registre des entreprises',
    cas: 'Toujours',
    guide: { id: 'reglementation/encadrement-suivi', section: 'Les quotas de stagiaires par organisme d’accueil' },
    siApplique: () => true,
  },
  {
    id: 'gratification',
    texte: 'Durée passée dans le même organisme sur l’année scolaire : au-delà de deux mois (trois dans l’enseignement agricole), une gratification est due.',
    qui: 'Service des stages, avec l’organisme d’accueil',
    cas: 'Toujours',
    guide: { id: 'reglementation/gratification', section: 'Quand la gratification est due' },
    siApplique: () => true,
  },
  {
    id: 'assurance',
    texte: 'La clause d’assurance de la convention dit qui couvre l’élève et qui couvre l’organisme (responsabilité civile, trajet, véhicule).',
    qui: 'Chef d’établissement ou gestionnaire ; ne pas répondre de mémoire',
    cas: 'Toujours',
    guide: { id: 'reglementation/vie-convention-assurance', section: 'L’assurance' },
    siApplique: () => true,
  },
  {
    id: 'accident',
    texte:
      'En cas d’accident, l’organisme d’accueil le déclare à la CPAM sous 48 heures (dimanches et jours fériés non compris) et en adresse une copie au lycée ; la répartition est à vérifier dans le modèle de l’académie.',
    qui: 'Organisme d’accueil ; l’établissement est prévenu',
    cas: 'Toujours',
    guide: { id: 'reglementation/accident-pfmp', section: 'Qui déclare l’accident, et dans quel délai' },
    siApplique: () => true,
  },
  {
    id: 'attestation',
    texte: 'L’attestation de fin de période (dates, jours effectués, absences) est remplie : elle sert à l’examen et au calcul de l’allocation.',
    qui: 'Organisme d’accueil ; le RBDE met le registre à jour',
    cas: 'Toujours',
    guide: { id: 'reglementation/vie-convention-assurance', section: 'Étape 4 : terminer et attester' },
    siApplique: () => true,
  },
  {
    id: 'horaires-16-17',
    texte:
      'Horaires : 8 h par jour et 35 h par semaine au plus, pause de 30 min au-delà de 4 h 30, 12 h de repos entre deux journées, deux jours de repos consécutifs.',
    qui: 'Organisme d’accueil ; l’équipe pédagogique relit les horaires avant la signature',
    cas: 'Élève de 16 ou 17 ans',
    guide: { id: 'reglementation/mineurs-temps-de-travail', section: 'Tableau récapitulatif' },
    siApplique: (r) => r.age === '16-17',
  },
  {
    id: 'horaires-moins-16',
    texte:
      'Horaires : 8 h par jour (7 h à 14 et 15 ans selon le ministère du Travail) et 35 h par semaine au plus, pause de 30 min au-delà de 4 h 30, 14 h de repos entre deux journées, deux jours de repos consécutifs.',
    qui: 'Organisme d’accueil ; l’équipe pédagogique relit les horaires avant la signature',
    cas: 'Élève de moins de 16 ans',
    guide: { id: 'reglementation/mineurs-temps-de-travail', section: 'Tableau récapitulatif' },
    siApplique: (r) => r.age === 'moins-de-16',
  },
  {
    id: 'nuit-mineur',
    texte:
      'Aucun travail de nuit (de 22 h à 6 h à 16 et 17 ans, de 20 h à 6 h avant 16 ans) : les dérogations du Code du travail semblent exclues par la convention type ; ne pas en proposer.',
    qui: 'Organisme d’accueil ; le RBDE l’en informe',
    cas: 'Élève mineur, horaires de nuit envisagés',
    guide: { id: 'reglementation/mineurs-temps-de-travail', section: 'Travail de nuit' },
    siApplique: (r) => mineur(r) && r.nuit,
  },
  {
    id: 'dimanche-mineur',
    texte: 'Pas de travail le dimanche ni les jours fériés : deux jours de repos consécutifs dont le dimanche ; les dérogations ne visent que les apprentis.',
    qui: 'Organisme d’accueil ; l’équipe pédagogique relit les horaires',
    cas: 'Élève mineur, dimanche ou jour férié envisagé, ou secteur qui travaille le week-end',
    guide: { id: 'reglementation/mineurs-temps-de-travail', section: 'Repos quotidien et hebdomadaire' },
    siApplique: (r) => mineur(r) && (r.dimanche || SECTEURS_WEEK_END.includes(r.secteur)),
  },
  {
    id: 'horaires-convention',
    texte: 'Les horaires de nuit, du dimanche ou des jours fériés sont écrits dans la convention ; tout changement passe par un avenant signé.',
    qui: 'Service des stages ; enseignant référent',
    cas: 'Horaires de nuit, du dimanche ou des jours fériés envisagés',
    guide: { id: 'reglementation/vie-convention-assurance', section: 'Étape 3 : pendant la période, ce qui peut changer' },
    siApplique: (r) => r.nuit || r.dimanche,
  },
  {
    id: 'reglementes-declaration-prive',
    texte: 'Travaux réglementés : l’employeur a envoyé sa déclaration de dérogation à l’inspection du travail (DREETS ou DDETS) ; elle vaut 3 ans.',
    qui: 'Employeur ; le RBDE note la date au registre',
    cas: 'Élève mineur, travaux réglementés, employeur privé',
    guide: { id: 'reglementation/travaux-reglementes', section: 'Qui déclare, et à qui' },
    siApplique: (r) => reglementes(r) && r.secteur !== 'territorial' && r.secteur !== 'hospitalier',
  },
  {
    id: 'reglementes-declaration-territorial',
    texte: 'Travaux réglementés : l’autorité territoriale déclare selon la procédure de la fonction publique territoriale.',
    qui: 'Autorité territoriale',
    cas: 'Élève mineur, travaux réglementés, collectivité territoriale',
    guide: { id: 'reglementation/travaux-reglementes', section: 'Le cas des employeurs publics' },
    siApplique: (r) => reglementes(r) && r.secteur === 'territorial',
  },
  {
    id: 'reglementes-declaration-hospitalier',
    texte: 'Travaux réglementés : la procédure de la fonction publique hospitalière est à vérifier avec l’établissement d’accueil avant le départ.',
    qui: 'Établissement d’accueil, avec le chef d’établissement',
    cas: 'Élève mineur, travaux réglementés, hôpital public',
    guide: { id: 'reglementation/travaux-reglementes', section: 'Qui déclare, et à qui' },
    siApplique: (r) => reglementes(r) && r.secteur === 'hospitalier',
  },
  {
    id: 'reglementes-conditions',
    texte: 'Risques évalués (y compris ceux propres aux jeunes), prévention en place, élève informé et formé à la sécurité.',
    qui: 'Employeur',
    cas: 'Élève mineur, travaux réglementés',
    guide: { id: 'reglementation/travaux-reglementes', section: 'Les conditions à remplir' },
    siApplique: reglementes,
  },
  {
    id: 'reglementes-avis-medical',
    texte: 'Avis médical d’aptitude de l’élève, renouvelé chaque année, et encadrement par une personne compétente pendant les travaux.',
    qui: 'Médecin de l’éducation nationale en pratique (avis) ; employeur (encadrement)',
    cas: 'Élève mineur, travaux réglementés',
    guide: { id: 'reglementation/travaux-reglementes', section: 'L’avis médical et l’encadrement' },
    siApplique: reglementes,
  },
  {
    id: 'reglementes-inconnu',
    texte: 'Demander à l’organisme si l’élève utilisera des machines ou fera des travaux réglementés ; sans déclaration connue, le signaler.',
    qui: 'RBDE, qui alerte l’enseignant référent et le DDFPT',
    cas: 'Élève mineur, travaux réglementés incertains',
    guide: { id: 'reglementation/travaux-reglementes', section: 'Ce que peut faire le RBDE' },
    siApplique: (r) => mineur(r) && r.reglementes === 'ne-sait-pas',
  },
  {
    id: 'etranger-convention',
    texte: 'Modèle de convention pour un organisme d’accueil étranger demandé au service académique des relations européennes et internationales.',
    qui: 'Chef d’établissement ; le RBDE fait le lien avec le service',
    cas: 'PFMP à l’étranger',
    guide: { id: 'reglementation/pfmp-etranger', section: 'Une PFMP à l’étranger reste une PFMP' },
    siApplique: (r) => r.etranger,
  },
  {
    id: 'etranger-verifications',
    texte: 'Vérifier que la période compte pour la durée exigée au diplôme, l’assurance et la protection sociale hors de France, et l’allocation PFMP.',
    qui: 'DDFPT (durée), chef d’établissement (assurance), gestionnaire APLyPro (allocation)',
    cas: 'PFMP à l’étranger',
    guide: { id: 'reglementation/pfmp-etranger', section: 'Ce qu’il faut vérifier avant de s’engager' },
    siApplique: (r) => r.etranger,
  },
  {
    id: 'handicap-amenagements',
    texte: 'Les aménagements prévus par le PPS (horaires, poste, matériel, accompagnement) sont écrits dans la convention et l’annexe pédagogique.',
    qui: 'Élève et famille, enseignant référent, équipe de suivi de la scolarisation',
    cas: 'Élève en situation de handicap',
    guide: { id: 'reglementation/eleves-handicap-pfmp', section: 'Les aménagements de la PFMP' },
    siApplique: (r) => r.handicap,
  },
  {
    id: 'handicap-tuteur',
    texte: 'Le tuteur est informé des besoins (pas du handicap) que l’élève et sa famille acceptent de partager ; une visite préalable est proposée.',
    qui: 'RBDE, avec l’enseignant référent',
    cas: 'Élève en situation de handicap',
    guide: { id: 'reglementation/eleves-handicap-pfmp', section: 'Informer et rassurer le tuteur' },
    siApplique: (r) => r.handicap,
  },
  {
    id: 'premiere-recherche',
    texte: 'L’élève sait qu’il participe à la recherche de son lieu de PFMP et que le lycée organise les périodes et l’appuie.',
    qui: 'Équipe pédagogique ; le RBDE appuie et coordonne',
    cas: 'Première PFMP de l’élève',
    guide: { id: 'reglementation/limites-role-rbde', section: 'Qui cherche le lieu de PFMP' },
    siApplique: (r) => r.premiere,
  },
  {
    id: 'premiere-visites',
    texte: 'Les visites (préalable, de suivi, d’évaluation) sont prévues selon les modalités fixées par le conseil d’administration.',
    qui: 'Enseignant référent',
    cas: 'Première PFMP de l’élève',
    guide: { id: 'reglementation/encadrement-suivi', section: 'Les visites' },
    siApplique: (r) => r.premiere,
  },
];

/** Les points qui concernent ces réponses, dans l'ordre de la liste. */
export const pointsApplicables = (r: Reponses) => POINTS.filter((p) => p.siApplique(r));
