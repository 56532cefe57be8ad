import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { lireHistorique } from './derniere-modification.ts';

const dossier = mkdtempSync(join(tmpdir(), 'rbde-git-'));
const depot = join(dossier, 'depot');
const git = (cwd: string, args: string[], date = '2026-01-01T10:00:00Z') =>
  execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@exemple.test', '-c', 'commit.gpgsign=false', ...args], {
    cwd,
    env: { ...process.env, GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    stdio: 'ignore',
  });

mkdirSync(join(depot, 'content', 'guides'), { recursive: true });
git(depot, ['init', '-q']);
writeFileSync(join(depot, 'content', 'guides', 'a.mdx'), 'a');
writeFileSync(join(depot, 'content', 'guides', 'été.mdx'), 'b');
git(depot, ['add', '-A']);
git(depot, ['commit', '-qm', 'un'], '2026-01-01T10:00:00Z');
writeFileSync(join(depot, 'content', 'guides', 'a.mdx'), 'a modifié');
git(depot, ['commit', '-qam', 'deux'], '2026-02-01T10:00:00Z');
afterAll(() => rmSync(dossier, { recursive: true, force: true }));

describe('historique git lu en une fois', () => {
  test('donne pour chaque fichier la date du dernier commit qui l’a touché', () => {
    const { dates } = lireHistorique(depot);
    expect(dates.get('content/guides/a.mdx')?.toISOString()).toBe('2026-02-01T10:00:00.000Z');
    expect(dates.get('content/guides/été.mdx')?.toISOString()).toBe('2026-01-01T10:00:00.000Z');
  });

  test('ne connaît pas un fichier non suivi', () => {
    writeFileSync(join(depot, 'content', 'guides', 'nouveau.mdx'), 'n');
    expect(lireHistorique(depot).dates.get('content/guides/nouveau.mdx')).toBeUndefined();
  });

  test('hors d’un dépôt : aucune date', () => {
    const ailleurs = mkdtempSync(join(tmpdir(), 'rbde-sans-git-'));
    try {
      expect(lireHistorique(ailleurs).racine).toBe('');
    } finally {
      rmSync(ailleurs, { recursive: true, force: true });
    }
  });

  test('clone superficiel : la date d’un fichier qui tombe sur la limite du clone est inconnue', () => {
    const clone = join(dossier, 'clone');
    git(dossier, ['clone', '-q', '--depth', '1', `file://${depot}`, clone]);
    const { dates } = lireHistorique(clone);
    expect(dates.has('content/guides/été.mdx')).toBe(true);
    expect(dates.get('content/guides/été.mdx')).toBeNull();
  });
});
