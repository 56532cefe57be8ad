// Parcours « Rencontres » dans Chromium, sur un site construit AVEC la rencontre de démonstration
// (RBDE_RENCONTRES_DEMO=1, dans un dossier temporaire : dist/ reste celui de la production) :
// Marie s'inscrit et reçoit son .ics, Alice prend la liste d'attente, Marie annule depuis la page du
// lien de son courriel, Alice est promue et prévenue ; l'organisateur pointe Alice et ouvre la feuille
// d'émargement. axe (clair et sombre) sur chaque page ; toute violation de la CSP fait échouer.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../local/tests/pile-test.ts';
import { dossiersRencontres, lireRencontres, publierRencontres } from '../scripts/publier-rencontres.ts';
import { fermerNavigateur, lancerNavigateur, nouveauContexte, surveillerErreurs, verifierAccessibilite } from './outils.ts';

const RACINE = join(import.meta.dirname, '..');
const dossier = mkdtempSync(join(tmpdir(), 'rbde-e2e-rencontres-'));
const DEMO = '/rencontres/rencontre-demonstration/';
let pile: PileDeTest;
let navigateur: Browser;
const ouverts: { contexte: BrowserContext; erreurs: string[] }[] = [];

beforeAll(async () => {
  const r = spawnSync(process.execPath, [join(RACINE, 'scripts/construire.ts')], {
    cwd: RACINE,
    env: { ...process.env, RBDE_DIST: join(dossier, 'dist'), RBDE_RENCONTRES_DEMO: '1' },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`construction de démonstration en échec : ${r.stderr}`);
  [pile, navigateur] = await Promise.all([demarrerPileDeTest({ site: true, dist: join(dossier, 'dist') }), lancerNavigateur()]);
  await publierRencontres(lireRencontres(dossiersRencontres({ demo: true })), (p) =>
    pile.db.transaction(async (tx) => {
      await tx.exec('set local role service_role');
      return (await tx.query<{ v: { promus: number } }>('select api.rencontre_publier($1) as v', [JSON.stringify(p)])).rows[0]!.v;
    }),
  );
}, 240_000);

afterAll(async () => {
  for (const o of ouverts) await o.contexte.close();
  await fermerNavigateur(navigateur);
  await pile?.arreter();
  rmSync(dossier, { recursive: true, force: true });
  for (const o of ouverts) expect(o.erreurs, 'erreurs JavaScript, CSP ou ressources en échec').toEqual([]);
});

/** Un navigateur (contexte) neuf ; connecté au nom de `email` par la page de connexion et le code reçu. */
async function connecte(email: string | null): Promise<Page> {
  const contexte = await nouveauContexte(navigateur, pile);
  const page = await contexte.newPage();
  ouverts.push({ contexte, erreurs: surveillerErreurs(page) });
  if (email) {
    // Par l'API de connexion, avec le cookie posé dans ce navigateur : le parcours de la page
    // /connexion/ est couvert par e2e/parcours.test.ts.
    const demande = await contexte.request.post('/api/auth/code', { data: { email } });
    expect(demande.status()).toBe(202);
    const session = await contexte.request.post('/api/auth/session', { data: { email, code: await pile.dernierCode(email) } });
    expect(session.status()).toBe(201);
  }
  return page;
}

/** Le courriel n° n reçu par `a` hors codes de connexion. */
async function courriel(a: string, n: number) {
  for (let i = 0; i < 100; i++) {
    const m = pile.messages.filter((x) => x.a.includes(a) && !x.code);
    if (m.length >= n) return m[n - 1]!;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Aucun courriel n° ${n} pour ${a}`);
}
const ics = (brut: string) => {
  const m = /Content-Type: text\/calendar[\s\S]*?\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/.exec(brut);
  return m
    ? Buffer.from(m[1]!.replace(/\s/g, ''), 'base64')
        .toString('utf8')
        .replace(/\r?\n[ \t]/g, '')
    : '';
};

describe('Rencontres', () => {
  test('inscription, liste d’attente, annulation depuis le lien du courriel, promotion prévenue, pointage par l’organisateur', async () => {
    // Sans session : la liste et la page se lisent ; le formulaire propose de se connecter.
    const visiteur = await connecte(null);
    await visiteur.goto('/rencontres/');
    await visiteur.getByRole('heading', { name: 'À venir' }).waitFor();
    await verifierAccessibilite(visiteur, 'liste des rencontres');
    await visiteur.getByRole('link', { name: 'Rencontre de démonstration (fictive)' }).click();
    await visiteur.waitForURL(`**${DEMO}`);
    await visiteur.getByRole('link', { name: 'Se connecter pour s’inscrire' }).waitFor();
    await visiteur.getByText(/1 place — 1 place restante/).waitFor();
    await verifierAccessibilite(visiteur, 'page de la rencontre, sans session');
    await visiteur.goto('/rencontres/journee-academique-2023/');
    await visiteur.getByText('Rencontre passée').waitFor();
    await verifierAccessibilite(visiteur, 'rencontre passée');

    // Marie s'inscrit : dernière place de l'atelier à une place.
    const marie = await connecte('membre@exemple.test');
    await marie.goto(DEMO);
    const premierContact = marie.getByRole('radio', { name: /Préparer un premier contact avec une entreprise/ });
    await expect.poll(() => premierContact.isEnabled()).toBe(true);
    // Les cases du DSFR se cochent par leur libellé, comme le fait une personne.
    await marie.locator('label', { hasText: 'Préparer un premier contact avec une entreprise' }).click();
    await marie.locator('label', { hasText: 'Animer un réseau d’anciens élèves' }).click();
    await marie.locator('label', { hasText: 'Je déjeune sur place' }).click();
    expect(await premierContact.isChecked()).toBe(true);
    await verifierAccessibilite(marie, 'formulaire d’inscription rempli');
    await marie.getByRole('button', { name: 'M’inscrire' }).click();
    await marie.getByText(/Inscription enregistrée\. Un courriel de confirmation vous a été envoyé\./).waitFor();
    await marie.getByText(/« Préparer un premier contact avec une entreprise » — Place confirmée/).waitFor();
    const confirmation = await courriel('membre@exemple.test', 1);
    expect(confirmation.objet).toBe('Inscription enregistrée : Rencontre de démonstration (fictive)');
    expect(ics(confirmation.brut)).toMatch(/BEGIN:VEVENT[\s\S]*Préparer un premier contact avec une entreprise[\s\S]*END:VEVENT/);

    // Alice arrive après : l'atelier est complet, elle part en liste d'attente.
    const alice = await connecte('alice.martin@exemple.test');
    await alice.goto(DEMO);
    await alice.getByText(/Complet : liste d’attente/).waitFor();
    const radioAlice = alice.getByRole('radio', { name: /Préparer un premier contact avec une entreprise/ });
    await expect.poll(() => radioAlice.isEnabled()).toBe(true);
    await alice.locator('label', { hasText: 'Préparer un premier contact avec une entreprise' }).click();
    await alice.getByRole('button', { name: 'M’inscrire' }).click();
    await alice.getByText(/Vous êtes en liste d’attente pour « Préparer un premier contact avec une entreprise » \(position 1\)/).waitFor();
    await verifierAccessibilite(alice, 'inscription en liste d’attente');

    // Marie suit le lien de son courriel : la page ne change rien tant qu'elle ne clique pas.
    const lien = /https?:\/\/\S+\/rencontres\/rencontre-demonstration\/inscription\//.exec(confirmation.brut.replace(/=\r?\n/g, ''))?.[0];
    expect(lien).toBeTruthy();
    await marie.goto(new URL(lien!).pathname);
    await marie.getByRole('heading', { name: 'Mon inscription', level: 1 }).waitFor();
    await marie.getByRole('button', { name: 'Annuler mon inscription' }).waitFor();
    expect(pile.messages.filter((x) => x.a.includes('alice.martin@exemple.test') && !x.code)).toHaveLength(1);
    await verifierAccessibilite(marie, 'gestion de l’inscription (lien du courriel)');
    await marie.getByRole('button', { name: 'Annuler mon inscription' }).click();
    await marie.getByRole('button', { name: 'Confirmer l’annulation' }).click();
    await marie.getByText(/Votre inscription est annulée/).waitFor();

    // Alice est promue et prévenue ; « Mon espace » le montre.
    const promotion = await courriel('alice.martin@exemple.test', 2);
    expect(promotion.objet).toBe('Une place s’est libérée : Préparer un premier contact avec une entreprise');
    await alice.goto('/mon-espace/');
    await alice.getByText(/« Préparer un premier contact avec une entreprise » — place confirmée/).waitFor();
    await verifierAccessibilite(alice, 'mon espace avec une rencontre');

    // L'organisateur, sur un téléphone, cherche Alice et la pointe ; puis la feuille d'émargement.
    const orga = await connecte('organisation@exemple.test');
    await orga.setViewportSize({ width: 390, height: 844 });
    await orga.goto(`${DEMO}organisation/`);
    await orga.getByRole('heading', { name: 'Effectifs par atelier' }).waitFor();
    await verifierAccessibilite(orga, 'organisation de la rencontre (téléphone)');
    await orga.getByRole('searchbox', { name: 'Rechercher un nom' }).fill('martin');
    await orga.locator('label', { hasText: 'Alice Martin' }).click();
    await orga.getByText('Alice Martin : présent.').waitFor();
    const { rows } = await pile.db.query<{ n: number }>(
      `select count(*)::int as n from prive.inscriptions i join prive.membres m on m.id = i.membre_id where m.email = 'alice.martin@exemple.test' and i.present_le is not null`,
    );
    expect(rows[0]!.n).toBe(1);
    await orga.setViewportSize({ width: 1280, height: 900 });
    await orga.getByRole('button', { name: 'Feuille d’émargement : Préparer un premier contact avec une entreprise' }).click();
    await orga.getByRole('heading', { name: /Feuille d’émargement — Préparer un premier contact/ }).waitFor();
    expect(await orga.getByRole('row').count()).toBe(2);
    await verifierAccessibilite(orga, 'feuille d’émargement');
    // Un membre qui n'organise pas : refus en français.
    await marie.goto(`${DEMO}organisation/`);
    await marie.getByText('Cette action est réservée aux organisateurs des rencontres.').waitFor();
  }, 180_000);
});
