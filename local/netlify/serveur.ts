// Le serveur local en un processus : pages de dist/ et /api/* (fonctions), sur une seule adresse.
// Comme Netlify : les [[headers]] de netlify.toml (et un éventuel dist/_headers) s'appliquent aux
// fichiers servis, pas aux réponses des fonctions, qui posent les leurs.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type OutgoingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseAllHeaders, type Header } from '@netlify/headers-parser';
import { ENTETES_SECURITE_API } from '../../functions/_lib/entetes-securite.ts';
import { chargerFonctions } from './fonctions.ts';

const NETLIFY_TOML = join(import.meta.dirname, '..', '..', 'netlify.toml');
/** Taille maximale d'une requête vers une fonction (Netlify : 6 Mo pour une fonction synchrone). */
export const TAILLE_MAX_REQUETE_FONCTION = 6 * 1024 * 1024;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pf_index': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};
const COMPRESSIBLES = /^(text\/|application\/(json|xml|manifest)|image\/svg)/;

/** Les règles d'en-têtes de netlify.toml et de dist/_headers, lues par l'analyseur de Netlify. */
export async function chargerEntetes(netlifyToml: string, dist: string): Promise<Header[]> {
  if (!existsSync(netlifyToml)) throw new Error(`Fichier introuvable : ${netlifyToml}.`);
  const { headers, errors } = await parseAllHeaders({ netlifyConfigPath: netlifyToml, headersFiles: [join(dist, '_headers')], configHeaders: [], minimal: false });
  if (errors.length) throw new Error(`En-têtes de ${netlifyToml} illisibles : ${errors.map((e) => e.message).join(' ; ')}`);
  // minimal: false : chaque règle a son forRegExp (la correspondance de « for » propre à Netlify).
  return headers as Header[];
}

/** Les en-têtes qui s'appliquent à un chemin : toutes les règles dont « for » correspond, la dernière l'emporte. */
export function entetesPour(regles: Header[], chemin: string): Record<string, string> {
  const entetes: Record<string, string> = {};
  for (const r of regles.filter((r) => r.forRegExp.test(chemin))) {
    for (const [nom, valeur] of Object.entries(r.values)) entetes[nom.toLowerCase()] = valeur;
  }
  return entetes;
}

class RequeteInvalide extends Error {
  readonly statut: number;
  constructor(statut: number, message: string) {
    super(message);
    this.statut = statut;
  }
}

/** Lit tout le corps d'une requête. Au-delà de la limite, continue de lire sans garder (la connexion
 *  reste utilisable pour la requête suivante) puis lève une erreur 413. */
async function lireCorps(req: IncomingMessage, limite: number): Promise<Buffer> {
  const morceaux: Buffer[] = [];
  let taille = 0;
  for await (const m of req) {
    taille += (m as Buffer).length;
    if (taille <= limite) morceaux.push(m as Buffer);
  }
  if (taille > limite) {
    const lisible = limite >= 1024 * 1024 ? `${Math.round(limite / 1024 / 1024)} Mo` : `${Math.round(limite / 1024)} Ko`;
    throw new RequeteInvalide(413, `Le corps de la requête dépasse la taille autorisée (${lisible}).`);
  }
  return Buffer.concat(morceaux);
}

