import { useEffect, useId, useRef, useState, type ComponentPropsWithRef, type FormEvent } from 'react';
import { appelApi, ErreurApi } from '../lib/api-client.ts';
import { LONGUEUR_CODE } from '../lib/config-auth.ts';
import type { Profil } from '../schemas/membre.ts';

type Etape = 'email' | 'code';

/** Connexion en deux temps : l'adresse, puis le code (LONGUEUR_CODE chiffres, réglé dans supabase/config.toml) reçu par courriel. */
export default function FormulaireConnexion({ retour = '/mon-espace/' }: { retour?: string }) {
  const [etape, setEtape] = useState<Etape>('email');
  const [email, setEmail] = useState('');
  const [code, setCode] = useState('');
  const [envoi, setEnvoi] = useState(false);
  const [info, setInfo] = useState<string | null>(null);
  const [erreur, setErreur] = useState<{ message: string; champ?: 'email' | 'code' } | null>(null);
  const id = useId();
  const champCode = useRef<HTMLInputElement>(null);
  const champEmail = useRef<HTMLInputElement>(null);
  const etapeAffichee = useRef<Etape>(etape);

  // Au changement d'étape, le formulaire précédent disparaît avec l'élément qui avait le focus :
  // on place le focus sur le champ de la nouvelle étape, une fois celle-ci affichée (sinon il tombe sur <body>).
  useEffect(() => {
    if (etapeAffichee.current === etape) return;
    etapeAffichee.current = etape;
    (etape === 'code' ? champCode : champEmail).current?.focus();
  }, [etape]);

  async function demanderCode(e: FormEvent) {
    e.preventDefault();
    if (envoi) return;
    setEnvoi(true);
    setErreur(null);
    try {
      const r = await appelApi<{ message: string }>('/api/auth/code', { method: 'POST', corps: { email } });
      setInfo(r.message);
      setEtape('code');
    } catch (err) {
      const e2 = err as ErreurApi;
      const champs = e2.details?.champs as Record<string, string[]> | undefined;
      setErreur({ message: champs?.email?.[0] ?? e2.message, champ: champs?.email ? 'email' : undefined });
    } finally {
      setEnvoi(false);
    }
  }

  async function verifierCode(e: FormEvent) {
    e.preventDefault();
    if (envoi) return;
    setEnvoi(true);
    setErreur(null);
    try {
      await appelApi<Profil>('/api/auth/session', { method: 'POST', corps: { email, code } });
      window.location.assign(retour);
    } catch (err) {
      const e2 = err as ErreurApi;
      const champs = e2.details?.champs as Record<string, string[]> | undefined;
      setErreur({ message: champs?.code?.[0] ?? e2.message, champ: 'code' });
      setEnvoi(false);
    }
  }

  if (etape === 'email') {
    return (
      <form onSubmit={demanderCode} noValidate aria-label="Recevoir un code de connexion">
        <ChampDsfr
          ref={champEmail}
          id={`${id}-email`}
          libelle="Adresse électronique professionnelle"
          aide="Celle sous laquelle vous êtes inscrit dans le réseau. Format attendu : prenom.nom@ac-exemple.fr"
          erreur={erreur?.message}
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <button className="fr-btn" type="submit" disabled={envoi}>
          {envoi ? 'Envoi en cours…' : 'Recevoir un code'}
        </button>
      </form>
    );
  }
  return (
    <form onSubmit={verifierCode} noValidate aria-label="Saisir le code reçu">
      {info && (
        <div className="fr-alert fr-alert--info fr-alert--sm fr-mb-3w" role="status">
          <p>{info}</p>
        </div>
      )}
      <ChampDsfr
        ref={champCode}
        id={`${id}-code`}
        libelle="Code reçu par courriel"
        aide={`${LONGUEUR_CODE} chiffres, envoyés à ${email}`}
        erreur={erreur?.message}
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        pattern={`[0-9]{${LONGUEUR_CODE}}`}
        maxLength={LONGUEUR_CODE + 2}
        required
        value={code}
        onChange={(e) => setCode(e.target.value)}
      />
      <ul className="fr-btns-group fr-btns-group--inline-sm">
        <li>
          <button className="fr-btn" type="submit" disabled={envoi}>
            {envoi ? 'Vérification…' : 'Se connecter'}
          </button>
        </li>
        <li>
          <button
            className="fr-btn fr-btn--secondary"
            type="button"
            onClick={() => {
              setEtape('email');
              setCode('');
              setErreur(null);
              setInfo(null);
            }}
          >
            Changer d’adresse ou redemander un code
          </button>
        </li>
      </ul>
    </form>
  );
}

type ProprietesChamp = ComponentPropsWithRef<'input'> & { id: string; libelle: string; aide: string; erreur?: string };

/** Champ de saisie DSFR : libellé, aide, et message d'erreur relié au champ (aria-describedby) et annoncé. */
function ChampDsfr({ id, libelle, aide, erreur, ref, ...champ }: ProprietesChamp) {
  const erreurId = `${id}-erreur`;
  return (
    <div className={`fr-input-group${erreur ? ' fr-input-group--error' : ''}`}>
      <label className="fr-label" htmlFor={id}>
        {libelle}
        <span className="fr-hint-text">{aide}</span>
      </label>
      <input
        ref={ref}
        className={`fr-input${erreur ? ' fr-input--error' : ''}`}
        id={id}
        aria-describedby={erreur ? erreurId : undefined}
        aria-invalid={erreur ? true : undefined}
        {...champ}
      />
      {erreur && (
        <p id={erreurId} className="fr-error-text" role="alert">
          {erreur}
        </p>
      )}
    </div>
  );
}
