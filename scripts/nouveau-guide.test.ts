import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { ajouterMois, contenuDuGuide, dateIso, ecrireGuide, proposerSlug, recueillirReponses, typographier, type Reponses } from './nouveau-guide.ts';
import { CONTENU } from './verification/exemples.fixture.ts';
import { verifierFichiers } from './verification/index.ts';

const SCRIPT = join(import.meta.dirname, 'nouveau-guide.ts');
const NBSP = '\u00a0';
let dossier: string;
beforeEach(() => {
  dossier = mkdtempSync(join(tmpdir(), 'nouveau-guide-'));
});
afterEach(() => rmSync(dossier, { recursive: true, force: true }));

const reponses = (r: Partial<Reponses> = {}): Reponses => ({
  famille: 'pratiques',
  titre: 'Préparer un forum des métiers',
  description: 'Les étapes pour organiser un forum des métiers avec les entreprises du bassin, de l’invitation au bilan.',
  themes: ['partenariats'],
  publics: ['rbde'],
  slug: 'forum-des-metiers',
  ...r,
});

/** Les problèmes que la vérification trouve dans un guide écrit par le script. */
const problemes = (famille: string, texte: string) =>
  verifierFichiers([...CONTENU, { chemin: `content/guides/${famille}/nouveau.mdx`, source: texte }]).problemes.filter((p) =>
    p.fichier.endsWith('/nouveau.mdx'),
  );

describe('nom de fichier proposé', () => {
  test('passe le titre en minuscules sans accents, avec des tirets', () => {
    expect(proposerSlug('L’élève mineur : horaires et œuvres (2026) !')).toBe('l-eleve-mineur-horaires-et-oeuvres-2026');
  });
  test('coupe un titre long entre deux mots', () => {
    const slug = proposerSlug('Organiser une rencontre académique des responsables du bureau des entreprises et de leurs partenaires');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('organiser-une-rencontre-academique-des-responsables-du');
  });
});

describe('saisie', () => {
  test('pose les espaces insécables et les apostrophes typographiques', () => {
    expect(typographier("L'accueil : qui fait quoi ?! « Oui » à 8:30")).toBe(`L’accueil${NBSP}: qui fait quoi${NBSP}?! «${NBSP}Oui${NBSP}» à 8:30`);
  });
  test('ajoute six mois en restant dans le mois', () => {
    expect(dateIso(ajouterMois(new Date(2026, 7, 31), 6))).toBe('2027-02-28');
    expect(dateIso(ajouterMois(new Date(2026, 10, 30), 6))).toBe('2027-05-30');
  });
  test('repose une question tant que la réponse est refusée', async () => {
    const questions: string[] = [];
    const reponsesSaisies = ['7', '3', 'Abc', 'Préparer un forum des métiers', 'Trop court.', reponses().description, 'cuisine', '10,partenariats', '', ''];
    let affiche = '';
    const r = await recueillirReponses(
      { dossier },
      async (q) => {
        questions.push(q);
        return reponsesSaisies.shift() ?? '';
      },
      (t) => (affiche += t),
    );
    expect(r).toEqual({ ...reponses(), slug: 'preparer-un-forum-des-metiers', themes: ['insertion', 'partenariats'] });
    expect(questions).toHaveLength(10);
    expect(affiche).toContain('  3. pratiques — Pratiques et ateliers\n');
    expect(affiche).toContain('  Le titre est trop court.\n');
  });
});

describe('fichier écrit', () => {
  test('un guide de pratiques a un frontmatter valide ; seules les consignes « À compléter » sont signalées', () => {
    const texte = contenuDuGuide(reponses(), new Date(2026, 10, 30));
    expect(texte).toContain('verifieLe: 2026-11-30\naRevoirLe: 2027-05-30\n');
    expect(texte).toContain('<Encadre type="cle" titre="À retenir">');
    expect(texte).toMatch(/\n## Sources\n/);
    const messages = new Set(problemes('pratiques', texte).map((p) => p.message));
    expect([...messages]).toEqual(['Consigne du modèle « À compléter : » encore présente : remplacez-la par votre texte.']);
  });

  test('un guide de réglementation a une source d’exemple que la vérification refuse', () => {
    const texte = contenuDuGuide(reponses({ famille: 'reglementation', themes: ['pfmp'] }), new Date(2026, 10, 30));
    const trouves = problemes('reglementation', texte);
    expect(trouves.some((p) => p.message.startsWith('Champ'))).toBe(false); // le schéma est satisfait
    expect(trouves.filter((p) => p.message.startsWith('Source n° 1'))).toHaveLength(1);
  });

  test('refuse d’écraser un fichier existant', () => {
    mkdirSync(join(dossier, 'pratiques'));
    writeFileSync(join(dossier, 'pratiques', 'forum-des-metiers.mdx'), 'déjà là');
    expect(() => ecrireGuide(reponses(), dossier)).toThrow(/existe déjà/);
    expect(readFileSync(join(dossier, 'pratiques', 'forum-des-metiers.mdx'), 'utf8')).toBe('déjà là');
  });
});

describe('ligne de commande', () => {
  const lancer = (...args: string[]) =>
    spawnSync(process.execPath, [SCRIPT, '--dossier', dossier, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const ARGUMENTS = [
    '--famille',
    'partenaires',
    '--titre',
    "L'OPCO de la branche",
    '--description',
    reponses().description,
    '--themes',
    'partenariats,apprentissage',
    '--publics',
    'rbde,ddfpt',
  ];

  test('écrit le guide à partir des arguments, sans poser de question', () => {
    const r = lancer(...ARGUMENTS);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const texte = readFileSync(join(dossier, 'partenaires', 'l-opco-de-la-branche.mdx'), 'utf8');
    expect(texte).toContain('titre: "L’OPCO de la branche"\n');
    expect(texte).toContain('themes: [partenariats, apprentissage]\npublics: [rbde, ddfpt]\n');
    expect(texte).toContain(`verifieLe: ${dateIso(new Date())}\n`);
  });

  test('refuse un thème inconnu et un fichier existant, avec un code de sortie 1', () => {
    const inconnu = lancer(...ARGUMENTS.slice(0, 6), '--themes', 'cuisine');
    expect(inconnu.status).toBe(1);
    expect(inconnu.stderr).toContain('Guide non créé : --themes : Thème inconnu : cuisine.');
    expect(lancer(...ARGUMENTS).status).toBe(0);
    const deuxieme = lancer(...ARGUMENTS);
    expect(deuxieme.status).toBe(1);
    expect(deuxieme.stderr).toMatch(/Guide non créé : --slug : Le fichier .*l-opco-de-la-branche\.mdx existe déjà/);
  });
});
