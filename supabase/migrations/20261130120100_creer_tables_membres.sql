create type prive.role_membre as enum ('membre', 'organisateur', 'admin');

-- Les lycées des membres (UAI = identifiant national de l'établissement).
create table prive.etablissements (
  uai text primary key check (uai ~ '^[0-9]{7}[A-Z]$'),
  nom text not null check (length(nom) between 3 and 200),
  commune text not null check (length(commune) between 1 and 100),
  departement text not null check (departement ~ '^[0-9]{2}[0-9AB]?$')
);

-- La liste des membres autorisés (allowlist) et leur fiche.
create table prive.membres (
  id uuid primary key default gen_random_uuid(),
  user_id uuid unique references auth.users (id) on delete set null,
  email text not null unique check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  role prive.role_membre not null default 'membre',
  prenom text not null check (length(prenom) between 1 and 80),
  nom text not null check (length(nom) between 1 and 80),
  fonction text not null default 'Responsable du bureau des entreprises' check (length(fonction) <= 120),
  uai text references prive.etablissements (uai),
  telephone text check (telephone ~ '^[0-9 +().-]{6,20}$'),
  actif boolean not null default true,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);
create index membres_uai_idx on prive.membres (uai);

-- Demandes de code de connexion : une par minute et par adresse, 5 essais par code.
-- L'adresse n'est gardée que sous forme d'empreinte (sha256), connue ou non du réseau.
create table prive.demandes_code (
  empreinte text primary key,
  derniere_demande timestamptz not null default now(),
  echecs int not null default 0 check (echecs >= 0)
);

alter table prive.etablissements enable row level security;
alter table prive.membres enable row level security;
alter table prive.demandes_code enable row level security;

-- Le rôle du membre connecté, lu sans repasser par les politiques (évite la récursion).
create function prive.role_courant() returns prive.role_membre
language sql stable security definer set search_path = ''
as $$
  select m.role from prive.membres m where m.user_id = (select auth.uid()) and m.actif
$$;
grant execute on function prive.role_courant() to authenticated;

grant select on prive.etablissements to authenticated;
grant insert, update, delete on prive.etablissements to authenticated;
grant select on prive.membres to authenticated;
grant update (prenom, nom, fonction, uai, telephone) on prive.membres to authenticated;
grant insert, delete, update (email, role, actif) on prive.membres to authenticated;
grant all on prive.etablissements, prive.membres, prive.demandes_code to service_role;

create policy "Un membre connecté voit les établissements"
  on prive.etablissements for select to authenticated
  using ((select prive.role_courant()) is not null);

create policy "Un administrateur gère les établissements"
  on prive.etablissements for all to authenticated
  using ((select prive.role_courant()) = 'admin')
  with check ((select prive.role_courant()) = 'admin');

create policy "Un membre connecté voit les membres actifs"
  on prive.membres for select to authenticated
  using (actif and (select prive.role_courant()) is not null);

create policy "Un administrateur voit tous les membres"
  on prive.membres for select to authenticated
  using ((select prive.role_courant()) = 'admin');

create policy "Un membre modifie sa propre fiche"
  on prive.membres for update to authenticated
  using (user_id = (select auth.uid()))
  with check (user_id = (select auth.uid()));

create policy "Un administrateur modifie toutes les fiches"
  on prive.membres for update to authenticated
  using ((select prive.role_courant()) = 'admin')
  with check ((select prive.role_courant()) = 'admin');

create policy "Un administrateur ajoute des membres"
  on prive.membres for insert to authenticated
  with check ((select prive.role_courant()) = 'admin');

create policy "Un administrateur retire des membres"
  on prive.membres for delete to authenticated
  using ((select prive.role_courant()) = 'admin');

-- Les colonnes e-mail, rôle et actif ne changent que par un administrateur.
create function prive.proteger_colonnes_membre() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if (new.email, new.role, new.actif, new.user_id) is distinct from (old.email, old.role, old.actif, old.user_id)
     and current_user = 'authenticated'
     and prive.role_courant() is distinct from 'admin' then
    raise exception 'INTERDIT' using errcode = '42501', detail = 'Seul un administrateur modifie l’adresse, le rôle ou l’état d’un membre.';
  end if;
  new.modifie_le := now();
  return new;
end
$$;
create trigger membres_proteger before update on prive.membres
  for each row execute function prive.proteger_colonnes_membre();
