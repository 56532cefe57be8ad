// Attribution des places d'une rencontre « vœux classés » : dictature sérielle à ordre de priorité
// tiré d'une graine publiée. Fonction pure, sans base ni horloge : mêmes entrées → même résultat.
//
// Reproduire à la main l'ordre de priorité (n'importe qui, avec la graine publiée) :
//   clé(membre) = SHA-256 hexadécimal de la chaîne « <graine>:<identifiant du membre> » (UTF-8),
//   par exemple `printf '%s' 'ma-graine:3f2a…' | sha256sum` ;
//   les membres sont classés par clé croissante (égalité impossible en pratique ; départagée par
//   l'identifiant). Le premier de ce classement a le numéro de priorité 1.
// Puis, créneau par créneau, dans l'ordre de priorité : chacun reçoit son vœu le mieux classé qui a
// encore une place. Qui n'en obtient aucun va en liste d'attente de son premier vœu, dans l'ordre
// de priorité. Le même numéro de priorité sert pour tous les créneaux.
import { createHash } from 'node:crypto';

/** Un atelier ouvert aux vœux : son créneau et sa capacité. */
export interface AtelierVoeux {
  code: string;
  creneau: string;
  capacite: number;
}

/** Les vœux d'un membre pour un créneau : codes d'ateliers, le premier est le préféré. */
export interface VoeuxMembre {
  membre: string;
  creneau: string;
  ateliers: string[];
}

/** Ce qu'un membre a obtenu dans un créneau, et pourquoi. */
export interface Attribution {
  membre: string;
  creneau: string;
  /** Numéro de priorité (1 = le premier servi), le même pour tous les créneaux. */
  priorite: number;
  /** Atelier obtenu, ou null (en liste d'attente de son premier vœu). */
  atelier: string | null;
  /** Rang du vœu obtenu (1 = premier vœu), ou null. */
  rang: number | null;
  /** Ateliers mieux classés que celui obtenu (tous ses vœux s'il n'a rien) déjà complets à son tour. */
  complets: string[];
  /** Atelier dont il est en liste d'attente, et sa position (1 = le premier), sinon null. */
  attente: { atelier: string; position: number } | null;
}

export interface ResultatAllocation {
  graine: string;
  /** Les membres dans l'ordre de priorité (index 0 = priorité 1). */
  ordre: string[];
  attributions: Attribution[];
}

/** La clé de tirage d'un membre : SHA-256 hexadécimal de « graine:membre ». */
export const cleDeTirage = (graine: string, membre: string) => createHash('sha256').update(`${graine}:${membre}`, 'utf8').digest('hex');

/** L'ordre de priorité tiré de la graine (membres distincts, triés par clé croissante). */
export function ordreDePriorite(graine: string, membres: Iterable<string>): string[] {
  return [...new Set(membres)]
    .map((m) => ({ m, cle: cleDeTirage(graine, m) }))
    .sort((a, b) => (a.cle < b.cle ? -1 : a.cle > b.cle ? 1 : a.m < b.m ? -1 : a.m > b.m ? 1 : 0))
    .map((x) => x.m);
}

/** Erreur d'entrée : vœux incohérents avec le programme (le SQL les refuse déjà ; ceinture et bretelles). */
export class VoeuxInvalides extends Error {}

/** Attribue les places. Refuse un vœu pour un atelier inconnu ou d'un autre créneau, un atelier
 *  classé deux fois, deux listes de vœux pour le même membre et le même créneau. */
export function allouer(graine: string, ateliers: AtelierVoeux[], voeux: VoeuxMembre[]): ResultatAllocation {
  if (!graine) throw new VoeuxInvalides('La graine est vide.');
  const parCode = new Map(ateliers.map((a) => [a.code, a]));
  const vus = new Set<string>();
  for (const v of voeux) {
    const cle = `${v.membre}\u0000${v.creneau}`;
    if (vus.has(cle)) throw new VoeuxInvalides(`Deux listes de vœux pour ${v.membre} au créneau ${v.creneau}.`);
    vus.add(cle);
    if (v.ateliers.length === 0) throw new VoeuxInvalides(`Liste de vœux vide pour ${v.membre}.`);
    if (new Set(v.ateliers).size !== v.ateliers.length) throw new VoeuxInvalides(`Atelier classé deux fois par ${v.membre}.`);
    for (const code of v.ateliers) {
      const a = parCode.get(code);
      if (!a) throw new VoeuxInvalides(`Atelier inconnu : ${code}.`);
      if (a.creneau !== v.creneau) throw new VoeuxInvalides(`L’atelier ${code} n’est pas du créneau ${v.creneau}.`);
    }
  }

  const ordre = ordreDePriorite(
    graine,
    voeux.map((v) => v.membre),
  );
  const priorite = new Map(ordre.map((m, i) => [m, i + 1]));
  const restantes = new Map(ateliers.map((a) => [a.code, a.capacite]));
  const attente = new Map<string, number>();
  const creneaux = [...new Set(ateliers.map((a) => a.creneau))];
  const attributions: Attribution[] = [];

  for (const creneau of creneaux) {
    const duCreneau = voeux.filter((v) => v.creneau === creneau).sort((a, b) => priorite.get(a.membre)! - priorite.get(b.membre)!);
    for (const v of duCreneau) {
      const i = v.ateliers.findIndex((code) => restantes.get(code)! > 0);
      const base = { membre: v.membre, creneau, priorite: priorite.get(v.membre)! };
      if (i >= 0) {
        const code = v.ateliers[i]!;
        restantes.set(code, restantes.get(code)! - 1);
        attributions.push({ ...base, atelier: code, rang: i + 1, complets: v.ateliers.slice(0, i), attente: null });
      } else {
        const premier = v.ateliers[0]!;
        const position = (attente.get(premier) ?? 0) + 1;
        attente.set(premier, position);
        attributions.push({ ...base, atelier: null, rang: null, complets: [...v.ateliers], attente: { atelier: premier, position } });
      }
    }
  }
  return { graine, ordre, attributions };
}
