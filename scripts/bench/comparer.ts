// npm run bench -- --comparer [--guides N] : le hub face à Astro Starlight (témoin) sur les mêmes guides générés,
// mesurés en alternance (hub, témoin, hub, …) pour que la charge de la machine pèse autant sur l'un que sur l'autre.
// Affiche deux colonnes et le rapport hub / Starlight. Hors ligne, sauf le registre npm (installation du témoin).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromium, type Browser, type Page } from 'playwright-core';
import { creerServeurSite } from '../../local/netlify/serveur.ts';
import { genererCorpus } from './corpus.ts';
import { installerStarlight, preparerProjetStarlight, VERSIONS_STARLIGHT, viteDuHub } from './starlight.ts';

const racine = join(import.meta.dirname, '..', '..');
const ARGS_CHROMIUM = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const mediane = (l: number[]) => {
  const t = [...l].sort((a, b) => a - b);
  return t.length % 2 ? t[(t.length - 1) / 2]! : (t[t.length / 2 - 1]! + t[t.length / 2]!) / 2;
};

type Site = 'hub' | 'starlight';

/** Passes de Lighthouse par page : la médiane est affichée. */
const PASSES_LIGHTHOUSE = 3;

/** Construit à froid (sortie et caches effacés) ; renvoie la durée et la mémoire maximale (GNU time). */
function construire(site: Site, p: { corpus: string; dist: string; cache: string; starlight: string }) {
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  let cwd: string;
  if (site === 'hub') {
    rmSync(p.dist, { recursive: true, force: true });
    rmSync(p.cache, { recursive: true, force: true });
    Object.assign(env, { RBDE_GUIDES: p.corpus, RBDE_DIST: p.dist, RBDE_CACHE: p.cache });
    cwd = racine;
  } else {
    for (const d of ['dist', '.cache-astro', '.astro']) rmSync(join(p.starlight, d), { recursive: true, force: true });
    cwd = p.starlight;
  }
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, join(cwd, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
    cwd,
    env,
    encoding: 'utf8',
  });
  const duree = performance.now() - t0;
  if (r.status !== 0) throw new Error(`La construction (${site}) a échoué :\n${r.stderr.slice(-3000)}`);
  const memoire = Number(r.stderr.match(/Maximum resident set size \(kbytes\): (\d+)/)?.[1] ?? 0) * 1024;
  return { duree, memoire };
}

/** Sert un dossier construit et compte les octets envoyés (corps ; 0 pour un 304). */
async function servir(dist: string) {
  const compte = { octets: 0, requetes: 0, derniere: 0, chemins: [] as string[] };
  const serveur: Server = await creerServeurSite({
    dist,
    surEnvoi: (chemin, n) => {
      compte.octets += n;
      compte.requetes++;
      compte.derniere = performance.now();
      compte.chemins.push(`${chemin.replace(/\?.*/, '')} ${(n / 1024).toFixed(1)}`);
    },
  });
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok));
  const base = `http://127.0.0.1:${(serveur.address() as { port: number }).port}`;
  const remettre = () => Object.assign(compte, { octets: 0, requetes: 0, chemins: [] });
  return { base, compte, remettre, fermer: () => new Promise<void>((ok) => serveur.close(() => ok())) };
}

/** Attend que le réseau se taise (aucune requête depuis 800 ms). */
async function attendreCalme(compte: { derniere: number }) {
  await new Promise((r) => setTimeout(r, 300));
  while (performance.now() - compte.derniere < 800) await new Promise((r) => setTimeout(r, 100));
}

