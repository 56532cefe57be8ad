// Parcours « importer un tableur » dans Chromium, sur dist/ et une pile locale isolée, sous la vraie CSP :
// Alice dépose l'export CSV (Windows-1252, « ; ») de son tableur, garde l'association proposée des colonnes,
// lit le rapport, corrige sur place les deux lignes signalées (SIRET à la clé fausse, commune mal écrite),
// vérifie de nouveau, importe ; les fiches sont dans le carnet. axe en thème clair et sombre à chaque étape.
import { describe, expect, test } from 'vitest';
import { utiliserParcoursMembres, verifierAccessibilite } from './outils.ts';

const membres = utiliserParcoursMembres();
const { connecte } = membres;

// SIRET fictifs (préfixe 999) : 99900000800014 a une clé juste, 99900000800015 non.
const TABLEUR = [
  'Raison sociale;SIRET;Code APE;Ville;CP;Nom du contact;Téléphone;Formation',
  'Garage des Étangs (fictif);99900000700016;45.20A;Leucate;11370;Paul Exemple;04 00 00 00 01;CAP Maintenance des véhicules',
  'Fleuriste du Lez (fictive);99900000800015;47.76Z;Lattes;34970;;;',
  'Restaurant de la Place (fictif);;56.10A;Montpeliier;;;;Bac pro Cuisine',
  'Menuiserie des Causses (fictive);;16.23Z;Mende;48000;;;',
].join('\r\n');
const NOMS = TABLEUR.split('\r\n')
  .slice(1)
  .map((l) => l.split(';')[0]!);
/** Comme Excel l'enregistre en français : Windows-1252 (« É » est l'octet C9). */
const FICHIER = Buffer.from(TABLEUR, 'latin1');

