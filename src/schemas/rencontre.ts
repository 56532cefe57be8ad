import { z } from 'zod';
import { sourceSchema } from './guide.ts';

/** Modes d’inscription : premier arrivé, premier servi ; ou vœux classés, répartis à la clôture. */
export const MODES_INSCRIPTION = { premier_arrive: 'Premier arrivé, premier servi', voeux: 'Vœux classés' } as const;

/** Un identifiant court (ASCII, minuscules, tirets), stable : la base le garde d’une publication à l’autre. */
const identifiant = (champ: string) =>
  z
    .string({ error: `${champ} : identifiant obligatoire.` })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, `${champ} : lettres minuscules sans accent, chiffres et tirets seulement (ex. « atelier-convention »).`)
    .max(60, `${champ} : 60 caractères au plus.`);

/** Une heure HH:MM (heure de Paris). */
const heure = (champ: string) =>
  z
    .string({ error: `${champ} : heure attendue au format HH:MM.` })
    .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, `${champ} : heure attendue au format HH:MM (heure de Paris).`);

/** Une date et une heure de Paris, AAAA-MM-JJTHH:MM (sans fuseau : l’heure est celle de Paris). */
const dateHeure = (champ: string) =>
  z
    .string({ error: `${champ} : date et heure attendues au format AAAA-MM-JJTHH:MM (heure de Paris).` })
    .regex(/^\d{4}-\d{2}-\d{2}T([01][0-9]|2[0-3]):[0-5][0-9]$/, `${champ} : date et heure attendues au format AAAA-MM-JJTHH:MM (heure de Paris).`);

/** Une personne ou une fonction qui intervient (« Une inspectrice de l’éducation nationale »). */
const intervenant = z.string().min(2, 'Le nom d’un intervenant est trop court.').max(120, 'Le nom d’un intervenant dépasse 120 caractères.');

/** Un atelier d’un créneau parallèle. */
export const atelierSchema = z.object({
  /** Identifiant stable de l’atelier dans la rencontre (sert aux inscriptions). */
  id: identifiant('id de l’atelier'),
  /** Intitulé de l’atelier. */
  titre: z
    .string({ error: 'Chaque atelier a un titre.' })
    .min(5, 'Le titre d’un atelier est trop court.')
    .max(120, 'Le titre d’un atelier dépasse 120 caractères.'),
  /** Description courte : ce que l’on y fait. */
  description: z
    .string({ error: 'Chaque atelier a une description courte.' })
    .min(20, 'La description d’un atelier fait moins de 20 caractères.')
    .max(400, 'La description d’un atelier dépasse 400 caractères.'),
  /** Qui anime (au moins une personne ou fonction). */
  animateurs: z.array(intervenant).min(1, 'Indiquez au moins un animateur pour chaque atelier.'),
  /** Salle où il a lieu. */
  salle: z
    .string({ error: 'Indiquez la salle de chaque atelier.' })
    .min(1, 'Indiquez la salle de chaque atelier.')
    .max(80, 'Le nom de salle dépasse 80 caractères.'),
  /** Nombre de places (la base refuse de le baisser sous les places déjà confirmées). */
  capacite: z
    .number({ error: 'La capacité d’un atelier doit être un nombre.' })
    .int('La capacité d’un atelier est un nombre entier.')
    .min(1, 'Un atelier a au moins une place.')
    .max(2000, 'Une capacité au-delà de 2 000 places est sans doute une erreur de saisie.'),
});

