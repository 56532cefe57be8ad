-- Ce que Supabase fournit et que PostgreSQL nu n'a pas : rôles de l'API, schéma auth,
-- auth.users, auth.uid(), auth.jwt(), et les tables propres au remplaçant local de Supabase Auth.
-- Ne s'exécute JAMAIS sur Supabase (voir supabase/README.md).

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
end
$$;

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create table if not exists auth.users (
  id uuid primary key default gen_random_uuid(),
  aud text not null default 'authenticated',
  role text not null default 'authenticated',
  email text unique,
  email_confirmed_at timestamptz default now(),
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb not null default '{"provider":"email","providers":["email"]}',
  raw_user_meta_data jsonb not null default '{}',
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);

-- Les revendications du JWT de la requête, posées par le remplaçant de PostgREST.
create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(nullif(current_setting('request.jwt.claims', true), ''), '{}')::jsonb
$$;

create or replace function auth.uid() returns uuid
language sql stable
as $$
  select nullif(auth.jwt() ->> 'sub', '')::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select nullif(auth.jwt() ->> 'role', '')
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select nullif(auth.jwt() ->> 'email', '')
$$;

grant execute on function auth.jwt(), auth.uid(), auth.role(), auth.email() to anon, authenticated, service_role;

-- Tables du remplaçant local de Supabase Auth (GoTrue a les siennes, différentes).
create table if not exists auth.codes_otp (
  id bigint generated always as identity primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  empreinte text not null,             -- sha256 du code, jamais le code lui-même
  envoye_le timestamptz not null default now(),
  expire_le timestamptz not null,
  echecs int not null default 0,
  utilise_le timestamptz
);
create index if not exists codes_otp_user_idx on auth.codes_otp (user_id, envoye_le desc);

create table if not exists auth.sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  cree_le timestamptz not null default now(),
  revoque_le timestamptz
);

create table if not exists auth.refresh_tokens (
  jeton text primary key,
  session_id uuid not null references auth.sessions (id) on delete cascade,
  cree_le timestamptz not null default now(),
  revoque_le timestamptz
);
