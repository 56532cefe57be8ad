// Connexion par code à 6 chiffres envoyé par courriel (Supabase Auth), pour les seuls membres.
import { createHmac } from 'node:crypto';
import type { DemandeCode, OuvertureSession } from '../../../src/schemas/auth.ts';
import type { Profil } from '../../../src/schemas/membre.ts';
import { env } from '../env.ts';
import { DomainError } from '../errors.ts';
import { appelerRpc, clientAnonyme, clientAppelant, clientService } from '../supabase.ts';
import { effacerSession, lireCookie, poserSession } from './session.ts';

export const MESSAGE_CODE_ENVOYE =
  'Si cette adresse est celle d’un membre du réseau, un code à 6 chiffres vient d’y être envoyé. Il est valable 10 minutes.';

/** Empreinte de l'adresse (HMAC) : on compte les demandes sans garder l'adresse en clair. */
const empreinte = (email: string) => createHmac('sha256', env().SESSION_SECRET).update(email).digest('hex');

/** Envoie un code si l'adresse est sur la liste ; même réponse sinon, et aucun courriel. */
export async function demanderCode({ email }: DemandeCode): Promise<{ message: string }> {
  const demande = await appelerRpc<{ accepte: boolean; attente?: number }>(clientService(), 'code_demander', { p_empreinte: empreinte(email) });
  if (!demande.accepte) {
    throw new DomainError('TROP_DE_DEMANDES', `Un code a déjà été demandé pour cette adresse il y a moins d’une minute. Réessayez dans ${demande.attente} secondes.`, {
      attente: demande.attente,
    });
  }
  const { error } = await clientAnonyme().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
  if (error) {
    // 422 : adresse inconnue (pas d'inscription libre) — on répond comme pour une adresse connue.
    if (error.status === 422) return { message: MESSAGE_CODE_ENVOYE };
    if (error.status === 429) throw new DomainError('TROP_DE_DEMANDES');
    if (error.status === 0 || (error.status ?? 0) >= 500) throw new DomainError('SERVICE_INDISPONIBLE');
    throw new Error(`signInWithOtp : ${error.status} ${error.code} ${error.message}`);
  }
  return { message: MESSAGE_CODE_ENVOYE };
}

/** Vérifie le code, ouvre la session (cookie) et renvoie la fiche du membre. */
export async function ouvrirSession(req: Request, { email, code }: OuvertureSession): Promise<Profil> {
  const cle = { p_empreinte: empreinte(email) };
  // L'essai est consommé en base avant la vérification : des saisies simultanées ne dépassent pas la limite.
  const essai = await appelerRpc<{ autorise: boolean; restants: number }>(clientService(), 'code_tenter', cle);
  if (!essai.autorise) throw new DomainError('CODE_EPUISE');
  const { data, error } = await clientAnonyme().auth.verifyOtp({ email, token: code, type: 'email' });
  if (error || !data.session) {
    if (error && (error.status === 0 || (error.status ?? 0) >= 500)) throw new DomainError('SERVICE_INDISPONIBLE');
    if (essai.restants <= 0) throw new DomainError('CODE_EPUISE');
    throw new DomainError(
      'CODE_INVALIDE',
      `Ce code est incorrect ou a expiré. Il vous reste ${essai.restants} essai${essai.restants > 1 ? 's' : ''} ; au-delà, demandez un nouveau code.`,
      { restants: essai.restants },
    );
  }
  await appelerRpc(clientService(), 'code_reussir', cle);
  try {
    const profil = await appelerRpc<Profil>(clientAppelant(data.session.access_token), 'moi');
    poserSession(req, data.session);
    return profil;
  } catch (e) {
    await clientService().auth.admin.signOut(data.session.access_token, 'local').catch(() => {});
    throw e;
  }
}

/** Ferme la session : révoque les jetons côté Auth et efface le cookie. */
export async function fermerSession(req: Request): Promise<void> {
  let c: ReturnType<typeof lireCookie> = null;
  try {
    c = lireCookie(req);
  } catch {
    /* cookie altéré : on l'efface de toute façon */
  }
  if (c) await clientService().auth.admin.signOut(c.a, 'local').catch(() => {});
  effacerSession(req);
}
