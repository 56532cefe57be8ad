// Cas d'usage du carnet des entreprises d'accueil. Les règles (doublons, droits, historique) sont en SQL.
import { communeParCode } from '../../../src/lib/referentiels.ts';
import type { ContactEntree, Organisation, OrganisationEntree, ResultatEnregistrement } from '../../../src/schemas/carnet.ts';
import type { Contexte } from '../contexte.ts';
import { DomainError } from '../errors.ts';

function argumentsOrganisation(id: string | null, o: OrganisationEntree) {
  const commune = communeParCode(o.commune);
  if (!commune) throw new DomainError('REQUETE_INVALIDE', 'Cette commune est inconnue.');
  return {
    p_id: id as string,
    p_siret: (o.siret ?? null) as string,
    p_nom: o.nom,
    p_code_naf: o.code_naf,
    p_commune_insee: commune.code,
    p_commune_nom: commune.nom,
    p_departement: commune.departement,
    p_adresse: (o.adresse ?? null) as string,
    p_taille: (o.taille ?? null) as NonNullable<OrganisationEntree['taille']>,
    p_dernier_contact: (o.dernier_contact ?? null) as string,
    p_forcer: o.forcer ?? false,
  };
}

/** Ajoute (id null) ou modifie une organisation ; rend les doublons probables sans rien écrire s'il y en a. */
export function enregistrerOrganisation(id: string | null, o: OrganisationEntree, ctx: Contexte): Promise<ResultatEnregistrement> {
  return ctx.api.organisation_enregistrer(argumentsOrganisation(id, o));
}

/** La fiche, avec les fiches qui lui ressemblent (pour les fusionner). */
export function lireOrganisation(id: string, ctx: Contexte): Promise<Organisation> {
  return ctx.api.organisation_lire({ p_id: id });
}

export function ajouterContact(organisation: string, c: ContactEntree, ctx: Contexte) {
  return ctx.api.contact_ajouter({
    p_organisation: organisation,
    p_nom: c.nom,
    p_fonction: (c.fonction ?? null) as string,
    p_telephone: (c.telephone ?? null) as string,
    p_email: (c.email ?? null) as string,
  });
}
