-- Ces fonctions recevaient déjà ces droits, dans un « grant execute on function » écrit sur plusieurs
-- lignes que les contrôles ligne à ligne ne voient pas. Redits ici une fonction par ligne, à l'identique
-- (idempotent) : qui peut appeler chaque fonction se lit d'un coup d'œil. supabase/tests/privileges.test.ts
-- vérifie les droits réels de chaque fonction × rôle.
grant execute on function api.admin_changer_role(uuid,prive.role_membre) to authenticated;
grant execute on function api.admin_desactiver(uuid) to authenticated;
grant execute on function api.admin_exiger() to authenticated;
grant execute on function api.admin_journal(integer) to authenticated;
grant execute on function api.admin_journaliser_invitation(uuid) to authenticated;
grant execute on function api.admin_membres() to authenticated;
grant execute on function api.admin_reactiver(uuid) to authenticated;
grant execute on function api.allocation_publier(text,text,jsonb) to authenticated;
grant execute on function api.annuaire_effacer() to authenticated;
grant execute on function api.annuaire_exporter() to authenticated;
grant execute on function api.annuaire_fiche(uuid,text[]) to authenticated;
grant execute on function api.annuaire_filtres() to authenticated;
grant execute on function api.annuaire_liste_organisateurs(text,text,text,text,text,text,boolean,boolean) to authenticated;
grant execute on function api.annuaire_modifier(text,text,text,text,text,text[],text[],text,text[],boolean,jsonb) to authenticated;
grant execute on function api.annuaire_moi() to authenticated;
grant execute on function api.annuaire_qui_contacter(text[],integer) to authenticated;
grant execute on function api.annuaire_rechercher(text,text,text,text,text,text,boolean,boolean,integer,integer) to authenticated;
grant execute on function api.pointer(text,uuid,boolean) to authenticated;
grant execute on function api.rencontre_participants(text) to authenticated;
