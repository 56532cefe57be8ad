// Administration des membres (rôle admin) : la base vérifie le rôle de l'appelant et note chaque action au journal.
import type { EntreeJournal, MembreAdmin } from '../../../src/schemas/annuaire.ts';
import type { Role } from '../../../src/schemas/membre.ts';
import type { Contexte } from '../contexte.ts';
import { env } from '../env.ts';
import { provisionnerMembre, type Provisionnement } from '../membres/provisionner.ts';
import { academie } from '../../../src/academie.ts';

export const listerMembres = (ctx: Pick<Contexte, 'api'>): Promise<MembreAdmin[]> => ctx.api.admin_membres();
export const lireJournal = (ctx: Pick<Contexte, 'api'>): Promise<EntreeJournal[]> => ctx.api.admin_journal({ p_limite: 200 });
export const desactiver = (id: string, ctx: Pick<Contexte, 'api'>) => ctx.api.admin_desactiver({ p_id: id });
export const reactiver = (id: string, ctx: Pick<Contexte, 'api'>) => ctx.api.admin_reactiver({ p_id: id });
export const changerRole = (id: string, role: Role, ctx: Pick<Contexte, 'api'>) => ctx.api.admin_changer_role({ p_id: id, p_role: role });

/**
 * Invite un membre : la base confirme d'abord que l'appelant est administrateur (sinon INTERDIT, rien
 * n'est créé), puis compte Auth confirmé + fiche en une étape, puis le journal, puis le courriel.
 */
export async function inviterMembre(p: Provisionnement, ctx: Pick<Contexte, 'api' | 'authAdmin' | 'service' | 'journal' | 'mailer'>) {
  await ctx.api.admin_exiger();
  const fiche = await provisionnerMembre(p, ctx);
  await ctx.api.admin_journaliser_invitation({ p_id: fiche.id });
  const site = env().SITE_URL.replace(/\/$/, '');
  await ctx.mailer.envoyer({
    a: fiche.email,
    objet: `Invitation au ${academie.nomService}`,
    texte: [
      `Bonjour ${p.prenom},`,
      '',
      `Vous êtes invité(e) à rejoindre le ${academie.nomService}, ${academie.baseline.toLowerCase()} de l’${academie.nom}.`,
      '',
      `Pour vous connecter, ouvrez ${site}/connexion/ et saisissez cette adresse : ${fiche.email}.`,
      'Vous recevrez un code à usage unique par courriel. Aucun mot de passe n’est nécessaire.',
      '',
      `Complétez ensuite votre fiche dans l’annuaire : ${site}/annuaire/ma-fiche/`,
      'Vous choisissez, champ par champ, qui la voit.',
      '',
      `— ${academie.nomService}`,
    ].join('\n'),
  });
  return fiche;
}
