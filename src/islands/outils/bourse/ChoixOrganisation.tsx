// Choisir une organisation DU CARNET (jamais du texte libre) : on filtre le carnet par nom, puis on choisit.
import { useEffect, useId, useState } from 'react';
import { appelApi } from '../../../lib/api-client.ts';
import type { ListeOrganisations } from '../../../schemas/carnet.ts';

export function ChoixOrganisation({ id, valeur, onChange }: { id: string; valeur: string; onChange: (id: string) => void }) {
  const idFiltre = useId();
  const [texte, setTexte] = useState('');
  const [organisations, setOrganisations] = useState<ListeOrganisations>([]);
  useEffect(() => {
    let annule = false;
    const minuterie = setTimeout(() => {
      appelApi<ListeOrganisations>('/api/carnet/recherche', { method: 'POST', corps: texte.trim().length >= 2 ? { texte } : {} })
        .then((l) => !annule && setOrganisations(l))
        .catch(() => !annule && setOrganisations([]));
    }, 250);
    return () => {
      annule = true;
      clearTimeout(minuterie);
    };
  }, [texte]);
  return (
    <>
      <div className="fr-input-group">
        <label className="fr-label" htmlFor={idFiltre}>
          Filtrer le carnet par nom
          <span className="fr-hint-text">La liste ci-dessous montre au plus 200 fiches du carnet.</span>
        </label>
        <input className="fr-input" id={idFiltre} value={texte} onChange={(e) => setTexte(e.target.value)} autoComplete="off" />
      </div>
      <div className="fr-select-group">
        <label className="fr-label" htmlFor={id}>
          Organisation
          <span className="fr-hint-text">Absente de la liste ? Ajoutez-la d’abord au carnet des entreprises.</span>
        </label>
        <select className="fr-select" id={id} required value={valeur} onChange={(e) => onChange(e.target.value)}>
          <option value="">Choisir</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.nom} — {o.commune}
            </option>
          ))}
        </select>
      </div>
    </>
  );
}
