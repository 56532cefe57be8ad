// Résumé hebdomadaire de la bourse (tâche planifiée, rôle de service) : un seul courriel par membre inscrit,
// listant les offres publiées depuis son dernier résumé dans ses départements. Chaque résumé est marqué
// APRÈS son envoi : un envoi en échec est retenté la semaine suivante, un résumé envoyé ne repart jamais
// avec les mêmes offres (la base retient jusqu'où les offres ont été annoncées).
import { academie } from '../../../src/academie.ts';
import type { OffreResumee } from '../../../src/schemas/bourse.ts';
import type { Contexte } from '../contexte.ts';
import { dateFr, lienBourse, lienSite, signature } from './courriels.ts';

/** Au-delà, le courriel renvoie à la page (un courriel reste lisible). */
const OFFRES_MAX = 30;

const ligne = (o: OffreResumee) =>
  `- ${o.organisation}, ${o.commune} (${o.departement}) : ${o.formation}, du ${dateFr(o.debut)} au ${dateFr(o.fin)}, ` +
  `${o.libres} place${o.libres > 1 ? 's' : ''} libre${o.libres > 1 ? 's' : ''}${o.conditions ? ` ; conditions : ${o.conditions}` : ''}`;

/** Envoie les résumés dus ; renvoie le nombre de courriels partis. */
export async function envoyerResumes(ctx: Pick<Contexte, 'service' | 'mailer' | 'journal'>): Promise<{ envoyes: number; echecs: number }> {
  const resumes = await ctx.service.resumes_bourse_a_envoyer({ p_limite: 500 });
  let envoyes = 0;
  let echecs = 0;
  for (const r of resumes) {
    const n = r.offres.length;
    const liste = r.offres.slice(0, OFFRES_MAX).map(ligne);
    if (n > OFFRES_MAX) liste.push(`… et ${n - OFFRES_MAX} autres, dans la bourse.`);
    try {
      await ctx.mailer.envoyer({
        a: r.email,
        objet: `Bourse aux places : ${n} nouvelle${n > 1 ? 's' : ''} offre${n > 1 ? 's' : ''} près de chez vous`,
        texte: [
          `Bonjour ${r.prenom},`,
          '',
          `Depuis votre dernier résumé, ${n > 1 ? `${n} offres de places ont été publiées` : 'une offre de places a été publiée'} dans la bourse du ${academie.nomService}, dans les départements que vous suivez :`,
          '',
          ...liste,
          '',
          `Pour réserver : ${lienBourse()}`,
          '',
          `Vous recevez ce résumé parce que vous vous y êtes inscrit.`,
          `Pour ne plus le recevoir, sans vous connecter : ${lienBourse(`desinscription/?jeton=${r.jeton}`)}`,
          `Pour changer de départements : ${lienBourse('?onglet=resume')}`,
          '',
          signature(),
        ].join('\n'),
        // « Se désabonner » des messageries, en un clic (RFC 8058) : elles envoient un POST à cette adresse.
        entetes: {
          'List-Unsubscribe': `<${lienSite(`/api/bourse/resume/desinscription?jeton=${r.jeton}`)}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        },
      });
    } catch {
      echecs++;
      continue;
    }
    await ctx.service.resume_bourse_marquer({ p_membre: r.membre_id, p_jusqua: r.jusqua });
    envoyes++;
  }
  ctx.journal('tache.resumer_bourse', { envoyes, echecs });
  return { envoyes, echecs };
}
