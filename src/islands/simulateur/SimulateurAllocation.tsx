import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { ANCRES, ANNEES, FORMATIONS, GUIDE_ALLOCATION, HORS_CHAMP, TEXTES, VERIFIE_LE } from '../../lib/allocation-pfmp-donnees.ts';
import { formaterEuros, simulerAllocation, type Simulation } from '../../lib/allocation-pfmp.ts';

export type Saisie = Record<'annee' | 'formation' | 'niveau' | 'joursPfmp' | 'absences' | 'dejaVerse', string>;

/** Nom de chaque réponse dans l'adresse de la page (lien partageable : rouvert, il redonne réponses et résultat). */
const PARAMETRES: Record<keyof Saisie, string> = {
  annee: 'annee',
  formation: 'formation',
  niveau: 'niveau',
  joursPfmp: 'jours',
  absences: 'absences',
  dejaVerse: 'verse',
};

/** Les réponses lues dans l'adresse ; une valeur inconnue est ignorée (la réponse par défaut reste). */
export function saisieDepuisAdresse(recherche: string, defaut: Saisie): Saisie {
  const p = new URLSearchParams(recherche);
  const lu = (champ: keyof Saisie) => p.get(PARAMETRES[champ]) ?? undefined;
  const s = { ...defaut };
  const annee = lu('annee');
  if (annee && (ANNEES as readonly string[]).includes(annee)) s.annee = annee;
  const formation = lu('formation');
  if (formation && (FORMATIONS.some((f) => f.id === formation) || HORS_CHAMP.some((h) => h.id === formation))) {
    s.formation = formation;
    s.niveau = FORMATIONS.find((f) => f.id === formation)?.niveaux[0]?.id ?? '';
  }
  const niveau = lu('niveau');
  if (niveau && FORMATIONS.find((f) => f.id === s.formation)?.niveaux.some((n) => n.id === niveau)) s.niveau = niveau;
  for (const champ of ['joursPfmp', 'absences', 'dejaVerse'] as const) {
    const v = lu(champ);
    if (v !== undefined && v.length <= 12) s[champ] = v;
  }
  return s;
}

/** L'adresse qui garde les réponses. */
export function adresseDeSaisie(s: Saisie): string {
  return `?${new URLSearchParams(Object.entries(PARAMETRES).map(([champ, nom]) => [nom, s[champ as keyof Saisie]]))}`;
}

/** « 12,5 » comme « 12.5 » ; vide : NaN. */
const nombre = (v: string) => (v.trim() === '' ? Number.NaN : Number(v.trim().replace(/\s/g, '').replace(',', '.')));
const dateFr = (iso: string) => new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso));

/**
 * Simulateur de l'allocation PFMP : tout est calculé dans le navigateur à partir de src/lib/allocation-pfmp-donnees.ts,
 * sans appel au serveur ; chaque chiffre renvoie à la section du guide qui le source.
 */
