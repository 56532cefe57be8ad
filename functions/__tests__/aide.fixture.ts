// Outils communs aux tests de handlers : requêtes construites à la main, pile locale, entrées invalides.
import type { Context } from '@netlify/functions';
import { expect, test } from 'vitest';
import type { PileDeTest } from '../../local/tests/pile-test.ts';

export type Handler = (req: Request, context: Context) => Promise<Response>;
export const ORIGINE = 'http://localhost:4321';

/** Une requête vers la fonction, JSON par défaut. */
export function requete(chemin: string, init: { method?: string; corps?: unknown; brut?: string; headers?: Record<string, string> } = {}): Request {
  const headers: Record<string, string> = { ...init.headers };
  let body: string | undefined = init.brut;
  if (init.corps !== undefined) {
    body = JSON.stringify(init.corps);
    headers['content-type'] ??= 'application/json';
  }
  return new Request(`${ORIGINE}${chemin}`, { method: init.method ?? 'GET', headers, body });
}

/** Le contexte Netlify d'une requête ; une IP de documentation tirée au hasard (les limites par IP sont testées en SQL). */
export const contexte = (params: Record<string, string> = {}, ip = `203.0.113.${Math.floor(Math.random() * 254) + 1}`) => ({ params, requestId: 'test', ip, deploy: { context: 'dev' } }) as unknown as Context;

/** Appelle le handler et lit la réponse. */
export async function appeler(handler: Handler, req: Request) {
  const reponse = await handler(req, contexte());
  const texte = await reponse.text();
  return { reponse, statut: reponse.status, corps: texte ? JSON.parse(texte) : null, cookies: reponse.headers.getSetCookie() };
}

/** Ce que la base et la boîte d'envoi contiennent : doit rester identique après une entrée refusée. */
export async function empreinteEtat(pile: PileDeTest) {
  const { rows } = await pile.db.query<{ d: string; c: string; s: string }>(
    `select (select count(*) from prive.evenements_connexion)::text as d, (select count(*) from auth.users where coalesce(recovery_token, '') <> '')::text as c, (select count(*) from auth.sessions)::text as s`,
  );
  return { ...rows[0], courriels: pile.messages.length };
}

/** Les entrées invalides communes à toute route qui lit un corps JSON : 4xx, message français, rien d'écrit. */
export function testerEntreesInvalides(nom: string, obtenir: () => { handler: Handler; pile: PileDeTest }, chemin: string, method: string, corpsValide: Record<string, unknown>) {
  const cas: [string, () => Request, number, string][] = [
    ['du JSON invalide', () => requete(chemin, { method, brut: '{"email":', headers: { 'content-type': 'application/json' } }), 400, 'JSON_INVALIDE'],
    ['un type de contenu autre que JSON', () => requete(chemin, { method, brut: 'email=a@b.fr', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'TYPE_CONTENU'],
    ['un corps de plus de 64 Ko', () => requete(chemin, { method, corps: { ...corpsValide, remplissage: 'x'.repeat(70 * 1024) } }), 413, 'TROP_VOLUMINEUX'],
    ['un tableau au lieu d’un objet', () => requete(chemin, { method, corps: [corpsValide] }), 400, 'REQUETE_INVALIDE'],
    ['un corps vide', () => requete(chemin, { method, brut: '', headers: { 'content-type': 'application/json' } }), 400, 'JSON_INVALIDE'],
    ['des champs manquants', () => requete(chemin, { method, corps: {} }), 400, 'REQUETE_INVALIDE'],
    ['des champs mal typés', () => requete(chemin, { method, corps: Object.fromEntries(Object.keys(corpsValide).map((k) => [k, 12345])) }), 400, 'REQUETE_INVALIDE'],
    ['une autre origine', () => requete(chemin, { method, corps: corpsValide, headers: { origin: 'https://malveillant.example' } }), 403, 'ORIGINE_REFUSEE'],
    ['un envoi inter-sites', () => requete(chemin, { method, corps: corpsValide, headers: { 'sec-fetch-site': 'cross-site' } }), 403, 'ORIGINE_REFUSEE'],
  ];
  for (const [libelle, fabriquer, statut, code] of cas) {
    test(`${nom} : refuse ${libelle} (${statut} ${code}) sans rien écrire`, async () => {
      const { handler, pile } = obtenir();
      const avant = await empreinteEtat(pile);
      const { statut: s, corps } = await appeler(handler, fabriquer());
      expect(s).toBe(statut);
      expect(corps.erreur.code).toBe(code);
      expect(corps.erreur.message).toMatch(/[a-zé]/);
      expect(JSON.stringify(corps)).not.toMatch(/stack|at Object|SELECT|select /);
      expect(await empreinteEtat(pile)).toEqual(avant);
    });
  }
}

/** Connecte un membre par les vraies fonctions ; renvoie l'en-tête Cookie à rejouer. */
export async function seConnecter(pile: PileDeTest, email: string): Promise<string> {
  const { default: demander } = await import('../auth-code-demander.ts');
  const { default: ouvrir } = await import('../auth-session-ouvrir.ts');
  const d = await appeler(demander, requete('/api/auth/code', { method: 'POST', corps: { email } }));
  if (d.statut !== 202) throw new Error(`demande de code : ${d.statut} ${JSON.stringify(d.corps)}`);
  const code = await pile.dernierCode(email);
  const o = await appeler(ouvrir, requete('/api/auth/session', { method: 'POST', corps: { email, code }, headers: { cookie: liaisonDe(d.cookies) } }));
  if (o.statut !== 201) throw new Error(`ouverture de session : ${o.statut} ${JSON.stringify(o.corps)}`);
  return cookieDe(o.cookies);
}

/** « nom=valeur » du cookie de session posé par une réponse. */
export const cookieDe = (setCookies: string[]) => setCookies.find((c) => c.startsWith('__Host-rbde_session='))!.split(';')[0]!;

/** « nom=valeur » du cookie de liaison du navigateur posé par une demande de code. */
export const liaisonDe = (setCookies: string[]) => setCookies.find((c) => c.startsWith('__Host-rbde_liaison='))!.split(';')[0]!;
