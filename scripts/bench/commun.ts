// Outils communs des mesures (scripts/bench.ts et scripts/bench/*.ts) : centiles, charge parallèle, session.
import type { PileDeTest } from '../../local/tests/pile-test.ts';

export type Centiles = { p50: number; p95: number; max: number };
export type EnParallele = (total: number, concurrence: number, tache: (i: number) => Promise<unknown>) => Promise<Centiles>;

export function centiles(durees: number[]): Centiles {
  const t = [...durees].sort((a, b) => a - b);
  const c = (p: number) => t[Math.min(t.length - 1, Math.ceil((p / 100) * t.length) - 1)]!;
  return { p50: c(50), p95: c(95), max: t[t.length - 1]! };
}

/** Lance `total` tâches, `concurrence` à la fois ; renvoie les centiles de leurs durées. */
export async function enParallele(total: number, concurrence: number, tache: (i: number) => Promise<unknown>): Promise<Centiles> {
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

/** Ouvre une session de membre sur le site d'une pile de test (code lu dans le capteur SMTP) ; renvoie le cookie. */
export async function ouvrirSession(pile: PileDeTest, email: string): Promise<string> {
  const base = `http://127.0.0.1:${pile.ports.site}`;
  const json = { 'content-type': 'application/json' };
  const d = await fetch(`${base}/api/auth/code`, { method: 'POST', headers: json, body: JSON.stringify({ email }) });
  if (d.status !== 202) throw new Error(`code : ${d.status}`);
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
  return o.headers
    .getSetCookie()
    .find((c) => c.startsWith('__Host-rbde_session='))!
    .split(';')[0]!;
}
