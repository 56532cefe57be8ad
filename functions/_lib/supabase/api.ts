// Le client typé du schéma api : une méthode par fonction, générée depuis le catalogue (api.gen.ts).
import { appelerRpc, type ClientRpc } from '../supabase.ts';
import { creerMethodes, type Api } from './api.gen.ts';

export type { Api, FonctionsApi } from './api.gen.ts';

/** Le client typé au-dessus de supabase.rpc : api.moi(), api.code_tenter({ p_empreinte }), …
 *  Les erreurs sont traduites comme par appelerRpc (DomainError pour les codes métier). */
export function creerApi(client: ClientRpc): Api {
  return creerMethodes((fn, args) => appelerRpc(client, fn, args));
}
