// Contrôle des restes du modèle de `npm run nouveau-guide` : source d'exemple « À remplacer », consignes « À compléter ».
import { ligneDuChamp, ligneDe, parcourir } from './document.ts';
import type { Probleme, Regle } from './types.ts';

const A_REMPLACER = /^\s*[AÀ] remplacer\b/iu;
const A_COMPLETER = /[AÀ] compléter\s*:/iu;

export const verifierModele: Regle = (doc) => {
  const problemes: Probleme[] = [];
  const sources = doc.donnees.sources;
  if (Array.isArray(sources))
    sources.forEach((s: unknown, i) => {
      const titre = s && typeof s === 'object' ? (s as { titre?: unknown }).titre : undefined;
      if (typeof titre === 'string' && A_REMPLACER.test(titre))
        problemes.push({
          fichier: doc.chemin,
          ligne: ligneDuChamp(doc, ['sources', i, 'titre']),
          message: `Source n° ${i + 1} : c’est la source d’exemple du modèle (« À remplacer… »). Remplacez son titre, son adresse et sa nature par ceux d’un texte officiel réellement lu.`,
        });
    });
  parcourir(doc.arbre, (n) => {
    if (n.type === 'text' && A_COMPLETER.test(n.value ?? ''))
      problemes.push({
        fichier: doc.chemin,
        ligne: ligneDe(n),
        message: 'Consigne du modèle « À compléter : » encore présente : remplacez-la par votre texte.',
      });
  });
  return problemes;
};
