// Parcours « Outils partagés (1) » dans Chromium, sur dist/ et une pile locale isolée, sous la vraie CSP :
// Alice ajoute une organisation au carnet et y propose une place ; Bruno la trouve par secteur et commune
// et la réserve ; Alice confirme le passage de relais ; la fiche du carnet montre la période au registre.
// axe (WCAG 2.1 A et AA) en thème clair et sombre sur chaque étape.
import { describe, expect, test } from 'vitest';
import { choisirCommune, utiliserParcoursMembres, verifierAccessibilite } from './outils.ts';

const membres = utiliserParcoursMembres();
const { connecte } = membres;

const dansJours = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

describe('Carnet des entreprises et bourse aux places', () => {
  test('ajout au carnet, places proposées, réservées par un autre lycée, relais confirmé, période au registre', async () => {
    const alice = await connecte('alice.martin@exemple.test');
    await alice.goto('/outils/carnet-entreprises/');
    await alice.getByRole('button', { name: 'Ajouter une organisation' }).click();
    await verifierAccessibilite(alice, 'carnet, formulaire d’ajout');
    await alice.getByLabel('Nom de l’organisation').fill('Garage du Midi (fictif)');
    await alice.getByLabel('SIRET').fill('99900000100018');
    await alice.getByLabel('Code NAF').fill('45.20A');
    await choisirCommune(alice, alice.getByLabel('Commune'), 'Carcas', 'Carcassonne (11)');
    await alice.getByRole('button', { name: 'Enregistrer' }).click();
    // SIRET à la clé fausse : refus en français, rien n'est écrit.
    await expect(alice.getByRole('alert').textContent()).resolves.toContain('clé de contrôle');
    await alice.getByLabel('SIRET').fill('99900000100019');
    await alice.getByRole('button', { name: 'Enregistrer' }).click();
    await alice.getByText('Organisation ajoutée au carnet.').waitFor();
    await expect(alice.getByRole('heading', { level: 2, name: 'Garage du Midi (fictif)' }).isVisible()).resolves.toBe(true);
    await verifierAccessibilite(alice, 'carnet, fiche de l’organisation');

    await alice.goto('/outils/bourse-aux-places/');
    await alice.getByLabel('Organisation').selectOption({ label: 'Garage du Midi (fictif) — Carcassonne' });
    await alice.getByLabel('Formation ou spécialité').fill('CAP Maintenance des véhicules');
    await alice.getByLabel('Premier jour de la période').fill(dansJours(30));
    await alice.getByLabel('Dernier jour de la période').fill(dansJours(58));
    await alice.getByLabel('Nombre de places').fill('1');
    await alice.getByRole('button', { name: 'Publier les places' }).click();
    await alice.getByText('Places publiées dans la bourse.').waitFor();
    await verifierAccessibilite(alice, 'bourse, places publiées');

    const bruno = await connecte('bruno.garcia@exemple.test');
    await bruno.goto('/outils/bourse-aux-places/');
    await bruno.getByLabel('Secteur').selectOption('45');
    await choisirCommune(bruno, bruno.getByLabel('Commune'), 'Carcas', 'Carcassonne (11)');
    await bruno.getByRole('button', { name: 'Chercher des places' }).click();
    await bruno.getByText('1 offre', { exact: true }).waitFor();
    await bruno.getByRole('button', { name: 'Réserver une place chez Garage du Midi (fictif)' }).click();
    await bruno.getByLabel('Niveau').selectOption('CAP 1re année');
    await verifierAccessibilite(bruno, 'bourse, formulaire de réservation');
    await bruno.getByRole('button', { name: 'Confirmer la réservation' }).click();
    await bruno.getByText(/Place réservée chez Garage du Midi/).waitFor();
    await bruno.getByText('Aucune place disponible pour ces critères.').waitFor();

    await alice.reload();
    await alice.getByRole('button', { name: 'Confirmer le passage de relais chez Garage du Midi (fictif)' }).click();
    await alice.getByText(/Passage de relais confirmé/).waitFor();
    await verifierAccessibilite(alice, 'bourse, relais confirmé');
    expect(membres.pile.messages.filter((m) => !m.code).map((m) => m.objet)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('une place réservée'),
        expect.stringContaining('votre réservation'),
        expect.stringContaining('passage de relais confirmé'),
      ]),
    );

    await bruno.goto('/outils/carnet-entreprises/');
    await bruno.getByLabel('Nom', { exact: true }).fill('garage midi');
    await bruno.getByRole('button', { name: 'Chercher', exact: true }).click();
    await bruno.getByRole('button', { name: 'Garage du Midi (fictif)' }).click();
    await bruno.getByText(/CAP Maintenance des véhicules \(CAP 1re année\), Lycée polyvalent du Canal/).waitFor();
    await verifierAccessibilite(bruno, 'carnet, registre après confirmation');
  }, 120_000);
});
