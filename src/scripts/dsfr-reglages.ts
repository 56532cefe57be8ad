// Réglages du script du DSFR, lus par son cœur quand il démarre (window.dsfr) : importé avant lui (Base.astro).
// En production, le DSFR n'écrit plus dans la console (version, démarrage, avertissements) : chaque message,
// mis en forme, coûtait jusqu'à 40 ms de calcul à l'ouverture d'une page sur mobile (Lighthouse). En
// développement (`npm run dev`), ses avertissements restent : ils signalent un composant mal formé.
declare global {
  interface Window {
    dsfr?: { production?: boolean };
  }
}
window.dsfr = { ...window.dsfr, production: import.meta.env.PROD };
export {};
