// npm run generer-api : écrit functions/_lib/supabase/api.gen.ts, les types des fonctions du schéma api,
// lus dans le catalogue d'une base PGlite neuve, en mémoire, migrée avec les vraies migrations.
// Un résultat json ou jsonb n'a pas de forme dans le catalogue : la fonction la déclare par un
// commentaire SQL `comment on function api.<nom>(…) is '@retour <Type> from <fichier>'`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { createDatabase, type Requetes } from '../local/base/base.ts';
import { migrer } from '../local/base/migrer.ts';

const racine = join(import.meta.dirname, '..');

/** Le fichier généré, relatif à la racine du dépôt. */
export const FICHIER_API = 'functions/_lib/supabase/api.gen.ts';

const OID_VOID = 2278;
const OID_RECORD = 2249;
const OIDS_JSON = new Set([114, 3802]);

/** Types PostgreSQL de base → TypeScript, tels que PostgREST les rend en JSON. */
const TYPES_DE_BASE: Record<string, string> = {
  text: 'string',
  'character varying': 'string',
  character: 'string',
  name: 'string',
  citext: 'string',
  uuid: 'string',
  smallint: 'number',
  integer: 'number',
  bigint: 'number',
  numeric: 'number',
  real: 'number',
  'double precision': 'number',
  boolean: 'boolean',
  date: 'string',
  'timestamp with time zone': 'string',
  'timestamp without time zone': 'string',
  'time without time zone': 'string',
  'time with time zone': 'string',
  interval: 'string',
  json: 'Json',
  jsonb: 'Json',
};

/** Erreur de génération : un message en français qui dit quoi corriger. */
export class ErreurGeneration extends Error {
  override name = 'ErreurGeneration';
}

interface LigneFonction {
  oid: number;
  nom: string;
  signature: string;
  arguments_sql: string;
  resultat_sql: string;
  ensemble: boolean;
  type_retour: number;
  noms: string[];
  modes: string[];
  types: number[];
  nb_defauts: number;
  commentaire: string | null;
}

interface LigneType {
  nom: string;
  genre: string;
  element: number;
  base: number;
  relation: number;
  valeurs: string[];
}

interface Champ {
  nom: string;
  type: string;
  facultatif: boolean;
}

interface Fonction {
  nom: string;
  doc: string;
  arguments: Champ[];
  resultat: string;
}

/** Lit le catalogue du schéma api et renvoie le contenu de api.gen.ts, formaté par Prettier. */
export async function genererApi(db: Requetes): Promise<string> {
  const { rows } = await db.query<LigneFonction>(`
    select p.oid::int as oid, p.proname as nom, p.oid::regprocedure::text as signature,
           pg_get_function_arguments(p.oid) as arguments_sql, pg_get_function_result(p.oid) as resultat_sql,
           p.proretset as ensemble, p.prorettype::int as type_retour,
           coalesce(p.proargnames, '{}') as noms,
           coalesce(p.proargmodes::text[], '{}') as modes,
           coalesce(p.proallargtypes, p.proargtypes::oid[])::int[] as types,
           p.pronargdefaults::int as nb_defauts,
           obj_description(p.oid, 'pg_proc') as commentaire
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname = 'api' and p.prokind = 'f'
     order by p.proname, 3`);
  const doublons = rows.filter((f) => rows.some((g) => g !== f && g.nom === f.nom)).map((f) => f.signature);
  if (doublons.length) {
    throw new ErreurGeneration(`Fonctions surchargées dans le schéma api (${doublons.join(', ')}) : PostgREST ne sait pas toujours laquelle appeler. Donnez-leur des noms distincts.`);
  }
  const traducteur = new Traducteur(db);
  const imports = new Map<string, Set<string>>();
  const fonctions: Fonction[] = [];
  for (const f of rows) {
    const modes = f.modes.length ? f.modes : f.types.map(() => 'i');
    const entrees = f.types.flatMap((type, i) => (['i', 'b', 'v'].includes(modes[i]!) ? [{ type, nom: f.noms[i] ?? '' }] : []));
    const sorties = f.types.flatMap((type, i) => (['o', 'b', 't'].includes(modes[i]!) ? [{ type, nom: f.noms[i] ?? '' }] : []));
    const premierDefaut = entrees.length - f.nb_defauts;
    const args: Champ[] = [];
    for (const [i, e] of entrees.entries()) {
      if (!e.nom) throw new ErreurGeneration(`api.${f.nom} : l'argument n° ${i + 1} n'a pas de nom ; PostgREST passe les arguments par leur nom.`);
      args.push({ nom: e.nom, type: await traducteur.type(e.type, `argument ${e.nom} de api.${f.nom}`), facultatif: i >= premierDefaut });
    }
    const annotation = lireRetour(f);
    let valeur: string;
    if (f.type_retour === OID_VOID) valeur = 'void';
    else if (OIDS_JSON.has(f.type_retour)) {
      if (!annotation) {
        throw new ErreurGeneration(
          `${f.signature} renvoie ${f.resultat_sql} sans dire sa forme : ajoutez dans une migration ` +
            `« comment on function ${f.signature} is '@retour <Type> from <fichier.ts>'; » (le fichier exporte ce type), ` +
            `puis relancez npm run generer-api.`,
        );
      }
      valeur = annotation.type;
      const noms = imports.get(annotation.fichier) ?? new Set();
      imports.set(annotation.fichier, noms.add(annotation.type));
    } else if (f.type_retour === OID_RECORD && sorties.length) {
      const colonnes = [];
      for (const s of sorties) colonnes.push({ nom: s.nom, type: await traducteur.type(s.type, `colonne ${s.nom} de api.${f.nom}`), facultatif: false });
      valeur = objet(colonnes);
    } else valeur = await traducteur.type(f.type_retour, `résultat de api.${f.nom}`);
    if (annotation && !OIDS_JSON.has(f.type_retour)) {
      throw new ErreurGeneration(`${f.signature} porte une annotation @retour mais renvoie ${f.resultat_sql} : @retour ne sert qu'aux résultats json ou jsonb. Retirez-la.`);
    }
    fonctions.push({
      nom: f.nom,
      doc: `\`api.${f.nom}(${f.arguments_sql})\` → \`${f.resultat_sql}\``,
      arguments: args,
      resultat: f.ensemble && valeur !== 'void' ? `${parentheser(valeur)}[]` : valeur,
    });
  }
  return formater(ecrire(fonctions, imports, traducteur.utiliseJson));
}

