// npm run bench : mesures de vitesse (affichées, jamais des tests).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { creerServeurSite } from '../local/netlify/serveur.ts';
import { demarrerPileDeTest } from '../local/tests/pile-test.ts';
import { configSupabaseModifiee } from '../local/supabase/config.ts';
import { mesurerBourse } from './bench/bourse.ts';
import { decrireCalendrier, mesurerCalendrier, peuplerCalendrier } from './bench/calendrier.ts';
import { enParallele, ouvrirSession } from './bench/commun.ts';
import { oublierEnv } from '../functions/_lib/env.ts';
import { oublierTransport } from '../functions/_lib/mail.ts';
import { genererCorpus } from './bench/corpus.ts';
import { javascriptAjoute } from './budgets.ts';

const racine = join(import.meta.dirname, '..');
const ms = (n: number) => `${n.toFixed(1)} ms`;
const s = (n: number) => `${(n / 1000).toFixed(1)} s`;

const portLibre = () =>
  new Promise<number>((ok) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });

/** Temps de `npm run build` (env : autre corpus, autre sortie). */
function mesurerConstruction(env: Record<string, string> = {}) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(racine, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
    cwd: racine,
    stdio: 'ignore',
    env: { ...process.env, ...env },
  });
  if (r.status !== 0) throw new Error('npm run build a échoué');
  return performance.now() - t0;
}

