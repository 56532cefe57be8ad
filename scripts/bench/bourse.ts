// Mesure de la bourse aux places : 5 000 organisations au carnet, 500 offres ouvertes (et 100 complètes),
// 200 recherches ouvertes ; POST /api/bourse/recherche (offres) et /api/bourse/recherches/filtre, p50 / p95
// une requête à la fois puis 10 en parallèle, et poids des réponses. `npm run bench -- bourse`.
import { gzipSync } from 'node:zlib';
import { demarrerPileDeTest } from '../../local/tests/pile-test.ts';
import { ouvrirSession, type EnParallele } from './commun.ts';

const COMMUNES = `('11069','Carcassonne','11'),('11262','Narbonne','11'),('30189','Nîmes','30'),('30007','Alès','30'),
  ('34172','Montpellier','34'),('34032','Béziers','34'),('34301','Sète','34'),('48095','Mende','48'),('66136','Perpignan','66'),('66149','Prades','66')`;
const NAF = `array['45.20A','10.71C','55.10Z','47.11F','56.10A','43.21A','86.10Z','49.41A','25.62B','96.02A']`;

/** Remplit le carnet et la bourse (organisations et offres fictives). */
async function peupler(db: { exec(sql: string): Promise<unknown> }) {
  await db.exec(`
    insert into prive.organisations (nom, code_naf, commune_insee, commune_nom, departement, taille)
    select 'Organisation de mesure ' || g || ' (fictive)', (${NAF})[1 + g % 10], c.code, c.nom, c.dep, '10-49'
      from generate_series(1, 5000) g
      join (select row_number() over () - 1 as i, * from (values ${COMMUNES}) v(code, nom, dep)) c on c.i = g % 10;
    insert into prive.offres_places (organisation_id, membre_id, uai, formation, debut, fin, places, places_reservees, conditions, cree_le)
    select o.id, m.id, m.uai, (array['CAP Maintenance des véhicules','CAP Boulanger','CAP Cuisine','Bac pro Commerce','Bac pro MELEC'])[1 + g % 5],
           current_date + 1 + g % 150, current_date + 29 + g % 150, 1 + g % 3, case when g > 500 then 1 + g % 3 else 0 end,
           case when g % 4 = 0 then 'Permis B souhaité' end, now() - (g % 30) * interval '1 day'
      from generate_series(1, 600) g
      join lateral (select id from prive.organisations where nom like 'Organisation de mesure%' order by nom offset g * 7 limit 1) o on true
      join lateral (select id, uai from prive.membres where uai is not null order by email offset g % 12 limit 1) m on true;
    insert into prive.recherches_places (membre_id, uai, formation, niveau, debut, fin, commune_insee, commune_nom, departement, eleves)
    select m.id, m.uai, (array['CAP Maintenance des véhicules','CAP Boulanger','CAP Cuisine','Bac pro Commerce','Bac pro MELEC'])[1 + g % 5], 'Première',
           current_date + 1 + g % 150, current_date + 29 + g % 150, c.code, c.nom, c.dep, 1 + g % 4
      from generate_series(1, 200) g
      join (select row_number() over () - 1 as i, * from (values ${COMMUNES}) v(code, nom, dep)) c on c.i = g % 10
      join lateral (select id, uai from prive.membres where uai is not null order by email offset g % 12 limit 1) m on true;`);
}

/** Les mesures, sur une pile locale isolée (PGlite, ou PostgreSQL avec genre). */
export async function mesurerBourse(enParallele: EnParallele, genre: 'pglite' | 'postgres' = 'pglite') {
  const pile = await demarrerPileDeTest({ site: true, genre });
  const base = `http://127.0.0.1:${pile.ports.site}`;
  const json = { 'content-type': 'application/json' };
  try {
    await peupler(pile.db);
    const cookie = await ouvrirSession(pile, 'membre@exemple.test');
    const dans = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    const cas: [string, string, object][] = [
      ['offres, sans filtre (50 premières)', '/api/bourse/recherche', {}],
      ['offres, secteur + département', '/api/bourse/recherche', { naf: '45', departement: '30' }],
      ['offres, secteur + commune', '/api/bourse/recherche', { naf: '10', commune: '34172' }],
      ['offres, formation + période', '/api/bourse/recherche', { formation: 'cuisine', du: dans(30), au: dans(60) }],
      ['offres, complètes comprises', '/api/bourse/recherche', { departement: '34', libres: false }],
      ['recherches, sans filtre (50 premières)', '/api/bourse/recherches/filtre', {}],
      ['recherches, département + période', '/api/bourse/recherches/filtre', { departement: '11', du: dans(30), au: dans(90) }],
    ];
    const lignes: string[] = [];
    for (const [libelle, chemin, corps] of cas) {
      const appel = () => fetch(`${base}${chemin}`, { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify(corps) });
      let octets = 0;
      let gzip = 0;
      let n = 0;
      for (let i = 0; i < 5; i++) {
        const r = await appel();
        if (r.status !== 200) throw new Error(`${libelle} : ${r.status} ${await r.text()}`);
        const b = Buffer.from(await r.arrayBuffer());
        octets = b.length;
        gzip = gzipSync(b).length;
        // Une page et le total : { total, offres } ou { total, recherches }.
        const lu = JSON.parse(b.toString()) as { offres?: unknown[]; recherches?: unknown[] };
        n = (lu.offres ?? lu.recherches ?? []).length;
      }
      const requete = async () => {
        const r = await appel();
        if (r.status !== 200) throw new Error(`${libelle} : ${r.status}`);
        await r.arrayBuffer();
      };
      const seule = await enParallele(50, 1, requete);
      const dix = await enParallele(100, 10, requete);
      const ms = (x: number) => `${x.toFixed(1)} ms`;
      lignes.push(
        `  ${libelle.padEnd(38)} ${String(n).padStart(3)} résultats, ${(octets / 1024).toFixed(1)} Ko (gzip ${(gzip / 1024).toFixed(1)} Ko) ; ` +
          `1 à la fois p50 ${ms(seule.p50)} p95 ${ms(seule.p95)} ; 10 en // p50 ${ms(dix.p50)} p95 ${ms(dix.p95)}`,
      );
    }
    return lignes;
  } finally {
    await pile.arreter();
  }
}
