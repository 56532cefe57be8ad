// Route /api/* vers les fonctions Netlify v2 de functions/, d'après leur config.path et config.method.
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

type Handler = (req: Request, context: unknown) => Promise<Response>;
interface Route {
  fichier: string;
  motif: RegExp;
  params: string[];
  methodes: string[];
  handler: Handler;
}

const dossierFonctions = join(import.meta.dirname, '..', '..', 'functions');

/** Charge les fonctions ; renvoie un routeur (null si aucune route ne correspond au chemin). */
export async function chargerFonctions(dossier = dossierFonctions) {
  const routes: Route[] = [];
  for (const f of readdirSync(dossier).filter((n) => /\.(ts|mts|js|mjs)$/.test(n) && !n.startsWith('_')).sort()) {
    const mod = await import(pathToFileURL(join(dossier, f)).href);
    const config = mod.config as { path?: string | string[]; method?: string | string[] } | undefined;
    if (!config?.path || typeof mod.default !== 'function') continue;
    for (const chemin of [config.path].flat()) {
      const params: string[] = [];
      const source = chemin
        .split('/')
        .map((seg) => (seg.startsWith(':') ? (params.push(seg.slice(1)), '([^/]+)') : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
        .join('/');
      routes.push({ fichier: f, motif: new RegExp(`^${source}/?$`), params, methodes: [config.method ?? ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']].flat(), handler: mod.default });
    }
  }

  return {
    routes,
    /** Traite la requête si une fonction sert ce chemin. */
    async traiter(req: Request): Promise<Response | null> {
      const { pathname } = new URL(req.url);
      const candidates = routes.map((r) => ({ r, m: pathname.match(r.motif) })).filter((c) => c.m);
      if (candidates.length === 0) return null;
      const trouvee = candidates.find((c) => c.r.methodes.includes(req.method) || (req.method === 'HEAD' && c.r.methodes.includes('GET')));
      if (!trouvee) {
        const permises = [...new Set(candidates.flatMap((c) => c.r.methodes))].join(', ');
        return Response.json(
          { erreur: { code: 'METHODE_NON_AUTORISEE', message: `Cette adresse n’accepte pas la méthode ${req.method} (méthodes permises : ${permises}).` } },
          { status: 405, headers: { allow: permises } },
        );
      }
      let params: Record<string, string>;
      try {
        params = Object.fromEntries(trouvee.r.params.map((p, i) => [p, decodeURIComponent(trouvee.m![i + 1]!)]));
      } catch {
        return Response.json({ erreur: { code: 'ADRESSE_INVALIDE', message: 'Adresse mal formée : un paramètre du chemin contient un encodage invalide.' } }, { status: 400 });
      }
      const context = { params, requestId: randomUUID(), ip: req.headers.get('x-forwarded-for') ?? '127.0.0.1', site: {}, deploy: { context: 'dev' } };
      return trouvee.r.handler(req, context);
    },
  };
}
