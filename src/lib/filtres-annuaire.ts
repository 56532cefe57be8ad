// Les filtres de l'annuaire vivent dans l'adresse de la page (/annuaire/?departement=34&expertise=pfmp) :
// une recherche se partage, se met en favori et survit au rechargement.

export interface FiltresAnnuaire {
  q: string;
  departement: string;
  bassin: string;
  uai: string;
  secteur: string;
  expertise: string;
  nouveaux: boolean;
  accompagne: boolean;
  page: number;
}

export const FILTRES_VIDES: FiltresAnnuaire = {
  q: '',
  departement: '',
  bassin: '',
  uai: '',
  secteur: '',
  expertise: '',
  nouveaux: false,
  accompagne: false,
  page: 1,
};
const TEXTES = ['q', 'departement', 'bassin', 'uai', 'secteur', 'expertise'] as const;

/** Les filtres lus dans une chaîne de requête (« ?q=… ») ; les valeurs inconnues sont ignorées. */
export function filtresDepuisAdresse(recherche: string): FiltresAnnuaire {
  const p = new URLSearchParams(recherche);
  const f = { ...FILTRES_VIDES };
  for (const k of TEXTES) f[k] = (p.get(k) ?? '').slice(0, 100);
  f.nouveaux = p.get('nouveaux') === '1';
  f.accompagne = p.get('accompagne') === '1';
  const page = Number(p.get('page'));
  f.page = Number.isInteger(page) && page >= 1 && page <= 1000 ? page : 1;
  return f;
}

/** La chaîne de requête des filtres non vides (sans « ? »), dans un ordre stable. */
export function adresseDesFiltres(f: FiltresAnnuaire, { avecPage = true } = {}): string {
  const p = new URLSearchParams();
  for (const k of TEXTES) if (f[k].trim()) p.set(k, f[k].trim());
  if (f.nouveaux) p.set('nouveaux', '1');
  if (f.accompagne) p.set('accompagne', '1');
  if (avecPage && f.page > 1) p.set('page', String(f.page));
  return p.toString();
}

/** Vrai si au moins un filtre est posé. */
export const filtresActifs = (f: FiltresAnnuaire) => adresseDesFiltres(f, { avecPage: false }) !== '';
