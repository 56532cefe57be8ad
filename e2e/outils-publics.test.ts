// Outils publics dans un vrai navigateur (Chromium de Debian), sur le site construit et sous la vraie CSP :
// le simulateur de l'allocation PFMP et la check-list de préparation, au clavier seul, puis à l'impression ;
// contrôle axe en thème clair et sombre.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { utiliserPageUnique, verifierAccessibilite } from './outils.ts';

const env = utiliserPageUnique();
let page: Page;
beforeAll(() => {
  ({ page } = env);
});

/** Appuie sur Tab jusqu'à ce que l'élément ait le focus (échoue s'il n'est pas atteignable au clavier). */
async function tabulerJusqua(p: Page, cible: Locator, libelle: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await cible.evaluate((el) => el === document.activeElement)) return;
    await p.keyboard.press('Tab');
  }
  throw new Error(`« ${libelle} » n’est pas atteignable avec Tab.`);
}
const texte = async (l: Locator) => ((await l.textContent()) ?? '').replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** Nombre de pages d'un PDF produit par Chromium (« /Count » de l'arbre des pages). */
const nombreDePages = (pdf: Buffer) => Number(/\/Type\s*\/Pages[^>]*?\/Count\s+(\d+)|\/Count\s+(\d+)/.exec(pdf.toString('latin1'))?.slice(1).find(Boolean));

describe('Simulateur de l’allocation PFMP', () => {
  test('au clavier seul : niveau, jours et absences donnent le montant, le plafond et le détail lié au guide ; la page imprimée garde le résultat', async () => {
    await page.goto('/outils/simulateur-allocation/');
    // Îlot hydraté : Astro retire l'attribut « ssr » de <astro-island> une fois le composant monté.
    await page.waitForSelector('astro-island:not([ssr])');
    await verifierAccessibilite(page, 'simulateur, vide');

    const niveau = page.getByRole('combobox', { name: 'Année ou niveau' });
    await tabulerJusqua(page, niveau, 'Année ou niveau');
    await page.keyboard.press('ArrowDown'); // 2de → 1re
    expect(await niveau.inputValue()).toBe('1re');
    await page.keyboard.press('Tab');
    await page.keyboard.type('20');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('2');

    const montant = page.getByText(/Montant dû pour cette PFMP/);
    await expect.poll(() => texte(montant)).toBe('Montant dû pour cette PFMP : 270 €');
    const tableau = page.getByRole('table', { name: 'Comment il est calculé' });
    const sources = await tableau
      .getByRole('link')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).pathname + decodeURIComponent((a as HTMLAnchorElement).hash)));
    expect(sources).toHaveLength(6);
    for (const s of sources) expect(s).toMatch(/^\/guides\/reglementation\/allocation-pfmp\/#/);
    await verifierAccessibilite(page, 'simulateur, résultat');

    // Chaque ancre visée existe dans la page du guide.
    const ancres = [...new Set(sources.map((s) => s.split('#')[1]!))];
    const guide = await env.contexte.newPage();
    await guide.goto('/guides/reglementation/allocation-pfmp/');
    for (const a of ancres) expect(await guide.locator(`[id="${a}"]`).count(), a).toBe(1);
    await guide.close();

    // L'adresse garde les réponses : le lien rouvert redonne les réponses et le résultat.
    const adresse = new URL(page.url());
    expect(Object.fromEntries(adresse.searchParams)).toMatchObject({ formation: 'bac-pro', niveau: '1re', jours: '20', absences: '2' });
    await page.goto(adresse.pathname + adresse.search);
    await page.waitForSelector('astro-island:not([ssr])');
    await expect.poll(() => texte(montant)).toBe('Montant dû pour cette PFMP : 270 €');
    expect(await page.getByLabel(/^Jours d’absence/).inputValue()).toBe('2');

    // Impression : le formulaire et le bouton disparaissent, le résultat et son détail restent, sur une page A4.
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('form', { name: 'Données de la PFMP' }).isVisible()).toBe(false);
    expect(await montant.isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: 'Comment il est calculé' }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Imprimer le résultat' }).isVisible()).toBe(false);
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(nombreDePages(pdf)).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  });

  test('un cas hors de ce qu’il connaît est dit en clair', async () => {
    await page.goto('/outils/simulateur-allocation/');
    await page.waitForSelector('astro-island:not([ssr])');
    await page.getByRole('combobox', { name: 'Formation' }).selectOption('agricole-maritime');
    await page.getByRole('heading', { name: 'Cas hors du simulateur' }).waitFor();
    expect(await page.getByLabel(/^Jours de PFMP/).count()).toBe(0);
    await verifierAccessibilite(page, 'simulateur, cas hors champ');
  });
});

