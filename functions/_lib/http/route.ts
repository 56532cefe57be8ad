// Le bord HTTP : une route déclare son contrat (qui peut appeler, schéma du corps) et confie des
// données simples à un cas d'usage. Ici seulement : lecture et validation, origine, cookie de session
// (lu, renouvelé, posé, effacé), en-têtes, erreurs → enveloppe française.
import { randomUUID } from 'node:crypto';
import type { Context } from '@netlify/functions';
import type { z } from 'zod';
import { creerContexte, type Contexte } from '../contexte.ts';
import { poserEntetesSecurite } from '../entetes-securite.ts';
import { env, ErreurConfiguration } from '../env.ts';
import { DomainError, MESSAGES } from '../errors.ts';
import { TEMOIN_CONNEXION } from '../../../src/lib/temoin-connexion.ts';
import { ecrireCookie } from './cookies.ts';
import { COOKIE_LIAISON, cookiesSession, cookiesSessionEfface, lireLiaison, lireSession, nouvelleLiaison, type JetonsSession } from './session.ts';

export const TAILLE_MAX_CORPS = 64 * 1024;

export type Handler = (req: Request, context: Context) => Promise<Response>;

/** Ce qu'un cas d'usage rend au bord : un statut, un corps, et l'effet sur la session. */
export interface Resultat {
  statut: number;
  corps: unknown;
  /** Session ouverte (jetons à mettre dans le cookie) ou fermée (cookie à effacer). */
  session?: JetonsSession | 'fermee';
  /** Réponse non JSON (export CSV…) : le corps est le texte du fichier. */
  fichier?: { type: string; nom: string };
}

export const ok = (corps: unknown, extra: Partial<Resultat> = {}): Resultat => ({ statut: 200, corps, ...extra });
export const cree = (corps: unknown, extra: Partial<Resultat> = {}): Resultat => ({ statut: 201, corps, ...extra });
export const accepte = (corps: unknown, extra: Partial<Resultat> = {}): Resultat => ({ statut: 202, corps, ...extra });
/** Un fichier à télécharger (jamais mis en cache). */
export const fichier = (contenu: string, type: string, nom: string): Resultat => ({ statut: 200, corps: contenu, fichier: { type, nom } });

export interface Contrat<S extends z.ZodType | undefined, Q extends z.ZodType | undefined = undefined> {
  /** public : sans connexion (l'appelant est lu s'il y en a un, sans renouvellement) ; membre : session exigée. */
  qui: 'public' | 'membre';
  /** Schéma du corps JSON ; absent : la route ne lit pas de corps. */
  corps?: S;
  /** Schéma des paramètres de l'adresse (?cle=valeur) ; absent : ils sont ignorés. */
  requete?: Q;
  /** Connexion par code : « poser » un nouveau jeton de liaison du navigateur, ou le « lire ». */
  liaison?: 'poser' | 'lire';
  /** Durée minimale de la réponse (ms), pour qu'elle ne trahisse rien (membre ou non). */
  dureeMin?: () => number;
  /** Taille maximale du corps en octets (64 Ko par défaut) : plus grand pour un import de fichier. */
  tailleMax?: number;
}

export interface Entree<T, R = undefined> {
  corps: T;
  requete: R;
  /** Origine du site (« https://… ») telle que la requête l'a atteint, pour écrire une adresse absolue. */
  origine: string;
  params: Record<string, string>;
  ctx: Contexte;
}

const ENTETES_JSON = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };

/** Réponse JSON. */
export function json(data: unknown, status = 200): Response {
  return new Response(status === 204 ? null : JSON.stringify(data), { status, headers: ENTETES_JSON });
}

/** Réponse d'erreur au format commun. */
export function reponseErreur(e: DomainError): Response {
  return json({ erreur: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } }, e.statut);
}

