// Courriels de la bourse aux places. Choix : l'action est faite, le courriel est « au mieux ». La base a
// déjà validé la réservation, la confirmation, la réponse ou l'acceptation quand le courriel part (l'appel
// RPC est sa propre transaction) : un relais SMTP en panne ne peut plus l'annuler, et refuser l'action pour
// un courriel perdu priverait un lycée de sa place. L'échec est journalisé (sans adresse) et la réponse de
// la route le dit (`courriel: false`) : la page invite alors à prévenir la personne soi-même. Tout ce qu'un
// courriel annonce se lit aussi dans la page de la bourse. Aucun courriel ne porte de donnée d'élève.
import { academie } from '../../../src/academie.ts';
import type { Contexte } from '../contexte.ts';
import { env } from '../env.ts';
import type { Courriel } from '../mail.ts';

/** Envoie un courriel ; vrai s'il est parti, faux (journalisé) sinon. */
export async function envoyerAuMieux(ctx: Pick<Contexte, 'mailer' | 'journal'>, c: Courriel, etape: string): Promise<boolean> {
  try {
    await ctx.mailer.envoyer(c);
    return true;
  } catch {
    ctx.journal('bourse.courriel_echec', { etape });
    return false;
  }
}

/** « 3 mars 2027 ». */
export const dateFr = (iso: string) =>
  new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' });

/** « du 3 mars 2027 au 28 mars 2027 ». */
export const periodeFr = (debut: string, fin: string) => `du ${dateFr(debut)} au ${dateFr(fin)}`;

/** Une adresse du site (chemin commençant par /), pour un courriel. */
export const lienSite = (chemin: string) => `${env().SITE_URL.replace(/\/$/, '')}${chemin}`;
/** L'adresse de la page de la bourse (onglet éventuel). */
export const lienBourse = (suite = '') => lienSite(`/outils/bourse-aux-places/${suite}`);

/** La signature des courriels. */
export const signature = () => `— ${academie.nomService}`;
