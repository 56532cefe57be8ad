// Bourse aux places : trois onglets. Offres (chercher, réserver pour un élève — formation et niveau seulement —,
// confirmer le passage de relais, publier), recherches (le sens inverse : publier, répondre avec une organisation
// du carnet, accepter), résumé hebdomadaire par courriel (sur inscription). L'onglet et les filtres sont dans
// l'adresse de la page : un lien les partage. Membres seulement.
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { ErreurApi } from '../../lib/api-client.ts';
import { ecrireAdresse, FILTRES_VIDES, type Filtres, lireAdresse, type Onglet, ONGLETS } from './bourse/filtres.tsx';
import { type Actions, OngletOffres } from './bourse/OngletOffres.tsx';
import { OngletRecherches } from './bourse/OngletRecherches.tsx';
import { OngletResume } from './bourse/OngletResume.tsx';
import { Alerte, messageErreur, NonConnecte, useReferentiels } from './commun.tsx';

const LIBELLES: Record<Onglet, string> = { offres: 'Offres de places', recherches: 'Recherches de places', resume: 'Résumé par courriel' };

export default function BourseAuxPlaces() {
  const referentiels = useReferentiels();
  // L'adresse n'est lue qu'une fois l'îlot hydraté (le HTML construit ne la connaît pas) ; les onglets
  // n'interrogent l'API qu'ensuite, avec les bons filtres.
  const [pret, setPret] = useState(false);
  const [onglet, setOnglet] = useState<Onglet>('offres');
  const [filtres, setFiltres] = useState<Filtres>(FILTRES_VIDES);
  const [nonConnecte, setNonConnecte] = useState<string | null>(null);
  const [message, setMessage] = useState<{ type: 'success' | 'error'; texte: string } | null>(null);
  const [version, setVersion] = useState(0);
  const boutons = useRef<Record<Onglet, HTMLButtonElement | null>>({ offres: null, recherches: null, resume: null });

  const memoriser = (o: Onglet, f: Filtres) => window.history.replaceState(null, '', `${window.location.pathname}${ecrireAdresse(o, f)}`);
  useEffect(() => {
    const lu = lireAdresse(window.location.search);
    setOnglet(lu.onglet);
    setFiltres(lu.filtres);
    setPret(true);
  }, []);
  useEffect(() => {
    if (pret) memoriser(onglet, filtres);
  }, [onglet, pret]);

  const echec = (e: unknown) => {
    if (e instanceof ErreurApi && e.statut === 401) setNonConnecte(e.code === 'NON_CONNECTE' ? '' : e.message);
    else setMessage({ type: 'error', texte: messageErreur(e) });
  };
  const actions: Actions = {
    echec,
    filtresAppliques: (f?: Filtres) => memoriser(onglet, f ?? filtres),
    async agir(action, ok) {
      setMessage(null);
      try {
        const r = await action();
        setMessage({ type: 'success', texte: typeof ok === 'string' ? ok : ok(r) });
        setVersion((v) => v + 1);
        return true;
      } catch (e) {
        echec(e);
        return false;
      }
    },
  };

  function changer(o: Onglet) {
    setMessage(null);
    setOnglet(o);
  }
  function clavier(e: KeyboardEvent) {
    const i = ONGLETS.indexOf(onglet);
    const cible =
      e.key === 'ArrowRight'
        ? ONGLETS[(i + 1) % ONGLETS.length]
        : e.key === 'ArrowLeft'
          ? ONGLETS[(i + ONGLETS.length - 1) % ONGLETS.length]
          : e.key === 'Home'
            ? ONGLETS[0]
            : e.key === 'End'
              ? ONGLETS[ONGLETS.length - 1]
              : undefined;
    if (!cible) return;
    e.preventDefault();
    changer(cible);
    boutons.current[cible]?.focus();
  }

  if (nonConnecte !== null) return <NonConnecte message={nonConnecte || undefined} />;
  return (
    <div>
      <div role="tablist" aria-label="Bourse aux places" className="fr-btns-group fr-btns-group--inline-md fr-mb-3w" onKeyDown={clavier}>
        {ONGLETS.map((o) => (
          <button
            key={o}
            ref={(b) => {
              boutons.current[o] = b;
            }}
            type="button"
            role="tab"
            id={`onglet-${o}`}
            aria-selected={onglet === o}
            aria-controls={onglet === o ? `panneau-${o}` : undefined}
            tabIndex={onglet === o ? 0 : -1}
            className={`fr-btn fr-mr-2w ${onglet === o ? '' : 'fr-btn--secondary'}`}
            onClick={() => changer(o)}
          >
            {LIBELLES[o]}
          </button>
        ))}
      </div>
      {message && <Alerte type={message.type}>{message.texte}</Alerte>}
      <div role="tabpanel" id={`panneau-${onglet}`} aria-labelledby={`onglet-${onglet}`}>
        {!pret && <p>Chargement de la bourse…</p>}
        {pret && onglet === 'offres' && (
          <OngletOffres filtres={filtres} setFiltres={setFiltres} referentiels={referentiels} actions={actions} version={version} />
        )}
        {pret && onglet === 'recherches' && (
          <OngletRecherches filtres={filtres} setFiltres={setFiltres} referentiels={referentiels} actions={actions} version={version} />
        )}
        {pret && onglet === 'resume' && <OngletResume actions={actions} />}
      </div>
    </div>
  );
}
