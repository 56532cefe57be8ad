// Le serveur local en un processus : pages de dist/ et /api/* (fonctions), sur une seule adresse.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { chargerFonctions } from './fonctions.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.jpg': 'image/jpeg', '.ico': 'image/x-icon', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.xml': 'application/xml; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pf_index': 'application/octet-stream',
  '.webmanifest': 'application/manifest+json',
};
/** Fichiers dont le nom change avec le contenu (empreinte) : gardés un an sans redemander. */
const IMMUABLES = /\/_astro\/|\/pagefind\/(fragment|index|filter)\/|\/pagefind\/pagefind\.[\w-]+_[0-9a-f]+\.pf_meta$/;
const COMPRESSIBLES = /^(text\/|application\/(json|xml|manifest)|image\/svg)/;

/** Crée le serveur du site (non démarré). */
export async function creerServeurSite({ dist, surEnvoi }: { dist: string; surEnvoi?: (chemin: string, octets: number) => void }): Promise<Server> {
  const fonctions = await chargerFonctions();
  const cacheGzip = new Map<string, Buffer>();

  function fichierPour(chemin: string): string | null {
    const propre = normalize(decodeURIComponent(chemin)).replace(/^(\.\.[/\\])+/, '');
    const candidats = [join(dist, propre), join(dist, propre, 'index.html'), join(dist, `${propre}.html`)];
    return candidats.find((c) => c.startsWith(dist) && existsSync(c) && statSync(c).isFile()) ?? null;
  }

  function servirFichier(req: IncomingMessage, res: ServerResponse, fichier: string, statut = 200) {
    const type = TYPES[extname(fichier)] ?? 'application/octet-stream';
    let corps: Uint8Array = readFileSync(fichier);
    const entetes: Record<string, string> = { 'content-type': type };
    entetes['cache-control'] = IMMUABLES.test(fichier) ? 'public, max-age=31536000, immutable' : 'no-cache';
    // no-cache : le navigateur redemande, avec l'ETag ; un fichier inchangé revient en 304, sans corps.
    const { size, mtimeMs } = statSync(fichier);
    entetes.etag = `W/"${size.toString(16)}-${Math.floor(mtimeMs).toString(16)}"`;
    if (statut === 200 && req.headers['if-none-match'] === entetes.etag) {
      surEnvoi?.(req.url ?? '', 0);
      res.writeHead(304, entetes).end();
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
    res.writeHead(statut, entetes).end(req.method === 'HEAD' ? undefined : corps);
  }

  return createServer(async (req, res) => {
    try {
      const hote = req.headers.host ?? 'localhost';
      const url = new URL(req.url ?? '/', `http://${hote}`);
      if (url.pathname.startsWith('/api/')) {
        const requete = new Request(url, {
          method: req.method,
          headers: req.headers as Record<string, string>,
          body: req.method === 'GET' || req.method === 'HEAD' ? undefined : (Readable.toWeb(req) as ReadableStream),
          duplex: 'half',
        } as RequestInit);
        const reponse =
          (await fonctions.traiter(requete)) ??
          Response.json({ erreur: { code: 'INTROUVABLE', message: 'Cette adresse de l’API n’existe pas.' } }, { status: 404 });
        const entetes: Record<string, string | string[]> = {};
        reponse.headers.forEach((v, k) => {
          if (k !== 'set-cookie') entetes[k] = v;
        });
        const cookies = reponse.headers.getSetCookie();
        if (cookies.length) entetes['set-cookie'] = cookies;
        const corps = Buffer.from(await reponse.arrayBuffer());
        res.writeHead(reponse.status, entetes).end(corps);
        return;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }).end('Méthode non autorisée');
        return;
      }
      const fichier = fichierPour(url.pathname);
      if (fichier) {
        if (!url.pathname.endsWith('/') && fichier.endsWith('index.html') && !url.pathname.endsWith('.html')) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        return servirFichier(req, res, fichier);
      }
      const page404 = join(dist, '404.html');
      if (existsSync(page404)) return servirFichier(req, res, page404, 404);
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Page introuvable');
    } catch (e) {
      console.error('[serveur] erreur inattendue', e);
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Erreur interne');
    }
  });
}