const brotli = (b: Buffer) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Poids brotli d'une page telle que le navigateur la charge (toutes les ressources demandées), par nature. */
async function poidsPage(navigateur: Browser, base: string, dist: string, chemin: string) {
  const contexte = await navigateur.newContext();
  const page = await contexte.newPage();
  const urls = new Set<string>();
  page.on('request', (r) => {
    if (r.url().startsWith(base)) urls.add(new URL(r.url()).pathname);
  });
  await page.goto(base + chemin, { waitUntil: 'networkidle' });
  await contexte.close();
  const poids = { html: 0, css: 0, js: 0, polices: 0, autres: 0 };
  for (const u of urls) {
    let f = join(dist, decodeURIComponent(u));
    if (existsSync(f) && statSync(f).isDirectory()) f = join(f, 'index.html');
    if (!existsSync(f)) continue;
    const n = brotli(readFileSync(f));
    if (f.endsWith('.html')) poids.html += n;
    else if (f.endsWith('.css')) poids.css += n;
    else if (/\.m?js$/.test(f)) poids.js += n;
    else if (/\.(woff2?|ttf|otf)$/.test(f)) poids.polices += n;
    else poids.autres += n;
  }
  return { ...poids, sansPolices: poids.html + poids.css + poids.js, avecPolices: poids.html + poids.css + poids.js + poids.polices };
}

/** Lighthouse, mobile (réglages par défaut : émulation mobile, réseau et processeur ralentis par simulation). */
async function phare(url: string) {
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', ...ARGS_CHROMIUM] });
  try {
    const r = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' });
    const lhr = r!.lhr;
    return {
      perf: Math.round((lhr.categories.performance!.score ?? 0) * 100),
      lcp: lhr.audits['largest-contentful-paint']!.numericValue ?? 0,
      cls: lhr.audits['cumulative-layout-shift']!.numericValue ?? 0,
    };
  } finally {
    await chrome.kill();
  }
}

/** Octets et requêtes d'une première recherche lancée depuis une page de guide, puis d'une requête d'un mot. */
async function recherche(navigateur: Browser, site: Site, s: Awaited<ReturnType<typeof servir>>, guide: string) {
  const contexte = await navigateur.newContext();
  const page: Page = await contexte.newPage();
  try {
    await page.goto(s.base + guide, { waitUntil: 'networkidle' });
    await attendreCalme(s.compte);
    s.remettre();
    if (site === 'hub') {
      // Le formulaire de l'en-tête mène à /recherche/?q=… : la même chose qu'une saisie.
      await page.goto(`${s.base}/recherche/?q=allocation`);
      await page.waitForSelector('#resultats ol li', { timeout: 60_000 });
    } else {
      await page.click('button[data-open-modal]');
      await page.fill('#starlight__search input[type="search"], .pagefind-ui__search-input', 'allocation');
      await page.waitForSelector('.pagefind-ui__result', { timeout: 60_000 });
    }
    await attendreCalme(s.compte);
    const premiere = { octets: s.compte.octets, requetes: s.compte.requetes, chemins: [...s.compte.chemins] };
    s.remettre();
    if (site === 'hub') {
      await page.fill('#q', 'convention');
      await page.press('#q', 'Enter');
      await page.waitForFunction(() => document.querySelector('#resultats h2')?.textContent?.includes('convention'), null, { timeout: 60_000 });
    } else {
      await page.fill('.pagefind-ui__search-input', 'convention');
      await page.waitForFunction(() => [...document.querySelectorAll('.pagefind-ui__message')].some((m) => m.textContent?.includes('convention')), null, {
        timeout: 60_000,
      });
    }
    await attendreCalme(s.compte);
    return { premiere, seconde: { octets: s.compte.octets, requetes: s.compte.requetes, chemins: [...s.compte.chemins] } };
  } finally {
    await contexte.close();
  }
}

