import { z } from 'zod';
import { THEMES, type Theme } from './themes.ts';

/** Les trois familles de guides ; chacune est un dossier de `content/guides/`. */
export const FAMILLES = {
  reglementation: 'Réglementation',
  partenaires: 'Structures partenaires',
  pratiques: 'Pratiques et ateliers',
} as const;
export type Famille = keyof typeof FAMILLES;

// Les thèmes vivent dans un module sans zod : les îlots les importent sans charger zod dans le navigateur.
export { THEMES, type Theme };

/** Publics à qui un guide s’adresse en premier. */
export const PUBLICS = {
  rbde: 'Responsables du BDE',
  ddfpt: 'DDFPT',
  enseignants: 'Enseignants',
  direction: 'Chefs d’établissement',
  entreprises: 'Entreprises et tuteurs',
  eleves: 'Élèves et familles',
} as const;
export type Public = keyof typeof PUBLICS;

const cles = <T extends Record<string, string>>(o: T) => Object.keys(o) as [keyof T & string, ...(keyof T & string)[]];

/** Une date écrite AAAA-MM-JJ dans le frontmatter. */
const dateIso = (champ: string) =>
  z.coerce.date({ error: `${champ} : date attendue au format AAAA-MM-JJ.` });

/** Une source officielle citée par un guide. */
export const sourceSchema = z.object({
  /** Intitulé exact du texte ou de la page (« Code de l’éducation, art. L. 124-1 »). */
  titre: z.string({ error: 'Chaque source a un titre.' }).min(3, 'Le titre d’une source est trop court.'),
  /** Adresse publique du texte (Légifrance, BO, Eduscol…). */
  url: z.url({ error: 'L’adresse d’une source doit être une URL complète (https://…).' }).optional(),
  /** Nature de la source, pour juger de sa force. */
  nature: z
    .enum(['loi', 'code', 'decret', 'arrete', 'circulaire', 'note-de-service', 'page-officielle', 'rapport', 'donnees', 'presse', 'autre'], {
      error: 'Nature de source inconnue : loi, code, decret, arrete, circulaire, note-de-service, page-officielle, rapport, donnees, presse ou autre.',
    })
    .default('page-officielle'),
});

/** Frontmatter d’un guide (`content/guides/<famille>/<slug>.mdx`). */
export const guideSchema = z
  .object({
    /** Titre affiché et indexé, 90 caractères au plus. */
    titre: z.string({ error: 'Le titre est obligatoire.' }).min(5, 'Le titre est trop court.').max(90, 'Le titre dépasse 90 caractères.'),
    /** Résumé en une ou deux phrases, repris dans les listes et les résultats. */
    description: z
      .string({ error: 'La description est obligatoire.' })
      .min(40, 'La description fait moins de 40 caractères : dites en une phrase ce que le guide apporte.')
      .max(260, 'La description dépasse 260 caractères.'),
    /** Famille du guide ; doit correspondre au dossier du fichier. */
    famille: z.enum(cles(FAMILLES), { error: 'Famille inconnue : reglementation, partenaires ou pratiques.' }),
    /** Thèmes du guide (au moins un). */
    themes: z.array(z.enum(cles(THEMES), { error: `Thème inconnu. Thèmes possibles : ${Object.keys(THEMES).join(', ')}.` })).min(1, 'Indiquez au moins un thème.'),
    /** Publics visés (par défaut : les RBDE). */
    publics: z.array(z.enum(cles(PUBLICS), { error: `Public inconnu. Publics possibles : ${Object.keys(PUBLICS).join(', ')}.` })).default(['rbde']),
    /** Date à laquelle le contenu a été vérifié contre ses sources. */
    verifieLe: dateIso('verifieLe').optional(),
    /** Date à laquelle le guide doit être relu ; passée, le guide porte un badge « À revérifier ». */
    aRevoirLe: dateIso('aRevoirLe').optional(),
    /** Sources citées ; obligatoires pour la réglementation. */
    sources: z.array(sourceSchema).default([]),
    /** Position dans le menu de la famille (plus petit d’abord). */
    ordre: z.number({ error: 'ordre doit être un nombre.' }).int().default(100),
    /** Guides liés, par identifiant (`reglementation/convention-pfmp`). */
    connexes: z.array(z.string()).default([]),
    /** Un brouillon n’est ni publié ni indexé. */
    brouillon: z.boolean().default(false),
  })
  .superRefine((g, ctx) => {
    if (g.famille === 'reglementation') {
      if (g.sources.length === 0)
        ctx.addIssue({ code: 'custom', path: ['sources'], message: 'Un guide de réglementation doit citer ses sources (champ sources).' });
      if (!g.verifieLe)
        ctx.addIssue({ code: 'custom', path: ['verifieLe'], message: 'Un guide de réglementation doit porter sa date de vérification (champ verifieLe).' });
    }
    if (g.verifieLe && g.aRevoirLe && g.aRevoirLe < g.verifieLe)
      ctx.addIssue({ code: 'custom', path: ['aRevoirLe'], message: 'aRevoirLe ne peut pas précéder verifieLe.' });
  });

export type Guide = z.infer<typeof guideSchema>;
export type GuideEntree = z.input<typeof guideSchema>;
