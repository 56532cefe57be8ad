// Intégration Astro : après la construction, marque les sigles du glossaire dans chaque page de guide.
// Fait sur le HTML produit, ce qui ne dépend pas du moteur Markdown (Sätteri n'exécute pas les plugins rehype).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parse } from 'yaml';
import { marquerPage, type TermeAMarquer } from '../lib/marquer-sigles.ts';
import { motsDe } from '../lib/requete.ts';
import { glossaireSchema } from '../schemas/glossaire.ts';

/** Lit les entrées du glossaire (frontmatter de content/glossaire/*.md). */
export function lireGlossaire(dossier: string): TermeAMarquer[] {
  return readdirSync(dossier)
    .filter((f) => f.endsWith('.md') && !f.startsWith('_'))
    .map((f) => {
      const frontmatter = readFileSync(join(dossier, f), 'utf8').match(/^---\r?\n([\s\S]*?)\r?\n---/)?.[1] ?? '';
      return glossaireSchema.parse(parse(frontmatter));
    });
}

function* pagesHtml(dossier: string): Generator<string> {
  for (const e of readdirSync(dossier, { withFileTypes: true })) {
    const chemin = join(dossier, e.name);
    if (e.isDirectory()) yield* pagesHtml(chemin);
    else if (e.name === 'index.html') yield chemin;
  }
}

export default function marquerSigles(): AstroIntegration {
  return {
    name: 'reseau-bde:marquer-sigles',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const termes = lireGlossaire(join(process.cwd(), 'content', 'glossaire'));
        let n = 0;
        for (const fichier of pagesHtml(join(fileURLToPath(dir), 'guides'))) {
          const avant = readFileSync(fichier, 'utf8');
          const apres = marquerPage(avant, termes);
          if (apres !== avant) {
            writeFileSync(fichier, apres);
            n++;
          }
        }
        logger.info(`Sigles du glossaire marqués dans ${n} guides.`);
        // Vocabulaire du site pour corriger les fautes de frappe dans /recherche (chargé à la demande).
        const frequences = new Map<string, number>();
        const racine = fileURLToPath(dir);
        for (const fichier of [...pagesHtml(join(racine, 'guides')), join(racine, 'glossaire', 'index.html')]) {
          const main = readFileSync(fichier, 'utf8').match(/<main[\s\S]*<\/main>/)?.[0] ?? '';
          const texte = main.replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&[a-z#0-9]+;/gi, ' ');
          for (const mot of motsDe(texte)) frequences.set(mot, (frequences.get(mot) ?? 0) + 1);
        }
        const vocabulaire = [...frequences].filter(([, f]) => f >= 2).sort((a, b) => b[1] - a[1]);
        writeFileSync(join(racine, 'recherche', 'vocabulaire.json'), JSON.stringify(vocabulaire));
        logger.info(`Vocabulaire de recherche : ${vocabulaire.length} mots.`);
      },
    },
  };
}
