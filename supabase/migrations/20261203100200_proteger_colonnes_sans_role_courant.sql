-- Le déclencheur qui protège e-mail, rôle et état d'un membre appelait prive.role_courant() dans
-- une même condition que « current_user = 'authenticated' » : PostgreSQL ne garantit pas l'ordre
-- d'évaluation d'un AND, et une mise à jour par service_role (provisionnement d'un membre existant)
-- échouait sur « permission denied for function role_courant ». Conditions imbriquées : la fonction
-- n'est appelée que pour un membre connecté.
create or replace function prive.proteger_colonnes_membre() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if current_user = 'authenticated' then
    if (new.email, new.role, new.actif, new.user_id) is distinct from (old.email, old.role, old.actif, old.user_id)
       and prive.role_courant() is distinct from 'admin' then
      raise exception 'INTERDIT' using errcode = '42501', detail = 'Seul un administrateur modifie l’adresse, le rôle ou l’état d’un membre.';
    end if;
  end if;
  new.modifie_le := now();
  return new;
end
$$;
revoke execute on function prive.proteger_colonnes_membre() from public;
