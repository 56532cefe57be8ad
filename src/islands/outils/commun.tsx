// Éléments communs aux îlots du carnet et de la bourse : champ commune (suggestions du serveur), secteurs, erreurs.
import { useEffect, useId, useState } from 'react';
import { appelApi, ErreurApi } from '../../lib/api-client.ts';

export interface CommuneChoisie {
  code: string;
  nom: string;
  departement: string;
}

export const DEPARTEMENTS = [
  ['11', 'Aude'],
  ['30', 'Gard'],
  ['34', 'Hérault'],
  ['48', 'Lozère'],
  ['66', 'Pyrénées-Orientales'],
] as const;

export interface Referentiels {
  divisions: { code: string; libelle: string }[];
  sousClasses: { code: string; libelle: string }[];
}

let referentiels: Promise<Referentiels> | undefined;
/** Les secteurs NAF, lus une fois par page. */
export function useReferentiels(): Referentiels | null {
  const [r, setR] = useState<Referentiels | null>(null);
  useEffect(() => {
    (referentiels ??= appelApi<Referentiels>('/api/carnet/referentiels')).then(setR).catch(() => setR({ divisions: [], sousClasses: [] }));
  }, []);
  return r;
}

/** Liste des secteurs (divisions NAF) ; la première option (« Tous les secteurs », « Indifférent ») vaut ''. */
export function ChoixSecteur({
  id,
  label,
  vide,
  valeur,
  onChange,
  divisions,
}: {
  id: string;
  label: string;
  vide: string;
  valeur: string;
  onChange: (code: string) => void;
  divisions: Referentiels['divisions'] | undefined;
}) {
  return (
    <div className="fr-select-group">
      <label className="fr-label" htmlFor={id}>
        {label}
      </label>
      <select className="fr-select" id={id} value={valeur} onChange={(e) => onChange(e.target.value)}>
        <option value="">{vide}</option>
        {divisions?.map((d) => (
          <option key={d.code} value={d.code}>
            {d.code} — {d.libelle}
          </option>
        ))}
      </select>
    </div>
  );
}

const libelleCommune = (c: CommuneChoisie) => `${c.nom} (${c.departement})`;

/** Champ commune : on tape le début du nom, on choisit dans la liste ; la valeur est le code INSEE. */
export function ChampCommune({
  label,
  valeur,
  onChange,
  requis = false,
  aide,
}: {
  label: string;
  valeur: CommuneChoisie | null;
  onChange: (c: CommuneChoisie | null) => void;
  requis?: boolean;
  aide?: string;
}) {
  const id = useId();
  const [texte, setTexte] = useState(valeur ? libelleCommune(valeur) : '');
  const [suggestions, setSuggestions] = useState<CommuneChoisie[]>([]);
  useEffect(() => {
    setTexte(valeur ? libelleCommune(valeur) : '');
  }, [valeur]);
  async function saisir(v: string) {
    setTexte(v);
    const choisie = suggestions.find((s) => libelleCommune(s) === v);
    if (choisie) {
      onChange(choisie);
      return;
    }
    onChange(null);
    if (v.trim().length >= 2) {
      try {
        setSuggestions(await appelApi<CommuneChoisie[]>('/api/carnet/communes', { method: 'POST', corps: { texte: v } }));
      } catch {
        setSuggestions([]);
      }
    }
  }
  return (
    <div className="fr-input-group">
      <label className="fr-label" htmlFor={id}>
        {label}
        <span className="fr-hint-text">{aide ?? 'Tapez le début du nom, puis choisissez dans la liste.'}</span>
      </label>
      <input
        className="fr-input"
        id={id}
        list={`${id}-liste`}
        value={texte}
        required={requis}
        autoComplete="off"
        onChange={(e) => void saisir(e.target.value)}
      />
      <datalist id={`${id}-liste`}>
        {suggestions.map((s) => (
          <option key={s.code} value={libelleCommune(s)} />
        ))}
      </datalist>
    </div>
  );
}

/** Message d'erreur d'un appel, avec le détail des champs refusés s'il y en a. */
export function messageErreur(e: unknown): string {
  if (e instanceof ErreurApi) {
    const champs = (e.details as { champs?: Record<string, string[] | string> } | undefined)?.champs;
    if (champs) return `${e.message} ${Object.values(champs).flat().join(' ')}`;
    return e.message;
  }
  return 'Une erreur inattendue est survenue.';
}

export function Alerte({ type, children }: { type: 'error' | 'success' | 'info'; children: React.ReactNode }) {
  return (
    <div className={`fr-alert fr-alert--${type} fr-alert--sm fr-mb-3w`} role={type === 'error' ? 'alert' : 'status'}>
      <p>{children}</p>
    </div>
  );
}

/** Affiche l'invitation à se connecter quand l'API répond 401. */
export function NonConnecte({ message }: { message?: string }) {
  return (
    <div>
      {message && <Alerte type="info">{message}</Alerte>}
      <p>Cet outil est réservé aux membres du réseau.</p>
      <a className="fr-btn" href="/connexion/">
        Se connecter
      </a>
    </div>
  );
}

export const dateFr = (iso: string | null) =>
  iso
    ? new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Paris' })
    : '—';
