// @ts-check
import mdx from '@astrojs/mdx';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { academie } from './src/academie.ts';
import acheverSite from './src/integrations/achever-site.ts';

const dev = process.argv.includes('dev');

export default defineConfig({
  site: academie.site,
  // RBDE_CACHE : un cache à part pour les constructions de mesure (corpus généré).
  cacheDir: process.env.RBDE_CACHE ?? './node_modules/.astro',
  // RBDE_DIST : construire ailleurs que dans dist/ (mesures).
  outDir: process.env.RBDE_DIST ?? './dist',
  trailingSlash: dev ? 'ignore' : 'always',
  build: { format: 'directory' },
  integrations: [mdx(), react(), acheverSite(), sitemap({ filter: (page) => !/\/(connexion|mon-espace|outils\/calendrier-pfmp)\//.test(page) })],
  devToolbar: { enabled: false },
  // Politique de sécurité du contenu : Astro calcule l'empreinte de chaque script et style en ligne de
  // chaque page et l'écrit dans un <meta http-equiv="content-security-policy">. Le reste de la
  // politique (frame-ancestors, qu'une balise <meta> ne peut pas porter) est un en-tête : netlify.toml.
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
    },
  },
  vite: {
    plugins: dev
      ? [
          (await import('@netlify/vite-plugin')).default({
            // Émulations qui téléchargent ou appellent un service : coupées (hors ligne).
            edgeFunctions: { enabled: false },
            database: { enabled: false },
            blobs: { enabled: false },
            images: { enabled: false },
            geolocation: { enabled: false },
          }),
        ]
      : [],
  },
});
