// npm run nouveau-guide : crée le fichier d'un nouveau guide, avec un frontmatter valide et un plan à compléter.
// Pose les questions qui manquent dans le terminal, ou lit tout en arguments :
//   npm run nouveau-guide -- --famille pratiques --titre "…" --description "…" --themes pfmp,convention --publics rbde,ddfpt
// Options : --slug (nom du fichier), --dossier (dossier des guides, content/guides par défaut), --aide.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { FAMILLES, PUBLICS, THEMES, guideSchema, type Famille } from '../src/schemas/guide.ts';

const NBSP = '\u00a0';

/** Ce qu'il faut savoir pour écrire le guide. */
export interface Reponses {
  famille: Famille;
  titre: string;
  description: string;
  themes: string[];
  publics: string[];
  slug: string;
}

/** Nom de fichier proposé à partir du titre : minuscules sans accents, chiffres et tirets, 60 caractères au plus. */
export function proposerSlug(titre: string): string {
  const slug = titre
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'Oe')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'Ae')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= 60) return slug;
  const coupe = slug.slice(0, 61);
  return coupe.slice(0, coupe.lastIndexOf('-') > 20 ? coupe.lastIndexOf('-') : 60).replace(/-+$/, '');
}

/** Met les espaces insécables et les apostrophes typographiques dans une phrase saisie au clavier. */
export function typographier(texte: string): string {
  return texte
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/'/g, '’')
    .replace(/(?<=[^\s:;!?])\s?([:;!?])(?=[\s:;!?]|$)/g, `${NBSP}$1`)
    .replace(/(?<=\S)\s?»/g, `${NBSP}»`)
    .replace(/«\s?/g, `«${NBSP}`);
}

/** Date AAAA-MM-JJ (heure locale). */
export const dateIso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** La même date, `mois` mois plus tard (le 31 août donne le 28 ou 29 février). */
export function ajouterMois(d: Date, mois: number): Date {
  const resultat = new Date(d.getFullYear(), d.getMonth() + mois, 1);
  const dernierJour = new Date(resultat.getFullYear(), resultat.getMonth() + 1, 0).getDate();
  resultat.setDate(Math.min(d.getDate(), dernierJour));
  return resultat;
}

/** Reconnaît une liste saisie : noms ou numéros séparés par des virgules ou des espaces. */
export function lireListe<T extends string>(saisie: string, possibles: readonly T[]): { valeurs: T[]; inconnus: string[] } {
  const valeurs: T[] = [];
  const inconnus: string[] = [];
  for (const morceau of saisie.split(/[\s,;]+/).filter(Boolean)) {
    const rang = /^\d+$/.test(morceau) ? Number(morceau) - 1 : -1;
    const valeur = rang >= 0 ? possibles[rang] : possibles.find((p) => p === morceau.toLowerCase());
    if (valeur === undefined) inconnus.push(morceau);
    else if (!valeurs.includes(valeur)) valeurs.push(valeur);
  }
  return { valeurs, inconnus };
}

/** Le problème d'une réponse, ou null si elle convient. */
export function verifierReponse(champ: 'titre' | 'description', valeur: string): string | null {
  const r = guideSchema.shape[champ].safeParse(valeur);
  return r.success ? null : (r.error.issues[0]?.message ?? 'Réponse refusée.');
}

const PLANS: Record<Famille, [string, string, string]> = {
  reglementation: [
    'Ce que disent les textes',
    'Ce que cela change pour le RBDE',
    'énoncez chaque règle en citant son texte (Code, décret, arrêté, circulaire, BO) ; écrivez « à vérifier » quand aucune source officielle ne la confirme.',
  ],
  partenaires: [
    'Qui sont-ils et que font-ils',
    'Travailler avec eux',
    'présentez la structure, ses missions et son territoire, d’après ses pages officielles ; datez les informations qui changent souvent.',
  ],
  pratiques: [
    'La démarche',
    'Conseils et points de vigilance',
    'décrivez la démarche étape par étape, telle qu’elle a été menée ; renvoyez aux guides de réglementation pour les règles.',
  ],
};

const chaine = (s: string) => JSON.stringify(s); // une chaîne JSON est une chaîne YAML entre guillemets valide