/** Un créneau du programme : une plénière, ou des ateliers en parallèle. */
export const creneauSchema = z
  .object({
    /** Identifiant stable du créneau. */
    id: identifiant('id du créneau'),
    /** Libellé lisible (« Matin », « 14 h – 16 h »). */
    libelle: z
      .string({ error: 'Chaque créneau a un libellé (« Matin », « Après-midi »…).' })
      .min(2, 'Le libellé d’un créneau est trop court.')
      .max(60, 'Le libellé d’un créneau dépasse 60 caractères.'),
    /** Heure de début (Paris), si elle est connue. */
    debut: heure('debut du créneau').optional(),
    /** Heure de fin (Paris), si elle est connue. */
    fin: heure('fin du créneau').optional(),
    /** Plénière (tout le monde) ou ateliers en parallèle. */
    type: z.enum(['pleniere', 'ateliers'], { error: 'Type de créneau inconnu : pleniere ou ateliers.' }),
    /** Titre de la plénière. */
    titre: z.string().min(3, 'Le titre du créneau est trop court.').max(120, 'Le titre du créneau dépasse 120 caractères.').optional(),
    /** Ce qui s’y passe. */
    description: z.string().max(600, 'La description du créneau dépasse 600 caractères.').optional(),
    /** Intervenants d’une plénière. */
    intervenants: z.array(intervenant).default([]),
    /** Salle d’une plénière. */
    salle: z.string().max(80, 'Le nom de salle dépasse 80 caractères.').optional(),
    /** Ateliers parallèles (créneau de type ateliers). */
    ateliers: z.array(atelierSchema).default([]),
    /** Ce que l’on ne sait pas de ce créneau (rencontre passée documentée par des sources incomplètes). */
    nonConnu: z.string().min(10, 'Décrivez en une phrase ce qui n’est pas connu.').max(400).optional(),
  })
  .superRefine((c, ctx) => {
    if (c.type === 'pleniere' && c.ateliers.length > 0)
      ctx.addIssue({ code: 'custom', path: ['ateliers'], message: `Le créneau « ${c.id} » est une plénière : il n’a pas d’ateliers.` });
    if (c.type === 'pleniere' && !c.titre) ctx.addIssue({ code: 'custom', path: ['titre'], message: `La plénière « ${c.id} » a besoin d’un titre.` });
    if (c.type === 'ateliers' && c.ateliers.length === 0 && !c.nonConnu)
      ctx.addIssue({
        code: 'custom',
        path: ['ateliers'],
        message: `Le créneau « ${c.id} » n’a aucun atelier : listez-les, ou dites dans nonConnu ce qui n’est pas connu.`,
      });
    if (c.debut && c.fin && c.fin <= c.debut) ctx.addIssue({ code: 'custom', path: ['fin'], message: `Le créneau « ${c.id} » finit avant de commencer.` });
    const ids = c.ateliers.map((a) => a.id);
    const doublon = ids.find((id, i) => ids.indexOf(id) !== i);
    if (doublon) ctx.addIssue({ code: 'custom', path: ['ateliers'], message: `L’atelier « ${doublon} » apparaît deux fois.` });
  });

/** Frontmatter d’une rencontre (`content/rencontres/<slug>.mdx`) ; le corps MDX est la page publique. */
export const rencontreSchema = z
  .object({
    /** Titre de la rencontre. */
    titre: z.string({ error: 'Le titre est obligatoire.' }).min(5, 'Le titre est trop court.').max(120, 'Le titre dépasse 120 caractères.'),
    /** Résumé en une ou deux phrases (listes, flux RSS). */
    description: z
      .string({ error: 'La description est obligatoire.' })
      .min(40, 'La description fait moins de 40 caractères.')
      .max(300, 'La description dépasse 300 caractères.'),
    /** Jour de la rencontre (AAAA-MM-JJ) ; une rencontre tient en une journée. */
    date: z.string({ error: 'date : jour attendu au format AAAA-MM-JJ.' }).regex(/^\d{4}-\d{2}-\d{2}$/, 'date : jour attendu au format AAAA-MM-JJ.'),
    /** Heure de début (Paris), si elle est connue. */
    debut: heure('debut').optional(),
    /** Heure de fin (Paris), si elle est connue. */
    fin: heure('fin').optional(),
    /** Le lieu. */
    lieu: z.object(
      {
        /** Nom de l’établissement ou de la salle. */
        nom: z.string({ error: 'Le lieu a un nom.' }).min(3, 'Le nom du lieu est trop court.'),
        /** Adresse postale (ou ce qui en est connu). */
        adresse: z.string({ error: 'Indiquez l’adresse du lieu (ou ce qui en est connu).' }).min(3, 'L’adresse du lieu est trop courte.'),
        /** Commune. */
        commune: z.string({ error: 'Indiquez la commune du lieu.' }).min(2, 'La commune est trop courte.'),
        /** Comment s’y rendre (transports, stationnement). */
        acces: z.string({ error: 'Indiquez comment accéder au lieu (ou que ce n’est pas connu).' }).min(5, 'Les informations d’accès sont trop courtes.'),
        /** Accessibilité aux personnes en situation de handicap. */
        accessibilite: z
          .string({ error: 'Indiquez les informations d’accessibilité (ou que ce n’est pas connu).' })
          .min(5, 'Les informations d’accessibilité sont trop courtes.'),
      },
      { error: 'Le lieu est obligatoire (nom, adresse, commune, acces, accessibilite).' },
    ),
    /** Qui organise (« DRAFPICA »). */
    organisateur: z.string({ error: 'Indiquez l’organisateur.' }).min(3, 'Le nom de l’organisateur est trop court.'),
    /** À qui la rencontre s’adresse. */
    public: z.string({ error: 'Indiquez le public de la rencontre.' }).min(3, 'Le public est trop court.'),
    /** Inscription en ligne ; absente : pas d’inscription par le site (rencontre passée, par exemple). */
    inscriptions: z
      .object({
        /** Ouverture (Paris). */
        ouverture: dateHeure('inscriptions.ouverture'),
        /** Clôture (Paris) ; ensuite seule l’annulation reste possible. */
        fermeture: dateHeure('inscriptions.fermeture'),
        /** Mode d’attribution des places. */
        mode: z.enum(['premier_arrive', 'voeux'], { error: 'Mode d’inscription inconnu : premier_arrive ou voeux.' }).default('premier_arrive'),
      })
      .optional(),
    /** Questions facultatives posées à l’inscription. */
    questions: z
      .object({
        /** Déjeuner sur place ? */
        repas: z.boolean().default(false),
        /** Régime alimentaire. */
        regime: z.boolean().default(false),
        /** Besoins d’accessibilité. */
        accessibilite: z.boolean().default(false),
      })
      .default({ repas: false, regime: false, accessibilite: false }),
    /** Le programme, créneau par créneau, dans l’ordre. */
    programme: z.array(creneauSchema).min(1, 'Le programme a au moins un créneau.'),
    /** Sources d’une rencontre passée. */
    sources: z.array(sourceSchema).default([]),
  })
  .superRefine((r, ctx) => {
    if (r.debut && r.fin && r.fin <= r.debut) ctx.addIssue({ code: 'custom', path: ['fin'], message: 'La rencontre finit avant de commencer.' });
    if (r.inscriptions) {
      if (r.inscriptions.fermeture <= r.inscriptions.ouverture)
        ctx.addIssue({ code: 'custom', path: ['inscriptions', 'fermeture'], message: 'La clôture des inscriptions doit suivre leur ouverture.' });
      if (r.inscriptions.fermeture.slice(0, 10) > r.date)
        ctx.addIssue({ code: 'custom', path: ['inscriptions', 'fermeture'], message: 'Les inscriptions doivent fermer au plus tard le jour de la rencontre.' });
      if (!r.programme.some((c) => c.ateliers.length > 0))
        ctx.addIssue({ code: 'custom', path: ['inscriptions'], message: 'Une rencontre ouverte aux inscriptions a au moins un atelier à places limitées.' });
    }
    const ids = r.programme.map((c) => c.id);
    const doublon = ids.find((id, i) => ids.indexOf(id) !== i);
    if (doublon) ctx.addIssue({ code: 'custom', path: ['programme'], message: `Le créneau « ${doublon} » apparaît deux fois.` });
    const ateliers = r.programme.flatMap((c) => c.ateliers.map((a) => a.id));
    const aDoublon = ateliers.find((id, i) => ateliers.indexOf(id) !== i);
    if (aDoublon) ctx.addIssue({ code: 'custom', path: ['programme'], message: `L’atelier « ${aDoublon} » apparaît dans deux créneaux.` });
  });

