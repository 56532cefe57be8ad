// La rencontre de démonstration n'existe que sous « npm start » et dans les tests : une construction
// de production (sans RBDE_RENCONTRES_DEMO) n'en garde aucune trace, même après une construction de
// démonstration dans le même cache. La journée du 26 septembre 2023 y est, comme rencontre passée.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const racine = join(import.meta.dirname, '..');
const dossier = mkdtempSync(join(tmpdir(), 'rbde-construction-'));
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

function construire(dist: string, demo: boolean) {
  const { RBDE_RENCONTRES_DEMO: _d, CONTEXT: _c, ...env } = process.env;
  const r = spawnSync(process.execPath, [join(racine, 'scripts/construire.ts')], {
    cwd: racine,
    env: { ...env, RBDE_DIST: dist, ...(demo ? { RBDE_RENCONTRES_DEMO: '1' } : {}) },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`construction en échec : ${r.stderr}`);
}
const fichiers = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? fichiers(join(d, f)) : [join(d, f)]));

describe('construction et rencontre de démonstration', () => {
  test('la démonstration est construite sous RBDE_RENCONTRES_DEMO, et absente de la construction de production qui suit', () => {
    const demo = join(dossier, 'demo');
    const prod = join(dossier, 'prod');
    construire(demo, true);
    expect(existsSync(join(demo, 'rencontres/rencontre-demonstration/index.html'))).toBe(true);
    construire(prod, false);
    expect(existsSync(join(prod, 'rencontres/rencontre-demonstration'))).toBe(false);
    const traces = fichiers(prod).filter(
      (f) => /\.(html|xml|ics|js|json)$/.test(f) && /rencontre-demonstration|Rencontre de démonstration/.test(readFileSync(f, 'utf8')),
    );
    expect(traces).toEqual([]);
    const liste = readFileSync(join(prod, 'rencontres/index.html'), 'utf8');
    expect(liste).toContain('Journée académique des RBDE du 26 septembre 2023');
    const page = readFileSync(join(prod, 'rencontres/journee-academique-2023/index.html'), 'utf8');
    expect(page).toContain('Rencontre passée');
    expect(page).toContain('ne sont pas connus');
    expect(readFileSync(join(prod, 'rencontres/journee-academique-2023.ics'), 'utf8')).toContain('DTSTART;VALUE=DATE:20230926');
    expect(readFileSync(join(prod, 'rencontres/rss.xml'), 'utf8')).toContain('<title>Journée académique des RBDE du 26 septembre 2023</title>');
  }, 300_000);
});
