import type { MaFiche, ModificationFiche } from '../../../src/schemas/annuaire.ts';
import type { Profil } from '../../../src/schemas/membre.ts';
import type { Contexte } from '../contexte.ts';
import { fichier, type Resultat } from '../http/route.ts';

/** La fiche du membre connecté (la base refuse une session fermée ou un membre inactif). */
export function lireMonProfil(ctx: Contexte): Promise<Profil> {
  return ctx.api.moi();
}

/** Ma fiche d'annuaire complète, avec la visibilité de chaque champ. */
export function lireMaFiche(ctx: Pick<Contexte, 'api'>): Promise<MaFiche> {
  return ctx.api.annuaire_moi();
}

/** Remplace ma fiche (PUT) ; la base vérifie le lycée, les expertises et les visibilités. */
export async function modifierMaFiche(m: ModificationFiche, ctx: Pick<Contexte, 'api' | 'journal'>): Promise<MaFiche> {
  const fiche = await ctx.api.annuaire_modifier({
    p_prenom: m.prenom,
    p_nom: m.nom,
    p_fonction: m.fonction,
    // Vide = aucun (la fonction SQL en fait null) : la surface générée type ces arguments en texte.
    p_uai: m.uai ?? '',
    p_telephone: m.telephone ?? '',
    p_secteurs: m.secteurs,
    p_expertises: m.expertises,
    p_presentation: m.presentation ?? '',
    p_langues: m.langues,
    p_accompagne: m.accompagne,
    p_visibilites: m.visibilites,
  });
  ctx.journal('annuaire.fiche_modifiee', { fiche: fiche.id });
  return fiche;
}

/** Efface mes données facultatives ; garde ce qui fait de moi un membre (nom, adresse, fonction, lycée). */
export function effacerMesDonnees(ctx: Pick<Contexte, 'api'>): Promise<MaFiche> {
  return ctx.api.annuaire_effacer();
}

/** Toutes mes données, en fichier JSON (droit d'accès et portabilité). */
export async function exporterMesDonnees(ctx: Pick<Contexte, 'api'>): Promise<Resultat> {
  const donnees = await ctx.api.annuaire_exporter();
  return fichier(`${JSON.stringify(donnees, null, 2)}\n`, 'application/json; charset=utf-8', 'mes-donnees-reseau-bde.json');
}
