// Calcul de l'allocation PFMP (arrêté du 11 août 2023, art. 1er et 2) : forfait journalier × jours effectués,
// dans la limite du plafond annuel de la formation et du niveau, moins ce qui a déjà été versé dans l'année.
import {
  ANCRES,
  ANNEES,
  DERNIERE_ANNEE_ATTESTEE,
  FORMATIONS,
  GUIDE_ALLOCATION,
  type AnneeScolaire,
  type Formation,
  type Niveau,
} from './allocation-pfmp-donnees.ts';

export interface Simulation {
  annee: string;
  formation: string;
  niveau: string;
  /** Jours de PFMP prévus par la convention (jours entiers). */
  joursPfmp: number;
  /** Jours d'absence pendant la PFMP (jours entiers). */
  absences: number;
  /** Allocation déjà versée cette année scolaire pour cette formation et ce niveau, en euros. */
  dejaVerse: number;
}

/** D'où vient un plafond : l'annexe de l'arrêté, les données d'APLyPro, ou l'annexe sans confirmation pour l'année. */
export type OriginePlafond = 'arrete' | 'aplypro' | 'arrete-non-confirme' | 'inconnu';

export interface Ligne {
  libelle: string;
  valeur: string;
  /** Lien vers la section du guide qui source ce chiffre. */
  source: string;
}

export type ResultatSimulation =
  | { statut: 'erreurs'; erreurs: Partial<Record<keyof Simulation, string>> }
  | {
      statut: 'calcule';
      forfait: number;
      joursEffectifs: number;
      montantBrut: number;
      plafond: number | null;
      originePlafond: OriginePlafond;
      /** Ce qu'il reste à verser avant d'atteindre le plafond ; null si le plafond est inconnu. */
      resteAvantPlafond: number | null;
      /** Montant dû pour cette PFMP ; si le plafond est inconnu, montant avant plafond. */
      montantDu: number;
      plafonne: boolean;
      lignes: Ligne[];
      /** Ce que le simulateur ne sait pas, dit en clair. */
      avertissements: string[];
    };

const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 2, minimumFractionDigits: 0 });
/** « 1 200 € » (espaces insécables comme Intl). */
export const formaterEuros = (n: number) => euros.format(n);

const lien = (ancre: string) => `${GUIDE_ALLOCATION}#${ancre}`;

/** L'année scolaire d'une date : de septembre à août. */
export function anneeScolaireDe(d: Date): string {
  const an = d.getFullYear();
  const debut = d.getMonth() >= 8 ? an : an - 1;
  return `${debut}-${debut + 1}`;
}

export function trouverNiveau(formation: string, niveau: string): { formation: Formation; niveau: Niveau } | null {
  const f = FORMATIONS.find((x) => x.id === formation);
  const n = f?.niveaux.find((x) => x.id === niveau);
  return f && n ? { formation: f, niveau: n } : null;
}

/** Le plafond d'un niveau pour une année scolaire, et d'où il vient. */
export function plafondPour(niveau: Niveau, annee: AnneeScolaire): { plafond: number | null; origine: OriginePlafond } {
  const aplypro = niveau.plafondsAplypro?.[annee];
  if (aplypro !== undefined) return { plafond: aplypro, origine: 'aplypro' };
  if (niveau.plafondArrete === null) return { plafond: null, origine: 'inconnu' };
  if (annee <= DERNIERE_ANNEE_ATTESTEE) return { plafond: niveau.plafondArrete, origine: 'arrete' };
  // Année non attestée : un plafond qui a déjà changé n'est pas deviné ; un plafond stable est repris, signalé.
  return niveau.plafondVariable ? { plafond: null, origine: 'inconnu' } : { plafond: niveau.plafondArrete, origine: 'arrete-non-confirme' };
}

function entier(valeur: number, min: number, max: number, nom: string): string | undefined {
  if (!Number.isFinite(valeur)) return `Indiquez ${nom} en chiffres.`;
  if (!Number.isInteger(valeur)) return `Indiquez ${nom} en jours entiers : les demi-journées ne sont pas comptées.`;
  if (valeur < min) return `${nom[0]!.toUpperCase()}${nom.slice(1)} ne peut pas être négatif.`;
  if (valeur > max) return `${nom[0]!.toUpperCase()}${nom.slice(1)} dépasse ${max} : vérifiez la saisie.`;
  return undefined;
}