/** Mesure et affiche la comparaison. */
export async function comparer({ guides = 1000 }: { guides?: number }) {
  if (!Number.isInteger(guides) || guides < 10) throw new Error('--guides attend un nombre entier, au moins 10.');
  const vite = viteDuHub(racine);
  console.log(
    `Comparaison hub / Astro Starlight ${VERSIONS_STARLIGHT['@astrojs/starlight']} (Astro ${VERSIONS_STARLIGHT.astro}, Vite ${vite} comme le hub) sur ${guides} guides générés (2 cœurs partagés : chiffres indicatifs)\n`,
  );
  const tmp = mkdtempSync(join(tmpdir(), 'rbde-comparer-'));
  const installation = installerStarlight(join(racine, 'node_modules', '.cache', 'rbde-bench'), vite);
  try {
    const corpus = join(tmp, 'guides');
    const ids = genererCorpus(corpus, guides);
    const starlight = preparerProjetStarlight(installation, corpus);
    const p = { corpus, dist: join(tmp, 'dist'), cache: join(tmp, 'cache'), starlight };

    // 1. Construction à froid, médiane de 3, en alternance.
    const durees: Record<Site, number[]> = { hub: [], starlight: [] };
    const memoires: Record<Site, number[]> = { hub: [], starlight: [] };
    for (let i = 0; i < 3; i++) {
      for (const site of (i % 2 ? ['starlight', 'hub'] : ['hub', 'starlight']) as Site[]) {
        const { duree, memoire } = construire(site, p);
        durees[site].push(duree);
        memoires[site].push(memoire);
        console.log(`  construction ${i + 1} ${site} : ${(duree / 1000).toFixed(1)} s, ${(memoire / 2 ** 20).toFixed(0)} Mo`);
      }
    }
    const dists: Record<Site, string> = { hub: p.dist, starlight: join(starlight, 'dist') };
    const serveurs = { hub: await servir(dists.hub), starlight: await servir(dists.starlight) };
    const navigateur = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS_CHROMIUM });
    try {
      // 2. Poids d'une page de guide : médiane sur 15 guides répartis dans le corpus.
      const echantillon = Array.from({ length: 15 }, (_, k) => ids[Math.floor((k * ids.length) / 15)]!);
      const poids: Record<Site, Awaited<ReturnType<typeof poidsPage>>[]> = { hub: [], starlight: [] };
      for (const id of echantillon) {
        for (const site of ['hub', 'starlight'] as Site[]) poids[site].push(await poidsPage(navigateur, serveurs[site].base, dists[site], `/guides/${id}/`));
      }
      const guideType = `/guides/${ids[Math.floor(ids.length / 2)]}/`;
      // 3. Lighthouse mobile, en alternance, trois passes : une passe seule varie de 15 points sur cette machine.
      const passes: Record<string, Awaited<ReturnType<typeof phare>>[]> = {};
      const noter = async (cle: string, url: string) => (passes[cle] ??= []).push(await phare(url));
      for (let i = 0; i < PASSES_LIGHTHOUSE; i++) {
        for (const [cle, chemin] of [
          ['accueil', '/'],
          ['guide', guideType],
        ] as const) {
          for (const site of (i % 2 ? ['starlight', 'hub'] : ['hub', 'starlight']) as Site[]) await noter(`${site}-${cle}`, serveurs[site].base + chemin);
        }
        await noter('hub-recherche', `${serveurs.hub.base}/recherche/?q=allocation`);
      }
      // Médiane de chaque mesure, et l'étendue de la performance.
      const lh = Object.fromEntries(
        Object.entries(passes).map(([cle, l]) => [
          cle,
          {
            perf: mediane(l.map((x) => x.perf)),
            lcp: mediane(l.map((x) => x.lcp)),
            cls: mediane(l.map((x) => x.cls)),
            etendue: `${Math.min(...l.map((x) => x.perf))}–${Math.max(...l.map((x) => x.perf))}`,
          },
        ]),
      );
      // 4. Recherche.
      const rech = {
        hub: await recherche(navigateur, 'hub', serveurs.hub, guideType),
        starlight: await recherche(navigateur, 'starlight', serveurs.starlight, guideType),
      };

      // Tableau.
      const ko = (n: number) => `${(n / 1024).toFixed(1)} Ko`;
      const lignes: [string, string, string, string][] = [];
      const ligne = (mesure: string, sl: number, hub: number, f: (n: number) => string) => lignes.push([mesure, f(sl), f(hub), `${(hub / sl).toFixed(2)}×`]);
      ligne('construction à froid + index, médiane de 3', mediane(durees.starlight), mediane(durees.hub), (n) => `${(n / 1000).toFixed(1)} s`);
      // Le pic d'une construction varie de 300 Mo d'une passe à l'autre ici : la médiane des trois pics, et leur étendue.
      const mo = (n: number) => `${(n / 2 ** 20).toFixed(0)} Mo`;
      const etendueMo = (l: number[]) => `${mo(Math.min(...l))}–${mo(Math.max(...l))}`;
      lignes.push([
        'mémoire maximale de la construction, médiane de 3 (étendue)',
        `${mo(mediane(memoires.starlight))} (${etendueMo(memoires.starlight)})`,
        `${mo(mediane(memoires.hub))} (${etendueMo(memoires.hub)})`,
        `${(mediane(memoires.hub) / mediane(memoires.starlight)).toFixed(2)}×`,
      ]);
      ligne('page de guide médiane, HTML+CSS+JS, brotli', mediane(poids.starlight.map((x) => x.sansPolices)), mediane(poids.hub.map((x) => x.sansPolices)), ko);
      ligne('la même avec ses polices', mediane(poids.starlight.map((x) => x.avecPolices)), mediane(poids.hub.map((x) => x.avecPolices)), ko);
      for (const cle of ['accueil', 'guide']) {
        const [h, s] = [lh[`hub-${cle}`]!, lh[`starlight-${cle}`]!];
        lignes.push([`Lighthouse mobile, ${cle} : performance (médiane, étendue)`, `${s.perf} (${s.etendue})`, `${h.perf} (${h.etendue})`, '']);
        ligne(`Lighthouse mobile, ${cle} : LCP (médiane)`, s.lcp, h.lcp, (n) => `${(n / 1000).toFixed(2)} s`);
      }
      const r = rech;
      lignes.push([
        'première recherche depuis un guide (octets, requêtes)',
        `${ko(r.starlight.premiere.octets)}, ${r.starlight.premiere.requetes}`,
        `${ko(r.hub.premiere.octets)}, ${r.hub.premiere.requetes}`,
        `${(r.hub.premiere.octets / r.starlight.premiere.octets).toFixed(2)}×`,
      ]);
      lignes.push([
        'requête suivante d’un mot (octets, requêtes)',
        `${ko(r.starlight.seconde.octets)}, ${r.starlight.seconde.requetes}`,
        `${ko(r.hub.seconde.octets)}, ${r.hub.seconde.requetes}`,
        `${(r.hub.seconde.octets / r.starlight.seconde.octets).toFixed(2)}×`,
      ]);
      const hr = lh['hub-recherche']!;
      lignes.push(['Lighthouse mobile, page de recherche : performance (étendue), CLS', '—', `${hr.perf} (${hr.etendue}), CLS ${hr.cls.toFixed(3)}`, '']);
      console.log(`\n| mesure | Starlight | hub | rapport |\n|---|---|---|---|\n${lignes.map((l) => `| ${l.join(' | ')} |`).join('\n')}`);
      const detail = (site: Site) =>
        `  ${site} : ${rech[site].premiere.chemins.join(' ; ')}\n  ${site}, requête suivante : ${rech[site].seconde.chemins.join(' ; ')}`;
      console.log(`\nRequêtes de la recherche (chemin, Ko) :\n${detail('hub')}\n${detail('starlight')}`);
      const d = mediane(poids.hub.map((x) => x.polices));
      console.log(`Polices d'une page de guide du hub : ${ko(d)} ; Lighthouse LCP recherche ${(hr.lcp / 1000).toFixed(2)} s.`);
    } finally {
      await navigateur.close();
      await serveurs.hub.fermer();
      await serveurs.starlight.fermer();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
