// Plomberie HTTP commune aux fonctions : lecture JSON bornée, réponses, erreurs, origine, cookies.
import { randomUUID } from 'node:crypto';
import type { Context } from '@netlify/functions';
import type { z } from 'zod';
import { poserEntetesSecurite } from './entetes-securite.ts';
import { DomainError, MESSAGES } from './errors.ts';

export const TAILLE_MAX_CORPS = 64 * 1024;

type Handler = (req: Request, context: Context) => Promise<Response>;

const cookiesEnAttente = new WeakMap<Request, string[]>();

/** Ajoute un Set-Cookie à la réponse de cette requête, qu'elle réussisse ou non. */
export function ajouterCookie(req: Request, cookie: string) {
  const liste = cookiesEnAttente.get(req) ?? [];
  liste.push(cookie);
  cookiesEnAttente.set(req, liste);
}

/** Réponse JSON. */
export function json(data: unknown, status = 200, headers: HeadersInit = {}): Response {
  return new Response(JSON.stringify(data), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/** Lit un corps JSON de 64 Ko au plus et le valide ; lève une DomainError en français sinon. */
export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.output<S>> {
  const type = req.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new DomainError('TYPE_CONTENU');
  const annoncee = Number(req.headers.get('content-length') ?? 0);
  if (annoncee > TAILLE_MAX_CORPS) throw new DomainError('TROP_VOLUMINEUX');
  const texte = await lireBorne(req);
  let brut: unknown;
  try {
    brut = JSON.parse(texte);
  } catch {
    throw new DomainError('JSON_INVALIDE');
  }
  if (brut === null || typeof brut !== 'object' || Array.isArray(brut)) {
    throw new DomainError('REQUETE_INVALIDE', 'Le corps de la requête doit être un objet JSON.');
  }
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

async function lireBorne(req: Request): Promise<string> {
  if (!req.body) return '';
  const lecteur = req.body.getReader();
  const morceaux: Uint8Array[] = [];
  let taille = 0;
  for (;;) {
    const { done, value } = await lecteur.read();
    if (done) break;
    taille += value.byteLength;
    if (taille > TAILLE_MAX_CORPS) {
      await lecteur.cancel().catch(() => {});
      throw new DomainError('TROP_VOLUMINEUX');
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

/** Réponse d'erreur au format commun. */
export function reponseErreur(e: DomainError): Response {
  return json({ erreur: { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) } }, e.statut);
}

/** Enveloppe un handler : origine, erreurs métier, erreurs inattendues (journalisées, jamais renvoyées). */
export function withErrorHandling(handler: Handler): Handler {
  return async (req, context) => {
    let reponse: Response;
    try {
      verifierOrigine(req);
      reponse = await handler(req, context);
    } catch (e) {
      if (e instanceof DomainError) {
        reponse = reponseErreur(e);
      } else {
        const id = context?.requestId || req.headers.get('x-nf-request-id') || randomUUID();
        console.error(`[${id}] ${req.method} ${new URL(req.url).pathname} : erreur inattendue`, e);
        reponse = json({ erreur: { code: 'ERREUR_INTERNE', message: MESSAGES.ERREUR_INTERNE, details: { requete: id } } }, 500);
      }
    }
    for (const cookie of cookiesEnAttente.get(req) ?? []) reponse.headers.append('set-cookie', cookie);
    return poserEntetesSecurite(reponse);
  };
}
