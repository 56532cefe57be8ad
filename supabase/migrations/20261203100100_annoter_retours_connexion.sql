-- Types TypeScript des résultats JSON des fonctions de connexion et de provisionnement
-- (lus par scripts/generer-api.ts ; voir 20261203090100_annoter_retours_api.sql).
comment on function api.code_demander(text, text, text) is '@retour ReponseDemandeCode from src/schemas/api-retours.ts';
comment on function api.code_tenter(text, text, text) is '@retour TentativeCode from src/schemas/api-retours.ts';
comment on function api.membre_provisionner(uuid, text, text, text, prive.role_membre, text, text) is '@retour MembreProvisionne from src/schemas/api-retours.ts';
