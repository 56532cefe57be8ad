// Filtres de la bourse (offres et recherches) : secteur, formation, commune ou département, période, places
// libres. Ils vivent dans l'adresse de la page (?naf=45&commune=11069&…) : un lien les partage.
import type { FormEvent } from 'react';
import { ChampCommune, ChoixSecteur, type CommuneChoisie, DEPARTEMENTS, type Referentiels } from '../commun.tsx';

export type Onglet = 'offres' | 'recherches' | 'resume';

/** Les niveaux d'un élève : la liste de src/schemas/bourse.ts (NIVEAUX), recopiée ici pour ne pas charger zod
 *  dans l'îlot (zod essaie eval, que la CSP refuse) ; un test vérifie que les deux listes sont égales. */
export const NIVEAUX_ELEVE = ['CAP 1re année', 'CAP 2e année', 'Seconde', 'Première', 'Terminale', 'BTS'] as const;
export const ONGLETS: Onglet[] = ['offres', 'recherches', 'resume'];

export interface Filtres {
  naf: string;
  departement: string;
  commune: CommuneChoisie | null;
  formation: string;
  du: string;
  au: string;
  /** Offres seulement : celles qui ont encore une place libre (vrai par défaut). */
  libres: boolean;
}

export const FILTRES_VIDES: Filtres = { naf: '', departement: '', commune: null, formation: '', du: '', au: '', libres: true };

const departementDe = (code: string) => (code.startsWith('97') ? code.slice(0, 3) : code.slice(0, 2));

/** Les filtres et l'onglet lus dans l'adresse. */
export function lireAdresse(recherche: string): { onglet: Onglet; filtres: Filtres } {
  const p = new URLSearchParams(recherche);
  const onglet = ONGLETS.find((o) => o === p.get('onglet')) ?? 'offres';
  const code = p.get('commune') ?? '';
  return {
    onglet,
    filtres: {
      naf: p.get('naf') ?? '',
      departement: p.get('departement') ?? '',
      commune: /^[0-9][0-9AB][0-9]{3}$/.test(code) ? { code, nom: p.get('commune_nom') || code, departement: departementDe(code) } : null,
      formation: p.get('formation') ?? '',
      du: p.get('du') ?? '',
      au: p.get('au') ?? '',
      libres: p.get('libres') !== '0',
    },
  };
}

