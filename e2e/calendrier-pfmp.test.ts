// Calendrier des PFMP dans un vrai navigateur, sous la vraie CSP : un membre se connecte, publie une
// période de son lycée et voit dans la vue du réseau le chevauchement que son lycée provoque ; axe clair et sombre.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { nouveauContexte, utiliserPageUnique, verifierAccessibilite } from './outils.ts';

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

  test('un membre importe ses périodes (CSV), voit le chevauchement que son lycée provoque dans le réseau, publie au formulaire et s’abonne au .ics', async () => {
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

    // Import d'un fichier avec une ligne fausse : rapport ligne par ligne, rien d'enregistré.
    const entete = 'formation;classe;niveau;debut;fin;eleves';
    const fichier = (contenu: string) => ({ name: 'periodes-2026-2027.csv', mimeType: 'text/csv', buffer: Buffer.from(contenu) });
    await page
      .getByLabel(/^Fichier CSV/)
      .setInputFiles(fichier(`${entete}\nbac-pro-csr;2CSR;2de;18/01/2027;29/01/2027;20\nbts-inconnu;3X;2de;01/03/2027;12/03/2027;10\n`));
    await page.getByRole('button', { name: 'Importer le fichier' }).click();
    await page.getByText('Ligne 3 : Cette formation n’est pas dans la liste des formations du réseau.').waitFor();
    expect(await page.getByRole('rowheader', { name: '2CSR' }).count()).toBe(0);
    await page.getByLabel(/^Fichier CSV/).setInputFiles(fichier(`${entete}\nbac-pro-csr;2CSR;2de;18/01/2027;29/01/2027;20\n`));
    await page.getByRole('button', { name: 'Importer le fichier' }).click();
    await page.getByText('1 période importée.').waitFor();
    await page.getByRole('rowheader', { name: '2CSR' }).waitFor();

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
    // Par bassin de formation : son lycée (Nîmes) pèse 44 élèves dans son bassin, sous le seuil de 70.
    await page.getByLabel('Regrouper les lycées par').selectOption('bassin');
    await page.getByLabel(/^Seuil d’alerte/).fill('40');
    await page.getByRole('button', { name: 'Afficher le réseau' }).click();
    const alerteBassin = page.locator('li', { hasText: 'Semaine du 18 janv. 2027, Hôtellerie-restauration, bassin Nîmes (30)' });
    await alerteBassin.waitFor();
    expect(await alerteBassin.textContent()).toContain('44 élèves de 1 lycée —');
    expect(await alerteBassin.locator('mark').allTextContents()).toEqual(['votre lycée (24)', 'votre lycée (20)']);
    await page.mouse.move(0, 0);
    await verifierAccessibilite(page, 'calendrier, vue du réseau par bassin');
    await page.getByLabel('Regrouper les lycées par').selectOption('departement');
    await page.getByLabel(/^Seuil d’alerte/).fill('70');

    // Publier au formulaire ; une période qui chevauche une autre de la même classe : refusée en français, rien d'ajouté.
    await page.getByLabel('Formation', { exact: true }).selectOption('bac-pro-csr');
    await page.getByLabel('Niveau', { exact: true }).selectOption('2de');
    await page.getByLabel('Classe', { exact: true }).fill('2CSR');
    await page.getByLabel('Premier jour').fill('2027-01-25');
    await page.getByLabel('Dernier jour').fill('2027-02-05');
    await page.getByLabel('Nombre d’élèves').fill('20');
    await page.getByRole('button', { name: 'Publier la période' }).click();
    await page.getByText('Cette classe a déjà une période de PFMP qui chevauche ces dates.').waitFor();
    expect(await page.getByRole('rowheader', { name: '2CSR' }).count()).toBe(1);
    await page.getByLabel('Premier jour').fill('2027-03-01');
    await page.getByLabel('Dernier jour').fill('2027-03-12');
    await page.getByRole('button', { name: 'Publier la période' }).click();
    await page.getByText('Période publiée : 2CSR, du 1 mars 2027 au 12 mars 2027.').waitFor();
    // Le message paraît avant que la liste soit rechargée : attendre la seconde ligne (machine chargée).
    await expect.poll(() => page.getByRole('rowheader', { name: '2CSR' }).count()).toBe(2);

    // S'abonner : l'adresse secrète donne un calendrier .ics avec les périodes du lycée ; révoquée, elle ne sert plus.
    await page.getByRole('button', { name: 'Créer l’adresse d’abonnement' }).click();
    const adresse = await page.getByLabel(/^Adresse d’abonnement/).inputValue();
    expect(adresse).toMatch(/\/api\/calendrier-pfmp\/ics\/[0-9a-f]{64}\.ics$/);
    const ics = await page.request.get(adresse);
    expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(await ics.text()).toContain('SUMMARY:PFMP 2CSR (Bac pro Commercialisation et services en restauration)');
    await page.mouse.move(0, 0);
    await verifierAccessibilite(page, 'calendrier, abonnement');
    await page.getByRole('button', { name: 'Révoquer l’adresse' }).click();
    await page.getByText(/Adresse d’abonnement révoquée/).waitFor();
    expect((await page.request.get(adresse)).status()).toBe(404);
  });

  test('un administrateur ajoute une formation manquante depuis la page ; elle est aussitôt proposée', async () => {
    const contexte = await nouveauContexte(env.navigateur, env.pile);
    try {
      const p = await contexte.newPage();
      await p.goto('/connexion/');
      await p.getByLabel('Adresse électronique professionnelle').fill('admin@exemple.test');
      await p.getByRole('button', { name: 'Recevoir un code' }).click();
      await p.getByLabel('Code reçu par courriel').waitFor();
      await p.getByLabel('Code reçu par courriel').fill(await env.pile.dernierCode('admin@exemple.test'));
      await p.getByRole('button', { name: 'Se connecter' }).click();
      await p.waitForURL('**/mon-espace/');
      await p.goto('/outils/calendrier-pfmp/');
      const form = p.getByRole('form', { name: 'Ajouter une formation manquante (administrateurs)' });
      await form.waitFor();
      await form.getByLabel('Code formation diplôme (BCN, 8 caractères)').fill('50033404');
      await form.getByLabel('Intitulé').fill('CAP COMMERCIALISATION ET SERVICES EN HOTEL-CAFE-RESTAURANT');
      await form.getByLabel('Niveau ou diplôme (CAP, BAC PRO…)').fill('CAP');
      await form.getByLabel(/^Secteur/).fill('Hôtellerie-restauration');
      await form.getByRole('button', { name: 'Ajouter la formation' }).click();
      await form.getByText('Formation ajoutée : CAP COMMERCIALISATION ET SERVICES EN HOTEL-CAFE-RESTAURANT (50033404).', { exact: false }).waitFor();
      expect(await p.getByLabel('Formation', { exact: true }).locator('option[value="50033404"]').count()).toBe(1);
      await p.mouse.move(0, 0);
      await verifierAccessibilite(p, 'calendrier, ajout d’une formation (administrateur)');
    } finally {
      await contexte.close();
    }
    // Le membre (page déjà connectée) n'a pas ce formulaire, mais voit comment faire ajouter une formation.
    await page.goto('/outils/calendrier-pfmp/');
    await page.getByText(/Votre formation n’est pas dans la liste/).waitFor();
    expect(await page.getByRole('form', { name: /Ajouter une formation manquante/ }).count()).toBe(0);
    expect(await page.getByLabel('Formation', { exact: true }).locator('option[value="50033404"]').count()).toBe(1);
  });
});