describe('Carnet des entreprises : import d’un tableur', () => {
  test('importe un petit tableur et corrige les deux lignes que le rapport signale', async () => {
    const alice = await connecte('alice.martin@exemple.test');
    await alice.goto('/outils/carnet-entreprises/');
    await alice.getByRole('link', { name: 'Importer un tableur (CSV)' }).click();
    await alice.getByRole('heading', { level: 1, name: 'Importer un tableur dans le carnet' }).waitFor();
    await verifierAccessibilite(alice, 'import, choix du fichier');

    await alice.getByLabel('Fichier CSV de votre tableur').setInputFiles({ name: 'mes-entreprises.csv', mimeType: 'text/csv', buffer: FICHIER });
    await alice.getByRole('button', { name: 'Lire le fichier' }).click();
    await alice.getByText('Fichier lu : 4 lignes de données, séparateur point-virgule, encodage Windows-1252.', { exact: false }).waitFor();
    await expect(alice.getByLabel('Nom de l’organisation (obligatoire)').inputValue()).resolves.toBe('0');
    await expect(alice.getByLabel('Code postal').inputValue()).resolves.toBe('4');
    await verifierAccessibilite(alice, 'import, association des colonnes');

    await alice.getByRole('button', { name: 'Vérifier les lignes' }).click();
    await alice.getByText('4 lignes : 2 prêtes, 2 à corriger.').waitFor();
    await expect(alice.getByText(/clé de contrôle ne correspond pas/).isVisible()).resolves.toBe(true);
    await expect(alice.getByText('Commune inconnue : « Montpeliier »', { exact: false }).isVisible()).resolves.toBe(true);
    await verifierAccessibilite(alice, 'import, rapport avec deux lignes à corriger');

    // Rien n'est encore écrit.
    const importees = async () =>
      (await membres.pile.db.query<{ n: number }>(`select count(*)::int as n from prive.organisations where nom = any($1)`, [NOMS])).rows[0]!.n;
    expect(await importees()).toBe(0);

    await alice.getByLabel('SIRET (ligne 3)').fill('99900000800014');
    await alice.getByLabel('Commune (nom ou code INSEE) (ligne 4)').fill('Montpellier');
    await alice.getByText('Des lignes ont changé : vérifiez de nouveau avant d’importer.', { exact: false }).waitFor();
    await alice.getByRole('button', { name: 'Vérifier de nouveau' }).click();
    await alice.getByText('4 lignes : 4 prêtes, 0 à corriger.').waitFor();
    await verifierAccessibilite(alice, 'import, rapport corrigé');

    await alice.getByRole('button', { name: 'Importer 4 lignes' }).click();
    await alice.getByText('4 organisations ajoutées au carnet.').waitFor();
    expect(await importees()).toBe(4);
    await verifierAccessibilite(alice, 'import terminé');

    await alice.getByRole('link', { name: 'Retour au carnet des entreprises' }).click();
    await alice.getByLabel('Nom', { exact: true }).fill('fleuriste lez');
    await alice.getByRole('button', { name: 'Chercher', exact: true }).click();
    await alice.getByRole('button', { name: 'Fleuriste du Lez (fictive)' }).click();
    await alice.getByText('99900000800014').waitFor();
    await alice.getByText('organisation importée', { exact: false }).first().waitFor();
  }, 120_000);

  test('une fiche saisie deux fois : fusion par un membre concerné, retour de période, lien de formation, carte des départements', async () => {
    // Marie (lycée des Arènes, Nîmes) travaille avec l'atelier de démonstration ; elle le saisit de nouveau sans le voir.
    const marie = await connecte('membre@exemple.test');
    await marie.goto('/outils/carnet-entreprises/');
    await marie.getByRole('button', { name: 'Ajouter une organisation' }).click();
    await marie.getByLabel('Nom de l’organisation').fill('Atelier Mécanique Garrigues');
    await marie.getByLabel('Code NAF').fill('45.20A');
    const commune = marie.getByLabel('Commune');
    await commune.fill('Nîm');
    await marie.locator('datalist option[value="Nîmes (30)"]').first().waitFor({ state: 'attached' });
    await commune.fill('Nîmes (30)');
    await marie.getByRole('button', { name: 'Enregistrer' }).click();
    await marie.getByText('Cette organisation est peut-être déjà dans le carnet').waitFor();
    await marie.getByRole('button', { name: 'Ce n’est pas la même : enregistrer quand même' }).click();
    await marie.getByText('Organisation ajoutée au carnet.').waitFor();

    await marie.getByRole('heading', { name: 'Fiches semblables' }).waitFor();
    await marie.getByRole('button', { name: 'Fusionner « Atelier mécanique des Garrigues (fictif) » dans cette fiche' }).click();
    await verifierAccessibilite(marie, 'carnet, confirmation de la fusion');
    await marie.getByRole('button', { name: 'Confirmer : fusionner « Atelier mécanique des Garrigues (fictif) » dans cette fiche' }).click();
    await marie.getByText('« Atelier mécanique des Garrigues (fictif) » est fusionnée dans cette fiche.').waitFor();
    await marie.getByText('99900000300015').waitFor(); // le SIRET de la fiche absorbée
    await marie
      .getByText(/Lucie Exemple/)
      .first()
      .waitFor(); // son contact
    await marie.getByText(/fiches fusionnées \(Atelier mécanique des Garrigues \(fictif\)\)/).waitFor();
    const restantes = await membres.pile.db.query<{ n: number }>(
      `select count(*)::int as n from prive.organisations where nom ilike 'Atelier m_canique%Garrigues%'`,
    );
    expect(restantes.rows[0]!.n).toBe(1);

    await marie.getByLabel('Formation de l’élève accueilli').fill('CAP Maintenance des véhicules');
    await marie.getByLabel('Accueil de l’élève').selectOption('4');
    await marie.getByLabel('Disponibilité du tuteur').selectOption('3');
    await marie.getByLabel('Activités conformes au référentiel').selectOption('3');
    await marie.getByLabel('Conditions de sécurité').selectOption('4');
    await marie.locator('label[for="retour-reprendrait-oui"]').click(); // le DSFR masque le bouton radio, son libellé le coche
    await marie.getByRole('button', { name: 'Enregistrer le retour' }).click();
    await marie.getByText('Retour enregistré. Merci.').waitFor();
    await marie.getByText(/accueil 4\/4, encadrement 3\/4, activités 3\/4, sécurité 4\/4 — accueillerait à nouveau/).waitFor();

    await marie.getByLabel('Pour la formation').fill('Bac pro Maintenance des véhicules');
    await marie.getByRole('button', { name: 'Déclarer ce lien' }).click();
    await marie.getByRole('button', { name: 'Retirer Bac pro Maintenance des véhicules de mon lycée' }).waitFor();
    await marie.mouse.move(0, 0); // le survol d'un bouton DSFR (fond #343434 en sombre) n'est pas l'état contrôlé
    await verifierAccessibilite(marie, 'carnet, fiche fusionnée avec retour et lien');

    await marie.getByRole('button', { name: 'Retour à la recherche' }).click();
    await marie.getByRole('button', { name: 'Afficher la carte des départements' }).click();
    await marie.getByRole('button', { name: 'Gard (30) : 1 organisation' }).waitFor();
    await marie.getByRole('table', { name: 'Nombre d’organisations trouvées par département' }).waitFor();
    await marie.mouse.move(0, 0);
    await verifierAccessibilite(marie, 'carnet, carte des départements');
    await marie.getByRole('button', { name: 'Gard (30) : 1 organisation' }).click();
    await marie.getByText('1 organisation', { exact: true }).waitFor();
    await expect(marie.getByRole('combobox', { name: 'Département', exact: true }).inputValue()).resolves.toBe('30');
  }, 120_000);
});