/** L'adresse (partie ?…) qui porte l'onglet et les filtres ; vide pour les valeurs par défaut. */
export function ecrireAdresse(onglet: Onglet, f: Filtres): string {
  const p = new URLSearchParams();
  if (onglet !== 'offres') p.set('onglet', onglet);
  for (const cle of ['naf', 'departement', 'formation', 'du', 'au'] as const) if (f[cle]) p.set(cle, f[cle]);
  if (f.commune) {
    p.set('commune', f.commune.code);
    p.set('commune_nom', f.commune.nom);
  }
  if (!f.libres) p.set('libres', '0');
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Le corps envoyé à l'API pour ces filtres. */
export const corpsFiltres = (f: Filtres, avecLibres: boolean) => ({
  naf: f.naf,
  departement: f.departement,
  commune: f.commune?.code ?? '',
  formation: f.formation,
  du: f.du,
  au: f.au,
  ...(avecLibres ? { libres: f.libres } : {}),
});

export function FormulaireFiltres({
  prefixe,
  filtres,
  onChange,
  onSubmit,
  referentiels,
  bouton,
  avecLibres,
}: {
  prefixe: string;
  filtres: Filtres;
  onChange: (f: Filtres) => void;
  onSubmit: (e: FormEvent) => void;
  referentiels: Referentiels | null;
  bouton: string;
  avecLibres: boolean;
}) {
  const maj = (p: Partial<Filtres>) => onChange({ ...filtres, ...p });
  return (
    <form onSubmit={onSubmit} className="fr-mb-3w" aria-label={`Filtres : ${bouton.toLowerCase()}`}>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <ChoixSecteur
            id={`${prefixe}-secteur`}
            label="Secteur"
            vide="Tous les secteurs"
            valeur={filtres.naf}
            onChange={(naf) => maj({ naf })}
            divisions={referentiels?.divisions}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <div className="fr-input-group">
            <label className="fr-label" htmlFor={`${prefixe}-formation`}>
              Formation
              <span className="fr-hint-text">Une partie du nom suffit (exemple : maintenance).</span>
            </label>
            <input className="fr-input" id={`${prefixe}-formation`} value={filtres.formation} onChange={(e) => maj({ formation: e.target.value })} />
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <ChampCommune label="Commune" valeur={filtres.commune} onChange={(commune) => maj({ commune })} />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <div className="fr-select-group">
            <label className="fr-label" htmlFor={`${prefixe}-departement`}>
              Département
            </label>
            <select className="fr-select" id={`${prefixe}-departement`} value={filtres.departement} onChange={(e) => maj({ departement: e.target.value })}>
              <option value="">Tous</option>
              {DEPARTEMENTS.map(([c, n]) => (
                <option key={c} value={c}>
                  {c} — {n}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <div className="fr-input-group">
            <label className="fr-label" htmlFor={`${prefixe}-du`}>
              Période, du
              <span className="fr-hint-text">Les périodes qui recoupent ces dates.</span>
            </label>
            <input className="fr-input" type="date" id={`${prefixe}-du`} value={filtres.du} onChange={(e) => maj({ du: e.target.value })} />
          </div>
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <div className="fr-input-group">
            <label className="fr-label" htmlFor={`${prefixe}-au`}>
              Période, au
              <span className="fr-hint-text">Laisser vide : sans limite.</span>
            </label>
            <input className="fr-input" type="date" id={`${prefixe}-au`} value={filtres.au} onChange={(e) => maj({ au: e.target.value })} />
          </div>
        </div>
        {avecLibres && (
          <div className="fr-col-12">
            <div className="fr-checkbox-group">
              <input type="checkbox" id={`${prefixe}-libres`} checked={filtres.libres} onChange={(e) => maj({ libres: e.target.checked })} />
              <label className="fr-label" htmlFor={`${prefixe}-libres`}>
                Places libres seulement
              </label>
            </div>
          </div>
        )}
      </div>
      <ul className="fr-btns-group fr-btns-group--inline fr-mt-2w">
        <li>
          <button type="submit" className="fr-btn fr-btn--secondary">
            {bouton}
          </button>
        </li>
        <li>
          <button type="button" className="fr-btn fr-btn--tertiary" onClick={() => onChange({ ...FILTRES_VIDES })}>
            Effacer les filtres
          </button>
        </li>
      </ul>
    </form>
  );
}

/** Un champ de saisie simple d'un formulaire de la bourse : clé, libellé, type. */
export type ChampSimple<K extends string> = readonly [K, string, 'text' | 'date' | 'number'];

/**
 * Les champs simples d'un formulaire de publication (offre ou recherche) : un groupe DSFR par champ, tous requis
 * sauf `conditions` ; les nombres vont de 1 à 50.
 */
export function ChampsSimples<K extends string>({
  prefixe,
  champs,
  valeurs,
  onChange,
}: {
  prefixe: string;
  champs: readonly ChampSimple<K>[];
  valeurs: Record<K, string>;
  onChange: (cle: K, valeur: string) => void;
}) {
  return champs.map(([cle, libelle, type]) => (
    <div key={cle} className="fr-input-group">
      <label className="fr-label" htmlFor={`${prefixe}-${cle}`}>
        {libelle}
      </label>
      <input
        className="fr-input"
        id={`${prefixe}-${cle}`}
        type={type}
        min={type === 'number' ? 1 : undefined}
        max={type === 'number' ? 50 : undefined}
        required={cle !== 'conditions'}
        value={valeurs[cle]}
        onChange={(e) => onChange(cle, e.target.value)}
      />
    </div>
  ));
}
