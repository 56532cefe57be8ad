// Appels de /api/* depuis les îlots : JSON, même origine, erreurs au format commun.
import type { ReponseErreur } from '../schemas/erreur.ts';

export class ErreurApi extends Error {
  readonly statut: number;
  readonly code: string;
  readonly details?: Record<string, unknown>;
  constructor(statut: number, corps: ReponseErreur['erreur']) {
    super(corps.message);
    this.statut = statut;
    this.code = corps.code;
    this.details = corps.details;
  }
}

/** Appelle l'API ; lève ErreurApi avec le message français du serveur. */
export async function appelApi<T>(chemin: string, init: { method?: string; corps?: unknown } = {}): Promise<T> {
  let reponse: Response;
  try {
    reponse = await fetch(chemin, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: init.corps === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
      body: init.corps === undefined ? undefined : JSON.stringify(init.corps),
    });
  } catch {
    throw new ErreurApi(0, { code: 'RESEAU', message: 'Le serveur ne répond pas. Vérifiez votre connexion et réessayez.' });
  }
  const texte = await reponse.text();
  let corps: unknown = null;
  try {
    corps = texte ? JSON.parse(texte) : null;
  } catch {
    /* corps non JSON */
  }
  if (!reponse.ok) {
    const erreur = (corps as ReponseErreur | null)?.erreur;
    throw new ErreurApi(reponse.status, erreur ?? { code: 'INATTENDU', message: 'Une erreur inattendue est survenue. Réessayez plus tard.' });
  }
  return corps as T;
}
