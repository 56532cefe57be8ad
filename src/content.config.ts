import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { glossaireSchema } from './schemas/glossaire.ts';
import { guideSchema } from './schemas/guide.ts';
import { pageSchema } from './schemas/page.ts';
import { rencontreSchema } from './schemas/rencontre.ts';

const guides = defineCollection({
  // RBDE_GUIDES : un autre dossier de guides (mesures sur un corpus généré, jamais en production).
  loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: process.env.RBDE_GUIDES ?? './content/guides' }),
  schema: guideSchema,
});

const glossaire = defineCollection({
  loader: glob({ pattern: '**/[^_]*.md', base: './content/glossaire' }),
  schema: glossaireSchema,
});

const pages = defineCollection({
  loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: './content/pages' }),
  schema: pageSchema,
});

const rencontres = defineCollection({
  loader: glob({ pattern: '**/[^_]*.{md,mdx}', base: './content/rencontres' }),
  schema: rencontreSchema,
});

// La rencontre de démonstration (ouverte aux inscriptions) n'existe que sous « npm start » et dans les
// tests, qui posent RBDE_RENCONTRES_DEMO=1 ; une construction de production n'en a aucune trace.
const rencontresDemo = defineCollection({
  loader: glob({ pattern: process.env.RBDE_RENCONTRES_DEMO === '1' ? '*.mdx' : '__aucune_en_production__', base: './local/rencontres' }),
  schema: rencontreSchema,
});

export const collections = { guides, glossaire, pages, rencontres, rencontresDemo };
