// Régression de la recherche : chaque requête passe par la vraie page /recherche/?q=… (Pagefind, variantes
// de requete.ts, correction des fautes par le vocabulaire du site) dans Chromium, sur le site construit.
// La page attendue est choisie par PERTINENCE (le guide qui traite vraiment du sujet), pas recopiée du moteur :
// si un cas échoue, c'est le mécanisme de recherche qu'il faut améliorer, pas la page attendue.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { FAMILLES } from '../src/schemas/guide.ts';
import { attendreResultats, utiliserPageUnique, verifierAccessibilite } from './outils.ts';

type Categorie =
  | 'accents'
  | 'élisions'
  | 'pluriels et flexions'
  | 'sigle vers forme longue'
  | 'forme longue vers sigle'
  | 'mots composés'
  | 'œ et oe'
  | 'nombres'
  | 'fautes de frappe'
  | 'casse'
  | 'termes métier'
  | 'mots courants';

/** [requête, guide attendu dans les 3 premiers (famille/slug), catégorie]. */
const CAS: [string, string, Categorie][] = [
  // Avec et sans accents : Pagefind rapproche é et e.
  ['travaux reglementes', 'reglementation/travaux-reglementes', 'accents'],
  ['derogation eleves mineurs', 'reglementation/travaux-reglementes', 'accents'],
  ['securite sociale accident', 'reglementation/accident-pfmp', 'accents'],
  ['sécurité sociale accident', 'reglementation/accident-pfmp', 'accents'],
  ["sequence d'observation", 'reglementation/stages-observation-3e-2nde', 'accents'],
  ['donnees personnelles', 'reglementation/donnees-personnelles-entreprises', 'accents'],
  ['reglementation durée du travail mineurs', 'reglementation/mineurs-temps-de-travail', 'accents'],

  // Élisions, apostrophe droite ou typographique. Pagefind indexe « l’embauche » comme un seul mot :
  // requete.ts cherche aussi les formes élidées (les quatre premiers cas échouaient sans cela).
  ['l’embauche d’apprentis', 'reglementation/apprentissage-mixite-aides', 'élisions'],
  ["aides à l'embauche", 'reglementation/apprentissage-mixite-aides', 'élisions'],
  ["caisse primaire d'assurance maladie", 'reglementation/accident-pfmp', 'élisions'],
  ["l'obligation d'appui de l'établissement", 'reglementation/cadre-legal-pfmp', 'élisions'],
  ['registre des entreprises d’accueil', 'pratiques/registre-entreprises-accueil', 'élisions'],
  ["l'inspection du travail", 'partenaires/ddfpt-inspecteurs', 'élisions'],
  ["PFMP à l'étranger", 'reglementation/pfmp-etranger', 'élisions'],
  ["l'âge de l'apprenti", 'reglementation/apprentissage-mixite-aides', 'élisions'],

  // Pluriels et flexions : racinisation française de Pagefind.
  ['accidents', 'reglementation/accident-pfmp', 'pluriels et flexions'],
  ['signataires convention', 'reglementation/convention-pfmp', 'pluriels et flexions'],
  ['qui signe la convention', 'reglementation/convention-pfmp', 'pluriels et flexions'],
  ['visite', 'reglementation/encadrement-suivi', 'pluriels et flexions'],
  ['quota stagiaire', 'reglementation/encadrement-suivi', 'pluriels et flexions'],
  ['plafond annuel', 'reglementation/allocation-pfmp', 'pluriels et flexions'],
  ['déclarer un accident', 'reglementation/accident-pfmp', 'pluriels et flexions'],
  ['ancien élève', 'pratiques/reseau-anciens-eleves', 'pluriels et flexions'],
  ['chambre consulaire', 'partenaires/chambres-consulaires', 'pluriels et flexions'],

  // Sigle cherché, guide qui écrit surtout (ou seulement) la forme longue : la forme longue reçoit le sigle
  // en attribut indexé (data-sigle, marquer-sigles.ts).
  ['PFMP', 'reglementation/cadre-legal-pfmp', 'sigle vers forme longue'],
  ['LBA', 'partenaires/plateformes-nationales', 'sigle vers forme longue'],
  ['CGI', 'reglementation/allocation-pfmp', 'sigle vers forme longue'],
  ['TVP', 'reglementation/durees-pfmp-par-diplome', 'sigle vers forme longue'],
  ['CPAM', 'reglementation/accident-pfmp', 'sigle vers forme longue'],
  ['LPO', 'reglementation/stages-observation-3e-2nde', 'sigle vers forme longue'],
  ['FCIL', 'reglementation/allocation-pfmp', 'sigle vers forme longue'],
  ['GPEC', 'partenaires/opco-branches', 'sigle vers forme longue'],

  // Forme longue cherchée, guide qui écrit le sigle : le title de l'<abbr> est indexé.
  ['période de formation en milieu professionnel', 'reglementation/cadre-legal-pfmp', 'forme longue vers sigle'],
  ['comité local école entreprise', 'partenaires/clee', 'forme longue vers sigle'],
  ['campus des métiers et des qualifications', 'partenaires/cmq', 'forme longue vers sigle'],
  ['opérateur de compétences', 'partenaires/opco-branches', 'forme longue vers sigle'],
  ['contrat de plan régional de développement des formations', 'partenaires/region-occitanie', 'forme longue vers sigle'],
  ['indemnité de suivi et d’orientation des élèves', 'partenaires/pilotage-academique', 'forme longue vers sigle'],
  ["groupement d'intérêt public formation continue", 'partenaires/greta-gip-fcip', 'forme longue vers sigle'],
  ['directeur délégué aux formations professionnelles et technologiques', 'partenaires/ddfpt-inspecteurs', 'forme longue vers sigle'],

  // Mots composés à trait d'union (le corpus n'écrit pas « chef-d’œuvre »).
  ['école-entreprise', 'partenaires/clee', 'mots composés'],
  ['rencontre école-entreprise', 'pratiques/rencontre-ecole-entreprise', 'mots composés'],
  ['GRETA-CFA', 'partenaires/greta-gip-fcip', 'mots composés'],
  ['Gard-Lozère', 'partenaires/greta-gip-fcip', 'mots composés'],
  ['hôtellerie-restauration travail de nuit', 'reglementation/mineurs-temps-de-travail', 'mots composés'],
  ['Pierre-Mendès-France', 'pratiques/journee-academique-2023', 'mots composés'],

  // œ et oe, dans les deux sens, avec ou sans majuscule (« Oeuvre » échouait).
  ['voeux parcoursup', 'partenaires/plateformes-nationales', 'œ et oe'],
  ['vœux Parcoursup', 'partenaires/plateformes-nationales', 'œ et oe'],
  ['voeu', 'partenaires/plateformes-nationales', 'œ et oe'],
  ['texte de mise en oeuvre dérogation', 'reglementation/travaux-reglementes', 'œ et oe'],
  ['Le texte de mise en Oeuvre', 'reglementation/travaux-reglementes', 'œ et oe'],
  ['rapport mise en œuvre IGESR', 'partenaires/ddfpt-inspecteurs', 'œ et oe'],

  // Nombres. Les montants sont écrits « 1 200 € » : « 1200 » ne trouvait rien d'utile, requete.ts le
  // cherche en expression exacte « "1 200" ».
  ['16 ans', 'reglementation/mineurs-temps-de-travail', 'nombres'],
  ['1 200 €', 'reglementation/allocation-pfmp', 'nombres'],
  ['1200', 'reglementation/allocation-pfmp', 'nombres'],
  ['5000 €', 'reglementation/apprentissage-mixite-aides', 'nombres'],
  ['réforme 2024', 'reglementation/durees-pfmp-par-diplome', 'nombres'],
  ['48 heures', 'reglementation/accident-pfmp', 'nombres'],
  ['2016-053', 'reglementation/cadre-legal-pfmp', 'nombres'],
  ['17 février 2026', 'reglementation/terminale-bac-pro-2024-2026', 'nombres'],

  // Fautes de frappe : corrigées par le vocabulaire du site (/recherche/vocabulaire.json).
  ['alocation', 'reglementation/allocation-pfmp', 'fautes de frappe'],
  ['convnetion', 'reglementation/convention-pfmp', 'fautes de frappe'],
  ['gratifiaction', 'reglementation/gratification', 'fautes de frappe'],
  ['aprentissage', 'reglementation/apprentissage-mixite-aides', 'fautes de frappe'],
  ['dérrogation', 'reglementation/travaux-reglementes', 'fautes de frappe'],
  ['accidnet du travail', 'reglementation/accident-pfmp', 'fautes de frappe'],

  // Casse.
  ['aplypro', 'reglementation/allocation-pfmp', 'casse'],
  ['APLYPRO', 'reglementation/allocation-pfmp', 'casse'],
  ['greta', 'partenaires/greta-gip-fcip', 'casse'],
  ['ddfpt', 'partenaires/ddfpt-inspecteurs', 'casse'],
  ['inserjeunes', 'pratiques/reseau-anciens-eleves', 'casse'],
  ['REGION OCCITANIE', 'partenaires/region-occitanie', 'casse'],
  ['REPOS HEBDOMADAIRE', 'reglementation/mineurs-temps-de-travail', 'casse'],

  // Termes métier.
  ['travaux réglementés', 'reglementation/travaux-reglementes', 'termes métier'],
  ['accident du travail', 'reglementation/accident-pfmp', 'termes métier'],
  ['tuteur', 'reglementation/encadrement-suivi', 'termes métier'],
  ['enseignant référent', 'reglementation/encadrement-suivi', 'termes métier'],
  ['force majeure', 'reglementation/durees-pfmp-par-diplome', 'termes métier'],
  ['pôle de stages', 'reglementation/cadre-legal-pfmp', 'termes métier'],
  ['travail de nuit', 'reglementation/mineurs-temps-de-travail', 'termes métier'],
  ['parcours différencié', 'reglementation/terminale-bac-pro-2024-2026', 'termes métier'],
  ['mixité des publics', 'reglementation/apprentissage-mixite-aides', 'termes métier'],
  ['convention tripartite', 'reglementation/convention-pfmp', 'termes métier'],

  // Mots courants des RBDE, des familles et des entreprises, pour les termes des textes : « stage » pour PFMP,
  // « patron » pour tuteur, « boîte » pour entreprise ou organisme d'accueil. Les synonymes du glossaire
  // (champ synonymes) sont cherchés par leur terme (remplacerSynonymes, requete.ts) : les guides qui emploient le
  // terme viennent d'abord. Sans eux, « durée du stage en bac pro », « patron », « le patron de l’élève »,
  // « maître de stage », « boîte » et « accident pendant le stage » échouent (vérifié le 3 décembre 2026) ;
  // les autres cas gardent les requêtes mixtes, qui passaient déjà.
  ['convention de stage', 'reglementation/convention-pfmp', 'mots courants'],
  ['durée du stage en bac pro', 'reglementation/durees-pfmp-par-diplome', 'mots courants'],
  ['stage à l’étranger', 'reglementation/pfmp-etranger', 'mots courants'],
  ['élève sans stage', 'pratiques/eleve-sans-stage', 'mots courants'],
  ['patron', 'reglementation/encadrement-suivi', 'mots courants'],
  ['le patron de l’élève', 'reglementation/encadrement-suivi', 'mots courants'],
  ['maître de stage', 'reglementation/encadrement-suivi', 'mots courants'],
  ['premier contact avec une boîte', 'pratiques/premier-contact-entreprise', 'mots courants'],
  ['registre des boîtes', 'pratiques/registre-entreprises-accueil', 'mots courants'],
  ['boite qui accueille des stagiaires', 'reglementation/encadrement-suivi', 'mots courants'],
  ['boîte', 'pratiques/premier-contact-entreprise', 'mots courants'],
  ['partenariat avec une boîte', 'pratiques/formaliser-un-partenariat', 'mots courants'],
  ['cadre légal des stages', 'reglementation/cadre-legal-pfmp', 'mots courants'],
  ['accident pendant le stage', 'reglementation/accident-pfmp', 'mots courants'],
  ['gratification du stage', 'reglementation/gratification', 'mots courants'],
];

