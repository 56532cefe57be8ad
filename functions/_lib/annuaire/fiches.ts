// Lecture des fiches d'autres membres : une fiche, « qui contacter », exports.
import type { ChampMasquable, FicheAnnuaire, RechercheAnnuaire } from '../../../src/schemas/annuaire.ts';
import type { Theme } from '../../../src/schemas/guide.ts';
import type { Contexte } from '../contexte.ts';
import { fichier, type Resultat } from '../http/route.ts';
import { csvAnnuaire, vcard, vcards } from './exports.ts';
import { argumentsRecherche } from './rechercher.ts';

/** Une fiche, champs masqués à null ; un champ masqué demandé explicitement : CHAMP_MASQUE (la base décide). */
export function lireFiche(id: string, champs: ChampMasquable[] | undefined, ctx: Pick<Contexte, 'api'>): Promise<FicheAnnuaire> {
  return ctx.api.annuaire_fiche({ p_id: id, p_champs: champs });
}

/** « Qui contacter » : les membres dont l'expertise visible recoupe les thèmes d'un guide. */
export function quiContacter(themes: Theme[], ctx: Pick<Contexte, 'api'>): Promise<FicheAnnuaire[]> {
  return ctx.api.annuaire_qui_contacter({ p_themes: themes, p_limite: 6 });
}

const nomFichier = (f: FicheAnnuaire) =>
  `${f.prenom}-${f.nom}`
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9-]+/g, '-')
    .toLowerCase();

/** La vCard d'une fiche. */
export async function vcardFiche(id: string, ctx: Pick<Contexte, 'api'>): Promise<Resultat> {
  const f = await lireFiche(id, undefined, ctx);
  return fichier(vcard(f), 'text/vcard; charset=utf-8', `${nomFichier(f)}.vcf`);
}

/** Les vCards de la liste filtrée (2 000 au plus). */
export async function vcardListe(r: Omit<RechercheAnnuaire, 'page'>, ctx: Pick<Contexte, 'api'>): Promise<Resultat> {
  const { fiches } = await ctx.api.annuaire_rechercher({ ...argumentsRecherche(r), p_limite: 2000, p_decalage: 0 });
  return fichier(vcards(fiches), 'text/vcard; charset=utf-8', 'annuaire-reseau-bde.vcf');
}

/** Le CSV de la liste filtrée, pour les organisateurs (la base refuse les autres). */
export async function csvListe(r: Omit<RechercheAnnuaire, 'page'>, ctx: Pick<Contexte, 'api'>): Promise<Resultat> {
  const fiches = await ctx.api.annuaire_liste_organisateurs(argumentsRecherche(r));
  return fichier(csvAnnuaire(fiches), 'text/csv; charset=utf-8', 'annuaire-reseau-bde.csv');
}
