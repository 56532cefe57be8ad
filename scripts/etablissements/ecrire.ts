// Écriture des établissements lus : une seule transaction, tout ou rien.
import type { Database } from '../../local/base/base.ts';
import type { Etablissement } from './lire.ts';

/** Insère ou met à jour chaque établissement ; renvoie le nombre d'ajouts et de mises à jour. */
export async function ecrireEtablissements(db: Database, etablissements: Etablissement[]): Promise<{ ajoutes: number; misAJour: number }> {
  return db.transaction(async (tx) => {
    let ajoutes = 0;
    for (const e of etablissements) {
      const { rows } = await tx.query<{ ajoute: boolean }>(
        `insert into prive.etablissements as x (uai, nom, type, code_commune, commune, departement, bassin) values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (uai) do update set nom = excluded.nom, type = excluded.type, code_commune = excluded.code_commune,
           commune = excluded.commune, departement = excluded.departement, bassin = excluded.bassin
         returning (xmax = 0) as ajoute`,
        [e.uai, e.nom, e.type, e.code_commune, e.commune, e.departement, e.bassin],
      );
      if (rows[0]?.ajoute) ajoutes++;
    }
    return { ajoutes, misAJour: etablissements.length - ajoutes };
  });
}
