// npm run verifier-deploiement -- <adresse> : vérifie un hub déployé comme le verrait quelqu'un
// de l'extérieur (santé, en-têtes de sécurité, erreurs en français, origine, valeurs de
// démonstration). Une ligne ✔ ou ✘ par contrôle ; code de sortie 1 au premier ✘.
import { VALEURS_DEMO } from '../local/config.ts';

export interface Controle {
  /** Ce qui est vérifié, en français. */
  nom: string;
  ok: boolean;
  /** Ce qui ne va pas, quand ok est faux. */
  detail?: string;
}

export interface OptionsVerification {
  /** Accepter une adresse en http:// (tests contre un serveur local seulement). */
  httpAutorise?: boolean;
  /** Délai maximal par requête, en millisecondes. */
  delai?: number;
}

/** Traces d'un hub qui tournerait encore sur les remplaçants locaux. */
const TRACES_LOCALES = ['supabase-local', '127.0.0.1', 'localhost', 'remplaçant local'];

/** Vérifie le hub déployé à cette adresse ; ne lève jamais, chaque problème devient un contrôle en échec. */
export async function verifierDeploiement(adresse: string, { httpAutorise = false, delai = 15_000 }: OptionsVerification = {}): Promise<Controle[]> {
  const controles: Controle[] = [];
  const noter = (nom: string, probleme: string | null) => controles.push(probleme ? { nom, ok: false, detail: probleme } : { nom, ok: true });

  let base: URL;
  try {
    base = new URL(adresse);
  } catch {
    return [{ nom: 'adresse du hub', ok: false, detail: `« ${adresse} » n’est pas une adresse web (exemple : https://reseau-bde.netlify.app).` }];
  }
  noter(
    'adresse en https',
    base.protocol === 'https:' || (httpAutorise && base.protocol === 'http:') ? null : `l’adresse doit commencer par https:// (reçu ${base.protocol}//).`,
  );

  const appeler = async (chemin: string, init: RequestInit = {}) => {
    try {
      const r = await fetch(new URL(chemin, base), { redirect: 'manual', ...init, signal: AbortSignal.timeout(delai) });
      return { r, texte: await r.text() };
    } catch (e) {
      return { erreur: `${chemin} injoignable : ${(e as Error).cause ? String((e as Error & { cause: unknown }).cause) : (e as Error).message}` };
    }
  };

  // 1. Santé
  const sante = await appeler('/api/sante');
  if ('erreur' in sante) noter('/api/sante répond 200 en JSON', sante.erreur!);
  else {
    const { r, texte } = sante;
    let probleme: string | null = null;
    if (r.status !== 200) probleme = `statut ${r.status} au lieu de 200 (${texte.slice(0, 200)})`;
    else if (!/^application\/json/.test(r.headers.get('content-type') ?? '')) probleme = `type ${r.headers.get('content-type')} au lieu de application/json`;
    else if (!estJson(texte)) probleme = 'le corps n’est pas du JSON';
    noter('/api/sante répond 200 en JSON', probleme);
    const trace = TRACES_LOCALES.find((t) => texte.includes(t));
    noter('/api/sante ne trahit pas les remplaçants locaux', trace ? `la réponse contient « ${trace} »` : null);
  }

  // 2. En-têtes de sécurité, sur une page et sur /api/*
  const page = await appeler('/');
  for (const [nom, reponse] of [
    ['la page d’accueil', page],
    ['/api/sante', sante],
  ] as const) {
    if ('erreur' in reponse) noter(`en-têtes de sécurité sur ${nom}`, reponse.erreur!);
    else noter(`en-têtes de sécurité sur ${nom}`, problemesEntetes(reponse.r.headers));
  }

  // 3. Une mauvaise requête répond en français
  const invalide = await appeler('/api/auth/code', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base.origin, 'sec-fetch-site': 'same-origin' },
    body: '{"email":',
  });
  if ('erreur' in invalide) noter('une requête mal formée reçoit 400 et un message en français', invalide.erreur!);
  else {
    const { r, texte } = invalide;
    const message = estJson(texte) ? (JSON.parse(texte) as { erreur?: { message?: unknown } }).erreur?.message : undefined;
    noter(
      'une requête mal formée reçoit 400 et un message en français',
      r.status !== 400
        ? `statut ${r.status} au lieu de 400`
        : typeof message !== 'string'
          ? 'pas de champ erreur.message dans la réponse'
          : !estFrancais(message)
            ? `message qui ne semble pas français : « ${message} »`
            : null,
    );
  }

  // 4. Une requête venue d'un autre site est refusée
  const etrangere = await appeler('/api/auth/code', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'https://site-malveillant.exemple', 'sec-fetch-site': 'cross-site' },
    body: '{"email":"personne@exemple.test"}',
  });
  if ('erreur' in etrangere) noter('une requête d’un autre site est refusée (403)', etrangere.erreur!);
  else noter('une requête d’un autre site est refusée (403)', etrangere.r.status === 403 ? null : `statut ${etrangere.r.status} au lieu de 403`);

  // 5. Aucune valeur de démonstration
  const textes = [page, sante].flatMap((x) => ('texte' in x && x.texte ? [x.texte] : []));
  const demo = VALEURS_DEMO.find((v) => textes.some((t) => t.includes(v)));
  noter(
    'aucune clé ni aucun secret de démonstration dans les réponses',
    demo ? `une valeur de démonstration de local/config.ts apparaît (${demo.slice(0, 20)}…)` : null,
  );

  return controles;
}

