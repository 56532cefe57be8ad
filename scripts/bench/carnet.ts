// Mesure du carnet des entreprises (npm run bench -- carnet) : 5 000 organisations et 500 offres ouvertes
// sur une pile locale isolée (PGlite) ; liste et recherches (POST /api/carnet/resultats) p50 / p95 et poids
// de la réponse ; vérification d'un import de 500 lignes contre le carnet ; démarrage à froid d'une fonction
// qui charge les communes (index compact contre JSON complet du paquet). Chiffres indicatifs (2 cœurs).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { PileDeTest } from '../../local/tests/pile-test.ts';
import type { Centiles, EnParallele } from './commun.ts';
import { communeParCode } from '../../src/lib/referentiels.ts';
import communes from '../../src/lib/communes.gen.json' with { type: 'json' };

const racine = join(import.meta.dirname, '..', '..');

const NAF = ['45.20A', '10.71C', '55.10Z', '56.10A', '16.23Z', '47.73Z', '96.02A', '18.12Z', '43.22A', '43.21A', '47.11F', '86.23Z', '88.91A', '81.21Z'];
const METIERS = ['Garage', 'Boulangerie', 'Hôtel', 'Restaurant', 'Menuiserie', 'Pharmacie', 'Salon de coiffure', 'Imprimerie', 'Plomberie', 'Électricité'];
const LIEUX = ['du Midi', 'des Garrigues', 'de la Place', 'du Port', 'des Cévennes', 'du Canal', 'de l’Étang', 'des Remparts', 'du Lez', 'de la Cité'];

/** 5 000 organisations fictives dans les communes des 5 départements, un contact et un lien chacune, 500 offres ouvertes. */
export async function peuplerCarnet(pile: PileDeTest, nombre = 5000, offres = 500): Promise<number> {
  const lieux = (communes as [string, string, string, string][]).filter(([, , d]) => ['11', '30', '34', '48', '66'].includes(d)).map(([c, n, d]) => [c, n, d]);
  await pile.db.query(
    `insert into prive.organisations (nom, code_naf, commune_insee, commune_nom, departement, adresse, taille, dernier_contact)
     select $1::jsonb ->> (g % 10) || ' ' || ($2::jsonb ->> ((g / 10) % 10)) || ' ' || g || ' (fictif)',
            $3::jsonb ->> (g % jsonb_array_length($3::jsonb)),
            l ->> 0, l ->> 1, l ->> 2, g || ' rue des Mesures', (array['0-9','10-49','50-249','250+'])[1 + g % 4]::prive.taille_organisation,
            current_date - (g % 900)
       from generate_series(1, $4::int) g
       cross join lateral (select $5::jsonb -> ((g * 7919) % jsonb_array_length($5::jsonb)) as l) x`,
    [JSON.stringify(METIERS), JSON.stringify(LIEUX), JSON.stringify(NAF), nombre, JSON.stringify(lieux)],
  );
  await pile.db.exec(`
    insert into prive.contacts (organisation_id, nom, fonction, telephone, email)
    select id, 'Contact de mesure', 'Tuteur', '04 00 00 00 00', 'contact-' || left(id::text, 8) || '@exemple.test' from prive.organisations where adresse like '% rue des Mesures';
    insert into prive.partenariats (organisation_id, uai, formation)
    select o.id, e.uai, (array['CAP Maintenance des véhicules','CAP Boulanger','Bac pro Cuisine','CAP Menuisier','Bac pro Commerce'])[1 + abs(hashtext(o.id::text)) % 5]
      from prive.organisations o
      cross join lateral (select uai from prive.etablissements order by hashtext(o.id::text || uai) limit 1) e
     where o.adresse like '% rue des Mesures'
    on conflict do nothing;
    insert into prive.offres_places (organisation_id, membre_id, uai, formation, debut, fin, places, places_reservees)
    select o.id, m.id, m.uai, 'CAP Maintenance des véhicules', current_date + 10 + (n % 120)::int, current_date + 38 + (n % 120)::int, 1 + (n % 3)::int, (n % 5 = 0)::int
      from (select id, row_number() over (order by id) as n from prive.organisations where adresse like '% rue des Mesures' limit ${offres}) o
      cross join lateral (select id, uai from prive.membres where uai is not null order by hashtext(o.id::text || id::text) limit 1) m;
    analyze;`);
  return (await pile.db.query<{ n: number }>('select count(*)::int as n from prive.organisations')).rows[0]!.n;
}

async function poids(reponse: Response) {
  const corps = Buffer.from(await reponse.arrayBuffer());
  return { octets: corps.length, gzip: gzipSync(corps).length };
}

