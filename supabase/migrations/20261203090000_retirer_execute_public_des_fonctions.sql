-- Droit d'exécuter les fonctions : personne par défaut, chaque rôle reçoit le sien par un
-- « grant execute » explicite, et supabase/tests/privileges.test.ts vérifie chaque fonction × rôle.
--
-- Pourquoi cette migration : PostgreSQL accorde EXECUTE à PUBLIC sur toute fonction créée, par un
-- défaut global. Les lignes « alter default privileges in schema api|prive revoke execute … from
-- public » de la première migration n'y changent rien : des privilèges par défaut propres à un
-- schéma s'AJOUTENT aux privilèges par défaut globaux et ne peuvent pas en retirer (documentation
-- d'ALTER DEFAULT PRIVILEGES, « you cannot revoke privileges per-schema if they are granted
-- globally »). Jusqu'ici, toute fonction de api et de prive était donc exécutable par anon.
--
-- 1. Le défaut global, pour le rôle qui crée les objets. Sur Supabase, `supabase db push` se
--    connecte avec un rôle de connexion temporaire puis fait `SET SESSION ROLE postgres` : les
--    migrations tournent sous `postgres`, qui peut régler ses propres privilèges par défaut. En
--    local (PGlite, PostgreSQL de DATABASE_URL), l'utilisateur est aussi `postgres`.
--    Supabase règle de son côté des privilèges par défaut DANS LE SEUL SCHÉMA public (EXECUTE,
--    SELECT… à anon, authenticated, service_role pour les objets de postgres et de supabase_admin) :
--    ils s'ajoutent à celui-ci et continuent d'ouvrir public, que ce projet n'utilise pas ; ni api
--    ni prive n'en ont. Une fonction créée ensuite dans api ou prive n'est exécutable que par son
--    propriétaire tant qu'un « grant execute » ne dit pas qui d'autre l'appelle.
alter default privileges for role postgres revoke execute on functions from public;

-- 2. Les fonctions qui existent déjà dans api et prive perdent le droit de PUBLIC. Leurs droits
--    explicites (api.moi → authenticated ; api.sante → anon, authenticated, service_role ;
--    api.code_* → service_role ; prive.role_courant → authenticated) sont déjà accordés par les
--    migrations qui les créent et ne sont pas touchés par ce retrait. prive.proteger_colonnes_membre
--    est une fonction de déclencheur : PostgreSQL ne vérifie pas EXECUTE quand le déclencheur part.
do $$
declare
  f regprocedure;
begin
  for f in
    select p.oid::regprocedure
      from pg_proc p
      join pg_namespace n on n.oid = p.pronamespace
     where n.nspname in ('api', 'prive')
  loop
    execute format('revoke execute on routine %s from public', f);
  end loop;
end
$$;
