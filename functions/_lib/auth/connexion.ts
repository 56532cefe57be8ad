// Connexion par code envoyé par courriel (Supabase Auth), pour les seuls membres actifs.
// Cas d'usage : des données simples en entrée et en sortie ; le bord (http/) pose les cookies.
import { DUREE_CODE_MIN, LONGUEUR_CODE, type DemandeCode, type OuvertureSession } from '../../../src/schemas/auth.ts';
import type { Profil } from '../../../src/schemas/membre.ts';
import type { Contexte } from '../contexte.ts';
import { DomainError } from '../errors.ts';
import type { JetonsSession } from '../http/session.ts';

export const MESSAGE_CODE_ENVOYE = `Si cette adresse est celle d’un membre du réseau, un code à ${LONGUEUR_CODE} chiffres vient d’y être envoyé. Il est valable ${DUREE_CODE_MIN} minutes.`;

const secondes = (n: number) => (n >= 120 ? `${Math.ceil(n / 60)} minutes` : `${n} secondes`);

/** Envoie un code si l'adresse est celle d'un membre actif ; même réponse sinon, et aucun courriel. */
export async function demanderCode({ email }: DemandeCode, ctx: Contexte): Promise<{ message: string; longueurCode: number }> {
  const adresse = ctx.pseudonyme(`email:${email}`);
  if (!ctx.navigateur) throw new Error('demanderCode : liaison du navigateur absente (contrat de route).');
  const demande = await ctx.service.code_demander({ p_adresse: adresse, p_client: ctx.client, p_navigateur: ctx.navigateur });
  if (!demande.accepte) {
    ctx.journal('connexion.demande_refusee', { adresse: adresse.slice(0, 12), raison: demande.raison });
    const attente = demande.attente ?? 60;
    const message =
      demande.raison === 'ADRESSE_MINUTE'
        ? `Un code a déjà été demandé pour cette adresse il y a moins d’une minute. Réessayez dans ${secondes(attente)}.`
        : `Trop de demandes de code. Réessayez dans ${secondes(attente)}.`;
    throw new DomainError('TROP_DE_DEMANDES', message, { attente });
  }
  const reponse = { message: MESSAGE_CODE_ENVOYE, longueurCode: LONGUEUR_CODE };
  // Les adresses inconnues et les membres désactivés ne reçoivent rien (même réponse, même durée).
  if (!(await ctx.service.membre_destinataire_code({ p_email: email }))) return reponse;
  const { error } = await ctx.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
  if (error) {
    // otp_disabled : la fiche existe mais pas le compte Auth (provisionnement incomplet) : journalisé.
    ctx.journal('connexion.envoi_echoue', { adresse: adresse.slice(0, 12), statut: error.status, code: error.code });
    if (error.code === 'otp_disabled') return reponse;
    if (error.status === 429) throw new DomainError('TROP_DE_DEMANDES');
    throw new DomainError('SERVICE_INDISPONIBLE');
  }
  return reponse;
}

/** Vérifie le code, ouvre la session et renvoie la fiche du membre avec les jetons (le bord pose le cookie). */
export async function ouvrirSession({ email, code }: OuvertureSession, ctx: Contexte): Promise<{ profil: Profil; session: JetonsSession }> {
  const adresse = ctx.pseudonyme(`email:${email}`);
  const trace = { adresse: adresse.slice(0, 12) };
  if (!ctx.navigateur) throw new DomainError('LIAISON_ABSENTE');
  // L'essai est consommé en base AVANT la vérification : des saisies simultanées ne dépassent pas la limite.
  const essai = await ctx.service.code_tenter({ p_adresse: adresse, p_client: ctx.client, p_navigateur: ctx.navigateur });
  if (!essai.autorise) {
    ctx.journal('connexion.essai_refuse', { ...trace, raison: essai.raison });
    if (essai.raison === 'NAVIGATEUR') throw new DomainError('LIAISON_ABSENTE');
    if (essai.raison === 'CODE_EPUISE') throw new DomainError('CODE_EPUISE');
    const attente = essai.attente ?? 3600;
    throw new DomainError('VERROUILLE', `Trop d’essais infructueux. Réessayez dans ${secondes(attente)}.`, { attente });
  }
  const { data, error } = await ctx.auth.verifyOtp({ email, token: code, type: 'email' });
  if (error || !data.session) {
    if (error && (error.status === undefined || error.status === 0 || error.status >= 500)) throw new DomainError('SERVICE_INDISPONIBLE');
    ctx.journal('connexion.echec', { ...trace, restants: essai.restants });
    if (essai.restants <= 0) throw new DomainError('CODE_EPUISE');
    throw new DomainError(
      'CODE_INVALIDE',
      `Ce code est incorrect ou a expiré. Il vous reste ${essai.restants} essai${essai.restants > 1 ? 's' : ''} ; au-delà, demandez un nouveau code.`,
      { restants: essai.restants },
    );
  }
  await ctx.service.code_reussir({ p_adresse: adresse });
  try {
    const profil = await ctx.apiAuNomDe(data.session.access_token).moi();
    ctx.journal('connexion.succes', trace);
    return { profil, session: data.session };
  } catch (e) {
    await ctx.authAdmin.signOut(data.session.access_token, 'local').catch(() => {});
    throw e;
  }
}

/** Ferme la session côté Auth (jeton de rafraîchissement révoqué) ; le bord efface le cookie. */
export async function fermerSession(ctx: Contexte): Promise<void> {
  const a = ctx.appelant;
  if (!a) return;
  let jeton = a.jetonAcces;
  // Un jeton d'accès expiré ne permet pas la déconnexion (GoTrue : 403 bad_jwt) : on le renouvelle d'abord.
  if (a.expiration - Math.floor(Date.now() / 1000) < 10) {
    const { data } = await ctx.auth.refreshSession({ refresh_token: a.jetonRafraichissement });
    if (!data.session) return;
    jeton = data.session.access_token;
  }
  await ctx.authAdmin.signOut(jeton, 'local').catch(() => {});
  ctx.journal('connexion.fermeture');
}
