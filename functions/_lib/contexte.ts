// Le contexte d'un cas d'usage : des données simples et des services construits pour CETTE requête.
// Aucun objet Request ici : le bord (http/) lit la requête et écrit la réponse.
import { createHmac } from 'node:crypto';
import { env } from './env.ts';
import { mailerSmtp, type Mailer } from './mail.ts';
import type { Appelant } from './http/session.ts';
import { creerClient } from './supabase.ts';
import { creerApi, type Api } from './supabase/api.ts';

export interface Contexte {
  /** Le membre connecté, ou null. */
  appelant: Appelant | null;
  /** Les fonctions du schéma api, au nom de l'appelant (son jeton : la RLS s'applique) ou en anonyme. */
  api: Api;
  /** Les mêmes au nom du membre dont on vient d'obtenir le jeton (ouverture de session). */
  apiAuNomDe(jetonAcces: string): Api;
  /** Les mêmes avec la clé secrète (service_role) : opérations sans membre connecté. */
  service: Api;
  /** Supabase Auth, client neuf propre à cette requête (clé secrète, limites d'Auth comptées sur l'IP du client). */
  auth: ReturnType<typeof creerClient>['auth'];
  /** Administration des comptes Auth (clé secrète). */
  authAdmin: ReturnType<typeof creerClient>['auth']['admin'];
  /** Empreinte HMAC de l'adresse IP du client (jamais l'IP en clair). */
  client: string;
  /** Empreinte du jeton de liaison du navigateur (connexion par code), ou null. */
  navigateur: string | null;
  /** Empreinte HMAC d'une valeur (adresse…), avec la clé de pseudonymisation. */
  pseudonyme(valeur: string): string;
  /** Une ligne de journal structurée, sans donnée personnelle en clair. */
  journal(evenement: string, donnees?: Record<string, unknown>): void;
  /** Envoi de courriels (SMTP). */
  mailer: Mailer;
}

/** Construit le contexte ; les clients ne sont créés qu'au premier usage. */
export function creerContexte({ appelant, ip, navigateur, requestId }: { appelant: Appelant | null; ip: string; navigateur: string | null; requestId: string }): Contexte {
  const pseudonyme = (valeur: string) => createHmac('sha256', Buffer.from(env().PSEUDONYMISATION_KEY, 'base64')).update(valeur).digest('hex');
  let api: Api | undefined;
  let service: Api | undefined;
  let secret: ReturnType<typeof creerClient> | undefined;
  let auth: ReturnType<typeof creerClient>['auth'] | undefined;
  return {
    appelant,
    get api() {
      return (api ??= creerApi(creerClient('publiable', appelant?.jetonAcces)));
    },
    apiAuNomDe: (jetonAcces) => creerApi(creerClient('publiable', jetonAcces)),
    get service() {
      return (service ??= creerApi((secret ??= creerClient('secrete'))));
    },
    get auth() {
      return (auth ??= creerClient('secrete', undefined, ip).auth);
    },
    get authAdmin() {
      return (secret ??= creerClient('secrete')).auth.admin;
    },
    mailer: mailerSmtp,
    client: pseudonyme(`ip:${ip}`),
    navigateur,
    pseudonyme,
    journal(evenement, donnees = {}) {
      console.info(JSON.stringify({ evenement, requete: requestId, ...donnees }));
    },
  };
}