/** Lit l'annotation « @retour Type from fichier » et vérifie que le fichier exporte ce type. */
function lireRetour(f: LigneFonction): { type: string; fichier: string } | null {
  if (!f.commentaire?.includes('@retour')) return null;
  const m = /@retour\s+([A-Za-z_$][\w$]*)\s+from\s+(\S+\.ts)\b/.exec(f.commentaire);
  if (!m) throw new ErreurGeneration(`${f.signature} : annotation illisible « ${f.commentaire} » ; la forme attendue est « @retour <Type> from <fichier.ts> ».`);
  const [, type, fichier] = m as unknown as [string, string, string];
  const chemin = join(racine, fichier);
  if (!existsSync(chemin)) throw new ErreurGeneration(`${f.signature} : @retour désigne ${fichier}, qui n'existe pas (chemin relatif à la racine du dépôt).`);
  if (!new RegExp(`export\\s+(type|interface)\\s+${type}\\b`).test(readFileSync(chemin, 'utf8'))) {
    throw new ErreurGeneration(`${f.signature} : ${fichier} n'exporte pas de type ${type} (export type ou export interface).`);
  }
  return { type, fichier };
}

/** Traduit un type PostgreSQL (par son oid) en type TypeScript ; refuse ce qu'il ne sait pas traduire. */
class Traducteur {
  utiliseJson = false;
  private readonly cache = new Map<number, string>();
  private readonly db: Requetes;
  constructor(db: Requetes) {
    this.db = db;
  }

  async type(oid: number, contexte: string): Promise<string> {
    const connu = this.cache.get(oid);
    if (connu) return connu;
    const { rows } = await this.db.query<LigneType>(
      `select format_type(t.oid, null) as nom, t.typtype as genre, t.typelem::int as element, t.typbasetype::int as base,
              t.typrelid::int as relation,
              array(select e.enumlabel::text from pg_enum e where e.enumtypid = t.oid order by e.enumsortorder) as valeurs
         from pg_type t where t.oid = $1`,
      [oid],
    );
    const t = rows[0];
    if (!t) throw new ErreurGeneration(`${contexte} : type d'oid ${oid} introuvable.`);
    let ts: string;
    if (t.genre === 'b' && t.element !== 0 && t.nom.endsWith('[]')) ts = `${parentheser(await this.type(t.element, contexte))}[]`;
    else if (t.genre === 'e') ts = t.valeurs.map((v) => `'${v.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`).join(' | ');
    else if (t.genre === 'd') ts = await this.type(t.base, contexte);
    else if (t.genre === 'c') {
      const { rows: colonnes } = await this.db.query<{ nom: string; type: number }>(
        'select attname as nom, atttypid::int as type from pg_attribute where attrelid = $1 and attnum > 0 and not attisdropped order by attnum',
        [t.relation],
      );
      const champs = [];
      for (const c of colonnes) champs.push({ nom: c.nom, type: await this.type(c.type, contexte), facultatif: false });
      ts = objet(champs);
    } else {
      const base = TYPES_DE_BASE[t.nom];
      if (!base) {
        throw new ErreurGeneration(`${contexte} : le type PostgreSQL « ${t.nom} » n'a pas d'équivalent TypeScript dans scripts/generer-api.ts (TYPES_DE_BASE) ; ajoutez-le, ou changez le type.`);
      }
      ts = base;
    }
    if (ts === 'Json') this.utiliseJson = true;
    this.cache.set(oid, ts);
    return ts;
  }
}

