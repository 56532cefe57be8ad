-- Le type TypeScript du résultat JSON de chaque fonction du schéma api, lu par scripts/generer-api.ts
-- (npm run generer-api) : « @retour <Type> from <fichier> », le fichier exportant ce type.
-- Une fonction de api qui renvoie json ou jsonb sans cette annotation fait échouer la génération.
comment on function api.moi() is '@retour Profil from src/schemas/membre.ts';
comment on function api.sante() is '@retour Sante from src/schemas/api-retours.ts';
comment on function api.code_demander(text) is '@retour ReponseDemandeCode from src/schemas/api-retours.ts';
comment on function api.code_tenter(text) is '@retour TentativeCode from src/schemas/api-retours.ts';
