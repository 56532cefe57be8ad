-- La forme des résultats jsonb des fonctions des rencontres, pour la surface typée générée
-- (npm run generer-api) : « @retour <Type> from <fichier> ».
comment on function api.rencontre_publier(jsonb) is '@retour ResultatPublication from src/schemas/inscription.ts';
comment on function api.inscrire(text, text[], jsonb) is '@retour ResultatInscription from src/schemas/inscription.ts';
comment on function api.annuler(text, text) is '@retour ResultatInscription from src/schemas/inscription.ts';
comment on function api.mes_inscriptions() is '@retour MesInscriptions from src/schemas/inscription.ts';
comment on function api.rencontre_places(text) is '@retour PlacesRencontre from src/schemas/inscription.ts';
comment on function api.rencontre_participants(text) is '@retour Participants from src/schemas/inscription.ts';
comment on function api.rencontre_destinataires(text, text) is '@retour Destinataires from src/schemas/inscription.ts';
comment on function api.pointer(text, uuid, boolean) is '@retour ResultatPointage from src/schemas/inscription.ts';
comment on function api.rencontres_purger() is '@retour BilanPurgeRencontres from src/schemas/inscription.ts';
