// Parcours de la bourse aux places dans Chromium, sur dist/ et une pile locale isolée, sous la vraie CSP,
// axe (WCAG 2.1 A et AA) en thème clair et sombre à chaque étape :
// 1. Alice publie trois places ; Bruno en trouve une par secteur et commune (filtres dans l'adresse : le lien
//    se partage), la réserve ; Alice confirme la remise ; le carnet montre le nouveau placement.
// 2. Marie publie une recherche ; Chloé y répond avec une organisation du carnet ; Marie accepte ; le carnet
//    montre les placements ; chacun a reçu son courriel. Marie s'inscrit au résumé hebdomadaire.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { choisirCommune, nouveauContexte, surveillerErreurs, utiliserParcoursMembres, verifierAccessibilite } from './outils.ts';

const membres = utiliserParcoursMembres();
const { connecte, ouverts } = membres;

/** Ouvre la fiche d'une organisation dans le carnet (recherche par nom). */
async function ouvrirFiche(page: Page, recherche: string, nom: string) {
  await page.goto('/outils/carnet-entreprises/');
  await page.getByLabel('Nom', { exact: true }).fill(recherche);
  await page.getByRole('button', { name: 'Chercher', exact: true }).click();
  await page.getByRole('button', { name: nom }).click();
  // La fiche se charge après le clic : l'attendre avant de compter ce qu'elle montre.
  await page.getByRole('heading', { level: 2, name: nom }).waitFor();
}

const dansJours = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const objets = (email: string) => membres.pile.messages.filter((m) => !m.code && m.a.includes(email)).map((m) => m.objet);

