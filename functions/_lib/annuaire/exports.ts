// Exports de l'annuaire : vCard (une fiche ou la liste filtrée) et CSV pour les organisateurs.
// vCard par vcards-js (maintenu, sans dépendance, échappe « ; , \ » et les retours à la ligne comme le veut la RFC).
// CSV par csv-stringify, séparateur « ; » et BOM UTF-8 : un tableur français l'ouvre tel quel.
import { stringify } from 'csv-stringify/sync';
import vCardsJS from 'vcards-js';
import { THEMES } from '../../../src/schemas/guide.ts';
import type { FicheAnnuaire } from '../../../src/schemas/annuaire.ts';

/** La vCard 3.0 d'une fiche, avec ses seuls champs visibles par l'appelant. */
export function vcard(f: FicheAnnuaire): string {
  const c = vCardsJS();
  c.firstName = f.prenom;
  c.lastName = f.nom;
  c.title = f.fonction;
  if (f.etablissement) {
    c.organization = f.etablissement.nom;
    c.workAddress.city = f.etablissement.commune;
    c.workAddress.countryRegion = 'France';
  }
  if (f.email) c.workEmail = f.email;
  if (f.telephone) c.workPhone = f.telephone;
  const note = [
    f.expertises.length ? `Expertises : ${f.expertises.map((e) => THEMES[e]).join(', ')}` : '',
    f.secteurs.length ? `Secteurs : ${f.secteurs.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join('\n');
  if (note) c.note = note;
  // REV (date de génération) retiré : deux exports de la même fiche sont identiques.
  return c
    .getFormattedString()
    .split(/\r?\n/)
    .filter((l) => !l.startsWith('REV:'))
    .join('\r\n');
}

/** Plusieurs vCards dans un seul fichier .vcf. */
export const vcards = (fiches: FicheAnnuaire[]) => fiches.map(vcard).join('');

/** Le CSV de la liste filtrée : une ligne par fiche, un champ masqué reste vide. */
export function csvAnnuaire(fiches: FicheAnnuaire[]): string {
  const lignes = fiches.map((f) => [
    f.nom,
    f.prenom,
    f.fonction,
    f.etablissement?.nom ?? '',
    f.etablissement?.uai ?? '',
    f.etablissement?.commune ?? '',
    f.etablissement?.departement ?? '',
    f.etablissement?.bassin ?? '',
    f.email ?? '',
    f.telephone ?? '',
    f.secteurs.join(', '),
    f.expertises.map((e) => THEMES[e]).join(', '),
    f.langues.join(', '),
    f.accompagne === null ? '' : f.accompagne ? 'oui' : 'non',
    f.arrive_le.slice(0, 10),
    f.mis_a_jour_le?.slice(0, 10) ?? '',
  ]);
  const entete = [
    'Nom',
    'Prénom',
    'Fonction',
    'Lycée',
    'UAI',
    'Commune',
    'Département',
    'Bassin',
    'Adresse électronique',
    'Téléphone',
    'Secteurs',
    'Expertises',
    'Langues',
    'Accompagne un nouveau collègue',
    'Arrivé le',
    'Fiche mise à jour le',
  ];
  // Une cellule qui commence par = + - @ serait lue comme une formule par un tableur : on la préfixe d'une apostrophe.
  const sure = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
  return '\uFEFF' + stringify([entete, ...lignes.map((l) => l.map(sure))], { delimiter: ';', record_delimiter: '\r\n' });
}