/** Octets gzip d'une page de guide : HTML, CSS et JS (sans les polices). */
function poidsPageGuide(dist: string, chemin: string) {
  const html = readFileSync(join(dist, chemin, 'index.html'), 'utf8');
  const ressources = [...new Set([...html.matchAll(/(?:href|src)="(\/_astro\/[^"]+\.(?:css|js))"/g)].map((m) => m[1]!))];
  const detail = { html: gzipSync(html).length, css: 0, js: 0 };
  for (const r of ressources) detail[r.endsWith('.css') ? 'css' : 'js'] += gzipSync(readFileSync(join(dist, r))).length;
  // Les scripts importés par les scripts de la page.
  const importes = ressources
    .filter((r) => r.endsWith('.js'))
    .flatMap((r) => [...readFileSync(join(dist, r), 'utf8').matchAll(/from"\.\/([^"]+\.js)"/g)].map((m) => `/_astro/${m[1]}`));
  for (const r of new Set(importes)) detail.js += gzipSync(readFileSync(join(dist, r))).length;
  const react = ressources.some((r) => /react|client\./i.test(r)) || /astro-island/.test(html);
  return { ...detail, total: detail.html + detail.css + detail.js, react };
}

/** JS du simulateur de l'allocation : ce que sa page charge de plus qu'une page sans îlot (le glossaire). */
function poidsSimulateur(dist: string) {
  const r = javascriptAjoute(dist, 'outils/simulateur-allocation', 'glossaire');
  const reactDom = r.fichiers.some((u) => /__reactContainer|__reactFiber/.test(readFileSync(join(dist, u), 'utf8')));
  return { ...r, reactDom };
}

/** Octets servis pour la première recherche puis pour une requête d'un mot, sur un site construit
 *  (comptés côté serveur : les requêtes du Web Worker de Pagefind comptent aussi). */
async function mesurerRecherche(dist: string) {
  const compte = { octets: 0, requetes: 0 };
  const serveur = await creerServeurSite({
    dist,
    surEnvoi: (chemin, n) => {
      if (chemin.startsWith('/pagefind/') || chemin.startsWith('/recherche/vocabulaire')) {
        compte.octets += n;
        compte.requetes++;
      }
    },
  });
  await new Promise<void>((ok) => serveur.listen(0, '127.0.0.1', ok));
  const port = (serveur.address() as { port: number }).port;
  const navigateur = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await navigateur.newPage();
    await page.goto(`http://localhost:${port}/recherche/?q=allocation`);
    await page.waitForSelector('#resultats ol, #resultats h2', { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    const premiere = { ...compte };
    compte.octets = 0;
    compte.requetes = 0;
    await page.evaluate(async () => {
      const chemin = '/pagefind/pagefind.js';
      const pf = await import(chemin);
      const r = await pf.search('convention');
      await Promise.all(r.results.slice(0, 5).map((x: { data(): Promise<unknown> }) => x.data()));
    });
    await page.waitForLoadState('networkidle');
    return { premiere, unMot: { ...compte } };
  } finally {
    await navigateur.close();
    serveur.close();
  }
}

/** Temps entre le lancement de `npm start` et la première réponse 200. */
async function mesurerDemarrage() {
  const donnees = mkdtempSync(join(tmpdir(), 'rbde-bench-'));
  const port = await portLibre();
  const t0 = performance.now();
  const enfant = spawn('npm', ['start'], {
    cwd: racine,
    env: { ...process.env, PORT: String(port), RBDE_DONNEES: donnees, RBDE_PORTS_LIBRES: '1' },
    stdio: 'ignore',
    detached: true,
  });
  try {
    for (;;) {
      if (performance.now() - t0 > 180_000) throw new Error('npm start n’a pas répondu en 3 minutes');
      try {
        if ((await fetch(`http://127.0.0.1:${port}/`)).status === 200) return performance.now() - t0;
      } catch {
        /* pas encore prêt */
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    process.kill(-enfant.pid!, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    rmSync(donnees, { recursive: true, force: true });
  }
}

/** p50 et p95 de GET /api/moi et d'une connexion complète, 200 requêtes à 10 en parallèle. */
async function mesurerApi() {
  // 200 connexions en quelques secondes depuis une seule IP : les limites par IP de Supabase Auth
  // (seau de 30 par 5 minutes) sont levées ici, et seulement ici, pour mesurer le reste.
  const configSupabase = configSupabaseModifiee((c) => {
    c.auth.rate_limit.sign_in_sign_ups = 1_000_000;
    c.auth.rate_limit.token_verifications = 1_000_000;
    c.auth.rate_limit.token_refresh = 1_000_000;
  });
  const pile = await demarrerPileDeTest({ site: true, configSupabase });
  const base = `http://127.0.0.1:${pile.ports.site}`;
  const json = { 'content-type': 'application/json' };
  try {
    // 200 membres fictifs de plus : un code par minute et par adresse.
    await pile.db.exec(`
      insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at) select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', 'bench' || g || '@exemple.test', now() from generate_series(1, 200) g;
      insert into prive.membres (user_id, email, prenom, nom) select id, email, 'Bench', 'Fictif' from auth.users where email like 'bench%';`);
    const connexion = async (email: string) => {
      const d = await fetch(`${base}/api/auth/code`, { method: 'POST', headers: json, body: JSON.stringify({ email }) });
      if (d.status !== 202) throw new Error(`code : ${d.status}`);
      const code = await pile.dernierCode(email);
      const o = await fetch(`${base}/api/auth/session`, { method: 'POST', headers: json, body: JSON.stringify({ email, code }) });
      if (o.status !== 201) throw new Error(`session : ${o.status}`);
      return o.headers.getSetCookie()[0]!.split(';')[0]!;
    };
    const connexions = await enParallele(200, 10, (i) => connexion(`bench${i + 1}@exemple.test`));
    const cookie = await connexion('membre@exemple.test');
    for (let i = 0; i < 20; i++) await fetch(`${base}/api/moi`, { headers: { cookie } }); // échauffement
    const moi = await enParallele(200, 10, async () => {
      const r = await fetch(`${base}/api/moi`, { headers: { cookie } });
      if (r.status !== 200) throw new Error(`moi : ${r.status}`);
      await r.arrayBuffer();
    });
    const periodes = await peuplerCalendrier(pile);
    const calendrier = decrireCalendrier(periodes, await mesurerCalendrier(base, cookie, enParallele));
    return { moi, connexions, calendrier };
  } finally {
    await pile.arreter();
  }
}

/** Inscription à une rencontre : 50 membres connectés envoient leur inscription en même temps (30 places),
 *  par les vraies routes (courriel de confirmation compris), sur PGlite ou PostgreSQL. */
async function mesurerInscriptions(genre: 'pglite' | 'postgres') {
  const configSupabase = configSupabaseModifiee((c) => {
    c.auth.rate_limit.sign_in_sign_ups = 1_000_000;
    c.auth.rate_limit.token_verifications = 1_000_000;
  });
  const pile = await demarrerPileDeTest({ site: true, configSupabase, genre });
  const base = `http://127.0.0.1:${pile.ports.site}`;
  const json = { 'content-type': 'application/json' };
  try {
    await pile.db.exec(`
      insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at) select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', 'rencontre' || g || '@exemple.test', now() from generate_series(1, 50) g;
      insert into prive.membres (user_id, email, prenom, nom) select id, email, 'Bench', 'Fictif' from auth.users where email like 'rencontre%';`);
    const maintenant = Date.now();
    const paris = (d: number) =>
      new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' }).format(d).replace(' ', 'T');
    await pile.db.transaction(async (tx) => {
      await tx.exec('set local role service_role');
      await tx.query('select api.rencontre_publier($1)', [
        JSON.stringify({
          slug: 'bench',
          titre: 'Rencontre de mesure',
          lieu: 'Fictif',
          debut: paris(maintenant + 20 * 864e5),
          fin: paris(maintenant + 20 * 864e5 + 36e5),
          ouverture: paris(maintenant - 864e5),
          fermeture: paris(maintenant + 10 * 864e5),
          mode: 'premier_arrive',
          questions: {},
          ateliers: [{ code: 'trente', creneau: 'c1', creneau_libelle: 'Après-midi', titre: 'Atelier de trente places', salle: 'S', capacite: 30 }],
        }),
      ]);
    });
    const cookies: string[] = [];
    for (let i = 1; i <= 50; i++) {
      const email = `rencontre${i}@exemple.test`;
      // Les limites de connexion du hub (20 demandes par heure et par IP) ne sont pas ce qu'on mesure ici.
      await pile.db.exec('delete from prive.evenements_connexion');
      const d = await fetch(`${base}/api/auth/code`, { method: 'POST', headers: json, body: JSON.stringify({ email }) });
      if (d.status !== 202) throw new Error(`code : ${d.status} ${await d.text()}`);
      const liaison = d.headers
        .getSetCookie()
        .map((c) => c.split(';')[0])
        .join('; ');
      const o = await fetch(`${base}/api/auth/session`, {
        method: 'POST',
        headers: { ...json, cookie: liaison },
        body: JSON.stringify({ email, code: await pile.dernierCode(email) }),
      });
      if (o.status !== 201) throw new Error(`session : ${o.status}`);
      cookies.push(
        o.headers
          .getSetCookie()
          .find((c) => c.includes('rbde_session='))!
          .split(';')[0]!,
      );
    }
    const r = await enParallele(50, 50, async (i) => {
      const rep = await fetch(`${base}/api/rencontres/bench/inscription`, {
        method: 'POST',
        headers: { ...json, cookie: cookies[i]! },
        body: JSON.stringify({ ateliers: ['trente'] }),
      });
      if (rep.status !== 201) throw new Error(`inscription : ${rep.status} ${await rep.text()}`);
      await rep.arrayBuffer();
    });
    const { rows } = await pile.db.query<{ n: number }>(`select count(*)::int as n from prive.choix_ateliers where statut = 'confirmee'`);
    if (rows[0]!.n !== 30) throw new Error(`${rows[0]!.n} places confirmées au lieu de 30`);
    return r;
  } finally {
    await pile.arreter();
  }
}

/** Poids d'une page de rencontre (gzip, sans polices), sur le dist/ de démonstration s'il existe. */
function poidsPageRencontre(dist: string) {
  return poidsPageGuide(dist, 'rencontres/journee-academique-2023');
}

/**
 * Annuaire avec 2 000 membres générés (200 lycées fictifs dans les 5 départements, expertises et
 * secteurs tirés au hasard, un quart avec des champs masqués) : p50/p95 de GET /api/annuaire avec et
 * sans filtres, 200 requêtes à 10 en parallèle, et la taille d'une page de résultats.
 */
async function mesurerAnnuaire(concurrences: number[]) {
  const pile = await demarrerPileDeTest({ site: true, genre: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
  const base = `http://127.0.0.1:${pile.ports.site}`;
  try {
    await pile.db.exec(`
      select setseed(0.42);
      insert into prive.etablissements (uai, nom, commune, departement, bassin)
        select lpad(((array[11, 30, 34, 48, 66])[1 + g % 5] * 100000 + 90000 + g)::text, 7, '0') || 'Z', 'Lycée professionnel généré ' || g || ' (fictif)',
               'Commune ' || g, (array['11', '30', '34', '48', '66'])[1 + g % 5], 'Bassin ' || (g % 17)
          from generate_series(1, 200) g;
      insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at)
        select '00000000-0000-0000-0000-000000000000', gen_random_uuid(), 'authenticated', 'authenticated', 'annuaire' || g || '@exemple.test', now()
          from generate_series(1, 2000) g;
      insert into prive.membres (user_id, email, prenom, nom, uai, telephone, secteurs, expertises, langues, accompagne, visibilites, cree_le, fiche_modifiee_le)
        select u.id, u.email, (array['Alix', 'Camille', 'Dominique', 'Sacha', 'Louise', 'Karim', 'Nadia', 'Pierre'])[1 + (random() * 7)::int],
               'Fictif' || g, (select uai from prive.etablissements where nom like 'Lycée professionnel généré%' order by uai offset (g % 200) limit 1),
               '04 00 ' || lpad((g % 100)::text, 2, '0') || ' 00 00',
               array[(array['Commerce', 'Logistique', 'Hôtellerie-restauration', 'Bâtiment', 'Numérique', 'Maintenance des véhicules'])[1 + g % 6]],
               array[(prive.themes_expertise())[1 + g % 13], (prive.themes_expertise())[1 + (g * 7) % 13]],
               case when g % 3 = 0 then array['anglais'] else '{}' end, g % 4 = 0,
               case when g % 4 = 1 then '{"telephone":"organisateurs","email":"moi"}'::jsonb else '{}'::jsonb end,
               now() - (g % 700) * interval '1 day', now() - (g % 300) * interval '1 day'
          from (select id, email, row_number() over (order by email) as g from auth.users where email like 'annuaire%') u;`);
    const cookie = await ouvrirSession(pile, 'membre@exemple.test');
    const mesures: Record<string, { p50: number; p95: number; max: number; octets: number; gzip: number; total: number }> = {};
    for (const concurrence of concurrences)
      for (const [libelle, requete] of [
        ['sans filtre (1re page de 60)', ''],
        ['département + expertise', 'departement=34&expertise=pfmp'],
        ['nom partiel', 'q=fictif12'],
        ['bassin + secteur + accompagne', 'bassin=Bassin%203&secteur=commerce&accompagne=1'],
      ] as const) {
        const url = `${base}/api/annuaire${requete ? `?${requete}` : ''}`;
        let octets = 0;
        let gzip = 0;
        let total = 0;
        for (let i = 0; i < 10; i++) await (await fetch(url, { headers: { cookie } })).arrayBuffer(); // échauffement
        const c = await enParallele(200, concurrence, async () => {
          const r = await fetch(url, { headers: { cookie } });
          if (r.status !== 200) throw new Error(`annuaire : ${r.status}`);
          const corps = Buffer.from(await r.arrayBuffer());
          octets = corps.length;
          gzip = gzipSync(corps).length;
          total = (JSON.parse(corps.toString()) as { total: number }).total;
        });
        mesures[`${libelle}, ${concurrence} à la fois`] = { ...c, octets, gzip, total };
      }
    const t0 = performance.now();
    const v = await fetch(`${base}/api/annuaire/vcard`, { headers: { cookie } });
    const vcf = await v.text();
    const vcard = { ms: performance.now() - t0, octets: Buffer.byteLength(vcf), cartes: vcf.match(/BEGIN:VCARD/g)?.length ?? 0 };
    return { mesures, vcard };
  } finally {
    await pile.arreter();
  }
}

const ko = (n: number) => `${(n / 1024).toFixed(1)} Ko`;

/** Affiche les mesures de l'annuaire, requêtes une à une puis 10 en parallèle. */
async function afficherAnnuaire() {
  const genre = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite';
  console.log(`Annuaire sur ${genre}, 2 014 membres (2 000 générés + démonstration), 200 requêtes par mesure :`);
  const { mesures, vcard } = await mesurerAnnuaire([1, 10]);
  for (const [libelle, m] of Object.entries(mesures)) {
    console.log(
      `  GET /api/annuaire, ${libelle.padEnd(44)} p50 ${ms(m.p50)}  p95 ${ms(m.p95)}  max ${ms(m.max)}  ${m.total} trouvés, ${ko(m.octets)} (gzip ${ko(m.gzip)})`,
    );
  }
  console.log(`  GET /api/annuaire/vcard (toute la liste)  ${ms(vcard.ms)}, ${vcard.cartes} cartes, ${ko(vcard.octets)}`);
}

// npm run bench -- carnet : le carnet des entreprises seul (scripts/bench/carnet.ts).
if (process.argv[2] === 'carnet') {
  const { decrireCarnet, mesurerCarnet, mesurerDemarrage, peuplerCarnet } = await import('./bench/carnet.ts');
  const pile = await demarrerPileDeTest({ site: true });
  try {
    const base = `http://127.0.0.1:${pile.ports.site}`;
    const cookie = await ouvrirSession(pile, 'membre@exemple.test');
    const organisations = await peuplerCarnet(pile);
    const mesures = await mesurerCarnet(base, cookie, enParallele);
    for (const ligne of decrireCarnet(organisations, mesures, mesurerDemarrage())) console.log(ligne);
  } finally {
    await pile.arreter();
  }
  process.exit(0);
}
// npm run bench -- bourse : la bourse aux places (5 000 organisations, 500 offres ouvertes), PGlite puis PostgreSQL si DATABASE_URL.
if (process.argv[2] === 'bourse') {
  for (const genre of ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])] as ('pglite' | 'postgres')[]) {
    oublierEnv();
    oublierTransport();
    console.log(
      `Bourse aux places sur ${genre === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : 'PGlite'} : 5 000 organisations, 500 offres ouvertes + 100 complètes, 200 recherches`,
    );
    for (const l of await mesurerBourse(enParallele, genre)) console.log(l);
  }
  process.exit(0);
}
if (process.argv[2] === 'annuaire') {
  await afficherAnnuaire();
  process.exit(0);
}
const ecrireInscriptions = async () => {
  for (const genre of [...(process.env.RBDE_BENCH_PGLITE === '0' ? [] : (['pglite'] as const)), ...(process.env.DATABASE_URL ? (['postgres'] as const) : [])]) {
    // Chaque pile a ses ports : la configuration et le transport SMTP des fonctions sont relus.
    oublierEnv();
    oublierTransport();
    const r = await mesurerInscriptions(genre);
    console.log(`Inscription à une rencontre (50 en //, ${genre}) p50 ${ms(r.p50)}  p95 ${ms(r.p95)}  max ${ms(r.max)}`);
  }
};
// npm run bench -- rencontres : seulement les mesures des rencontres.
if (process.argv.includes('rencontres')) {
  console.log('Mesures des rencontres (2 cœurs ; chiffres indicatifs)\n');
  await ecrireInscriptions();
  process.exit(0);
}
// --comparer [--guides N] : le hub face à Astro Starlight sur les mêmes guides générés (scripts/bench/comparer.ts).
if (process.argv.includes('--comparer')) {
  const { comparer } = await import('./bench/comparer.ts');
  const i = process.argv.indexOf('--guides');
  await comparer({ guides: i > 0 ? Number(process.argv[i + 1]) : 1000 });
  process.exit(0);
}
console.log('Mesures Réseau BDE (2 cœurs ; chiffres indicatifs)\n');
const construction = mesurerConstruction();
const nbGuides = readdirSync(join(racine, 'content', 'guides')).flatMap((f) => readdirSync(join(racine, 'content', 'guides', f))).length;
console.log(`npm run build (site + index, ${nbGuides} guides) ${s(construction)}`);
const poids = poidsPageGuide(join(racine, 'dist'), 'guides/reglementation/allocation-pfmp');
console.log(
  `Page de guide, gzip sans polices       ${ko(poids.total)} (HTML ${ko(poids.html)}, CSS ${ko(poids.css)}, JS ${ko(poids.js)}) ; React : ${poids.react ? 'OUI' : 'non'}`,
);
const poidsR = poidsPageRencontre(join(racine, 'dist'));
console.log(`Page de rencontre passée, gzip         ${ko(poidsR.total)} (HTML ${ko(poidsR.html)}, CSS ${ko(poidsR.css)}, JS ${ko(poidsR.js)})`);
const simulateur = poidsSimulateur(join(racine, 'dist'));
console.log(
  `Simulateur de l’allocation, JS ajouté  ${ko(simulateur.gzip)} gzip, ${ko(simulateur.brotli)} brotli (îlot + Preact, ${simulateur.fichiers.length} fichiers${simulateur.reactDom ? ', React DOM chargé !' : ', sans React DOM'})`,
);
const tmp = mkdtempSync(join(tmpdir(), 'rbde-1000-'));
try {
  genererCorpus(join(tmp, 'guides'));
  const t = mesurerConstruction({ RBDE_GUIDES: join(tmp, 'guides'), RBDE_DIST: join(tmp, 'dist'), RBDE_CACHE: join(tmp, 'cache') });
  console.log(`Construction + index, 1 000 guides      ${s(t)}`);
  const r = await mesurerRecherche(join(tmp, 'dist'));
  console.log(`Recherche (1 000 guides), 1re requête    ${ko(r.premiere.octets)} en ${r.premiere.requetes} requêtes (index, fragments, vocabulaire)`);
  console.log(`Recherche (1 000 guides), requête d’un mot ensuite ${ko(r.unMot.octets)} en ${r.unMot.requetes} requêtes`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
console.log(`npm start → premier 200                ${s(await mesurerDemarrage())}`);
const { moi, connexions, calendrier } = await mesurerApi();
console.log(`GET /api/moi (200 req., 10 en //)      p50 ${ms(moi.p50)}  p95 ${ms(moi.p95)}  max ${ms(moi.max)}`);
console.log(`Connexion complète code + session      p50 ${ms(connexions.p50)}  p95 ${ms(connexions.p95)}  max ${ms(connexions.max)}`);
console.log(calendrier);
await ecrireInscriptions();
await afficherAnnuaire();
process.exit(0);