const CATEGORIES = [...new Set(CAS.map(([, , c]) => c))];
const urlGuide = (id: string) => `/guides/${id}/`;
const rechercher = (p: Page, q: string, extra = '') => p.goto(`/recherche/?q=${encodeURIComponent(q)}${extra}`);

// Une seule page pour toute la suite : Pagefind et son index restent dans le cache du navigateur.
const env = utiliserPageUnique('erreurs JavaScript ou ressources en échec pendant la recherche');
let page: Page;
beforeAll(() => {
  ({ page } = env);
});

describe('La suite de régression elle-même', () => {
  test('couvre chaque catégorie par au moins 4 requêtes, et au moins 45 en tout', () => {
    expect(CAS.length).toBeGreaterThanOrEqual(45);
    for (const c of CATEGORIES) expect(CAS.filter(([, , x]) => x === c).length, c).toBeGreaterThanOrEqual(4);
    expect(CATEGORIES).toHaveLength(12);
  });

  test('chaque page attendue existe dans le site construit', () => {
    const manquantes = [...new Set(CAS.map(([, id]) => id))].filter((id) => !existsSync(join(import.meta.dirname, '..', 'dist', 'guides', id, 'index.html')));
    expect(manquantes, 'guides attendus introuvables dans dist/ (renommés ?)').toEqual([]);
  });
});

