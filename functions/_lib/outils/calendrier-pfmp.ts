// Calendrier des PFMP : cas d'usage. Les droits (chacun son lycée) et les invariants (dates, formation,
// chevauchement) sont en SQL ; ici, la mise en forme des appels.
import { parse } from 'csv-parse/sync';
import { createEvents } from 'ics';
import {
  publicationPeriodeSchema,
  type ImportCsv,
  type LigneRefusee,
  type PublicationPeriode,
  type RequeteReseau,
} from '../../../src/schemas/calendrier-pfmp.ts';
import type { Contexte } from '../contexte.ts';
import { DomainError, estCodeErreur, MESSAGES } from '../errors.ts';

/** Publie une période pour le lycée du membre connecté. */
export function publierPeriode(p: PublicationPeriode, { api }: Contexte) {
  return api.periode_pfmp_publier({ p_formation: p.formation, p_classe: p.classe, p_niveau: p.niveau, p_debut: p.debut, p_fin: p.fin, p_eleves: p.eleves });
}

/** Retire une période du lycée du membre connecté (celle d'un autre lycée est introuvable). */
export function retirerPeriode(id: string, { api }: Contexte) {
  return api.periode_pfmp_retirer({ p_id: id });
}

/** Les périodes du lycée du membre connecté, et les formations du réseau. */
export function mesPeriodes({ api }: Contexte) {
  return api.periodes_pfmp_miennes();
}

/** La vue du réseau, semaine par semaine. */
export function vueReseau(r: RequeteReseau, { api }: Contexte) {
  return api.calendrier_pfmp_reseau({ p_debut: r.debut, p_fin: r.fin, p_seuil: r.seuil, p_regroupement: r.regroupement });
}

/** Colonnes attendues du fichier d'import, dans n'importe quel ordre. */
export const COLONNES_IMPORT = ['formation', 'classe', 'niveau', 'debut', 'fin', 'eleves'] as const;

/** « 18/01/2027 » (tableur français) → « 2027-01-18 » ; une autre écriture est laissée au schéma, qui la refuse en français. */
const dateIso = (v: string) => {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : v;
};

const refus = (lignes: LigneRefusee[]) => new DomainError('IMPORT_INVALIDE', MESSAGES.IMPORT_INVALIDE, { lignes });

/**
 * Importe une année de périodes depuis un CSV : chaque ligne est vérifiée (schéma, puis la base : formation,
 * chevauchements, y compris entre lignes du fichier) ; à la moindre ligne refusée, rien n'est enregistré et
 * le rapport dit, ligne par ligne, ce qui ne va pas.
 */
export async function importerPeriodes({ csv }: ImportCsv, { api }: Contexte): Promise<{ importees: number }> {
  let enregistrements: { record: string[]; info: { lines: number } }[];
  try {
    enregistrements = parse(csv.replace(/^\uFEFF/, ''), {
      delimiter: [';', ','],
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const ligne = (e as { lines?: number }).lines ?? 1;
    throw refus([{ ligne, messages: ['Le fichier n’est pas un CSV lisible à cette ligne (guillemet non fermé ?).'] }]);
  }
  const [entete, ...donnees] = enregistrements;
  const noms = (entete?.record ?? []).map((c) =>
    c
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z]/g, ''),
  );
  const manquantes = COLONNES_IMPORT.filter((c) => !noms.includes(c));
  if (manquantes.length)
    throw refus([{ ligne: 1, messages: [`Colonnes manquantes dans l’en-tête : ${manquantes.join(', ')}. En-tête attendu : ${COLONNES_IMPORT.join(';')}.`] }]);
  if (donnees.length === 0) throw refus([{ ligne: 2, messages: ['Le fichier ne contient aucune période après l’en-tête.'] }]);
  if (donnees.length > 500) throw refus([{ ligne: 502, messages: ['500 périodes au plus par import : découpez le fichier.'] }]);

  const lignesRefusees: LigneRefusee[] = [];
  const periodes: PublicationPeriode[] = [];
  const numeros: number[] = [];
  for (const { record, info } of donnees) {
    const valeur = (c: (typeof COLONNES_IMPORT)[number]) => record[noms.indexOf(c)] ?? '';
    const brut = {
      formation: valeur('formation'),
      classe: valeur('classe'),
      niveau: valeur('niveau').toLowerCase(),
      debut: dateIso(valeur('debut')),
      fin: dateIso(valeur('fin')),
      eleves: valeur('eleves') === '' ? undefined : Number(valeur('eleves')),
    };
    const r = publicationPeriodeSchema.safeParse(brut);
    if (r.success) {
      periodes.push(r.data);
      numeros.push(info.lines);
    } else {
      lignesRefusees.push({ ligne: info.lines, messages: r.error.issues.map((i) => `${String(i.path[0] ?? '')} : ${i.message}`.replace(/^ : /, '')) });
    }
  }
  if (lignesRefusees.length) throw refus(lignesRefusees);

  const rapport = await api.periodes_pfmp_importer({ p_periodes: periodes });
  if (rapport.erreurs.length) {
    throw refus(
      rapport.erreurs.map((e) => ({
        ligne: numeros[e.rang - 1] ?? e.rang,
        messages: [estCodeErreur(e.code) ? MESSAGES[e.code] : 'Ligne refusée par la base : vérifiez les dates (120 jours au plus) et le nombre d’élèves.'],
      })),
    );
  }
  return { importees: rapport.importees };
}

/** Crée ou remplace l'adresse d'abonnement du lycée du membre ; l'ancienne cesse de fonctionner. */
export async function creerAbonnement({ api }: Contexte, origine: string): Promise<{ adresse: string; cree_le: string }> {
  const { jeton, cree_le } = await api.calendrier_pfmp_abonnement_creer();
  return { adresse: `${origine}/api/calendrier-pfmp/ics/${jeton}.ics`, cree_le };
}

/** Révoque l'adresse d'abonnement du lycée du membre. */
export function revoquerAbonnement({ api }: Contexte) {
  return api.calendrier_pfmp_abonnement_revoquer();
}

const jourIcs = (iso: string): [number, number, number] => {
  const [a, m, j] = iso.split('-').map(Number) as [number, number, number];
  return [a, m, j];
};
const lendemain = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** Le calendrier .ics d'un lycée pour une adresse d'abonnement (clé secrète : l'appelant n'est pas connecté). */
export async function calendrierIcs(jeton: string, { service }: Contexte): Promise<string> {
  const donnees = /^[0-9a-f]{64}$/.test(jeton) ? await service.calendrier_pfmp_ics({ p_jeton: jeton }) : null;
  if (!donnees) throw new DomainError('INTROUVABLE', 'Cette adresse d’abonnement n’existe pas ou a été révoquée.');
  const { error, value } = createEvents(
    donnees.periodes.map((p) => ({
      uid: `${p.id}@calendrier-pfmp`,
      title: `PFMP ${p.classe} (${p.formation})`,
      description: `${p.eleves} élève${p.eleves > 1 ? 's' : ''} en PFMP — ${donnees.nom}`,
      start: jourIcs(p.debut),
      // Événement sur des jours entiers : la fin est exclusive (lendemain du dernier jour).
      end: jourIcs(lendemain(p.fin)),
      calName: `PFMP — ${donnees.nom}`,
      productId: 'reseau-bde/calendrier-pfmp',
    })),
    { calName: `PFMP — ${donnees.nom}`, productId: 'reseau-bde/calendrier-pfmp' },
  );
  if (error || !value) throw error ?? new Error('Calendrier .ics vide');
  return value;
}
