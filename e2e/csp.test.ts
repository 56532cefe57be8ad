// La politique de sécurité du contenu, dans Chromium, sur le site construit servi avec les en-têtes de
// netlify.toml : les pages la respectent, et une page qui l'enfreint est bien prise (les autres tests
// navigateur échouent donc sur toute violation, relevée par surveillerErreurs).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { attendreResultats, PREFIXE_VIOLATION_CSP, utiliserPageUnique } from './outils.ts';

const DIST = join(import.meta.dirname, '..', 'dist');
const pagesHtml = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? pagesHtml(join(d, e.name)) : e.name.endsWith('.html') ? [join(d, e.name)] : []));

describe('CSP des pages construites', () => {
  test('chaque page porte la politique <meta> d’Astro, sans « unsafe-inline » pour les scripts ni les styles, avant tout script ou style', () => {
    const pages = pagesHtml(DIST);
    expect(pages.length).toBeGreaterThan(10);
    const fautes: string[] = [];
    for (const fichier of pages) {
      const html = readFileSync(fichier, 'utf8');
      const nom = fichier.slice(DIST.length);
      const meta = html.match(/<meta http-equiv="content-security-policy" content="([^"]*)"/);
      if (!meta) {
        fautes.push(`${nom} : pas de <meta http-equiv="content-security-policy">`);
        continue;
      }
      const directives = new Map(
        meta[1]!
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .filter((d) => d[0])
          .map(([nomD, ...v]) => [nomD!, v]),
      );
      for (const d of ['script-src', 'style-src']) {
        if (!directives.has(d)) fautes.push(`${nom} : ${d} absent`);
        if (directives.get(d)?.includes("'unsafe-inline'")) fautes.push(`${nom} : ${d} contient 'unsafe-inline'`);
      }
      const position = html.indexOf('http-equiv="content-security-policy"');
      const premier = Math.min(...['<script', '<style', '<link rel="stylesheet"'].map((b) => html.indexOf(b)).filter((i) => i >= 0));
      if (position > premier) fautes.push(`${nom} : la balise <meta> CSP vient après un script ou un style`);
    }
    expect(fautes).toEqual([]);
  });

  test('chaque script et style en ligne de chaque page a son empreinte dans la politique de la page ; aucun attribut style= ni on…=', () => {
    const fautes: string[] = [];
    let verifies = 0;
    for (const fichier of pagesHtml(DIST)) {
      const html = readFileSync(fichier, 'utf8');
      const nom = fichier.slice(DIST.length);
      const politique = html.match(/<meta http-equiv="content-security-policy" content="([^"]*)"/)?.[1] ?? '';
      const sources = (d: string) =>
        politique
          .split(';')
          .map((x) => x.trim())
          .find((x) => x.startsWith(`${d} `))
          ?.split(/\s+/) ?? [];
      for (const [balise, directive] of [
        ['script', 'script-src'],
        ['style', 'style-src'],
      ] as const) {
        for (const m of html.matchAll(new RegExp(`<${balise}(\\s[^>]*)?>([\\s\\S]*?)</${balise}>`, 'g'))) {
          if (/\ssrc=/.test(m[1] ?? '') || (balise === 'script' && /type="application\/(ld\+)?json"/.test(m[1] ?? ''))) continue;
          verifies++;
          const empreinte = `'sha256-${createHash('sha256').update(m[2]!).digest('base64')}'`;
          if (!sources(directive).includes(empreinte)) fautes.push(`${nom} : <${balise}> en ligne sans empreinte dans ${directive} (${m[2]!.slice(0, 60)}…)`);
        }
      }
      for (const m of html.matchAll(/<[a-z][^>]*\s(style|on[a-z]+)="/g)) fautes.push(`${nom} : attribut ${m[1]}= refusé par la CSP (${m[0].slice(0, 60)})`);
    }
    expect(verifies).toBeGreaterThan(0);
    expect(fautes).toEqual([]);
  });
});

describe('CSP dans le navigateur', () => {
  const env = utiliserPageUnique('violations de la CSP, erreurs JavaScript ou ressources en échec');

  test('la page reçoit l’en-tête de netlify.toml (frame-ancestors) en plus de la politique <meta>', async () => {
    const reponse = await env.page.goto('/guides/');
    expect(reponse?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(await env.page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content')).toContain('sha256-');
  });

  test('la recherche compile le WebAssembly de Pagefind dans la page (sans worker), sans repli ni violation', async () => {
    const { page } = env;
    const avertissements: string[] = [];
    const wasm: string[] = [];
    const ecouter = (m: { type(): string; text(): string }) => {
      if (m.type() === 'warning' && /pagefind/i.test(m.text())) avertissements.push(m.text());
    };
    const requete = (r: { url(): string }) => {
      if (/\/pagefind\/wasm\.[^/]+\.pagefind$/.test(new URL(r.url()).pathname)) wasm.push(r.url());
    };
    page.on('console', ecouter);
    page.on('request', requete);
    try {
      await page.goto('/recherche/?q=convention');
      const resultats = await attendreResultats(page);
      expect(resultats.length).toBeGreaterThan(0);
      // Le module WebAssembly de Pagefind a été chargé et compilé (la page a 'wasm-unsafe-eval') ;
      // une violation de CSP ferait échouer le test par le relevé commun des erreurs.
      expect(wasm.length).toBeGreaterThan(0);
      expect(avertissements).toEqual([]);
    } finally {
      page.off('console', ecouter);
      page.off('request', requete);
    }
  });

  test('un script en ligne ajouté à une page servie est refusé, et la violation est relevée', async () => {
    const { page, erreurs } = env;
    // La vraie page, avec ses vrais en-têtes, plus un script en ligne inconnu juste avant </body>.
    await page.route('**/glossaire/', async (route) => {
      const reponse = await route.fetch();
      const html = (await reponse.text()).replace('</body>', '<script>window.scriptInjecte = true;</script></body>');
      await route.fulfill({ response: reponse, body: html });
    });
    try {
      await page.goto('/glossaire/');
      await page.waitForFunction(() => document.readyState === 'complete');
      expect(await page.evaluate(() => (window as { scriptInjecte?: boolean }).scriptInjecte)).toBeUndefined();
      await expect.poll(() => erreurs.some((e) => e.includes(PREFIXE_VIOLATION_CSP) && e.includes('script-src'))).toBe(true);
    } finally {
      await page.unroute('**/glossaire/');
      erreurs.splice(0); // violation voulue : elle ne fait pas échouer ce test-ci
    }
  });

  test('une page du site ne s’affiche dans aucun cadre, même du site (frame-ancestors, en-tête seulement)', async () => {
    const { page, erreurs } = env;
    await page.goto('/guides/');
    try {
      // Un autre site local serait arrêté avant (contrôles d'accès au réseau local de Chromium) :
      // le cadre vient donc du site lui-même, que frame-ancestors 'none' refuse aussi.
      await page.evaluate(() => {
        const cadre = document.createElement('iframe');
        cadre.src = '/glossaire/';
        document.body.append(cadre);
      });
      await expect.poll(() => erreurs.some((e) => e.includes("frame-ancestors 'none'"))).toBe(true);
      const cadre = page.frames().find((f) => f !== page.mainFrame());
      expect(cadre?.url()).not.toContain('/glossaire/');
    } finally {
      erreurs.splice(0); // violation voulue
    }
  });
});
