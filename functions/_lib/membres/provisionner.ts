// Provisionner un membre en une étape : compte Supabase Auth créé CONFIRMÉ (sinon GoTrue refuse
// le code : 422 signup_disabled) et fiche prive.membres reliée. Si la fiche échoue, le compte
// créé à l'instant est supprimé : jamais de compte sans fiche.
import { z } from 'zod';
import { emailSchema } from '../../../src/schemas/auth.ts';
import { roleSchema } from '../../../src/schemas/membre.ts';
import type { Contexte } from '../contexte.ts';
import { DomainError } from '../errors.ts';

export const provisionnementSchema = z.object({
  /** Adresse professionnelle, qui servira à se connecter. */
  email: emailSchema,
  /** Prénom. */
  prenom: z.string({ error: 'Indiquez le prénom.' }).trim().min(1, 'Indiquez le prénom.').max(80, 'Prénom trop long (80 caractères au plus).'),
  /** Nom. */
  nom: z.string({ error: 'Indiquez le nom.' }).trim().min(1, 'Indiquez le nom.').max(80, 'Nom trop long (80 caractères au plus).'),
  /** Rôle dans le réseau. */
  role: roleSchema.default('membre'),
  /** UAI du lycée de rattachement, facultatif. */
  uai: z
    .string()
    .regex(/^[0-9]{7}[A-Z]$/, 'UAI invalide : 7 chiffres et une lettre majuscule.')
    .nullish(),
  /** Fonction, facultative. */
  fonction: z.string().trim().max(120, 'Fonction trop longue (120 caractères au plus).').nullish(),
});
export type Provisionnement = z.infer<typeof provisionnementSchema>;

/** Crée (ou retrouve) le compte Auth confirmé, puis la fiche ; renvoie la fiche. */
export async function provisionnerMembre(p: Provisionnement, ctx: Pick<Contexte, 'authAdmin' | 'service' | 'journal'>) {
  const cree = await ctx.authAdmin.createUser({ email: p.email, email_confirm: true, app_metadata: { provider: 'email', providers: ['email'] } });
  let userId = cree.data.user?.id;
  let nouveau = true;
  if (cree.error) {
    if (cree.error.code !== 'email_exists')
      throw new DomainError('SERVICE_INDISPONIBLE', `Supabase Auth a refusé la création du compte (${cree.error.code ?? cree.error.status}).`);
    // Le compte existe déjà (membre réactivé, ou provisionnement interrompu) : on le retrouve et on le confirme.
    userId = await trouverCompte(ctx, p.email);
    if (!userId) throw new DomainError('SERVICE_INDISPONIBLE', 'Le compte Auth existe mais est introuvable.');
    await ctx.authAdmin.updateUserById(userId, { email_confirm: true, ban_duration: 'none' });
    nouveau = false;
  }
  try {
    const fiche = await ctx.service.membre_provisionner({
      p_user_id: userId!,
      p_email: p.email,
      p_prenom: p.prenom,
      p_nom: p.nom,
      p_role: p.role,
      p_uai: p.uai ?? undefined,
      p_fonction: p.fonction ?? undefined,
    });
    ctx.journal('membre.provisionne', { fiche: fiche.id, role: fiche.role, nouveau_compte: nouveau });
    return fiche;
  } catch (e) {
    if (nouveau) await ctx.authAdmin.deleteUser(userId!).catch(() => {});
    throw e;
  }
}

async function trouverCompte(ctx: Pick<Contexte, 'authAdmin'>, email: string): Promise<string | undefined> {
  for (let page = 1; page <= 50; page++) {
    const { data, error } = await ctx.authAdmin.listUsers({ page, perPage: 200 });
    if (error) return undefined;
    const u = data.users.find((x) => x.email?.toLowerCase() === email);
    if (u) return u.id;
    if (data.users.length < 200) return undefined;
  }
  return undefined;
}