describe('Bourse aux places', () => {
  test('trois places publiées ; une trouvée par secteur et commune, réservée, remise confirmée ; le carnet montre le placement', async () => {
    const alice = await connecte('alice.martin@exemple.test');
    await alice.goto('/outils/bourse-aux-places/');
    const places = [
      ['Atelier mécanique des Garrigues (fictif) — Nîmes', 'Bac pro Maintenance des véhicules'],
      ['Boulangerie de l’Écusson (fictive) — Montpellier', 'CAP Boulanger'],
      ['Hôtel du Canal (fictif) — Narbonne', 'CAP Cuisine'],
    ];
    for (const [organisation, formation] of places) {
      await alice.getByLabel('Organisation').selectOption({ label: organisation! });
      await alice.getByLabel('Formation ou spécialité').fill(formation!);
      await alice.getByLabel('Premier jour de la période').fill(dansJours(30));
      await alice.getByLabel('Dernier jour de la période').fill(dansJours(58));
      await alice.getByLabel('Nombre de places').fill('1');
      await alice.getByRole('button', { name: 'Publier les places' }).click();
      await alice.getByText('Places publiées dans la bourse.').waitFor();
      await alice.getByText(formation!, { exact: false }).first().waitFor();
    }
    await verifierAccessibilite(alice, 'bourse, trois places publiées');

    const bruno = await connecte('bruno.garcia@exemple.test');
    await bruno.goto('/outils/bourse-aux-places/');
    await bruno.getByLabel('Secteur').selectOption('45');
    await choisirCommune(bruno, bruno.getByLabel('Commune'), 'Nîm', 'Nîmes (30)');
    await bruno.getByRole('button', { name: 'Chercher des places' }).click();
    // L'offre de démonstration de Marie et celle d'Alice : même secteur, même commune.
    await bruno.getByText('2 offres', { exact: true }).waitFor();
    expect(new URL(bruno.url()).search).toBe('?naf=45&commune=30189&commune_nom=N%C3%AEmes');
    await bruno.mouse.move(0, 0); // le survol d'un bouton secondaire (DSFR) change son fond : axe mesure l'état de repos
    await verifierAccessibilite(bruno, 'bourse, offres filtrées par secteur et commune');
    // Les résultats sur la carte des cinq départements, à la demande : les deux offres sont dans le Gard.
    await bruno.getByRole('button', { name: 'Afficher la carte des départements' }).click();
    await bruno.getByRole('button', { name: 'Gard (30) : 2 offres' }).waitFor();
    expect(await bruno.getByRole('table', { name: 'Nombre d’offres trouvées par département' }).isVisible()).toBe(true);
    await bruno.mouse.move(0, 0);
    await verifierAccessibilite(bruno, 'bourse, carte des départements');

    // Le lien se partage : ouvert ailleurs, il montre les mêmes offres.
    const lien = await bruno.context().newPage();
    ouverts.push({ contexte: bruno.context(), erreurs: surveillerErreurs(lien) });
    await lien.goto(bruno.url());
    await lien.getByText('2 offres', { exact: true }).waitFor();
    expect(await lien.getByLabel('Secteur').inputValue()).toBe('45');
    await lien.close();

    await bruno
      .getByRole('listitem')
      .filter({ hasText: 'proposée par Lycée professionnel des Remparts' })
      .getByRole('button', { name: 'Réserver une place chez Atelier mécanique des Garrigues (fictif)' })
      .click();
    await bruno.getByLabel('Niveau').selectOption('Terminale');
    await bruno.getByRole('button', { name: 'Confirmer la réservation' }).click();
    await bruno.getByText(/Place réservée chez Atelier mécanique des Garrigues \(fictif\)\. L’émetteur de l’offre est prévenu par courriel\./).waitFor();
    await bruno.getByText('1 offre', { exact: true }).waitFor();

    await alice.reload();
    await alice.getByRole('button', { name: 'Confirmer le passage de relais chez Atelier mécanique des Garrigues (fictif)' }).click();
    await alice.getByText(/Passage de relais confirmé/).waitFor();
    await verifierAccessibilite(alice, 'bourse, remise confirmée');
    expect(objets('alice.martin@exemple.test')).toContain('Bourse aux places : une place réservée chez Atelier mécanique des Garrigues (fictif)');
    expect(objets('bruno.garcia@exemple.test')).toContain('Bourse aux places : passage de relais confirmé chez Atelier mécanique des Garrigues (fictif)');

    await ouvrirFiche(bruno, 'garrigues', 'Atelier mécanique des Garrigues (fictif)');
    await bruno.getByText(/Bac pro Maintenance des véhicules \(Terminale\), Lycée polyvalent du Canal/).waitFor();
    await verifierAccessibilite(bruno, 'carnet, placement venu de la bourse');
  }, 180_000);

  test('recherche publiée, réponse avec une organisation du carnet, acceptation ; le carnet montre les placements ; résumé', async () => {
    const marie = await connecte('membre@exemple.test');
    await marie.goto('/outils/bourse-aux-places/?onglet=recherches');
    await marie.getByLabel('Formation des élèves').fill('CAP Commercialisation et services en HCR');
    await marie.getByLabel('Niveau des élèves').selectOption('CAP 1re année');
    await choisirCommune(marie, marie.getByLabel('Commune recherchée'), 'Narbo', 'Narbonne (11)');
    await marie.getByLabel('Premier jour de la période').fill(dansJours(35));
    await marie.getByLabel('Dernier jour de la période').fill(dansJours(63));
    await marie.getByLabel('Nombre d’élèves').fill('2');
    await marie.getByLabel('Contraintes (âge, permis…), facultatives').fill('Élèves mineurs');
    await marie.getByRole('button', { name: 'Publier la recherche' }).click();
    await marie.getByText('Recherche publiée dans la bourse.').waitFor();
    await verifierAccessibilite(marie, 'bourse, recherche publiée');

    const chloe = await connecte('chloe.bernard@exemple.test');
    await chloe.goto('/outils/bourse-aux-places/');
    await chloe.getByRole('tab', { name: 'Recherches de places' }).click();
    await chloe.getByLabel('Département').selectOption('11');
    await chloe.getByRole('button', { name: 'Chercher des recherches' }).click();
    // La liste montrait déjà « 1 recherche » avant le filtre (la seule publiée) : on attend l'adresse, que la
    // recherche filtrée réécrit quand sa réponse arrive.
    await chloe.waitForURL((u) => u.search === '?onglet=recherches&departement=11');
    await chloe.getByText('1 recherche', { exact: true }).waitFor();
    await chloe.getByRole('button', { name: 'Proposer une organisation pour CAP Commercialisation et services en HCR à Narbonne' }).click();
    await chloe.getByLabel('Filtrer le carnet par nom').fill('canal');
    await chloe.getByLabel('Organisation').selectOption({ label: 'Hôtel du Canal (fictif) — Narbonne' });
    await chloe.getByLabel('Élèves qu’elle peut accueillir').fill('2');
    await verifierAccessibilite(chloe, 'bourse, réponse à une recherche');
    await chloe.getByRole('button', { name: 'Envoyer la proposition' }).click();
    await chloe.getByText('Proposition envoyée. Le lycée demandeur est prévenu par courriel.').waitFor();

    await marie.reload();
    await marie.getByRole('button', { name: 'Accepter Hôtel du Canal (fictif)' }).click();
    await marie.getByText(/Réponse acceptée : la période chez Hôtel du Canal \(fictif\) est au registre du carnet\./).waitFor();
    await marie.getByText(/recherche satisfaite/).waitFor();
    await verifierAccessibilite(marie, 'bourse, réponse acceptée');
    expect(objets('membre@exemple.test')).toContain('Bourse aux places : une réponse à votre recherche (CAP Commercialisation et services en HCR)');
    expect(objets('chloe.bernard@exemple.test')).toContain('Bourse aux places : votre proposition de Hôtel du Canal (fictif) est acceptée');

    await ouvrirFiche(chloe, 'canal', 'Hôtel du Canal (fictif)');
    await expect(chloe.getByText(/CAP Commercialisation et services en HCR \(CAP 1re année\), Lycée professionnel des Arènes/).count()).resolves.toBe(2);
    await verifierAccessibilite(chloe, 'carnet, placements venus d’une recherche');

    await marie.getByRole('tab', { name: 'Résumé par courriel' }).click();
    // Case DSFR : l'input est masqué sous son libellé, on coche en cliquant le libellé, comme une personne.
    await marie.getByText('Recevoir le résumé hebdomadaire des nouvelles offres').click();
    await marie.getByText('34 — Hérault').click();
    expect(await marie.getByLabel('34 — Hérault').isChecked()).toBe(true);
    await marie.getByRole('button', { name: 'Enregistrer mon choix' }).click();
    await marie.getByText('Inscription au résumé hebdomadaire enregistrée.').waitFor();
    await verifierAccessibilite(marie, 'bourse, inscription au résumé');

    // Le lien « ne plus le recevoir » de chaque résumé, ouvert dans un navigateur sans session (sa messagerie).
    const { rows } = await membres.pile.db.query<{ j: string }>(
      `select r.jeton_desinscription::text as j from prive.resume_bourse r join prive.membres m on m.id = r.membre_id where m.email = 'membre@exemple.test'`,
    );
    const contexte = await nouveauContexte(membres.navigateur, membres.pile);
    const anonyme = await contexte.newPage();
    ouverts.push({ contexte, erreurs: surveillerErreurs(anonyme) });
    await anonyme.goto(`/outils/bourse-aux-places/desinscription/?jeton=${rows[0]!.j}`);
    await verifierAccessibilite(anonyme, 'bourse, désinscription du résumé');
    await anonyme.getByRole('button', { name: 'Ne plus recevoir le résumé' }).click();
    await anonyme.getByText('C’est fait : vous ne recevrez plus le résumé hebdomadaire de la bourse.').waitFor();
    expect(
      (await membres.pile.db.query(`select 1 from prive.resume_bourse r join prive.membres m on m.id = r.membre_id where m.email = 'membre@exemple.test'`))
        .rows,
    ).toEqual([]);
    await anonyme.reload();
    await anonyme.getByRole('button', { name: 'Ne plus recevoir le résumé' }).click();
    await anonyme.getByText(/vous êtes déjà désinscrit/).waitFor();
  }, 180_000);
});
