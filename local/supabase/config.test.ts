// supabase/config.toml : lu par les remplaçants comme la CLI le pousserait ; un réglage manquant
// arrête tout avec un message en français.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { dureeGo, envConfigLocal, FICHIER_CONFIG, lireConfigSupabase, rendreModele } from './config.ts';

const dossiers: string[] = [];
afterAll(() => dossiers.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Un projet jetable (supabase/config.toml + templates) dont config.toml est transformé. */
function projetAvec(transformer: (toml: string) => string): string {
  const racine = mkdtempSync(join(tmpdir(), 'rbde-config-'));
  dossiers.push(racine);
  mkdirSync(join(racine, 'supabase'));
  cpSync(join(FICHIER_CONFIG, '..', 'templates'), join(racine, 'supabase', 'templates'), { recursive: true });
  const fichier = join(racine, 'supabase', 'config.toml');
  writeFileSync(fichier, transformer(readFileSync(FICHIER_CONFIG, 'utf8')));
  return fichier;
}

describe('supabase/config.toml du projet', () => {
  const c = lireConfigSupabase();

  test('expose le seul schéma api et coupe les inscriptions, sans couper la connexion par e-mail', () => {
    expect(c.api.schemas).toEqual(['api']);
    expect(c.auth.enable_signup).toBe(false);
    // [auth.email] enable_signup est l'interrupteur du fournisseur e-mail (EXTERNAL_EMAIL_ENABLED).
    expect(c.auth.email.enable_signup).toBe(true);
    expect(c.auth.email.smtp.enabled).toBe(true);
  });

  test('codes de 6 à 10 chiffres valables 10 minutes, un par minute ; jetons d’une heure', () => {
    expect(c.auth.email.otp_length).toBeGreaterThanOrEqual(6);
    expect(c.auth.email.otp_expiry).toBe(600);
    expect(c.frequenceMaxCodes).toBe(60);
    expect(c.auth.jwt_expiry).toBe(3600);
    expect(c.auth.refresh_token_reuse_interval).toBe(10);
  });

  test('les secrets SMTP viennent de env(), jamais écrits dans le fichier', () => {
    const brut = readFileSync(FICHIER_CONFIG, 'utf8');
    for (const cle of ['host', 'port', 'user', 'pass', 'admin_email']) expect(brut).toMatch(new RegExp(`^${cle} = "env\\(SMTP_[A-Z_]+\\)"$`, 'm'));
    expect(brut).toMatch(/^site_url = "env\(SITE_URL\)"$/m);
  });

  test.each(['magic_link', 'confirmation'] as const)('le modèle %s est en français, porte {{ .Token }} et aucun lien', (nom) => {
    const { contenu, sujet } = c.modeles[nom];
    expect(contenu).toContain('<html lang="fr">');
    expect(contenu).toMatch(/\{\{ \.Token \}\}/);
    expect(contenu).not.toMatch(/ConfirmationURL|TokenHash|RedirectTo|SiteURL|href|https?:/);
    expect(sujet).toMatch(/code/);
    // La durée écrite dans le courriel est celle de otp_expiry.
    expect(contenu).toContain(`valable ${c.auth.email.otp_expiry / 60}&nbsp;minutes`);
  });
});

describe('lecture de config.toml', () => {
  test('un réglage absent est une erreur en français qui le nomme', () => {
    const fichier = projetAvec((t) => t.replace(/^otp_expiry = .*$/m, ''));
    expect(() => lireConfigSupabase({ fichier })).toThrow(/réglage manquant : auth\.email\.otp_expiry/);
  });

  test('une section absente aussi', () => {
    const fichier = projetAvec((t) => t.replace(/\[auth\.rate_limit\][^[]*/, ''));
    expect(() => lireConfigSupabase({ fichier })).toThrow(/réglage manquant : auth\.rate_limit/);
  });

  test('otp_length hors de 6 à 10 est refusé', () => {
    const fichier = projetAvec((t) => t.replace(/^otp_length = .*$/m, 'otp_length = 4'));
    expect(() => lireConfigSupabase({ fichier })).toThrow(/auth\.email\.otp_length doit valoir au moins 6/);
  });

  test('max_frequency doit être une durée Go', () => {
    const fichier = projetAvec((t) => t.replace(/^max_frequency = .*$/m, 'max_frequency = "une minute"'));
    expect(() => lireConfigSupabase({ fichier })).toThrow(/max_frequency doit être une durée/);
  });

  test('env(NOM) sans valeur est une erreur qui nomme la variable', () => {
    const { SMTP_PASS: _, ...sansMotDePasse } = envConfigLocal();
    expect(() => lireConfigSupabase({ env: sansMotDePasse })).toThrow(/auth\.email\.smtp\.pass vaut env\(SMTP_PASS\), mais la variable SMTP_PASS n’a pas de valeur/);
  });

  test('env(NOM) est remplacé, y compris pour un nombre', () => {
    const c = lireConfigSupabase({ env: { ...envConfigLocal(), SMTP_PORT: '2525', SITE_URL: 'https://rbde.exemple.test' } });
    expect(c.auth.email.smtp.port).toBe(2525);
    expect(c.auth.site_url).toBe('https://rbde.exemple.test');
  });

  test('un modèle introuvable est nommé', () => {
    const fichier = projetAvec((t) => t.replace('./supabase/templates/magic_link.html', './supabase/templates/absent.html'));
    expect(() => lireConfigSupabase({ fichier })).toThrow(/auth\.email\.template\.magic_link\.content_path désigne .*absent\.html, introuvable/);
  });
});

describe('rendu des modèles de courriel', () => {
  test('remplace {{ .Token }}, {{ .Email }}, {{ .SiteURL }} et échappe le HTML', () => {
    expect(rendreModele('<p>{{ .Token }}</p><p>{{.Email}}</p><p>{{ .SiteURL }}</p>', { Token: '123456', Email: 'a&b@exemple.test', SiteURL: 'https://x.test' })).toBe(
      '<p>123456</p><p>a&amp;b@exemple.test</p><p>https://x.test</p>',
    );
  });

  test('refuse une construction qu’il ne sait pas rendre plutôt que de l’envoyer telle quelle', () => {
    expect(() => rendreModele('{{ if .Data }}x{{ end }}', { Token: '1' })).toThrow(/n’est pas pris en charge/);
  });
});

describe('durées au format Go', () => {
  test.each([
    ['60s', 60],
    ['1m', 60],
    ['1m30s', 90],
    ['1h', 3600],
    ['500ms', 0.5],
  ])('%s = %d s', (texte, secondes) => expect(dureeGo(texte)).toBe(secondes));
  test('refuse un texte qui n’est pas une durée', () => expect(dureeGo('60')).toBeNull());
});
