// Import d'un tableur dans le carnet : fichier CSV → association des colonnes → rapport ligne par ligne
// (corriger ou exclure les lignes signalées, choisir pour un doublon) → confirmation. Rien n'est écrit
// avant la confirmation ; l'import est alors tout ou rien.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { appelApi, ErreurApi } from '../../lib/api-client.ts';
import { type ChampImport, CHAMPS_IMPORT, TAILLE_MAX_FICHIER } from '../../lib/carnet-import.ts';
import type { AnalyseFichier, LigneImport, RapportLigne, RapportVerification } from '../../schemas/carnet-import.ts';
import { Alerte, messageErreur, NonConnecte } from './commun.tsx';

interface Ligne {
  numero: number;
  valeurs: Partial<Record<ChampImport, string>>;
  exclue: boolean;
  /** Fiche existante à compléter, ou null : créer une fiche. */
  rattacher_a: string | null;
}

type Etape = 'fichier' | 'colonnes' | 'rapport' | 'termine';

const LIBELLES = Object.fromEntries(CHAMPS_IMPORT.map((c) => [c.cle, c.libelle])) as Record<ChampImport, string>;
const SEPARATEURS = { ';': 'point-virgule', ',': 'virgule', '\t': 'tabulation' } as const;
const pluriel = (n: number, mot: string, motPluriel = `${mot}s`) => `${n} ${n > 1 ? motPluriel : mot}`;

/** Octets → base64, par tranches (String.fromCharCode ne prend pas un million d'arguments). */
function enBase64(octets: Uint8Array): string {
  let binaire = '';
  for (let i = 0; i < octets.length; i += 0x8000) binaire += String.fromCharCode(...octets.subarray(i, i + 0x8000));
  return btoa(binaire);
}

