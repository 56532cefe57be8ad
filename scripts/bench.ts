// npm run bench : mesures de vitesse (affichées, jamais des tests).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demarrerPileDeTest } from '../local/pile-test.ts';

const racine = join(import.meta.dirname, '..');
const ms = (n: number) => `${n.toFixed(1)} ms`;
const s = (n: number) => `${(n / 1000).toFixed(1)} s`;

function centiles(durees: number[]) {
  const t = [...durees].sort((a, b) => a - b);
  const c = (p: number) => t[Math.min(t.length - 1, Math.ceil((p / 100) * t.length) - 1)]!;
  return { p50: c(50), p95: c(95), max: t[t.length - 1]! };
}

async function enParallele<T>(total: number, concurrence: number, tache: (i: number) => Promise<T>) {
  const durees: number[] = [];
  let suivant = 0;
  await Promise.all(
    Array.from({ length: concurrence }, async () => {
      while (suivant < total) {
        const i = suivant++;
        const t0 = performance.now();
        await tache(i);
        durees.push(performance.now() - t0);
      }
    }),
  );
  return centiles(durees);
}

const portLibre = () =>
  new Promise<number>((ok) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
  });

/** Temps de `npm run build`. */
function mesurerConstruction() {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [join(racine, 'scripts/construire.ts')], { cwd: racine, stdio: 'ignore' });
  if (r.status !== 0) throw new Error('npm run build a échoué');
  return performance.now() - t0;
}

/** Temps entre le lancement de `npm start` et la première réponse 200. */
async function mesurerDemarrage() {
  const donnees = mkdtempSync(join(tmpdir(), 'rbde-bench-'));
  const port = await portLibre();
  const t0 = performance.now();
  const enfant = spawn('npm', ['start'], { cwd: racine, env: { ...process.env, PORT: String(port), RBDE_DONNEES: donnees, RBDE_PORTS_LIBRES: '1' }, stdio: 'ignore', detached: true });
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
  const pile = await demarrerPileDeTest({ site: true });
  const base = `http://127.0.0.1:${pile.ports.site}`;
  const json = { 'content-type': 'application/json' };
  try {
    // 200 membres fictifs de plus : un code par minute et par adresse.
    await pile.db.exec(`
      insert into auth.users (id, email) select gen_random_uuid(), 'bench' || g || '@exemple.test' from generate_series(1, 200) g;
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
    return { moi, connexions };
  } finally {
    await pile.arreter();
  }
}

console.log('Mesures Réseau BDE (2 cœurs ; chiffres indicatifs)\n');
const construction = mesurerConstruction();
console.log(`npm run build (site + index)          ${s(construction)}`);
console.log(`npm start → premier 200                ${s(await mesurerDemarrage())}`);
const { moi, connexions } = await mesurerApi();
console.log(`GET /api/moi (200 req., 10 en //)      p50 ${ms(moi.p50)}  p95 ${ms(moi.p95)}  max ${ms(moi.max)}`);
console.log(`Connexion complète code + session      p50 ${ms(connexions.p50)}  p95 ${ms(connexions.p95)}  max ${ms(connexions.max)}`);
process.exit(0);
