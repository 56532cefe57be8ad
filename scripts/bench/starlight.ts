// Le site témoin : Astro Starlight installé depuis npm dans un dossier à part (versions figées), nourri des
// mêmes guides générés que le hub. Sert à `npm run bench -- --comparer` (jamais aux tests).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Versions figées du témoin : Starlight et l'Astro du hub, pour comparer les mêmes moteurs. */
export const VERSIONS_STARLIGHT = { '@astrojs/starlight': '0.42.4', astro: '7.3.5' } as const;

/**
 * Le Vite du témoin : celui du hub (figé par package.json, `overrides`), lu dans son installation. Sans lui, npm
 * installe le dernier Vite que demande Astro ; le 3 décembre 2026, Vite 8.4 (Rolldown 1.3) faisait construire
 * Starlight en 1 223 Mo au plus contre 1 529 à 1 578 avec le Vite 8.3.8 du hub : la comparaison mesurait la version
 * de Vite, pas le site.
 */
export const viteDuHub = (racine: string): string =>
  (JSON.parse(readFileSync(join(racine, 'node_modules', 'vite', 'package.json'), 'utf8')) as { version: string }).version;

const FAMILLES: Record<string, string> = { reglementation: 'Réglementation', partenaires: 'Structures partenaires', pratiques: 'Pratiques et ateliers' };

/**
 * Installe Starlight (une fois ; gardé dans `cache`, réutilisé ensuite) et renvoie le dossier de l'installation.
 * Seul le registre npm est consulté.
 */
export function installerStarlight(cache: string, vite: string): string {
  const dossier = join(cache, `starlight-${VERSIONS_STARLIGHT['@astrojs/starlight']}-astro-${VERSIONS_STARLIGHT.astro}-vite-${vite}`);
  if (existsSync(join(dossier, 'node_modules', '@astrojs', 'starlight', 'package.json'))) return dossier;
  mkdirSync(dossier, { recursive: true });
  writeFileSync(
    join(dossier, 'package.json'),
    JSON.stringify({ name: 'temoin-starlight', private: true, type: 'module', dependencies: VERSIONS_STARLIGHT, overrides: { vite } }, null, 2),
  );
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts=false', '--loglevel=error'], { cwd: dossier, stdio: 'inherit' });
  if (npm.status !== 0) throw new Error(`L'installation de Starlight a échoué (npm install dans ${dossier}).`);
  return dossier;
}

/** Traduit un guide du hub en page Starlight : frontmatter title/description, encadrés en <Aside>. */
export function versStarlight(mdx: string): string {
  const [, frontmatter = '', corps = ''] = mdx.match(/^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/) ?? [];
  const champ = (nom: string) => frontmatter.match(new RegExp(`^${nom}:\\s*(.*)$`, 'm'))?.[1]?.trim() ?? '""';
  const types: Record<string, string> = { info: 'note', attention: 'caution', cle: 'tip' };
  const texte = corps
    .replace(/<Encadre([^>]*)>/g, (_, attributs: string) => {
      const type = attributs.match(/type="([^"]*)"/)?.[1] ?? 'info';
      const titre = attributs.match(/titre="([^"]*)"/)?.[1];
      return `<Aside type="${types[type] ?? 'note'}"${titre ? ` title="${titre}"` : ''}>`;
    })
    .replace(/<\/Encadre>/g, '</Aside>');
  return `---\ntitle: ${champ('titre')}\ndescription: ${champ('description')}\n---\nimport { Aside } from '@astrojs/starlight/components';\n\n${texte}`;
}

/**
 * Prépare le projet Starlight dans le dossier de l'installation (un lien vers node_modules égare Vite) :
 * configuration (français, une section de barre latérale par famille, comme le ferait une équipe), page
 * d'accueil, et les guides de `guides` (dossiers par famille) traduits. Renvoie le dossier du projet.
 */
export function preparerProjetStarlight(projet: string, guides: string): string {
  for (const d of ['src', 'dist', '.cache-astro', '.astro']) rmSync(join(projet, d), { recursive: true, force: true });
  mkdirSync(join(projet, 'src', 'content', 'docs', 'guides'), { recursive: true });
  writeFileSync(
    join(projet, 'astro.config.mjs'),
    `import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';
export default defineConfig({
  site: 'https://exemple.test',
  cacheDir: './.cache-astro',
  integrations: [starlight({
    title: 'Réseau BDE (témoin Starlight)',
    defaultLocale: 'root',
    locales: { root: { label: 'Français', lang: 'fr' } },
    sidebar: ${JSON.stringify(Object.entries(FAMILLES).map(([cle, label]) => ({ label, items: [{ autogenerate: { directory: `guides/${cle}` } }] })))},
  })],
});
`,
  );
  writeFileSync(
    join(projet, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`,
  );
  writeFileSync(
    join(projet, 'src', 'content', 'docs', 'index.mdx'),
    `---\ntitle: Réseau BDE\ndescription: Le centre de ressources des responsables du bureau des entreprises.\n---\n\nLes guides du réseau : réglementation, structures partenaires, pratiques et ateliers.\n\n${Object.entries(
      FAMILLES,
    )
      .map(([cle, l]) => `- [${l}](/guides/${cle}/${readdirSync(join(guides, cle))[0]!.replace(/\.mdx?$/, '')}/)`)
      .join('\n')}\n`,
  );
  for (const famille of readdirSync(guides)) {
    mkdirSync(join(projet, 'src', 'content', 'docs', 'guides', famille), { recursive: true });
    for (const f of readdirSync(join(guides, famille))) {
      writeFileSync(
        join(projet, 'src', 'content', 'docs', 'guides', famille, f.replace(/\.md$/, '.mdx')),
        versStarlight(readFileSync(join(guides, famille, f), 'utf8')),
      );
    }
  }
  return projet;
}
