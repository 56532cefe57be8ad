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

/** Un appel RPC : le nom de la fonction et ses arguments ; rend son résultat. */
export type Appeler = <T>(fn: keyof FonctionsApi, args?: Record<string, unknown>) => Promise<T>;

/** Les méthodes de Api, chacune passant par `appeler`. */
export function creerMethodes(appeler: Appeler): Api {
  return {
    code_demander: (args) => appeler('code_demander', args),
    code_reussir: (args) => appeler('code_reussir', args),
    code_tenter: (args) => appeler('code_tenter', args),
    moi: () => appeler('moi'),
    sante: () => appeler('sante'),
  };
}
