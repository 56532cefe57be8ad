-- Calendrier des PFMP du réseau : chaque membre publie les périodes de son lycée (prive.membres.uai) ;
-- tous les membres voient le calendrier du réseau, pour ne pas solliciter les mêmes entreprises les
-- mêmes semaines. Invariants en base : dates dans l'ordre, formation connue, pas de chevauchement de
-- deux périodes d'une même classe (verrou par classe puis contrôle, dans le déclencheur).

-- Formations proposées par les lycées, avec leur secteur (vue du réseau par secteur).
create table prive.formations (
  code text primary key check (code ~ '^[a-z0-9-]{2,60}$'),
  intitule text not null check (length(intitule) between 3 and 200),
  secteur text not null check (length(secteur) between 3 and 100)
);

create table prive.periodes_pfmp (
  id uuid primary key default gen_random_uuid(),
  uai text not null references prive.etablissements (uai),
  formation text not null references prive.formations (code),
  classe text not null check (length(btrim(classe)) between 1 and 40),
  niveau text not null check (niveau in ('2de', '1re', 'terminale', '1re-annee', '2e-annee', 'autre')),
  debut date not null,
  fin date not null,
  eleves int not null check (eleves between 1 and 60),
  cree_le timestamptz not null default now(),
  constraint periodes_pfmp_dates_ordonnees check (fin >= debut),
  constraint periodes_pfmp_duree check (fin - debut <= 120)
);
create index periodes_pfmp_uai_idx on prive.periodes_pfmp (uai);
create index periodes_pfmp_dates_idx on prive.periodes_pfmp (debut, fin);

-- Le lycée du membre connecté, lu sans dépendre des droits sur prive.membres (comme prive.role_courant).
create function prive.uai_courant() returns text
language sql stable security definer set search_path = ''
as $$
  select m.uai from prive.membres m where m.user_id = (select auth.uid()) and m.actif
$$;
revoke execute on function prive.uai_courant() from public;
grant execute on function prive.uai_courant() to authenticated;

alter table prive.formations enable row level security;
alter table prive.periodes_pfmp enable row level security;

grant select on prive.formations to authenticated;
grant select, insert, delete on prive.periodes_pfmp to authenticated;
grant all on prive.formations, prive.periodes_pfmp to service_role;

create policy "Un membre connecté voit les formations"
  on prive.formations for select to authenticated
  using ((select prive.role_courant()) is not null);

create policy "Un membre connecté voit le calendrier du réseau"
  on prive.periodes_pfmp for select to authenticated
  using ((select prive.role_courant()) is not null);

create policy "Un membre publie les périodes de son lycée"
  on prive.periodes_pfmp for insert to authenticated
  with check (uai = (select prive.uai_courant()));

create policy "Un membre retire les périodes de son lycée"
  on prive.periodes_pfmp for delete to authenticated
  using (uai = (select prive.uai_courant()));

-- Deux périodes d'une même classe ne se chevauchent pas. Verrou transactionnel par (lycée, classe) :
-- deux publications simultanées pour la même classe passent l'une après l'autre, et la seconde voit la première.
create function prive.refuser_chevauchement_pfmp() returns trigger
language plpgsql security invoker set search_path = ''
as $$
begin
  perform pg_advisory_xact_lock(hashtextextended('periodes_pfmp|' || new.uai || '|' || lower(btrim(new.classe)), 0));
  if exists (
    select 1 from prive.periodes_pfmp p
     where p.uai = new.uai and lower(btrim(p.classe)) = lower(btrim(new.classe)) and p.id <> new.id
       and p.debut <= new.fin and new.debut <= p.fin
  ) then
    raise exception 'CHEVAUCHEMENT_PERIODE' using errcode = 'P0001',
      detail = format('La classe %s a déjà une période qui chevauche du %s au %s.', new.classe, new.debut, new.fin);
  end if;
  return new;
end
$$;
revoke execute on function prive.refuser_chevauchement_pfmp() from public;
create trigger periodes_pfmp_sans_chevauchement before insert or update on prive.periodes_pfmp
  for each row execute function prive.refuser_chevauchement_pfmp();

-- Le lycée du membre connecté (erreur claire s'il n'en a pas).
create function prive.uai_du_membre() returns text
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_uai text;
begin
  perform prive.exiger_membre();
  v_uai := prive.uai_courant();
  if v_uai is null then
    raise exception 'SANS_ETABLISSEMENT' using errcode = 'P0001', detail = 'La fiche du membre n’a pas de lycée.';
  end if;
  return v_uai;
end
$$;
revoke execute on function prive.uai_du_membre() from public;
grant execute on function prive.uai_du_membre() to authenticated;

-- Une période au format de l'API.
create function prive.periode_json(p prive.periodes_pfmp) returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select jsonb_build_object('id', p.id, 'uai', p.uai, 'formation', p.formation, 'classe', p.classe, 'niveau', p.niveau,
                            'debut', p.debut, 'fin', p.fin, 'eleves', p.eleves)
$$;
revoke execute on function prive.periode_json(prive.periodes_pfmp) from public;
grant execute on function prive.periode_json(prive.periodes_pfmp) to authenticated;

