/**
 * Témoin de connexion : un cookie lisible par les pages (sans HttpOnly), posé et effacé avec le cookie de session
 * (functions/_lib/http/session.ts). Il ne prouve rien (la session, elle, reste illisible et vérifiée par chaque
 * fonction) : il évite seulement aux pages publiques d'appeler une fonction pour apprendre qu'on n'est pas connecté.
 * Seul dans son module : le script des pages de guide l'embarque sans charger d'autre fichier.
 */
export const TEMOIN_CONNEXION = '__Host-rbde_connecte';
