// Calendrier des PFMP : libellés et calculs partagés par le schéma, l'îlot et les tests (sans zod : l'îlot le charge).
import type { VueReseau } from '../schemas/calendrier-pfmp.ts';

/** Niveaux d'une classe, et leur libellé. */
export const NIVEAUX_PFMP = {
  '2de': '2de',
  '1re': '1re',
  terminale: 'Terminale',
  '1re-annee': '1re année (CAP)',
  '2e-annee': '2e année (CAP)',
  autre: 'Autre',
} as const;
export type NiveauPfmp = keyof typeof NIVEAUX_PFMP;

/** Élèves en PFMP dans tout le réseau, semaine par semaine (somme des groupes), et si un groupe de la semaine est signalé. */
export function totauxParSemaine(vue: VueReseau): { semaine: string; eleves: number; alerte: boolean }[] {
  const parSemaine = new Map<string, { semaine: string; eleves: number; alerte: boolean }>();
  for (const g of vue.groupes) {
    const t = parSemaine.get(g.semaine) ?? { semaine: g.semaine, eleves: 0, alerte: false };
    t.eleves += g.eleves;
    t.alerte ||= g.alerte;
    parSemaine.set(g.semaine, t);
  }
  return [...parSemaine.values()].sort((a, b) => a.semaine.localeCompare(b.semaine));
}

const formatJour = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
/** « 18 janv. 2027 » pour une date AAAA-MM-JJ. */
export const jourCourt = (iso: string) => formatJour.format(new Date(`${iso}T00:00:00Z`));