-- Publier une période de PFMP du lycée du membre connecté.
create function api.periode_pfmp_publier(p_formation text, p_classe text, p_niveau text, p_debut date, p_fin date, p_eleves int)
returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_uai text := prive.uai_du_membre();
  ligne prive.periodes_pfmp;
begin
  if not exists (select 1 from prive.formations f where f.code = p_formation) then
    raise exception 'FORMATION_INCONNUE' using errcode = 'P0001', detail = p_formation;
  end if;
  if p_fin < p_debut then
    raise exception 'DATES_INVERSEES' using errcode = 'P0001';
  end if;
  insert into prive.periodes_pfmp (uai, formation, classe, niveau, debut, fin, eleves)
  values (v_uai, p_formation, btrim(p_classe), p_niveau, p_debut, p_fin, p_eleves)
  returning * into ligne;
  return prive.periode_json(ligne);
end
$$;
revoke execute on function api.periode_pfmp_publier(text, text, text, date, date, int) from public;
grant execute on function api.periode_pfmp_publier(text, text, text, date, date, int) to authenticated;

-- Retirer une période de son lycée ; celle d'un autre lycée est introuvable pour ce membre.
create function api.periode_pfmp_retirer(p_id uuid) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  perform prive.uai_du_membre();
  delete from prive.periodes_pfmp where id = p_id;
  if not found then
    raise exception 'INTROUVABLE' using errcode = 'P0001', detail = 'Aucune période de votre lycée avec cet identifiant.';
  end if;
end
$$;
revoke execute on function api.periode_pfmp_retirer(uuid) from public;
grant execute on function api.periode_pfmp_retirer(uuid) to authenticated;

-- Les périodes du lycée du membre connecté, et les formations qu'il peut choisir.
create function api.periodes_pfmp_miennes() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_uai text := prive.uai_du_membre();
begin
  return jsonb_build_object(
    'uai', v_uai,
    'periodes', coalesce((select jsonb_agg(prive.periode_json(p) order by p.debut, p.classe) from prive.periodes_pfmp p where p.uai = v_uai), '[]'),
    'formations', coalesce((select jsonb_agg(jsonb_build_object('code', f.code, 'intitule', f.intitule, 'secteur', f.secteur) order by f.intitule) from prive.formations f), '[]'));
end
$$;
revoke execute on function api.periodes_pfmp_miennes() from public;
grant execute on function api.periodes_pfmp_miennes() to authenticated;

-- Vue du réseau par semaine (lundi) : élèves en PFMP la même semaine, par secteur et par département.
-- Un groupe à partir de p_seuil élèves est signalé, avec les lycées qui y contribuent.
create function api.calendrier_pfmp_reseau(p_debut date, p_fin date, p_seuil int) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_debut date := date_trunc('week', p_debut)::date;
begin
  perform prive.exiger_membre();
  if p_fin < p_debut then
    raise exception 'DATES_INVERSEES' using errcode = 'P0001';
  end if;
  if p_fin - p_debut > 1100 then
    raise exception 'PERIODE_TROP_LONGUE' using errcode = 'P0001';
  end if;
  return (
    with semaines as (
      select s::date as semaine from generate_series(v_debut, p_fin, interval '7 days') s
    ), presences as (
      select s.semaine, f.secteur, e.departement, p.uai, e.nom, p.eleves
        from semaines s
        join prive.periodes_pfmp p on p.debut <= s.semaine + 6 and s.semaine <= p.fin
        join prive.formations f on f.code = p.formation
        join prive.etablissements e on e.uai = p.uai
    ), groupes as (
      select semaine, secteur, departement, sum(eleves)::int as eleves, count(distinct uai)::int as lycees,
             jsonb_agg(jsonb_build_object('uai', uai, 'nom', nom, 'eleves', eleves) order by eleves desc, uai) as detail
        from presences group by semaine, secteur, departement
    )
    select jsonb_build_object(
      'debut', v_debut, 'fin', p_fin, 'seuil', p_seuil,
      'groupes', coalesce(jsonb_agg(jsonb_build_object(
          'semaine', g.semaine, 'secteur', g.secteur, 'departement', g.departement, 'eleves', g.eleves, 'lycees', g.lycees,
          'alerte', g.eleves >= p_seuil, 'detail', case when g.eleves >= p_seuil then g.detail end)
        order by g.semaine, g.secteur, g.departement), '[]'))
      from groupes g
  );
end
$$;
revoke execute on function api.calendrier_pfmp_reseau(date, date, int) from public;
grant execute on function api.calendrier_pfmp_reseau(date, date, int) to authenticated;

comment on function api.periode_pfmp_publier(text, text, text, date, date, int) is '@retour Periode from src/schemas/calendrier-pfmp.ts';
comment on function api.periodes_pfmp_miennes() is '@retour MesPeriodes from src/schemas/calendrier-pfmp.ts';
comment on function api.calendrier_pfmp_reseau(date, date, int) is '@retour VueReseau from src/schemas/calendrier-pfmp.ts';