export default function ImportCarnet() {
  const [etape, setEtape] = useState<Etape>('fichier');
  const [analyse, setAnalyse] = useState<AnalyseFichier | null>(null);
  const [correspondance, setCorrespondance] = useState<Partial<Record<ChampImport, number>>>({});
  const [lignes, setLignes] = useState<Ligne[]>([]);
  const [rapport, setRapport] = useState<Map<number, RapportLigne>>(new Map());
  /** Vrai tant que rien n'a changé depuis la dernière vérification. */
  const [aJour, setAJour] = useState(false);
  const [erreur, setErreur] = useState<string | null>(null);
  const [refusLignes, setRefusLignes] = useState<{ ligne: number; messages: string[] }[]>([]);
  const [bilan, setBilan] = useState<string | null>(null);
  const [nonConnecte, setNonConnecte] = useState<string | null>(null);
  const [occupe, setOccupe] = useState(false);
  const titre = useRef<HTMLHeadingElement>(null);
  const champFichier = useRef<HTMLInputElement>(null);
  /** Lignes dont l'officier a choisi lui-même entre compléter une fiche et en créer une. */
  const dejaChoisi = useRef(new Set<number>());

  useEffect(() => {
    titre.current?.focus();
  }, [etape]);

  function echec(e: unknown) {
    if (e instanceof ErreurApi && e.statut === 401) setNonConnecte(e.code === 'NON_CONNECTE' ? '' : e.message);
    setErreur(messageErreur(e));
    const details = e instanceof ErreurApi ? (e.details as { lignes?: { ligne: number; messages: string[] }[] } | undefined) : undefined;
    setRefusLignes(details?.lignes ?? []);
  }

  async function lireFichier(e: FormEvent) {
    e.preventDefault();
    setErreur(null);
    setRefusLignes([]);
    const fichier = champFichier.current?.files?.[0] ?? null;
    if (!fichier || fichier.size === 0) {
      setErreur('Choisissez un fichier CSV non vide.');
      return;
    }
    if (fichier.size > TAILLE_MAX_FICHIER) {
      setErreur('Le fichier dépasse 1 Mo : découpez-le en plusieurs fichiers.');
      return;
    }
    setOccupe(true);
    try {
      const a = await appelApi<AnalyseFichier>('/api/carnet/import/analyse', {
        method: 'POST',
        corps: { fichier: enBase64(new Uint8Array(await fichier.arrayBuffer())) },
      });
      setAnalyse(a);
      setCorrespondance(a.correspondance);
      setEtape('colonnes');
    } catch (err) {
      echec(err);
    } finally {
      setOccupe(false);
    }
  }

  async function verifier(aVerifier: Ligne[]) {
    setErreur(null);
    setRefusLignes([]);
    const incluses = aVerifier.filter((l) => !l.exclue);
    if (!incluses.length) {
      setErreur('Toutes les lignes sont exclues : il n’y a rien à importer.');
      return;
    }
    setOccupe(true);
    try {
      const r = await appelApi<RapportVerification>('/api/carnet/import/verification', {
        method: 'POST',
        corps: { lignes: incluses.map(versApi) },
      });
      const suivant = new Map(rapport);
      for (const l of r.lignes) suivant.set(l.numero, l);
      setRapport(suivant);
      // Une ligne sans erreur dont le nom ressemble à une fiche du carnet la complète par défaut ;
      // l'officier peut choisir de créer une nouvelle fiche (son choix est gardé d'une vérification à l'autre).
      setLignes(
        aVerifier.map((l) => {
          const r2 = suivant.get(l.numero);
          const d = r2?.doublons.find((x) => x.raison === 'nom');
          return !l.exclue && l.rattacher_a === null && d && !r2!.erreurs.length && !dejaChoisi.current.has(l.numero) ? { ...l, rattacher_a: d.id } : l;
        }),
      );
      setAJour(true);
      setEtape('rapport');
    } catch (err) {
      echec(err);
    } finally {
      setOccupe(false);
    }
  }

  function associer(e: FormEvent) {
    e.preventDefault();
    const manquants: string[] = CHAMPS_IMPORT.filter((c) => c.requis && correspondance[c.cle] === undefined).map((c) => c.libelle);
    if (correspondance.commune === undefined && correspondance.code_postal === undefined) manquants.push('Commune ou code postal');
    if (manquants.length) {
      setErreur(`Associez une colonne à : ${manquants.join(', ')}.`);
      return;
    }
    const nouvelles = analyse!.lignes.map((l) => ({
      numero: l.numero,
      valeurs: Object.fromEntries(Object.entries(correspondance).map(([champ, i]) => [champ, l.cellules[i] ?? ''])),
      exclue: false,
      rattacher_a: null,
    }));
    dejaChoisi.current.clear();
    setRapport(new Map());
    void verifier(nouvelles);
  }

  function modifier(numero: number, changement: Partial<Ligne>) {
    setLignes((ls) => ls.map((l) => (l.numero === numero ? { ...l, ...changement } : l)));
    setAJour(false);
  }

  async function confirmer() {
    setErreur(null);
    setRefusLignes([]);
    setOccupe(true);
    try {
      const r = await appelApi<{ creees: number; completees: number }>('/api/carnet/import', {
        method: 'POST',
        corps: { lignes: lignes.filter((l) => !l.exclue).map(versApi) },
      });
      setBilan(
        `${pluriel(r.creees, 'organisation ajoutée', 'organisations ajoutées')} au carnet` +
          (r.completees ? `, ${pluriel(r.completees, 'fiche existante complétée', 'fiches existantes complétées')}` : '') +
          '.',
      );
      setEtape('termine');
    } catch (err) {
      echec(err);
      setAJour(false);
    } finally {
      setOccupe(false);
    }
  }

  if (nonConnecte !== null) return <NonConnecte message={nonConnecte || undefined} />;

  const incluses = lignes.filter((l) => !l.exclue);
  const aCorriger = incluses.filter((l) => rapport.get(l.numero)?.erreurs.length);
  const signalees = lignes.filter((l) => {
    const r = rapport.get(l.numero);
    return l.exclue || (r && (r.erreurs.length || r.doublons.length || r.doublons_fichier.length));
  });
  const pretes = incluses.filter((l) => {
    const r = rapport.get(l.numero);
    return r && !r.erreurs.length;
  });

  return (
    <div>
      {erreur && (
        <div className="fr-alert fr-alert--error fr-mb-3w" role="alert">
          <p>{erreur}</p>
          {refusLignes.length > 0 && (
            <ul>
              {refusLignes.map((l) => (
                <li key={l.ligne}>
                  Ligne {l.ligne} : {l.messages.join(' ')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      {etape === 'fichier' && (
        <form onSubmit={(e) => void lireFichier(e)}>
          <h2 ref={titre} tabIndex={-1} className="fr-h4">
            1. Choisir le fichier
          </h2>
          <div className="fr-upload-group fr-mb-3w">
            <label className="fr-label" htmlFor="import-fichier">
              Fichier CSV de votre tableur
              <span className="fr-hint-text">
                Enregistrez votre tableur « au format CSV » : séparateur point-virgule ou virgule, encodage UTF-8 ou Windows (Excel). 1 Mo et 2 000 lignes au
                plus ; la première ligne porte les noms des colonnes.
              </span>
            </label>
            <input ref={champFichier} className="fr-upload" type="file" id="import-fichier" name="fichier" accept=".csv,text/csv" required />
          </div>
          <button type="submit" className="fr-btn" disabled={occupe}>
            Lire le fichier
          </button>
        </form>
      )}

      {etape === 'colonnes' && analyse && (
        <form onSubmit={associer}>
          <h2 ref={titre} tabIndex={-1} className="fr-h4">
            2. Associer les colonnes
          </h2>
          <p>
            Fichier lu : {pluriel(analyse.lignes.length, 'ligne')} de données, séparateur {SEPARATEURS[analyse.separateur]}, encodage {analyse.encodage}. Une
            association est proposée d’après les noms de vos colonnes : vérifiez-la. Rien n’est enregistré à cette étape.
          </p>
          <fieldset className="fr-fieldset">
            <legend className="fr-fieldset__legend">Colonne de votre fichier pour chaque champ du carnet</legend>
            {CHAMPS_IMPORT.map((c) => (
              <div key={c.cle} className="fr-fieldset__element">
                <div className="fr-select-group">
                  <label className="fr-label" htmlFor={`colonne-${c.cle}`}>
                    {c.libelle}
                    {c.requis && ' (obligatoire)'}
                  </label>
                  <select
                    className="fr-select"
                    id={`colonne-${c.cle}`}
                    value={correspondance[c.cle] ?? ''}
                    onChange={(e) =>
                      setCorrespondance(
                        Object.fromEntries([
                          ...Object.entries(correspondance).filter(([cle]) => cle !== c.cle),
                          ...(e.target.value === '' ? [] : [[c.cle, Number(e.target.value)]]),
                        ]),
                      )
                    }
                  >
                    <option value="">— Aucune colonne —</option>
                    {analyse.entetes.map((h, i) => (
                      <option key={i} value={i}>
                        {h}
                        {analyse.lignes[0]?.cellules[i] ? ` (exemple : ${analyse.lignes[0].cellules[i].slice(0, 40)})` : ''}
                      </option>
                    ))}
                  </select>
                </div>
              </div>
            ))}
          </fieldset>
          <ul className="fr-btns-group fr-btns-group--inline">
            <li>
              <button type="submit" className="fr-btn" disabled={occupe}>
                Vérifier les lignes
              </button>
            </li>
            <li>
              <button type="button" className="fr-btn fr-btn--secondary" onClick={() => setEtape('fichier')}>
                Choisir un autre fichier
              </button>
            </li>
          </ul>
        </form>
      )}

      {etape === 'rapport' && (
        <section aria-labelledby="titre-rapport">
          <h2 id="titre-rapport" ref={titre} tabIndex={-1} className="fr-h4">
            3. Rapport de vérification
          </h2>
          <p role="status">
            {pluriel(lignes.length, 'ligne')} : {pluriel(pretes.length, 'prête', 'prêtes')}, {pluriel(aCorriger.length, 'à corriger', 'à corriger')}
            {lignes.length - incluses.length > 0 && `, ${pluriel(lignes.length - incluses.length, 'exclue', 'exclues')}`}.
            {!aJour && ' Des lignes ont changé : vérifiez de nouveau avant d’importer.'}
          </p>
          <p>Corrigez les lignes signalées ou excluez-les. Rien n’est enregistré avant votre confirmation.</p>

          {signalees.map((l) => (
            <LigneSignalee key={l.numero} ligne={l} rapport={rapport.get(l.numero)} modifier={modifier} marquerChoix={(n) => dejaChoisi.current.add(n)} />
          ))}

          {pretes.length > 0 && (
            <div className="fr-table fr-mb-3w">
              <table>
                <caption>Lignes prêtes à importer</caption>
                <thead>
                  <tr>
                    <th scope="col">Ligne</th>
                    <th scope="col">Organisation</th>
                    <th scope="col">Commune</th>
                    <th scope="col">NAF</th>
                    <th scope="col">Action</th>
                  </tr>
                </thead>
                <tbody>
                  {pretes.map((l) => {
                    const r = rapport.get(l.numero)!;
                    const fiche = r.doublons.find((d) => d.id === l.rattacher_a);
                    return (
                      <tr key={l.numero}>
                        <td>{l.numero}</td>
                        <td>{r.resume?.nom ?? l.valeurs.nom}</td>
                        <td>{r.resume ? `${r.resume.commune} (${r.resume.departement})` : ''}</td>
                        <td>{r.resume?.code_naf}</td>
                        <td>{fiche ? `Complète « ${fiche.nom} »` : 'Nouvelle fiche'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}

          <ul className="fr-btns-group fr-btns-group--inline">
            {aJour && aCorriger.length === 0 && incluses.length > 0 ? (
              <li>
                <button type="button" className="fr-btn" disabled={occupe} onClick={() => void confirmer()}>
                  {`Importer ${pluriel(incluses.length, 'ligne')}`}
                </button>
              </li>
            ) : (
              <li>
                <button type="button" className="fr-btn" disabled={occupe} onClick={() => void verifier(lignes)}>
                  Vérifier de nouveau
                </button>
              </li>
            )}
            <li>
              <button type="button" className="fr-btn fr-btn--secondary" onClick={() => setEtape('colonnes')}>
                Modifier l’association des colonnes
              </button>
            </li>
          </ul>
        </section>
      )}

      {etape === 'termine' && bilan && (
        <div>
          <h2 ref={titre} tabIndex={-1} className="fr-h4">
            Import terminé
          </h2>
          <Alerte type="success">{bilan}</Alerte>
          <p>
            <a className="fr-link" href="/outils/carnet-entreprises/">
              Retour au carnet des entreprises
            </a>
          </p>
        </div>
      )}
    </div>
  );
}

const versApi = (l: Ligne): LigneImport => ({ numero: l.numero, valeurs: l.valeurs, rattacher_a: l.rattacher_a });

/** Une ligne signalée : ses champs en erreur à corriger sur place, le choix pour un doublon, l'exclusion. */
function LigneSignalee({
  ligne,
  rapport,
  modifier,
  marquerChoix,
}: {
  ligne: Ligne;
  rapport: RapportLigne | undefined;
  modifier: (numero: number, changement: Partial<Ligne>) => void;
  marquerChoix: (numero: number) => void;
}) {
  const n = ligne.numero;
  const erreursParChamp = new Map<ChampImport | null, string[]>();
  for (const e of rapport?.erreurs ?? []) erreursParChamp.set(e.champ, [...(erreursParChamp.get(e.champ) ?? []), e.message]);
  const champs = [...erreursParChamp.keys()].filter((c): c is ChampImport => c !== null);
  const memeSiret = rapport?.doublons.some((d) => d.raison === 'siret');
  return (
    <fieldset className="fr-fieldset fr-mb-3w rbde-ligne-import" aria-labelledby={`ligne-${n}-titre`}>
      <legend className="fr-fieldset__legend" id={`ligne-${n}-titre`}>
        Ligne {n} : {ligne.valeurs.nom || 'sans nom'}
        {ligne.exclue ? ' (exclue)' : rapport?.erreurs.length ? ' — à corriger' : ' — à vérifier'}
      </legend>
      {!ligne.exclue &&
        (erreursParChamp.get(null) ?? []).map((m, i) => (
          <p key={i} className="fr-error-text fr-fieldset__element">
            {m}
          </p>
        ))}
      {!ligne.exclue &&
        champs.map((c) => (
          <div key={c} className="fr-fieldset__element">
            <div className="fr-input-group fr-input-group--error">
              <label className="fr-label" htmlFor={`ligne-${n}-${c}`}>
                {`${LIBELLES[c]} (ligne ${n})`}
              </label>
              <input
                className="fr-input fr-input--error"
                id={`ligne-${n}-${c}`}
                aria-invalid="true"
                aria-describedby={`ligne-${n}-${c}-erreur`}
                value={ligne.valeurs[c] ?? ''}
                onChange={(e) => modifier(n, { valeurs: { ...ligne.valeurs, [c]: e.target.value } })}
              />
              <p className="fr-error-text" id={`ligne-${n}-${c}-erreur`}>
                {erreursParChamp.get(c)!.join(' ')}
              </p>
            </div>
          </div>
        ))}
      {!ligne.exclue && rapport && rapport.doublons.length > 0 && (
        <div className="fr-fieldset__element">
          <fieldset className="fr-fieldset" id={`ligne-${n}-doublon`}>
            <legend className="fr-fieldset__legend fr-text--regular">Cette organisation est peut-être déjà dans le carnet :</legend>
            {rapport.doublons.map((d) => (
              <div key={d.id} className="fr-fieldset__element">
                <div className="fr-radio-group">
                  <input
                    type="radio"
                    id={`ligne-${n}-rattacher-${d.id}`}
                    name={`ligne-${n}-choix`}
                    checked={ligne.rattacher_a === d.id}
                    onChange={() => {
                      marquerChoix(n);
                      modifier(n, { rattacher_a: d.id });
                    }}
                  />
                  <label className="fr-label" htmlFor={`ligne-${n}-rattacher-${d.id}`}>
                    {`Compléter la fiche « ${d.nom} » (${d.commune}) — ${d.raison === 'siret' ? 'même SIRET' : 'nom proche dans la même commune'}`}
                  </label>
                </div>
              </div>
            ))}
            {!memeSiret && (
              <div className="fr-fieldset__element">
                <div className="fr-radio-group">
                  <input
                    type="radio"
                    id={`ligne-${n}-creer`}
                    name={`ligne-${n}-choix`}
                    checked={ligne.rattacher_a === null}
                    onChange={() => {
                      marquerChoix(n);
                      modifier(n, { rattacher_a: null });
                    }}
                  />
                  <label className="fr-label" htmlFor={`ligne-${n}-creer`}>
                    Ce n’est pas la même : créer une nouvelle fiche
                  </label>
                </div>
              </div>
            )}
          </fieldset>
        </div>
      )}
      {!ligne.exclue && rapport && rapport.doublons_fichier.length > 0 && (
        <p className="fr-fieldset__element">
          {`Ressemble à la ligne ${rapport.doublons_fichier.map((d) => d.numero).join(', ')} de votre fichier : excluez-la si c’est la même organisation.`}
        </p>
      )}
      <div className="fr-fieldset__element">
        <div className="fr-checkbox-group">
          <input type="checkbox" id={`ligne-${n}-exclue`} checked={ligne.exclue} onChange={(e) => modifier(n, { exclue: e.target.checked })} />
          <label className="fr-label" htmlFor={`ligne-${n}-exclue`}>
            {`Exclure la ligne ${n} de l’import`}
          </label>
        </div>
      </div>
    </fieldset>
  );
}