/** Le texte du fichier MDX du guide : frontmatter valide (dates du jour et dans 6 mois) et plan à compléter. */
export function contenuDuGuide(r: Reponses, aujourdhui = new Date()): string {
  const [partie1, partie2, consigne] = PLANS[r.famille];
  const sources =
    r.famille === 'reglementation'
      ? [
          '# Sources : une entrée par texte réellement lu. Remplacez l’exemple ci-dessous (la vérification le refuse tant qu’il est là).',
          '# nature : loi, code, decret, arrete, circulaire, note-de-service, page-officielle, rapport, donnees, presse ou autre.',
          'sources:',
          '  - titre: "À remplacer : intitulé exact du texte (par exemple Code de l’éducation, art. L. 124-1)"',
          '    url: "https://www.legifrance.gouv.fr/"',
          '    nature: code',
        ]
      : [
          '# Sources (recommandées) : une entrée par texte ou page lus, par exemple :',
          '#   - titre: "Eduscol, Un bureau des entreprises dans chaque lycée professionnel"',
          '#     url: "https://eduscol.education.fr/3857/un-bureau-des-entreprises-dans-chaque-lycee-professionnel"',
          '#     nature: page-officielle',
          'sources: []',
        ];
  const c = `À compléter${NBSP}:`;
  return [
    '---',
    `titre: ${chaine(r.titre)}`,
    `description: ${chaine(r.description)}`,
    `famille: ${r.famille}`,
    `themes: [${r.themes.join(', ')}]`,
    `publics: [${r.publics.join(', ')}]`,
    '# Date à laquelle le contenu a été vérifié contre ses sources, puis date de la prochaine relecture.',
    `verifieLe: ${dateIso(aujourdhui)}`,
    `aRevoirLe: ${dateIso(ajouterMois(aujourdhui, 6))}`,
    ...sources,
    '# Guides liés, par famille/nom-du-fichier, par exemple [reglementation/convention-pfmp].',
    'connexes: []',
    '---',
    '',
    `${c} ${typographier('l’introduction, en deux ou trois phrases. Quelle question ce guide règle-t-il, pour qui ?')}`,
    '',
    `## ${partie1}`,
    '',
    `${c} ${typographier(consigne)}`,
    '',
    `## ${partie2}`,
    '',
    `${c} ce que le lecteur fait concrètement, avec les liens vers les guides voisins (par exemple [le guide sur la convention de PFMP](/guides/reglementation/convention-pfmp/)).`,
    '',
    '<Encadre type="cle" titre="À retenir">',
    '',
    `- ${c} l’essentiel, en trois points au plus.`,
    '',
    '</Encadre>',
    '',
    '## Sources',
    '',
    `- ${c} [intitulé exact de la source](https://www.legifrance.gouv.fr/), avec sa nature entre parenthèses si ce n’est pas un texte officiel.`,
    '',
  ].join('\n');
}

/** Une question posée à la personne ; renvoie sa réponse. */
export type Demander = (question: string) => Promise<string>;

/** Options de la ligne de commande. */
export interface Options {
  famille?: string;
  titre?: string;
  description?: string;
  themes?: string;
  publics?: string;
  slug?: string;
  dossier: string;
}

/** Les choix possibles, numérotés, un par ligne. */
const enListe = (cles: readonly string[], libelles: Record<string, string>) => cles.map((c, i) => `  ${i + 1}. ${c} — ${libelles[c]}`).join('\n') + '\n';

/** Complète les options par des questions ; sans `demander`, une option manquante ou fausse est une erreur. */
export async function recueillirReponses(options: Options, demander?: Demander, ecrire: (t: string) => void = () => {}): Promise<Reponses> {
  const familles = Object.keys(FAMILLES) as Famille[];
  const themes = Object.keys(THEMES);
  const publics = Object.keys(PUBLICS);

  /** Pose la question jusqu'à une réponse acceptée ; sans `demander`, refuse tout de suite. */
  async function obtenir<T>(
    initiale: string | undefined,
    option: string,
    question: string,
    lire: (s: string) => { valeur?: T; erreur?: string },
    liste?: string,
  ): Promise<T> {
    let saisie = initiale;
    let listeAffichee = false;
    for (;;) {
      if (saisie !== undefined) {
        const { valeur, erreur } = lire(saisie);
        if (valeur !== undefined) return valeur;
        if (!demander) throw new Error(`--${option} : ${erreur}`);
        ecrire(`  ${erreur}\n`);
      } else if (!demander) throw new Error(`--${option} manquant.`);
      if (liste && !listeAffichee) ecrire(liste);
      listeAffichee = true;
      saisie = await demander!(question);
    }
  }

  const famille = await obtenir(
    options.famille,
    'famille',
    `Famille (1 à 3) : `,
    (s) => {
      const { valeurs, inconnus } = lireListe(s.trim(), familles);
      return valeurs.length === 1 && inconnus.length === 0
        ? { valeur: valeurs[0] }
        : { erreur: `Famille inconnue : reglementation, partenaires ou pratiques (ou 1, 2, 3).` };
    },
    enListe(familles, FAMILLES),
  );
  const titre = await obtenir(options.titre, 'titre', `Titre (5 à 90 caractères) : `, (s) => {
    const t = typographier(s);
    const erreur = verifierReponse('titre', t);
    return erreur ? { erreur } : { valeur: t };
  });
  const description = await obtenir(options.description, 'description', `Description, en une ou deux phrases (40 à 260 caractères) : `, (s) => {
    const t = typographier(s);
    const erreur = verifierReponse('description', t);
    return erreur ? { erreur } : { valeur: t };
  });
  const themesChoisis = await obtenir(
    options.themes,
    'themes',
    `Thèmes (numéros ou noms, séparés par des virgules) : `,
    (s) => {
      const { valeurs, inconnus } = lireListe(s, themes);
      if (inconnus.length) return { erreur: `Thème inconnu : ${inconnus.join(', ')}. Thèmes possibles : ${themes.join(', ')}.` };
      return valeurs.length ? { valeur: valeurs } : { erreur: 'Indiquez au moins un thème.' };
    },
    enListe(themes, THEMES),
  );
  const publicsChoisis = await obtenir(
    options.publics ?? (demander ? undefined : 'rbde'),
    'publics',
    `Publics (Entrée : rbde) : `,
    (s) => {
      const { valeurs, inconnus } = lireListe(s.trim() === '' ? 'rbde' : s, publics);
      return inconnus.length ? { erreur: `Public inconnu : ${inconnus.join(', ')}. Publics possibles : ${publics.join(', ')}.` } : { valeur: valeurs };
    },
    enListe(publics, PUBLICS),
  );
  const propose = proposerSlug(titre);
  const slug = await obtenir(options.slug ?? (demander ? undefined : propose), 'slug', `Nom du fichier (Entrée : ${propose}) : `, (s) => {
    const nom = s.trim() === '' ? propose : s.trim().replace(/\.mdx?$/, '');
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(nom)) return { erreur: 'Nom de fichier : minuscules sans accents, chiffres et tirets seulement.' };
    const existant = ['.mdx', '.md'].map((ext) => join(options.dossier, famille, `${nom}${ext}`)).find((f) => existsSync(f));
    return existant ? { erreur: `Le fichier ${existant} existe déjà : choisissez un autre nom.` } : { valeur: nom };
  });
  return { famille, titre, description, themes: themesChoisis, publics: publicsChoisis, slug };
}