/** Calcule l'allocation due pour une PFMP, ou dit ce qui ne va pas dans la saisie. */
export function simulerAllocation(s: Simulation): ResultatSimulation {
  const erreurs: Partial<Record<keyof Simulation, string>> = {};
  const annee = ANNEES.find((a) => a === s.annee);
  if (!annee) erreurs.annee = `Année scolaire inconnue du simulateur : choisissez entre ${ANNEES[0]} et ${ANNEES.at(-1)}.`;
  const trouve = trouverNiveau(s.formation, s.niveau);
  if (!FORMATIONS.some((f) => f.id === s.formation)) erreurs.formation = 'Choisissez une formation dans la liste.';
  else if (!trouve) erreurs.niveau = 'Choisissez l’année ou le niveau de la formation.';
  const eJours = entier(s.joursPfmp, 0, 366, 'le nombre de jours de PFMP');
  if (eJours) erreurs.joursPfmp = eJours;
  const eAbs = entier(s.absences, 0, 366, 'le nombre de jours d’absence');
  if (eAbs) erreurs.absences = eAbs;
  else if (!eJours && s.absences > s.joursPfmp) erreurs.absences = 'Les absences ne peuvent pas dépasser le nombre de jours de PFMP.';
  if (!Number.isFinite(s.dejaVerse)) erreurs.dejaVerse = 'Indiquez le montant déjà versé en chiffres (0 si rien).';
  else if (s.dejaVerse < 0) erreurs.dejaVerse = 'Le montant déjà versé ne peut pas être négatif.';
  else if (Math.round(s.dejaVerse * 100) !== s.dejaVerse * 100) erreurs.dejaVerse = 'Indiquez le montant déjà versé au centime près.';
  if (Object.keys(erreurs).length || !annee || !trouve) return { statut: 'erreurs', erreurs };

  const { niveau } = trouve;
  const joursEffectifs = s.joursPfmp - s.absences;
  const montantBrut = niveau.forfait * joursEffectifs;
  const { plafond, origine } = plafondPour(niveau, annee);
  const avertissements: string[] = [];
  const lignes: Ligne[] = [
    { libelle: 'Forfait journalier', valeur: `${formaterEuros(niveau.forfait)} par jour`, source: lien(ANCRES.forfaits) },
    {
      libelle: 'Jours effectués',
      valeur: `${s.joursPfmp} jour${s.joursPfmp > 1 ? 's' : ''} − ${s.absences} d’absence = ${joursEffectifs}`,
      source: lien(ANCRES.absences),
    },
    {
      libelle: 'Montant avant plafond',
      valeur: `${formaterEuros(niveau.forfait)} × ${joursEffectifs} = ${formaterEuros(montantBrut)}`,
      source: lien(ANCRES.forfaits),
    },
  ];

  if (plafond === null) {
    avertissements.push(
      origine === 'inconnu' && niveau.plafondVariable
        ? `Le plafond ${annee} de ce niveau n’est pas connu : il a changé chaque année depuis 2023 et les textes qui le fixent n’ont pas été retrouvés. Le montant affiché est calculé sans plafond ; vérifiez le plafond dans APLyPro.`
        : 'Le plafond annuel de cette formation n’est pas connu du site : le montant affiché est calculé sans plafond ; vérifiez le plafond dans APLyPro.',
    );
    lignes.push({ libelle: 'Plafond annuel', valeur: 'non connu', source: lien(ANCRES.verifier) });
    return {
      statut: 'calcule',
      forfait: niveau.forfait,
      joursEffectifs,
      montantBrut,
      plafond,
      originePlafond: origine,
      resteAvantPlafond: null,
      montantDu: montantBrut,
      plafonne: false,
      lignes,
      avertissements,
    };
  }

  if (origine === 'arrete-non-confirme')
    avertissements.push(
      `Plafond ${annee} non confirmé : c’est celui de l’arrêté du 11 août 2023, inchangé de 2023 à ${DERNIERE_ANNEE_ATTESTEE} ; vérifiez-le dans APLyPro.`,
    );
  if (origine === 'aplypro') avertissements.push(`Plafond ${annee} appliqué par APLyPro ; le texte qui l’a fixé n’a pas été retrouvé.`);

  const resteAvantPlafond = Math.max(0, plafond - s.dejaVerse);
  const montantDu = Math.min(montantBrut, resteAvantPlafond);
  if (s.dejaVerse > plafond)
    avertissements.push(
      `Le montant déjà versé (${formaterEuros(s.dejaVerse)}) dépasse le plafond annuel (${formaterEuros(plafond)}) : vérifiez la saisie ou signalez-le au gestionnaire APLyPro.`,
    );
  lignes.push(
    { libelle: `Plafond annuel ${annee}`, valeur: formaterEuros(plafond), source: lien(ANCRES.plafonds) },
    {
      libelle: 'Reste avant le plafond',
      valeur: `${formaterEuros(plafond)} − ${formaterEuros(s.dejaVerse)} déjà versés = ${formaterEuros(resteAvantPlafond)}`,
      source: lien(ANCRES.plafonds),
    },
    {
      libelle: 'Montant dû',
      valeur: `le plus petit de ${formaterEuros(montantBrut)} et ${formaterEuros(resteAvantPlafond)} = ${formaterEuros(montantDu)}`,
      source: lien(ANCRES.plafonds),
    },
  );
  return {
    statut: 'calcule',
    forfait: niveau.forfait,
    joursEffectifs,
    montantBrut,
    plafond,
    originePlafond: origine,
    resteAvantPlafond,
    montantDu,
    plafonne: montantDu < montantBrut,
    lignes,
    avertissements,
  };
}
