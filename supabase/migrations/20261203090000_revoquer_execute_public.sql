-- PostgreSQL accorde EXECUTE à PUBLIC sur toute fonction créée. Le « alter default privileges in
-- schema … revoke execute … from public » de la première migration ne fait rien : les droits par
-- défaut d'un schéma ne peuvent qu'AJOUTER à ceux, globaux, du rôle qui crée (documentation de
-- ALTER DEFAULT PRIVILEGES). On retire donc le droit par défaut globalement, pour le rôle qui
-- applique les migrations (postgres sur Supabase comme en local), puis fonction par fonction sur
-- tout ce qui existe déjà dans api et prive. Chaque fonction reçoit ensuite ses droits explicitement
-- (grant execute … to …), et supabase/tests/privileges.test.ts vérifie chaque fonction × rôle.
alter default privileges revoke execute on functions from public;

do $$
declare
  f record;
begin
  for f in
    select p.oid::regprocedure as signature
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('api', 'prive')
  loop
    execute format('revoke execute on function %s from public', f.signature);
  end loop;
end
$$;

-- Les droits nécessaires, redits explicitement (ils l'étaient déjà, sauf la fonction de trigger,
-- qu'aucun rôle n'appelle directement : un trigger s'exécute sans droit EXECUTE).
grant execute on function api.sante() to anon, authenticated, service_role;
grant execute on function api.moi() to authenticated;
grant execute on function prive.role_courant() to authenticated;