/** Les requêtes mesurées : chacune 20 fois seule, puis 100 fois dont 10 en parallèle. */
export async function mesurerCarnet(base: string, cookie: string, enParallele: EnParallele) {
  const entetes = { cookie, 'content-type': 'application/json' };
  const dans = (j: number) => new Date(Date.now() + j * 86_400_000).toISOString().slice(0, 10);
  const cas: [string, string, Record<string, unknown>][] = [
    ['liste (1re page de 50, total, départements)', '/api/carnet/resultats', {}],
    ['recherche par nom « garage midi »', '/api/carnet/resultats', { texte: 'garage midi' }],
    ['secteur 45 + Hérault', '/api/carnet/resultats', { naf: '45', departement: '34' }],
    ['formation + places libres + période', '/api/carnet/resultats', { formation: 'maintenance', places_libres: true, debut: dans(20), fin: dans(90) }],
    ['ancienne route /api/carnet/recherche (200)', '/api/carnet/recherche', {}],
  ];
  const mesures: Record<string, Centiles & { seule: Centiles; octets: number; gzip: number; total: number }> = {};
  for (const [libelle, chemin, corps] of cas) {
    const appel = () => fetch(`${base}${chemin}`, { method: 'POST', headers: entetes, body: JSON.stringify(corps) });
    const premiere = await appel();
    if (premiere.status !== 200) throw new Error(`${libelle} : ${premiere.status} ${await premiere.text()}`);
    const texte = await premiere.clone().text();
    const p = await poids(premiere);
    const json = JSON.parse(texte) as { total?: number } | unknown[];
    const requete = async () => {
      const r = await appel();
      if (r.status !== 200) throw new Error(`${libelle} : ${r.status}`);
      await r.arrayBuffer();
    };
    const seule = await enParallele(20, 1, requete);
    mesures[libelle] = { ...(await enParallele(100, 10, requete)), seule, ...p, total: Array.isArray(json) ? json.length : (json.total ?? 0) };
  }
  // Vérification d'un import de 500 lignes : schémas, communes, puis doublons contre les 5 000 fiches.
  const lignes = Array.from({ length: 500 }, (_, i) => ({
    numero: i + 2,
    valeurs: { nom: `${METIERS[i % 10]} ${LIEUX[(i >> 1) % 10]} ${i} (fictif)`, code_naf: NAF[i % NAF.length], commune: communeParCode('34172')!.nom },
  }));
  const verifier = (l: unknown[]) =>
    enParallele(3, 1, async () => {
      const r = await fetch(`${base}/api/carnet/import/verification`, { method: 'POST', headers: entetes, body: JSON.stringify({ lignes: l }) });
      if (r.status !== 200) throw new Error(`vérification : ${r.status} ${await r.text()}`);
      await r.arrayBuffer();
    });
  // Pire cas : les 500 lignes dans la même commune (toutes les paires se comparent) ; puis réparties sur les 5 départements.
  const verification = await verifier(lignes);
  const lieux = (communes as [string, string, string, string][]).filter(([, , d]) => ['11', '30', '34', '48', '66'].includes(d));
  const reparties = await verifier(lignes.map((l, i) => ({ ...l, valeurs: { ...l.valeurs, commune: lieux[(i * 7919) % lieux.length]![0] } })));
  return { mesures, verification, reparties };
}

/** Démarrage à froid : dans un processus neuf, durée du chargement mesurée dans le processus (médiane de 7) et tas. */
export function mesurerDemarrage() {
  const lancer = (chargement: string) => {
    const durees: number[] = [];
    let memoire = 0;
    for (let i = 0; i < 7; i++) {
      const code = `const t0 = performance.now(); ${chargement}; console.log(performance.now() - t0, (process.memoryUsage().heapUsed / 1048576).toFixed(0));`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: racine, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      const [ms, tas] = r.stdout.trim().split(/\s+/).slice(-2).map(Number);
      durees.push(ms!);
      memoire = tas!;
    }
    return { ms: durees.sort((a, b) => a - b)[3]!, memoire };
  };
  return {
    fonction: lancer(
      `await import('./functions/carnet-communes-chercher.ts'); const { chercherCommunes } = await import('./src/lib/referentiels.ts'); chercherCommunes('Montp')`,
    ),
    sansCommunes: lancer(`await import('./functions/moi-lire.ts')`),
    compact: lancer(`await import('./src/lib/communes.gen.json', { with: { type: 'json' } })`),
    complet: lancer(`await import('@etalab/decoupage-administratif/data/communes.json', { with: { type: 'json' } })`),
  };
}

/** Les lignes de résultat, en français. */
export function decrireCarnet(organisations: number, m: Awaited<ReturnType<typeof mesurerCarnet>>, d: ReturnType<typeof mesurerDemarrage>): string[] {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  const ko = (n: number) => `${(n / 1024).toFixed(1)} Ko`;
  return [
    `Carnet des entreprises, ${organisations} organisations, 500 offres ouvertes (PGlite) :`,
    ...Object.entries(m.mesures).map(
      ([libelle, x]) =>
        `  ${libelle.padEnd(46)} seule p50 ${ms(x.seule.p50)} p95 ${ms(x.seule.p95)} ; 100 req. 10 en // p50 ${ms(x.p50)} p95 ${ms(x.p95)} ; ` +
        `${x.total} trouvées, réponse ${ko(x.octets)} (${ko(x.gzip)} gzip)`,
    ),
    `  vérification d’un import de 500 lignes : toutes dans une commune p50 ${ms(m.verification.p50)} ; réparties dans les 5 départements p50 ${ms(m.reparties.p50)}`,
    `Démarrage à froid (processus neuf, chargement mesuré dans le processus, médiane de 7) :`,
    `  fonction carnet-communes-chercher + 1re recherche ${ms(d.fonction.ms)}, tas ${d.fonction.memoire} Mo ; une fonction sans communes (moi-lire) ${ms(d.sansCommunes.ms)}, tas ${d.sansCommunes.memoire} Mo`,
    `  index compact des communes (1,3 Mo) ${ms(d.compact.ms)}, tas ${d.compact.memoire} Mo ; JSON complet du paquet (8,6 Mo) ${ms(d.complet.ms)}, tas ${d.complet.memoire} Mo`,
  ];
}