describe('Check-list de préparation d’une PFMP', () => {
  test('au clavier seul : les réponses filtrent la liste, l’adresse les garde, et la liste tient sur une page A4', async () => {
    await page.goto('/outils/check-list-pfmp/');
    await verifierAccessibilite(page, 'check-list, sans réponse');
    const lignes = page.locator('tr[data-point]:visible');
    expect(await lignes.count()).toBe(9); // élève de 16 ou 17 ans, sans particularité

    // Âge : les flèches déplacent le choix dans le groupe de boutons radio.
    const age = page.getByRole('radio', { name: '16 ou 17 ans' });
    await tabulerJusqua(page, age, 'Âge de l’élève');
    await page.keyboard.press('ArrowLeft');
    expect(await page.getByRole('radio', { name: 'Moins de 16 ans' }).isChecked()).toBe(true);
    // Secteur : Hôtellerie, restauration (premier de la liste).
    const secteur = page.getByRole('combobox', { name: 'Secteur de l’organisme d’accueil' });
    await tabulerJusqua(page, secteur, 'Secteur');
    await page.keyboard.press('Home');
    expect(await secteur.inputValue()).toBe('hotellerie-restauration');
    // Travaux réglementés : oui.
    const reglementesOui = page.getByRole('radio', { name: 'Oui' });
    await tabulerJusqua(page, page.getByRole('radio', { name: 'Non' }), 'Travaux réglementés');
    await page.keyboard.press('ArrowLeft');
    expect(await reglementesOui.isChecked()).toBe(true);
    // Cases : nuit et handicap.
    for (const nom of ['Des horaires de nuit sont envisagés', 'L’élève est en situation de handicap']) {
      await tabulerJusqua(page, page.getByRole('checkbox', { name: nom }), nom);
      await page.keyboard.press('Space');
    }
    await tabulerJusqua(page, page.getByRole('button', { name: 'Voir la check-list' }), 'Voir la check-list');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'liste-titre');

    const adresse = new URL(page.url());
    expect(adresse.search).toBe('?age=moins-de-16&secteur=hotellerie-restauration&reglementes=oui&nuit=oui&handicap=oui');
    const attendus = [
      'nuit-mineur',
      'dimanche-mineur',
      'reglementes-declaration-prive',
      'reglementes-avis-medical',
      'handicap-amenagements',
      'horaires-moins-16',
    ];
    const visibles = await lignes.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.point));
    expect(visibles).toEqual(expect.arrayContaining(attendus));
    expect(visibles).not.toContain('horaires-16-17');
    expect(visibles).not.toContain('etranger-convention');
    expect(await texte(page.locator('#nombre-points'))).toBe(`${visibles.length} points à vérifier pour ces réponses.`);
    await verifierAccessibilite(page, 'check-list, réponses');

    // Le lien garde les réponses : recharger l'adresse redonne la même liste et le même formulaire.
    await page.goto(adresse.pathname + adresse.search);
    expect(await lignes.evaluateAll((trs) => trs.map((tr) => (tr as HTMLElement).dataset.point))).toEqual(visibles);
    expect(await page.getByRole('checkbox', { name: 'Des horaires de nuit sont envisagés' }).isChecked()).toBe(true);

    // Impression : le formulaire disparaît, le résumé des réponses et la liste restent, sur une seule page A4.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#questions-pfmp').isVisible()).toBe(false);
    expect(await texte(page.locator('#reponses-resume'))).toMatch(
      /^Élève : moins de 16 ans ; secteur : hôtellerie, restauration ; travaux réglementés : oui ; horaires de nuit, élève en situation de handicap\.$/,
    );
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    expect(nombreDePages(pdf)).toBe(1);
    await page.emulateMedia({ media: 'screen' });
  });

  test('toutes les situations cochées tiennent encore sur une page A4', async () => {
    await page.goto(
      '/outils/check-list-pfmp/?age=moins-de-16&secteur=hospitalier&reglementes=ne-sait-pas&etranger=oui&nuit=oui&dimanche=oui&handicap=oui&premiere=oui',
    );
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
    await page.emulateMedia({ media: 'screen' });
    expect(nombreDePages(pdf)).toBe(1);
  });

  test('sans JavaScript : le formulaire GET met les réponses dans l’adresse et toutes les lignes restent, chacune avec son cas', async () => {
    const sansJs = await env.navigateur.newContext({ baseURL: new URL(page.url()).origin, javaScriptEnabled: false, locale: 'fr-FR' });
    try {
      const p = await sansJs.newPage();
      await p.goto('/outils/check-list-pfmp/');
      // La case du DSFR est dessinée par son libellé : on coche en cliquant sur le libellé, comme une personne.
      await p.locator('label[for="etranger"]').click();
      await p.getByRole('button', { name: 'Voir la check-list' }).click();
      await p.waitForURL(/etranger=oui/);
      const lignes = p.locator('tr[data-point]');
      expect(await lignes.count()).toBe(await lignes.locator('visible=true').count());
      expect(await texte(p.locator('tr[data-point="etranger-convention"] td').nth(3))).toBe('PFMP à l’étranger');
    } finally {
      await sansJs.close();
    }
  });
});

describe('Page Outils', () => {
  test('présente les outils disponibles et ceux à venir', async () => {
    await page.goto('/outils/');
    for (const nom of ['Simulateur de l’allocation PFMP', 'Check-list de préparation d’une PFMP'])
      expect(await page.getByRole('link', { name: nom }).count()).toBe(1);
    for (const nom of ['Carnet des entreprises', 'Bourse aux places']) expect(await page.getByRole('heading', { name: nom }).count()).toBe(1);
    await verifierAccessibilite(page, 'outils');
  });
});
