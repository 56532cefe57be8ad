// Cookies des fonctions : lecture de l'en-tête, écriture d'un Set-Cookie __Host-, et scellement
// (AES-256-GCM) du contenu avec une liste de clés : la première chiffre, toutes déchiffrent, ce qui
// permet de changer de clé sans déconnecter tout le monde.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** La valeur d'un cookie de la requête, ou null. */
export function lireCookie(req: Request, nom: string): string | null {
  for (const morceau of (req.headers.get('cookie') ?? '').split(';')) {
    const i = morceau.indexOf('=');
    if (i > 0 && morceau.slice(0, i).trim() === nom) return morceau.slice(i + 1).trim();
  }
  return null;
}

/**
 * Un Set-Cookie sûr : __Host- (Secure, Path=/, sans Domain), HttpOnly, SameSite=Lax. `lisible` : sans HttpOnly, pour
 * un cookie que les scripts des pages lisent (le témoin de connexion, qui ne contient rien de secret).
 */
export function ecrireCookie(nom: string, valeur: string, maxAge: number, { lisible = false } = {}): string {
  return `${nom}=${valeur}; Path=/;${lisible ? '' : ' HttpOnly;'} Secure; SameSite=Lax; Max-Age=${Math.max(0, Math.floor(maxAge))}`;
}

const VERSION = 'v1';
const cle = (b64: string) => Buffer.from(b64, 'base64');

/** Chiffre et authentifie une valeur JSON avec la première clé ; le nom du cookie est lié au contenu. */
export function sceller(contenu: unknown, cles: string[], nom: string): string {
  const iv = randomBytes(12);
  const chiffreur = createCipheriv('aes-256-gcm', cle(cles[0]!), iv);
  chiffreur.setAAD(Buffer.from(`${VERSION}:${nom}`));
  const chiffre = Buffer.concat([chiffreur.update(JSON.stringify(contenu), 'utf8'), chiffreur.final()]);
  return [VERSION, iv.toString('base64url'), chiffre.toString('base64url'), chiffreur.getAuthTag().toString('base64url')].join('.');
}

/** Déchiffre une valeur scellée avec l'une des clés ; null si elle est altérée, ancienne ou illisible. */
export function ouvrir(valeur: string, cles: string[], nom: string): unknown {
  const [version, iv, chiffre, etiquette, ...reste] = valeur.split('.');
  if (version !== VERSION || !iv || !chiffre || !etiquette || reste.length) return null;
  for (const k of cles) {
    try {
      const dechiffreur = createDecipheriv('aes-256-gcm', cle(k), Buffer.from(iv, 'base64url'));
      dechiffreur.setAAD(Buffer.from(`${VERSION}:${nom}`));
      dechiffreur.setAuthTag(Buffer.from(etiquette, 'base64url'));
      const clair = Buffer.concat([dechiffreur.update(Buffer.from(chiffre, 'base64url')), dechiffreur.final()]).toString('utf8');
      return JSON.parse(clair);
    } catch {
      /* clé suivante */
    }
  }
  return null;
}