/** Déclare une route : le handler Netlify (req, context) qui applique le contrat puis appelle le cas d'usage. */
export function route<S extends z.ZodType | undefined, Q extends z.ZodType | undefined = undefined>(
  contrat: Contrat<S, Q>,
  cas: (entree: Entree<S extends z.ZodType ? z.output<S> : undefined, Q extends z.ZodType ? z.output<Q> : undefined>) => Promise<Resultat>,
): Handler {
  return async (req, context) => {
    const debut = Date.now();
    const requestId = context?.requestId || req.headers.get('x-nf-request-id') || randomUUID();
    const cookies: string[] = [];
    let reponse: Response;
    try {
      env(context?.deploy?.context);
      verifierOrigine(req);
      const corps = (contrat.corps ? await readJson(req, contrat.corps, contrat.tailleMax) : undefined) as S extends z.ZodType ? z.output<S> : undefined;
      const requete = (contrat.requete ? valider(Object.fromEntries(new URL(req.url).searchParams), contrat.requete) : undefined) as Q extends z.ZodType
        ? z.output<Q>
        : undefined;
      const lecture = await lireSession(req, { renouveler: contrat.qui === 'membre' });
      cookies.push(...lecture.cookies);
      if (contrat.qui === 'membre' && !lecture.appelant) throw lecture.refus ?? new DomainError('NON_CONNECTE');
      let navigateur: string | null = null;
      if (contrat.liaison === 'poser') {
        const liaison = nouvelleLiaison();
        cookies.push(liaison.cookie);
        navigateur = liaison.empreinte;
      } else if (contrat.liaison === 'lire') {
        navigateur = lireLiaison(req);
      }
      const ctx = creerContexte({ appelant: lecture.appelant, ip: context?.ip || '0.0.0.0', navigateur, requestId });
      const resultat = await cas({ corps, requete, origine: new URL(req.url).origin, params: context?.params ?? {}, ctx });
      if (resultat.session === 'fermee') cookies.push(...cookiesSessionEfface());
      else if (resultat.session) {
        cookies.push(...cookiesSession(resultat.session));
        // La liaison a servi : le navigateur n'en a plus besoin.
        if (contrat.liaison === 'lire') cookies.push(ecrireCookie(COOKIE_LIAISON, '', 0));
      }
      reponse = resultat.fichier
        ? new Response(String(resultat.corps), {
            status: resultat.statut,
            headers: {
              'content-type': resultat.fichier.type,
              'content-disposition': `attachment; filename="${resultat.fichier.nom.replace(/[^\w.-]/g, '_')}"`,
              'cache-control': 'no-store',
            },
          })
        : json(resultat.corps, resultat.statut);
    } catch (e) {
      if (e instanceof DomainError) {
        // Une session que la base refuse (fermée, membre désactivé) : le cookie ne sert plus à rien.
        // Un témoin de connexion resté seul (session effacée par le navigateur) : effacé aussi, pour que les pages
        // publiques cessent d'appeler les fonctions.
        const cookie = req.headers.get('cookie') ?? '';
        if (
          (['SESSION_EXPIREE', 'SESSION_INVALIDE', 'NON_MEMBRE'].includes(e.code) && cookie.includes('rbde_session=')) ||
          (e.code === 'NON_CONNECTE' && cookie.includes(`${TEMOIN_CONNEXION}=`))
        ) {
          cookies.push(...cookiesSessionEfface());
        }
        if (['ORIGINE_REFUSEE'].includes(e.code)) cookies.length = 0;
        reponse = reponseErreur(e);
      } else if (e instanceof ErreurConfiguration) {
        console.error(`[${requestId}] ${e.message}`);
        reponse = reponseErreur(new DomainError('SERVICE_INDISPONIBLE'));
      } else {
        console.error(`[${requestId}] ${req.method} ${new URL(req.url).pathname} : erreur inattendue`, e);
        reponse = json({ erreur: { code: 'ERREUR_INTERNE', message: MESSAGES.ERREUR_INTERNE, details: { requete: requestId } } }, 500);
      }
    }
    for (const c of [...new Set(cookies)]) reponse.headers.append('set-cookie', c);
    let dureeMin = 0;
    try {
      dureeMin = contrat.dureeMin?.() ?? 0;
    } catch {
      /* configuration invalide : déjà journalisée et refusée plus haut */
    }
    const attente = dureeMin - (Date.now() - debut);
    if (attente > 0) await new Promise((r) => setTimeout(r, attente));
    return poserEntetesSecurite(reponse);
  };
}

/** Le refus d'un corps trop gros, la limite dite en Ko ou en Mo. */
const tropVolumineux = (max: number) =>
  max === TAILLE_MAX_CORPS
    ? new DomainError('TROP_VOLUMINEUX')
    : new DomainError(
        'TROP_VOLUMINEUX',
        `La requête dépasse la taille autorisée (${max >= 1024 * 1024 ? `${(max / 1024 / 1024).toLocaleString('fr-FR')} Mo` : `${Math.round(max / 1024)} Ko`}).`,
      );

/** Lit un corps JSON de 64 Ko au plus (ou `max` octets) et le valide ; lève une DomainError en français sinon. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S, max = TAILLE_MAX_CORPS): Promise<z.output<S>> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new DomainError('TYPE_CONTENU');
  const annoncee = Number(req.headers.get('content-length') ?? 0);
  if (annoncee > max) throw tropVolumineux(max);
  const texte = await lireBorne(req, max);
  let brut: unknown;
  try {
    brut = JSON.parse(texte);
  } catch {
    throw new DomainError('JSON_INVALIDE');
  }
  if (brut === null || typeof brut !== 'object' || Array.isArray(brut)) {
    throw new DomainError('REQUETE_INVALIDE', 'Le corps de la requête doit être un objet JSON.');
  }
  return valider(brut, schema);
}

/** Valide des données avec le schéma ; REQUETE_INVALIDE avec les messages par champ sinon. */
export function valider<S extends z.ZodType>(brut: unknown, schema: S): z.output<S> {
  const resultat = schema.safeParse(brut);
  if (!resultat.success) {
    const champs: Record<string, string[]> = {};
    for (const issue of resultat.error.issues) {
      const cle = issue.path.join('.') || '_';
      (champs[cle] ??= []).push(issue.message);
    }
    throw new DomainError('REQUETE_INVALIDE', MESSAGES.REQUETE_INVALIDE, { champs });
  }
  return resultat.data;
}

async function lireBorne(req: Request, max: number): Promise<string> {
  if (!req.body) return '';
  const lecteur = req.body.getReader();
  const morceaux: Uint8Array[] = [];
  let taille = 0;
  for (;;) {
    const { done, value } = await lecteur.read();
    if (done) break;
    taille += value.byteLength;
    if (taille > max) {
      await lecteur.cancel().catch(() => {});
      throw tropVolumineux(max);
    }
    morceaux.push(value);
  }
  return Buffer.concat(morceaux).toString('utf8');
}

const MUTANTES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Refuse une requête modifiante venue d'un autre site (en-têtes Origin / Sec-Fetch-Site). */
function verifierOrigine(req: Request) {
  if (!MUTANTES.has(req.method)) return;
  const origine = req.headers.get('origin');
  const site = req.headers.get('sec-fetch-site');
  if (site && !['same-origin', 'none'].includes(site)) throw new DomainError('ORIGINE_REFUSEE');
  if (origine && origine !== new URL(req.url).origin) throw new DomainError('ORIGINE_REFUSEE');
}