export default function SimulateurAllocation({ anneeParDefaut }: { anneeParDefaut: string }) {
  const id = useId();
  const [saisie, setSaisie] = useState<Saisie>({
    annee: (ANNEES as readonly string[]).includes(anneeParDefaut) ? anneeParDefaut : ANNEES.at(-1)!,
    formation: 'bac-pro',
    niveau: '2de',
    joursPfmp: '',
    absences: '0',
    dejaVerse: '0',
  });
  // Les réponses sont gardées dans l'adresse : lues à l'ouverture (après l'hydratation, pour que le HTML
  // construit et le premier rendu coïncident), réécrites à chaque changement sans ajouter d'entrée d'historique.
  const premierRendu = useRef(true);
  useEffect(() => {
    setSaisie((s) => saisieDepuisAdresse(window.location.search, s));
  }, []);
  useEffect(() => {
    // Au premier rendu, l'adresse n'est pas encore lue : ne pas l'écraser avec les réponses par défaut.
    if (premierRendu.current) premierRendu.current = false;
    else window.history.replaceState(window.history.state, '', adresseDeSaisie(saisie) + window.location.hash);
  }, [saisie]);
  const changer = (champ: keyof Saisie) => (e: { target: { value: string } }) => {
    const valeur = e.target.value;
    setSaisie((s) => {
      if (champ !== 'formation') return { ...s, [champ]: valeur };
      const f = FORMATIONS.find((x) => x.id === valeur);
      return { ...s, formation: valeur, niveau: f?.niveaux[0]?.id ?? '' };
    });
  };

  const formation = FORMATIONS.find((f) => f.id === saisie.formation);
  const horsChamp = HORS_CHAMP.find((h) => h.id === saisie.formation);
  const simulation: Simulation = {
    annee: saisie.annee,
    formation: saisie.formation,
    niveau: saisie.niveau,
    joursPfmp: nombre(saisie.joursPfmp),
    absences: nombre(saisie.absences || '0'),
    dejaVerse: nombre(saisie.dejaVerse || '0'),
  };
  const resultat = horsChamp ? null : simulerAllocation(simulation);
  const erreurs = resultat?.statut === 'erreurs' ? resultat.erreurs : {};
  // Le nombre de jours pas encore saisi n'est pas une erreur à afficher : le résultat attend simplement.
  const enAttente = saisie.joursPfmp.trim() === '';
  const erreurVisible = (champ: keyof Simulation) => (champ === 'joursPfmp' && enAttente ? undefined : erreurs[champ]);

  return (
    <div className="fr-grid-row fr-grid-row--gutters">
      <form className="fr-col-12 fr-col-md-6 rbde-non-imprime" noValidate aria-label="Données de la PFMP" onSubmit={(e) => e.preventDefault()}>
        <Selection id={`${id}-annee`} libelle="Année scolaire" valeur={saisie.annee} onChange={changer('annee')} erreur={erreurs.annee}>
          {ANNEES.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </Selection>
        <Selection id={`${id}-formation`} libelle="Formation" valeur={saisie.formation} onChange={changer('formation')} erreur={erreurs.formation}>
          <optgroup label="Formations de l’Éducation nationale">
            {FORMATIONS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.libelle}
              </option>
            ))}
          </optgroup>
          <optgroup label="Hors du simulateur">
            {HORS_CHAMP.map((h) => (
              <option key={h.id} value={h.id}>
                {h.libelle}
              </option>
            ))}
          </optgroup>
        </Selection>
        {formation && (
          <Selection id={`${id}-niveau`} libelle="Année ou niveau" valeur={saisie.niveau} onChange={changer('niveau')} erreur={erreurs.niveau}>
            {formation.niveaux.map((n) => (
              <option key={n.id} value={n.id}>
                {n.libelle}
              </option>
            ))}
          </Selection>
        )}
        {!horsChamp && (
          <>
            <Champ
              id={`${id}-jours`}
              libelle="Jours de PFMP prévus par la convention"
              aide="En jours entiers, comme sur l’attestation de stage. Exemple : 20 pour 4 semaines de 5 jours."
              valeur={saisie.joursPfmp}
              onChange={changer('joursPfmp')}
              erreur={erreurVisible('joursPfmp')}
            />
            <Champ
              id={`${id}-absences`}
              libelle="Jours d’absence pendant la PFMP"
              aide="En jours entiers ; 0 si aucune absence."
              valeur={saisie.absences}
              onChange={changer('absences')}
              erreur={erreurs.absences}
            />
            <Champ
              id={`${id}-verse`}
              libelle="Allocation déjà versée cette année scolaire, en euros"
              aide="Pour cette formation et ce niveau, PFMP précédentes comprises ; 0 si rien."
              valeur={saisie.dejaVerse}
              onChange={changer('dejaVerse')}
              erreur={erreurs.dejaVerse}
            />
          </>
        )}
      </form>

      <section className="fr-col-12 fr-col-md-6" aria-labelledby={`${id}-resultat`}>
        <h2 id={`${id}-resultat`} className="fr-h4">
          Résultat
        </h2>
        <div aria-live="polite">
          {horsChamp ? (
            <div className="fr-alert fr-alert--warning">
              <h3 className="fr-alert__title">Cas hors du simulateur</h3>
              <p>
                {horsChamp.raison} <a href={`${GUIDE_ALLOCATION}#${horsChamp.ancre}`}>Voir le guide de l’allocation PFMP</a>.
              </p>
            </div>
          ) : enAttente ? (
            <p>Indiquez le nombre de jours de PFMP pour voir le montant.</p>
          ) : resultat?.statut === 'erreurs' ? (
            <p>Corrigez la saisie pour voir le montant.</p>
          ) : resultat ? (
            <>
              <p className="fr-text--lead">
                Montant dû pour cette PFMP : <strong>{formaterEuros(resultat.montantDu)}</strong>
              </p>
              <p>
                Plafond annuel :{' '}
                {resultat.plafond === null ? (
                  <a href={`${GUIDE_ALLOCATION}#${ANCRES.verifier}`}>non connu du site</a>
                ) : (
                  <a href={`${GUIDE_ALLOCATION}#${ANCRES.plafonds}`}>{formaterEuros(resultat.plafond)}</a>
                )}
                {resultat.plafonne && ' (atteint : le montant est réduit)'}
              </p>
              {resultat.avertissements.map((a) => (
                <div key={a} className="fr-alert fr-alert--warning fr-alert--sm fr-mb-2w">
                  <p>{a}</p>
                </div>
              ))}
              <table className="fr-mb-2w">
                <caption>Comment il est calculé</caption>
                <thead>
                  <tr>
                    <th scope="col">Étape</th>
                    <th scope="col">Calcul</th>
                    <th scope="col">Source</th>
                  </tr>
                </thead>
                <tbody>
                  {resultat.lignes.map((l) => (
                    <tr key={l.libelle}>
                      <th scope="row">{l.libelle}</th>
                      <td>{l.valeur}</td>
                      <td>
                        <a href={l.source} aria-label={`Source de « ${l.libelle} » dans le guide de l’allocation PFMP`}>
                          Guide
                        </a>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
        </div>
        <p className="fr-text--sm">
          Sources des montants :{' '}
          <a href={TEXTES.arrete.url} rel="noopener">
            {TEXTES.arrete.titre}
          </a>{' '}
          (art. 1er, 2 et annexe) et des données d’APLyPro, vérifiés le {dateFr(VERIFIE_LE)}. Le montant officiel est fixé par le chef d’établissement à l’issue
          de la PFMP et versé par l’ASP ; ce simulateur ne l’engage pas.
        </p>
        <button type="button" className="fr-btn fr-btn--secondary fr-icon-printer-line fr-btn--icon-left rbde-non-imprime" onClick={() => window.print()}>
          Imprimer le résultat
        </button>
      </section>
    </div>
  );
}

interface ProprietesChamp {
  id: string;
  libelle: string;
  aide?: string;
  valeur: string;
  erreur?: string;
  onChange: (e: { target: { value: string } }) => void;
}

/** Liste déroulante DSFR avec son message d'erreur relié. */
function Selection({ id, libelle, valeur, erreur, onChange, children }: ProprietesChamp & { children: ReactNode }) {
  return (
    <div className={`fr-select-group${erreur ? ' fr-select-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {libelle}
      </label>
      <select
        className="fr-select"
        id={id}
        value={valeur}
        onChange={onChange}
        aria-describedby={erreur ? `${id}-erreur` : undefined}
        aria-invalid={erreur ? true : undefined}
      >
        {children}
      </select>
      {erreur && (
        <p id={`${id}-erreur`} className="fr-error-text">
          {erreur}
        </p>
      )}
    </div>
  );
}

/** Champ numérique DSFR (texte + clavier numérique : accepte la virgule) avec son message d'erreur relié. */
function Champ({ id, libelle, aide, valeur, erreur, onChange }: ProprietesChamp) {
  return (
    <div className={`fr-input-group${erreur ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {libelle}
        {aide && <span className="fr-hint-text">{aide}</span>}
      </label>
      <input
        className={`fr-input${erreur ? ' fr-input--error' : ''}`}
        id={id}
        inputMode="decimal"
        autoComplete="off"
        value={valeur}
        onChange={onChange}
        aria-describedby={erreur ? `${id}-erreur` : undefined}
        aria-invalid={erreur ? true : undefined}
      />
      {erreur && (
        <p id={`${id}-erreur`} className="fr-error-text">
          {erreur}
        </p>
      )}
    </div>
  );
}