export type Rencontre = z.infer<typeof rencontreSchema>;
export type RencontreEntree = z.input<typeof rencontreSchema>;
export type Creneau = z.infer<typeof creneauSchema>;
export type Atelier = z.infer<typeof atelierSchema>;

/** Corps de `POST /api/rencontres/:slug/inscription` : un atelier au plus par créneau, réponses facultatives. */
export const demandeInscriptionSchema = z.object({
  /** Les ateliers choisis, par identifiant. */
  ateliers: z
    .array(identifiant('atelier'), { error: 'Choisissez au moins un atelier.' })
    .min(1, 'Choisissez au moins un atelier.')
    .max(20, 'Trop d’ateliers choisis.'),
  /** Réponses aux questions facultatives. */
  reponses: z
    .object({
      repas: z.boolean().optional(),
      regime: z.string().max(200, 'Le régime alimentaire tient en 200 caractères.').optional(),
      accessibilite: z.string().max(500, 'Les besoins d’accessibilité tiennent en 500 caractères.').optional(),
    })
    .strict()
    .default({}),
});
export type DemandeInscription = z.infer<typeof demandeInscriptionSchema>;

/** Corps de `POST /api/rencontres/:slug/pointage`. */
export const demandePointageSchema = z.object({
  /** L’inscription à pointer. */
  inscription: z.uuid({ error: 'Identifiant d’inscription invalide.' }),
  /** Présent (vrai) ou pointage retiré (faux). */
  present: z.boolean({ error: 'Indiquez present : vrai ou faux.' }),
});

/** Corps de `POST /api/rencontres/:slug/message` : un message des organisateurs aux inscrits. */
export const demandeMessageSchema = z.object({
  /** Objet du courriel. */
  objet: z.string({ error: 'Indiquez l’objet du message.' }).trim().min(3, 'L’objet est trop court.').max(150, 'L’objet dépasse 150 caractères.'),
  /** Texte du message (texte brut). */
  texte: z.string({ error: 'Écrivez le message.' }).trim().min(10, 'Le message est trop court.').max(5000, 'Le message dépasse 5 000 caractères.'),
  /** Un atelier (ses inscrits et sa liste d’attente) ; absent : tous les inscrits. */
  atelier: z
    .string()
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Atelier inconnu.')
    .nullish(),
});
export type DemandeMessage = z.infer<typeof demandeMessageSchema>;