/** Crée le serveur du site (non démarré). */
export async function creerServeurSite({
  dist,
  surEnvoi,
  netlifyToml = NETLIFY_TOML,
  tailleMaxRequete = TAILLE_MAX_REQUETE_FONCTION,
}: {
  dist: string;
  surEnvoi?: (chemin: string, octets: number) => void;
  /** Le fichier dont les [[headers]] s'appliquent aux pages (défaut : celui du dépôt). */
  netlifyToml?: string;
  tailleMaxRequete?: number;
}): Promise<Server> {
  const fonctions = await chargerFonctions();
  const regles = await chargerEntetes(netlifyToml, dist);
  const cacheGzip = new Map<string, Buffer>();

  /** Réponse d'un fichier ou d'une page : les en-têtes de netlify.toml pour ce chemin s'y ajoutent. */
  function ecrireStatique(req: IncomingMessage, res: ServerResponse, statut: number, entetes: OutgoingHttpHeaders, corps?: Uint8Array | string) {
    const chemin = new URL(req.url ?? '/', 'http://localhost').pathname;
    res.writeHead(statut, { ...entetes, ...entetesPour(regles, chemin) }).end(req.method === 'HEAD' ? undefined : corps);
  }

  function erreurApi(res: ServerResponse, statut: number, code: string, message: string) {
    res.writeHead(statut, { 'content-type': 'application/json; charset=utf-8', ...ENTETES_SECURITE_API }).end(JSON.stringify({ erreur: { code, message } }));
  }

  function fichierPour(chemin: string): string | null {
    const propre = normalize(decodeURIComponent(chemin)).replace(/^(\.\.[/\\])+/, '');
    const candidats = [join(dist, propre), join(dist, propre, 'index.html'), join(dist, `${propre}.html`)];
    return candidats.find((c) => c.startsWith(dist + sep) && existsSync(c) && statSync(c).isFile()) ?? null;
  }

  function servirFichier(req: IncomingMessage, res: ServerResponse, fichier: string, statut = 200) {
    const type = TYPES[extname(fichier)] ?? 'application/octet-stream';
    let corps: Uint8Array = readFileSync(fichier);
    const entetes: Record<string, string> = { 'content-type': type };
    // Défaut de Netlify ; netlify.toml le remplace pour les fichiers à empreinte (/_astro/*, /pagefind/…).
    entetes['cache-control'] = 'public, max-age=0, must-revalidate';
    // Comme Netlify : un ETag, et un 304 sans corps quand le fichier n'a pas changé.
    const { size, mtimeMs } = statSync(fichier);
    entetes.etag = `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
    if (statut === 200 && req.headers['if-none-match'] === entetes.etag) {
      surEnvoi?.(req.url ?? '', 0);
      ecrireStatique(req, res, 304, entetes);
      return;
    }
    if (COMPRESSIBLES.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      let gz = cacheGzip.get(fichier);
      if (!gz) cacheGzip.set(fichier, (gz = gzipSync(corps)));
      corps = gz;
      entetes['content-encoding'] = 'gzip';
      entetes.vary = 'accept-encoding';
    }
    entetes['content-length'] = String(corps.length);
    surEnvoi?.(req.url ?? '', corps.length);
    ecrireStatique(req, res, statut, entetes, corps);
  }

  return createServer(async (req, res) => {
    const api = (req.url ?? '').startsWith('/api/');
    try {
      const hote = req.headers.host ?? 'localhost';
      let url: URL;
      try {
        url = new URL(req.url ?? '/', `http://${hote}`);
        decodeURIComponent(url.pathname);
      } catch {
        throw new RequeteInvalide(400, 'Adresse mal formée : le chemin ou l’en-tête Host contient un encodage invalide.');
      }
      if (url.pathname.startsWith('/api/')) {
        const sansCorps = req.method === 'GET' || req.method === 'HEAD';
        // Comme Netlify, la fonction reçoit un corps déjà lu en entier (borné).
        const corps = sansCorps ? undefined : await lireCorps(req, tailleMaxRequete);
        const requete = new Request(url, { method: req.method, headers: req.headers as Record<string, string>, body: corps as Uint8Array<ArrayBuffer> | undefined });
        const reponse =
          (await fonctions.traiter(requete)) ??
          Response.json({ erreur: { code: 'INTROUVABLE', message: 'Cette adresse de l’API n’existe pas.' } }, { status: 404, headers: ENTETES_SECURITE_API });
        const entetes: Record<string, string | string[]> = {};
        reponse.headers.forEach((v, k) => {
          if (k !== 'set-cookie') entetes[k] = v;
        });
        const cookies = reponse.headers.getSetCookie();
        if (cookies.length) entetes['set-cookie'] = cookies;
        const octets = Buffer.from(await reponse.arrayBuffer());
        res.writeHead(reponse.status, entetes).end(octets);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        ecrireStatique(req, res, 405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, 'Méthode non autorisée');
        return;
      }
      const fichier = fichierPour(url.pathname);
      if (fichier) {
        if (!url.pathname.endsWith('/') && fichier.endsWith('index.html') && !url.pathname.endsWith('.html')) {
          ecrireStatique(req, res, 301, { location: `${url.pathname}/${url.search}` });
          return;
        }
        return servirFichier(req, res, fichier);
      }
      const page404 = join(dist, '404.html');
      if (existsSync(page404)) return servirFichier(req, res, page404, 404);
      ecrireStatique(req, res, 404, { 'content-type': 'text/plain; charset=utf-8' }, 'Page introuvable');
    } catch (e) {
      if (e instanceof RequeteInvalide) {
        if (res.headersSent) return void res.end();
        if (api) return erreurApi(res, e.statut, e.statut === 413 ? 'TROP_VOLUMINEUX' : 'ADRESSE_INVALIDE', e.message);
        return void res.writeHead(e.statut, { 'content-type': 'text/plain; charset=utf-8', ...entetesPour(regles, '/') }).end(e.message);
      }
      console.error('[serveur] erreur inattendue', e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Erreur interne');
    }
  });
}