const cheminRelatif = (de: string, vers: string) => {
  const chemin = relative(de, vers);
  return chemin.startsWith('.') ? chemin : `./${chemin}`;
};
const parentheser = (t: string) => (t.includes('|') ? `(${t})` : t);
const cle = (nom: string) => (/^[A-Za-z_$][\w$]*$/.test(nom) ? nom : `'${nom}'`);
const objet = (champs: Champ[]) => (champs.length ? `{ ${champs.map((c) => `${cle(c.nom)}${c.facultatif ? '?' : ''}: ${c.type}`).join('; ')} }` : 'Record<string, never>');

function ecrire(fonctions: Fonction[], imports: Map<string, Set<string>>, avecJson: boolean): string {
  const depuis = dirname(join(racine, FICHIER_API));
  const lignesImport = [...imports]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([fichier, types]) => `import type { ${[...types].sort().join(', ')} } from '${cheminRelatif(depuis, join(racine, fichier))}';`);
  const doc = (f: Fonction) => `/** ${f.doc} */`;
  const methode = (f: Fonction) => {
    const r = `Promise<FonctionsApi['${f.nom}']['resultat']>`;
    if (!f.arguments.length) return `${f.nom}(): ${r};`;
    const facultatifs = f.arguments.every((a) => a.facultatif);
    return `${f.nom}(args${facultatifs ? '?' : ''}: FonctionsApi['${f.nom}']['arguments']): ${r};`;
  };
  const implementation = (f: Fonction) => (f.arguments.length ? `${f.nom}: (args) => appeler('${f.nom}', args),` : `${f.nom}: () => appeler('${f.nom}'),`);
  return [
    '// Généré par `npm run generer-api` (scripts/generer-api.ts) depuis le catalogue du schéma api : ne pas modifier.',
    '// Pour changer une fonction : une migration, puis `npm run generer-api`. Un test échoue si ce fichier est en retard.',
    ...lignesImport,
    '',
    ...(avecJson ? ['/** Une valeur JSON quelconque. */', 'export type Json = string | number | boolean | null | Json[] | { [cle: string]: Json };', ''] : []),
    '/** Arguments et résultat de chaque fonction du schéma api. */',
    'export interface FonctionsApi {',
    ...fonctions.flatMap((f) => [doc(f), `${f.nom}: { arguments: ${objet(f.arguments)}; resultat: ${f.resultat} };`]),
    '}',
    '',
    '/** Une méthode par fonction du schéma api (voir creerApi dans api.ts). */',
    'export interface Api {',
    ...fonctions.flatMap((f) => [doc(f), methode(f)]),
    '}',
    '',
    '/** Un appel RPC : le nom de la fonction et ses arguments ; rend son résultat. */',
    'export type Appeler = <T>(fn: keyof FonctionsApi, args?: Record<string, unknown>) => Promise<T>;',
    '',
    '/** Les méthodes de Api, chacune passant par `appeler`. */',
    'export function creerMethodes(appeler: Appeler): Api {',
    'return {',
    ...fonctions.map(implementation),
    '};',
    '}',
    '',
  ].join('\n');
}

async function formater(code: string): Promise<string> {
  const cible = join(racine, FICHIER_API);
  // Sans configuration Prettier dans le dépôt, les habitudes du code existant (apostrophes, lignes longues).
  return format(code, { ...((await resolveConfig(cible)) ?? { singleQuote: true, printWidth: 160 }), filepath: cible });
}

/** Migre une base PGlite neuve en mémoire et renvoie le contenu de api.gen.ts. */
export async function genererDepuisMigrations(): Promise<string> {
  const db = await createDatabase();
  try {
    await migrer(db, { seed: false });
    return await genererApi(db);
  } finally {
    await db.close();
  }
}

if (import.meta.main) {
  try {
    const contenu = await genererDepuisMigrations();
    writeFileSync(join(racine, FICHIER_API), contenu);
    console.log(`${FICHIER_API} écrit.`);
  } catch (e) {
    if (!(e instanceof ErreurGeneration)) throw e;
    console.error(`Génération impossible : ${e.message}`);
    process.exitCode = 1;
  }
}
