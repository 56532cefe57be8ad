// @ts-check
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import react from '@astrojs/react';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { academie } from './src/academie.ts';
import acheverSite from './src/integrations/achever-site.ts';

const dev = process.argv.includes('dev');

// Le simulateur de l'allocation est un îlot écrit avec l'API de React (JSX, hooks) mais servi par Preact
// (preact/compat, ≈ 5 Ko au lieu de ≈ 60 Ko pour React 19) : l'issue demande un îlot React de moins de
// 15 Ko ajoutés à sa page. Les autres îlots restent servis par React. L'option compat de @astrojs/preact
// remplacerait « react » par preact/compat dans TOUT le site ; ce greffon ne le fait que pour les fichiers
// du dossier du simulateur. Les tests d'îlots (Testing Library) l'exécutent avec React : même API.
const DOSSIER_PREACT = '**/src/islands/simulateur/**';
const EN_PREACT = /[\\/]src[\\/]islands[\\/]simulateur[\\/]/;
const VERS_PREACT = {
  react: 'preact/compat',
  'react-dom': 'preact/compat',
  'react/jsx-runtime': 'preact/compat/jsx-runtime',
  'react/jsx-dev-runtime': 'preact/compat/jsx-dev-runtime',
};
/** @type {import('vite').Plugin} */
const reactVersPreact = {
  name: 'rbde:simulateur-en-preact',
  enforce: 'pre',
  resolveId(source, importer, options) {
    const cible = importer && EN_PREACT.test(importer) ? VERS_PREACT[/** @type {keyof typeof VERS_PREACT} */ (source)] : undefined;
    return cible ? this.resolve(cible, importer, { ...options, skipSelf: true }) : null;
  },
};

export default defineConfig({
  site: academie.site,
  // RBDE_CACHE : un cache à part pour les constructions de mesure (corpus généré).
  cacheDir: process.env.RBDE_CACHE ?? './node_modules/.astro',
  // RBDE_DIST : construire ailleurs que dans dist/ (mesures).
  outDir: process.env.RBDE_DIST ?? './dist',
  trailingSlash: dev ? 'ignore' : 'always',
  build: { format: 'directory' },
  integrations: [
    mdx(),
    react({ exclude: [DOSSIER_PREACT] }),
    preact({ include: [DOSSIER_PREACT] }),
    acheverSite(),
    sitemap({ filter: (page) => !/\/(connexion|mon-espace|outils\/calendrier-pfmp|outils\/bourse-aux-places\/desinscription)\//.test(page) }),
  ],
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
    plugins: [
      reactVersPreact,
      ...(dev
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
        : []),
    ],
  },
});