/** Écrit le guide ; refuse d'écraser un fichier existant. Renvoie le chemin écrit. */
export function ecrireGuide(reponses: Reponses, dossier: string, aujourdhui = new Date()): string {
  const chemin = join(dossier, reponses.famille, `${reponses.slug}.mdx`);
  if (existsSync(chemin)) throw new Error(`Le fichier ${chemin} existe déjà : choisissez un autre nom.`);
  mkdirSync(join(dossier, reponses.famille), { recursive: true });
  writeFileSync(chemin, contenuDuGuide(reponses, aujourdhui), { flag: 'wx' });
  return chemin;
}

const AIDE = `Crée un nouveau guide dans content/guides/<famille>/<nom>.mdx.

Sans argument, les questions sont posées une à une. Arguments possibles :
  --famille reglementation|partenaires|pratiques
  --titre "Titre du guide"
  --description "Une ou deux phrases (40 à 260 caractères)"
  --themes pfmp,convention       (${Object.keys(THEMES).join(', ')})
  --publics rbde,ddfpt           (${Object.keys(PUBLICS).join(', ')} ; rbde par défaut)
  --slug nom-du-fichier          (proposé à partir du titre)
  --dossier content/guides       (dossier où écrire)
`;

async function principal() {
  const racine = join(import.meta.dirname, '..');
  const { values } = parseArgs({
    options: {
      famille: { type: 'string' },
      titre: { type: 'string' },
      description: { type: 'string' },
      themes: { type: 'string' },
      publics: { type: 'string' },
      slug: { type: 'string' },
      dossier: { type: 'string' },
      aide: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.aide || values.help) {
    console.log(AIDE);
    return;
  }
  const options: Options = { ...values, dossier: values.dossier ?? join(racine, 'content', 'guides') };
  const complet = Boolean(options.famille && options.titre && options.description && options.themes);
  const rl = !complet && process.stdin.isTTY ? createInterface({ input: process.stdin, output: process.stdout }) : null;
  try {
    if (rl) console.log('Nouveau guide : répondez aux questions (Ctrl+C pour abandonner).\n');
    const reponses = await recueillirReponses(options, rl ? (q) => rl.question(q) : undefined, (t) => process.stdout.write(t));
    const chemin = ecrireGuide(reponses, options.dossier);
    const affiche = relative(racine, chemin).startsWith('..') ? chemin : relative(racine, chemin);
    console.log(`\nGuide créé : ${affiche}
Étapes suivantes :
  1. remplacez chaque « À compléter » par votre texte${reponses.famille === 'reglementation' ? ', et la source d’exemple « À remplacer » par les textes lus' : ''} ;
  2. lancez « npm run verifier-contenu » et corrigez ce qu’il signale ;
  3. proposez le guide par une pull request (voir CONTRIBUTING.md).`);
  } catch (e) {
    console.error(`Guide non créé : ${e instanceof Error ? e.message : String(e)}`);
    if (!rl) console.error('Lancez « npm run nouveau-guide -- --aide » pour la liste des arguments.');
    process.exitCode = 1;
  } finally {
    rl?.close();
  }
}

if (import.meta.main) await principal();
