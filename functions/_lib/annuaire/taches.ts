// Tâches planifiées de l'annuaire (rôle de service, sans membre connecté).
import { academie } from '../../../src/academie.ts';
import type { Contexte } from '../contexte.ts';
import { env } from '../env.ts';

/** Rappel annuel : un courriel à chaque membre dont la fiche n'a pas bougé depuis un an (la base les marque d'abord). */
export async function rappelerFiches(ctx: Pick<Contexte, 'service' | 'mailer' | 'journal'>): Promise<number> {
  const rappels = await ctx.service.fiches_a_rappeler({ p_limite: 200 });
  const site = env().SITE_URL.replace(/\/$/, '');
  for (const r of rappels) {
    await ctx.mailer.envoyer({
      a: r.email,
      objet: `${academie.nomService} : votre fiche est-elle toujours à jour ?`,
      texte: [
        `Bonjour ${r.prenom},`,
        '',
        `Votre fiche dans l’annuaire du ${academie.nomService} n’a pas été modifiée depuis un an.`,
        'Lycée, téléphone, expertises, langues, accompagnement des nouveaux collègues : vérifiez-la en deux minutes,',
        'et choisissez, champ par champ, qui la voit.',
        '',
        `${site}/annuaire/ma-fiche/`,
        '',
        `— ${academie.nomService}`,
      ].join('\n'),
    });
  }
  ctx.journal('tache.rappeler_fiches', { envoyes: rappels.length });
  return rappels.length;
}

/** Purge : les membres désactivés depuis plus de 3 mois (page « Données personnelles »), puis leurs comptes Auth. */
export async function purgerMembres(ctx: Pick<Contexte, 'service' | 'authAdmin' | 'journal'>): Promise<number> {
  const { nombre, comptes } = await ctx.service.membres_purger();
  let echecs = 0;
  for (const id of comptes) {
    const { error } = await ctx.authAdmin.deleteUser(id);
    if (error) echecs++;
  }
  ctx.journal('tache.purger_membres', { supprimes: nombre, comptes_auth_en_echec: echecs });
  return nombre;
}
