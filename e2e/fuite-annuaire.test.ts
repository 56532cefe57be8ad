// Aucune donnée de membre dans le site construit : chaque fichier de dist/ (pages, scripts, index
// Pagefind, décompressé s'il est en gzip) est parcouru à la recherche des noms, adresses et téléphones
// des membres de démonstration (seed.sql). Le site est construit par « npm test » (npm run build) avant
// les tests navigateur ; ce test le lit tel quel.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../local/base/base.ts';
import { creerBaseDeTest } from '../local/tests/base-test.ts';
import { verifierSiteConstruit } from './outils.ts';

const DIST = join(import.meta.dirname, '..', 'dist');

function* fichiers(dossier: string): Generator<string> {
  for (const nom of readdirSync(dossier)) {
    const chemin = join(dossier, nom);
    if (statSync(chemin).isDirectory()) yield* fichiers(chemin);
    else yield chemin;
  }
}

/** Le texte d'un fichier, décompressé s'il commence par l'en-tête gzip (index et fragments Pagefind). */
function texteDe(chemin: string): string {
  const brut = readFileSync(chemin);
  const morceaux = [brut.toString('utf8')];
  if (brut[0] === 0x1f && brut[1] === 0x8b) {
    try {
      morceaux.push(gunzipSync(brut).toString('utf8'));
    } catch {
      /* pas du gzip finalement */
    }
  }
  return morceaux.join('\n');
}

/** Les fichiers du dossier qui contiennent l'un des motifs (sans tenir compte de la casse). */
export function chercherFuites(dossier: string, motifs: string[]): string[] {
  const trouves: string[] = [];
  const minuscules = motifs.map((m) => m.toLowerCase());
  for (const f of fichiers(dossier)) {
    const t = texteDe(f).toLowerCase();
    for (const [i, m] of minuscules.entries()) if (t.includes(m)) trouves.push(`${relative(dossier, f)} : « ${motifs[i]} »`);
  }
  return trouves;
}

describe('aucune donnée de membre dans dist/', () => {
  let db: Database;
  let motifs: string[];
  beforeAll(async () => {
    verifierSiteConstruit();
    db = await creerBaseDeTest();
    const { rows } = await db.query<{ prenom: string; nom: string; email: string; telephone: string | null; presentation: string | null }>(
      'select prenom, nom, email, telephone, presentation from prive.membres',
    );
    motifs = rows.flatMap((m) => [
      `${m.prenom} ${m.nom}`,
      `${m.nom} ${m.prenom}`,
      m.email,
      ...(m.telephone ? [m.telephone, m.telephone.replace(/\D/g, '')] : []),
      ...(m.presentation ? [m.presentation] : []),
    ]);
  });
  afterAll(() => db?.close());

  test('le détecteur trouve un nom dans un fichier gzip (comme les fragments Pagefind) : il peut échouer', () => {
    const essai = mkdtempSync(join(tmpdir(), 'rbde-fuite-'));
    try {
      writeFileSync(join(essai, 'fragment.pf_fragment'), gzipSync(Buffer.from('{"content":"Contactez Alice Martin"}')));
      writeFileSync(join(essai, 'page.html'), '<p>Rien ici</p>');
      expect(chercherFuites(essai, ['Alice Martin', '04 00 00 00 03'])).toEqual(['fragment.pf_fragment : « Alice Martin »']);
    } finally {
      rmSync(essai, { recursive: true, force: true });
    }
  });

  test('les membres de démonstration sont bien là à chercher (noms, adresses, téléphones)', () => {
    expect(motifs).toEqual(expect.arrayContaining(['Alice Martin', 'alice.martin@exemple.test', '04 00 00 00 03', '0400000003']));
  });

  test('les pages de guide portent l’îlot « Qui contacter » mais aucun nom, adresse ni téléphone de membre', () => {
    const guides = [...fichiers(join(DIST, 'guides'))].filter((f) => f.endsWith('index.html'));
    const avecIlot = guides.filter((f) => readFileSync(f, 'utf8').includes('QuiContacter'));
    expect(avecIlot.length).toBeGreaterThan(5);
    expect(chercherFuites(DIST, motifs)).toEqual([]);
  });

  test('l’index Pagefind a bien été parcouru', () => {
    const pagefind = [...fichiers(join(DIST, 'pagefind'))];
    expect(pagefind.some((f) => f.endsWith('.pf_fragment'))).toBe(true);
  });
});
