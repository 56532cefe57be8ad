// Généré par `npm run generer-api` (scripts/generer-api.ts) depuis le catalogue du schéma api : ne pas modifier.
// Pour changer une fonction : une migration, puis `npm run generer-api`. Un test échoue si ce fichier est en retard.
import type { ReponseDemandeCode, Sante, TentativeCode } from '../../../src/schemas/api-retours.ts';
import type { Profil } from '../../../src/schemas/membre.ts';

/** Arguments et résultat de chaque fonction du schéma api. */
export interface FonctionsApi {
  /** `api.code_demander(p_empreinte text)` → `jsonb` */
  code_demander: { arguments: { p_empreinte: string }; resultat: ReponseDemandeCode };
  /** `api.code_reussir(p_empreinte text)` → `void` */
  code_reussir: { arguments: { p_empreinte: string }; resultat: void };
  /** `api.code_tenter(p_empreinte text)` → `jsonb` */
  code_tenter: { arguments: { p_empreinte: string }; resultat: TentativeCode };
  /** `api.moi()` → `jsonb` */
  moi: { arguments: Record<string, never>; resultat: Profil };
  /** `api.sante()` → `jsonb` */
  sante: { arguments: Record<string, never>; resultat: Sante };
}

/** Le nom de chaque fonction du schéma api. */
export const FONCTIONS_API = ['code_demander', 'code_reussir', 'code_tenter', 'moi', 'sante'] as const satisfies readonly (keyof FonctionsApi)[];

/** Une méthode par fonction du schéma api (voir creerApi dans api.ts). */
export interface Api {
  /** `api.code_demander(p_empreinte text)` → `jsonb` */
  code_demander(args: FonctionsApi['code_demander']['arguments']): Promise<FonctionsApi['code_demander']['resultat']>;
  /** `api.code_reussir(p_empreinte text)` → `void` */
  code_reussir(args: FonctionsApi['code_reussir']['arguments']): Promise<FonctionsApi['code_reussir']['resultat']>;
  /** `api.code_tenter(p_empreinte text)` → `jsonb` */
  code_tenter(args: FonctionsApi['code_tenter']['arguments']): Promise<FonctionsApi['code_tenter']['resultat']>;
  /** `api.moi()` → `jsonb` */
  moi(): Promise<FonctionsApi['moi']['resultat']>;
  /** `api.sante()` → `jsonb` */
  sante(): Promise<FonctionsApi['sante']['resultat']>;
}