/** Les en-têtes de sécurité attendus ; null s'ils y sont tous. */
export function problemesEntetes(h: Headers): string | null {
  const manques: string[] = [];
  const csp = h.get('content-security-policy') ?? '';
  if (!csp) manques.push('Content-Security-Policy absent');
  else if (!/frame-ancestors\s+'none'/.test(csp)) manques.push("Content-Security-Policy sans frame-ancestors 'none'");
  const hsts = h.get('strict-transport-security') ?? '';
  const maxAge = Number(hsts.match(/max-age=(\d+)/)?.[1] ?? 0);
  if (maxAge < 15_552_000) manques.push(hsts ? `Strict-Transport-Security trop court (${hsts})` : 'Strict-Transport-Security absent');
  if (h.get('x-content-type-options')?.toLowerCase() !== 'nosniff') manques.push('X-Content-Type-Options: nosniff absent');
  if (!h.get('cross-origin-opener-policy')) manques.push('Cross-Origin-Opener-Policy absent');
  if (!h.get('referrer-policy')) manques.push('Referrer-Policy absent');
  return manques.length ? manques.join(' ; ') : null;
}

function estJson(texte: string): boolean {
  try {
    JSON.parse(texte);
    return true;
  } catch {
    return false;
  }
}

/** Heuristique : des lettres accentuées ou des mots outils français. */
const estFrancais = (m: string) => /[éèêàâçùûîôœ]/i.test(m) || /\b(le|la|les|des|une?|est|pas|vous|votre)\b/i.test(m);

/** Une ligne par contrôle, ✔ ou ✘ avec la raison. */
export function formaterControles(controles: Controle[]): string {
  return controles.map((c) => (c.ok ? `✔ ${c.nom}` : `✘ ${c.nom} : ${c.detail}`)).join('\n');
}

async function principal() {
  const adresse = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!adresse) {
    console.error('Usage : npm run verifier-deploiement -- https://adresse-du-hub');
    process.exitCode = 1;
    return;
  }
  const controles = await verifierDeploiement(adresse);
  console.log(formaterControles(controles));
  const echecs = controles.filter((c) => !c.ok).length;
  console.log(echecs ? `\n${echecs} contrôle${echecs > 1 ? 's' : ''} en échec sur ${controles.length}.` : `\nLes ${controles.length} contrôles passent.`);
  if (echecs) process.exitCode = 1;
}

if (import.meta.main) await principal();
