import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { glossaireSchema } from './schemas/glossaire.ts';
import { guideSchema } from './schemas/guide.ts';
import { pageSchema } from './schemas/page.ts';

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

export const collections = { guides, glossaire, pages };
