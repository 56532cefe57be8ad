-- Les tables vivent dans « prive », que l'API n'expose pas ; « api » est la seule surface.
create schema if not exists prive;
create schema if not exists api;

revoke all on schema prive from public;
grant usage on schema prive to authenticated, service_role;
grant usage on schema api to anon, authenticated, service_role;

-- Aucune fonction n'est exécutable par défaut : chaque droit est accordé explicitement.
alter default privileges in schema api revoke execute on functions from public;
alter default privileges in schema prive revoke execute on functions from public;
