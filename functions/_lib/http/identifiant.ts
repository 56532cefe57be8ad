import { DomainError } from '../errors.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** L'identifiant (uuid) d'un paramètre de chemin, ou 404 en français (jamais une erreur de la base). */
export function identifiant(params: Record<string, string>, nom = 'id'): string {
  const v = params[nom];
  if (!v || !UUID.test(v)) throw new DomainError('INTROUVABLE', 'Cet élément n’existe pas : son identifiant est invalide.');
  return v.toLowerCase();
}
