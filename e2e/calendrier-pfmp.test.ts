// Calendrier des PFMP dans un vrai navigateur, sous la vraie CSP : un membre se connecte, publie une
// période de son lycée et voit dans la vue du réseau le chevauchement que son lycée provoque ; axe clair et sombre.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { utiliserPageUnique, verifierAccessibilite } from './outils.ts';

const env = utiliserPageUnique();
let page: Page;
beforeAll(() => {
  ({ page } = env);
});

describe('Calendrier des PFMP', () => {
  test('sans session, la page propose de se connecter', async () => {
    await page.goto('/outils/calendrier-pfmp/');
    expect(await page.getByRole('link', { name: 'Se connecter' }).getAttribute('href')).toBe('/connexion/');
    await verifierAccessibilite(page, 'calendrier, déconnecté');
  });

  test('un membre publie une période et voit le chevauchement que son lycée provoque dans le réseau', async () => {
    await page.goto('/connexion/');
    await page.getByLabel('Adresse électronique professionnelle').fill('membre@exemple.test');
    await page.getByRole('button', { name: 'Recevoir un code' }).click();
    await page.getByLabel('Code reçu par courriel').fill(
      await (async () => {
        await page.getByLabel('Code reçu par courriel').waitFor();
        return env.pile.dernierCode('membre@exemple.test');
      })(),
    );
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page.waitForURL('**/mon-espace/');

    await page.goto('/outils/calendrier-pfmp/');
    await page.getByRole('heading', { name: 'Les périodes de mon lycée (0309901C)' }).waitFor();
    await page.getByLabel('Formation').selectOption('bac-pro-csr');
    await page.getByLabel('Classe').fill('2CSR');
    await page.getByLabel('Niveau').selectOption('2de');
    await page.getByLabel('Premier jour').fill('2027-01-18');
    await page.getByLabel('Dernier jour').fill('2027-01-29');
    await page.getByLabel('Nombre d’élèves').fill('20');
    await page.getByRole('button', { name: 'Publier la période' }).click();
    await page.getByText('Période publiée : 2CSR, du 18 janv. 2027 au 29 janv. 2027.').waitFor();
    expect(await page.getByRole('rowheader', { name: '2CSR' }).count()).toBe(1);

    await page.getByLabel('Du', { exact: true }).fill('2027-01-11');
    await page.getByLabel('Au', { exact: true }).fill('2027-01-31');
    await page.getByLabel(/^Seuil d’alerte/).fill('70');
    await page.getByRole('button', { name: 'Afficher le réseau' }).click();
    const alerte = page.locator('li', { hasText: 'Semaine du 18 janv. 2027, Hôtellerie-restauration, département 30' });
    await alerte.waitFor();
    expect(await alerte.textContent()).toContain('81 élèves de 2 lycées');
    expect(await alerte.locator('mark').allTextContents()).toEqual(['votre lycée (24)', 'votre lycée (20)']);
    // La souris quitte le bouton cliqué : son état survolé n'est pas celui que la page montre au repos.
    await page.mouse.move(0, 0);
    await verifierAccessibilite(page, 'calendrier, vue du réseau');

    // Une période qui chevauche une autre de la même classe : refusée en français, rien d'ajouté.
    await page.getByLabel('Classe').fill('2CSR');
    await page.getByLabel('Premier jour').fill('2027-01-25');
    await page.getByLabel('Dernier jour').fill('2027-02-05');
    await page.getByLabel('Nombre d’élèves').fill('20');
    await page.getByRole('button', { name: 'Publier la période' }).click();
    await page.getByText('Cette classe a déjà une période de PFMP qui chevauche ces dates.').waitFor();
    expect(await page.getByRole('rowheader', { name: '2CSR' }).count()).toBe(1);
  });
});
