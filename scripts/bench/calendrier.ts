// Mesure du calendrier des PFMP : 53 lycées × 3 années scolaires de périodes, vue du réseau sur les 3 ans
// (GET /api/calendrier-pfmp/reseau), p50 / p95 et poids de la réponse. Appelé par scripts/bench.ts ;
// `node scripts/bench/calendrier.ts` le lance seul (pile locale isolée, PGlite).
import { gzipSync } from 'node:zlib';
import type { PileDeTest } from '../../local/tests/pile-test.ts';

/** Remplit la base : 53 lycées (fictifs), 6 classes chacun, 2 périodes de 3 à 4 semaines par classe et par an, 3 ans. */
export async function peuplerCalendrier(pile: PileDeTest): Promise<number> {
  await pile.db.exec(`
    insert into prive.etablissements (uai, nom, commune, departement)
    select lpad((g % 5 * 10 + 11)::text, 3, '0') || lpad((9000 + g)::text, 4, '0') || chr(65 + g % 26), 'Lycée de mesure ' || g || ' (fictif)', 'Commune ' || g,
           (array['11', '30', '34', '48', '66'])[1 + g % 5]
      from generate_series(1, 53 - (select count(*)::int from prive.etablissements)) g
    on conflict do nothing;
    delete from prive.periodes_pfmp;
    insert into prive.periodes_pfmp (uai, formation, classe, niveau, debut, fin, eleves)
    select e.uai, f.code, 'C' || c || '-' || a, '1re',
           make_date(2026 + a, 10, 5) + (c * 7 + p * 98 + (hashtext(e.uai) & 3) * 7),
           make_date(2026 + a, 10, 5) + (c * 7 + p * 98 + (hashtext(e.uai) & 3) * 7) + 25,
           12 + (hashtext(e.uai || c) & 15)
      from prive.etablissements e
      cross join generate_series(1, 6) c
      cross join generate_series(0, 1) p
      cross join generate_series(0, 2) a
      join lateral (select code from prive.formations order by code offset (c - 1) % (select count(*) from prive.formations) limit 1) f on true;`);
  return (await pile.db.query<{ n: number }>('select count(*)::int as n from prive.periodes_pfmp')).rows[0]!.n;
}

/** Vue du réseau sur 3 ans, 100 requêtes dont 10 en parallèle ; renvoie les centiles (ms) et le poids de la réponse. */
export async function mesurerCalendrier(
  base: string,
  cookie: string,
  enParallele: (total: number, concurrence: number, tache: (i: number) => Promise<unknown>) => Promise<{ p50: number; p95: number; max: number }>,
) {
  const url = `${base}/api/calendrier-pfmp/reseau?debut=2026-09-01&fin=2029-08-31&seuil=60`;
  let octets = 0;
  let gzip = 0;
  for (let i = 0; i < 5; i++) {
    const r = await fetch(url, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`calendrier : ${r.status} ${await r.text()}`);
    const corps = Buffer.from(await r.arrayBuffer());
    octets = corps.length;
    gzip = gzipSync(corps).length;
  }
  const requete = async () => {
    const r = await fetch(url, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`calendrier : ${r.status}`);
    await r.arrayBuffer();
  };
  const seule = await enParallele(20, 1, requete);
  const temps = await enParallele(100, 10, requete);
  return { ...temps, seule, octets, gzip };
}

/** La ligne de résultat, en français. */
export function decrireCalendrier(periodes: number, m: Awaited<ReturnType<typeof mesurerCalendrier>>): string {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return (
    `Calendrier des PFMP, vue du réseau sur 3 ans (53 lycées, ${periodes} périodes) : une requête à la fois p50 ${ms(m.seule.p50)} p95 ${ms(m.seule.p95)} ; ` +
    `100 req., 10 en // p50 ${ms(m.p50)} p95 ${ms(m.p95)} max ${ms(m.max)} ; réponse ${(m.octets / 1024).toFixed(1)} Ko (${(m.gzip / 1024).toFixed(1)} Ko gzip)`
  );
}

if (import.meta.main) {
  const { demarrerPileDeTest } = await import('../../local/tests/pile-test.ts');
  const { enParallele, ouvrirSession } = await import('./commun.ts');
  const pile = await demarrerPileDeTest({ site: true });
  try {
    const base = `http://127.0.0.1:${pile.ports.site}`;
    const cookie = await ouvrirSession(pile, 'membre@exemple.test');
    const periodes = await peuplerCalendrier(pile);
    const m = await mesurerCalendrier(base, cookie, enParallele);
    console.log(decrireCalendrier(periodes, m));
  } finally {
    await pile.arreter();
  }
}