describe('La recherche trouve le bon guide dans les 3 premiers résultats', () => {
  for (const categorie of CATEGORIES) {
    describe(categorie, () => {
      test.each(CAS.filter(([, , c]) => c === categorie))('« %s » trouve %s dans les 3 premiers', async (requete, attendu) => {
        await rechercher(page, requete);
        const resultats = await attendreResultats(page);
        expect(resultats.slice(0, 3), `premiers résultats pour « ${requete} » : ${resultats.slice(0, 5).join(', ') || 'aucun'}`).toContain(urlGuide(attendu));
      });
    });
  }
});

describe('La page de recherche', () => {
  /** Le nombre total annoncé par le bilan (« 12 résultats pour … », « 10 premiers résultats sur 41 pour … »). */
  const totalAnnonce = async (p: Page) => {
    const bilan = (await p.locator('#resultats h2').textContent()) ?? '';
    const m = bilan.match(/^(?:\d+ premiers résultats sur (\d+)|(\d+) résultats?) pour/);
    if (!m) throw new Error(`Bilan inattendu : « ${bilan} »`);
    return Number(m[1] ?? m[2]);
  };
  const famillesAffichees = (p: Page) =>
    p.$$eval('#resultats li.rbde-resultat', (lis) => lis.map((li) => li.querySelector('.rbde-meta')?.textContent ?? '(sans famille)'));
  const champRecherche = (p: Page) => p.getByRole('main').getByRole('searchbox', { name: 'Rechercher dans les guides' });

  test('le filtre de famille « Réglementation » réduit les résultats et ne garde que cette famille, par le sélecteur ou par l’adresse', async () => {
    await rechercher(page, 'allocation');
    const tous = await attendreResultats(page);
    const totalSansFiltre = await totalAnnonce(page);
    expect(new Set(await famillesAffichees(page)).size, 'sans filtre, plusieurs familles (ou le glossaire) sont attendues').toBeGreaterThan(1);

    await page.getByLabel('Famille de guides').selectOption('Réglementation');
    await page.waitForURL((u) => u.searchParams.get('famille') === 'Réglementation');
    const filtres = await attendreResultats(page);
    expect(filtres.length).toBeGreaterThan(0);
    expect(await totalAnnonce(page)).toBeLessThan(totalSansFiltre);
    expect(new Set(await famillesAffichees(page))).toEqual(new Set(['Réglementation']));
    expect(
      filtres.every((u) => u.startsWith('/guides/reglementation/')),
      filtres.join(', '),
    ).toBe(true);
    // Le premier résultat de la famille reste parmi les résultats filtrés (le tout premier peut être un outil : le simulateur de l’allocation).
    expect(filtres).toContain(tous.find((u) => u.startsWith('/guides/reglementation/')));
    // La requête est gardée avec le filtre.
    expect(new URL(page.url()).searchParams.get('q')).toBe('allocation');
    expect(await champRecherche(page).inputValue()).toBe('allocation');

    // Le même filtre donné dans l'adresse : sélecteur positionné, mêmes résultats.
    await rechercher(page, 'allocation', `&famille=${encodeURIComponent('Réglementation')}`);
    expect(await attendreResultats(page)).toEqual(filtres);
    expect(await page.getByLabel('Famille de guides').inputValue()).toBe('Réglementation');
  });

  test('affiche cinq résultats, puis les suivants à la demande (leurs extraits ne sont téléchargés qu’alors)', async () => {
    await rechercher(page, 'convention');
    expect(await attendreResultats(page)).toHaveLength(5);
    const total = await totalAnnonce(page);
    expect(total).toBeGreaterThan(5);
    const fragments: string[] = [];
    const surRequete = (r: { url(): string }) => {
      if (r.url().includes('/pagefind/fragment/')) fragments.push(r.url());
    };
    page.on('request', surRequete);
    await page.getByRole('button', { name: /^Afficher \d+ résultats de plus$/ }).click();
    await page.waitForFunction(() => document.querySelectorAll('#resultats ol li').length > 5);
    page.off('request', surRequete);
    expect(await attendreResultats(page)).toHaveLength(Math.min(10, total));
    expect(fragments.length).toBeGreaterThan(0);
    expect(fragments.length).toBeLessThanOrEqual(5);
    await verifierAccessibilite(page, 'recherche, résultats suivants');
  });

  test('une requête sans résultat propose le glossaire et les trois familles de guides', async () => {
    await rechercher(page, 'zzzzqqq');
    expect(await attendreResultats(page)).toEqual([]);
    expect(await page.locator('#resultats h2').textContent()).toBe('Aucun résultat pour « zzzzqqq »');
    const aide = page.locator('#aucun-resultat');
    expect(await aide.isVisible()).toBe(true);
    const liens = await aide.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(liens).toEqual(['/glossaire/', ...Object.keys(FAMILLES).map((f) => `/guides/${f}/`)]);
    for (const lien of liens) expect((await page.request.get(lien!)).status(), lien!).toBe(200);
    await verifierAccessibilite(page, 'recherche sans résultat');
  });

  test('la requête saisie reste dans l’adresse, dans le champ et dans le titre, même après un rechargement', async () => {
    await page.goto('/recherche/');
    const requete = 'l’allocation d’un élève mineur';
    await champRecherche(page).fill(requete);
    await champRecherche(page).press('Enter');
    await page.waitForURL((u) => u.searchParams.get('q') === requete);
    const resultats = await attendreResultats(page);
    expect(resultats.slice(0, 3)).toContain(urlGuide('reglementation/allocation-pfmp'));
    expect(await champRecherche(page).inputValue()).toBe(requete);
    expect(await page.title()).toContain(`« ${requete} »`);
    expect(await page.locator('#resultats h2').textContent()).toContain(`pour « ${requete} »`);

    await page.reload();
    expect(await attendreResultats(page)).toEqual(resultats);
    expect(await champRecherche(page).inputValue()).toBe(requete);
  });

  test('une faute de frappe corrigée est annoncée, et la requête d’origine reste dans le champ', async () => {
    await rechercher(page, 'gratifiaction');
    await attendreResultats(page);
    expect(await page.locator('#resultats').textContent()).toContain('Résultats pour « gratification » (au lieu de « gratifiaction »)');
    expect(await champRecherche(page).inputValue()).toBe('gratifiaction');
  });

  test('les extraits gardent l’apostrophe typographique que l’index a redressée', async () => {
    await rechercher(page, 'embauche');
    await attendreResultats(page);
    const texte = (await page.locator('#resultats ol').textContent()) ?? '';
    expect(texte).toMatch(/l’embauche/i);
    expect(texte).not.toMatch(/\p{L}'\p{L}/u);
  });

  test('les extraits ne montrent que le texte des guides, sans les synonymes du glossaire', async () => {
    // Quand ils étaient indexés, l'extrait lisait « le bureau des boîte boite. entreprises ».
    await rechercher(page, 'bureau des entreprises');
    await attendreResultats(page);
    const texte = (await page.locator('#resultats ol').textContent()) ?? '';
    expect(texte).toMatch(/bureau des entreprises/i);
    expect(texte).not.toMatch(/bo[iî]te boite/i);
  });

  test('un mot que le site écrit ne fait télécharger aucun morceau du vocabulaire des fautes', async () => {
    const vocabulaire: string[] = [];
    const noter = (r: { url(): string }) => {
      if (r.url().includes('/recherche/vocabulaire/')) vocabulaire.push(r.url());
    };
    page.on('request', noter);
    await rechercher(page, 'convention');
    await attendreResultats(page);
    expect(vocabulaire).toEqual([]);
    await rechercher(page, 'conventoin');
    await attendreResultats(page);
    page.off('request', noter);
    expect(vocabulaire.length).toBeGreaterThan(0);
    expect(vocabulaire.every((u) => /\/(8|9|10|11|12)\.json$/.test(u))).toBe(true);
  });

  test('une requête dont presque aucune page n’a tous les mots est élargie, et la page le dit', async () => {
    await rechercher(page, 'âge minimum apprentissage');
    const liens = await attendreResultats(page);
    expect(await page.locator('#resultats').textContent()).toContain('Peu de pages contiennent tous ces mots');
    expect(liens.slice(0, 3)).toContain(urlGuide('reglementation/apprentissage-mixite-aides'));
  });
});
