// Contrôle du frontmatter : schéma zod du contenu, champs inconnus, famille et dossier, dates, nom du fichier.
import type { z } from 'zod';
import { glossaireSchema } from '../../src/schemas/glossaire.ts';
import { guideSchema, sourceSchema } from '../../src/schemas/guide.ts';
import { pageSchema } from '../../src/schemas/page.ts';
import { ligneDuChamp } from './document.ts';
import type { Collection, Document, Probleme, Regle } from './types.ts';

const SCHEMAS: Record<Collection, z.ZodType> = { guides: guideSchema, glossaire: glossaireSchema, pages: pageSchema };
const CHAMPS: Record<Collection, string[]> = {
  guides: Object.keys(guideSchema.shape),
  glossaire: Object.keys(glossaireSchema.shape),
  pages: Object.keys(pageSchema.shape),
};
const CHAMPS_SOURCE: Record<Collection, string[]> = { guides: Object.keys(sourceSchema.shape), glossaire: ['titre', 'url'], pages: [] };
const DATES: Record<Collection, string[]> = { guides: ['verifieLe', 'aRevoirLe'], glossaire: [], pages: ['misAJourLe'] };

/** « sources › n° 1 › url » pour le chemin zod ['sources', 0, 'url']. */
export function nomDuChamp(chemin: readonly PropertyKey[]): string {
  return chemin.map((c) => (typeof c === 'number' ? `n° ${c + 1}` : `« ${String(c)} »`)).join(' › ');
}

const sansAccents = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Les champs que le schéma ne connaît pas (zod les ignorerait sans rien dire). */
function champsInconnus(doc: Document, objet: unknown, connus: string[], prefixe: PropertyKey[]): Probleme[] {
  if (!objet || typeof objet !== 'object' || Array.isArray(objet)) return [];
  return Object.keys(objet)
    .filter((cle) => !connus.includes(cle))
    .map((cle) => {
      const proche = connus.find((c) => sansAccents(c) === sansAccents(cle));
      const conseil = proche ? `Vouliez-vous dire « ${proche} » ?` : `Champs possibles : ${connus.join(', ')}.`;
      return {
        fichier: doc.chemin,
        ligne: ligneDuChamp(doc, [...prefixe, cle]),
        message: `Champ inconnu ${nomDuChamp([...prefixe, cle])} : il serait ignoré. ${conseil}`,
      };
    });
}

/** Une date AAAA-MM-JJ qui existe au calendrier (le 30 février est refusé). */
export function estDateIso(valeur: unknown): boolean {
  if (valeur instanceof Date) return !Number.isNaN(valeur.getTime());
  if (typeof valeur !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(valeur)) return false;
  const d = new Date(`${valeur}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === valeur;
}

export const verifierFrontmatter: Regle = (doc) => {
  const problemes: Probleme[] = [...doc.problemesLecture];
  const ajouter = (chemin: readonly PropertyKey[], message: string) => problemes.push({ fichier: doc.chemin, ligne: ligneDuChamp(doc, chemin), message });

  // Nom et emplacement du fichier : ils donnent l'adresse de la page.
  const nom = doc.id.slice(doc.id.lastIndexOf('/') + 1);
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(nom))
    problemes.push({
      fichier: doc.chemin,
      ligne: 1,
      message: `Nom de fichier « ${nom} » : utilisez des minuscules sans accents, des chiffres et des tirets (il devient l’adresse de la page).`,
    });
  if (doc.collection === 'glossaire' && doc.mdx)
    problemes.push({ fichier: doc.chemin, ligne: 1, message: 'Une entrée du glossaire est un fichier .md (pas .mdx) : sinon elle n’est pas publiée.' });
  if (doc.collection === 'guides' && !doc.dossier)
    problemes.push({
      fichier: doc.chemin,
      ligne: 1,
      message: 'Un guide doit être rangé dans le dossier de sa famille : content/guides/reglementation/, partenaires/ ou pratiques/.',
    });

  if (!doc.yaml) return problemes;
  const donnees = doc.donnees;

  problemes.push(...champsInconnus(doc, donnees, CHAMPS[doc.collection], []));
  if (doc.collection === 'guides' && Array.isArray(donnees.sources))
    donnees.sources.forEach((s, i) => problemes.push(...champsInconnus(doc, s, CHAMPS_SOURCE.guides, ['sources', i])));
  if (doc.collection === 'glossaire') problemes.push(...champsInconnus(doc, donnees.source, CHAMPS_SOURCE.glossaire, ['source']));

  const resultat = SCHEMAS[doc.collection].safeParse(donnees);
  const dejaSignales = new Set<string>();
  for (const issue of resultat.success ? [] : resultat.error.issues) {
    const dernier = [...issue.path].reverse().find((c) => typeof c === 'string');
    const message = dernier && issue.message.startsWith(`${String(dernier)} :`) ? issue.message.slice(String(dernier).length + 2).trim() : issue.message;
    dejaSignales.add(String(issue.path[0]));
    ajouter(issue.path, issue.path.length ? `Champ ${nomDuChamp(issue.path)} : ${message}` : message);
  }

  // Les dates doivent s'écrire AAAA-MM-JJ et exister (zod accepterait « 2026-02-30 » ou « 30 novembre 2026 »).
  for (const champ of DATES[doc.collection]) {
    const valeur = donnees[champ];
    if (valeur !== undefined && valeur !== null && !dejaSignales.has(champ) && !estDateIso(valeur))
      ajouter([champ], `Champ « ${champ} » : date attendue au format AAAA-MM-JJ (par exemple 2026-11-30), et qui existe au calendrier.`);
  }

  if (doc.collection === 'guides') {
    const famille = donnees.famille;
    if (typeof famille === 'string' && doc.dossier && famille !== doc.dossier)
      ajouter(
        ['famille'],
        `Champ « famille » : « ${famille} », mais le fichier est dans le dossier « ${doc.dossier} ». Corrigez le champ ou déplacez le fichier.`,
      );
    // Le schéma ne dit rien des sources ni de verifieLe tant qu'un autre champ est faux : on le dit toujours.
    if (famille === 'reglementation') {
      if (!Array.isArray(donnees.sources) || donnees.sources.length === 0)
        ajouter(['sources'], 'Champ « sources » : Un guide de réglementation doit citer ses sources (champ sources).');
      if (donnees.verifieLe === undefined || donnees.verifieLe === null)
        ajouter(['verifieLe'], 'Champ « verifieLe » : Un guide de réglementation doit porter sa date de vérification (champ verifieLe).');
    }
  }
  return problemes;
};
