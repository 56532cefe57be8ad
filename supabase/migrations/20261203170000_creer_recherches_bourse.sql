-- Bourse aux places, sens inverse (issue 9, point 4) : un officier publie une recherche de places ; les
-- autres y répondent avec une organisation du carnet ; le demandeur accepte une réponse, ce qui inscrit
-- les périodes au registre comme la confirmation d'une remise. Une recherche expire au début de sa
-- période et se ferme quand elle est satisfaite. Tables dans prive (RLS), surface dans api (security invoker).

create table prive.recherches_places (
  id uuid primary key default gen_random_uuid(),
  membre_id uuid not null references prive.membres (id) on delete cascade,
  uai text references prive.etablissements (uai),
  formation text not null check (length(btrim(formation)) between 2 and 120),
  -- Secteur souhaité (division NAF, 2 chiffres), facultatif.
  secteur text check (secteur ~ '^[0-9]{2}$'),
  niveau text not null check (niveau in ('CAP 1re année', 'CAP 2e année', 'Seconde', 'Première', 'Terminale', 'BTS')),
  debut date not null,
  fin date not null,
  commune_insee text not null check (commune_insee ~ '^[0-9][0-9AB][0-9]{3}$'),
  commune_nom text not null check (length(commune_nom) between 1 and 100),
  departement text not null check (departement ~ '^[0-9]{2}[0-9AB]?$'),
  eleves int not null check (eleves between 1 and 50),
  eleves_pourvus int not null default 0,
  conditions text check (length(conditions) <= 500),
  statut text not null default 'ouverte' check (statut in ('ouverte', 'satisfaite', 'fermee')),
  cree_le timestamptz not null default now(),
  check (fin >= debut),
  check (eleves_pourvus between 0 and eleves),
  check ((statut = 'satisfaite') = (eleves_pourvus = eleves))
);
create index recherches_debut_idx on prive.recherches_places (debut) where statut = 'ouverte';

-- Une réponse : une organisation du carnet (jamais du texte libre) et le nombre d'élèves qu'elle peut accueillir.
create table prive.reponses_recherche (
  id uuid primary key default gen_random_uuid(),
  recherche_id uuid not null references prive.recherches_places (id) on delete cascade,
  organisation_id uuid not null references prive.organisations (id) on delete cascade,
  membre_id uuid not null references prive.membres (id) on delete cascade,
  uai text references prive.etablissements (uai),
  places int not null check (places between 1 and 50),
  statut text not null default 'proposee' check (statut in ('proposee', 'acceptee')),
  places_acceptees int check (places_acceptees between 1 and places),
  cree_le timestamptz not null default now(),
  acceptee_le timestamptz,
  unique (recherche_id, organisation_id),
  check ((statut = 'acceptee') = (places_acceptees is not null))
);
create index reponses_recherche_idx on prive.reponses_recherche (recherche_id);

-- Le registre garde aussi les placements venus d'une réponse acceptée (un par élève).
alter table prive.placements add column reponse_id uuid references prive.reponses_recherche (id) on delete set null;

alter table prive.recherches_places enable row level security;
alter table prive.reponses_recherche enable row level security;
grant select, insert, update on prive.recherches_places, prive.reponses_recherche to authenticated;
grant all on prive.recherches_places, prive.reponses_recherche to service_role;

create policy "Un membre lit les recherches" on prive.recherches_places for select to authenticated
  using ((select prive.role_courant()) is not null);
create policy "Un membre publie une recherche en son nom" on prive.recherches_places for insert to authenticated
  with check (membre_id = (select prive.membre_courant()));
create policy "Le demandeur fait évoluer sa recherche" on prive.recherches_places for update to authenticated
  using (membre_id = (select prive.membre_courant())) with check (membre_id = (select prive.membre_courant()));

create policy "Le répondant et le demandeur lisent la réponse" on prive.reponses_recherche for select to authenticated
  using (membre_id = (select prive.membre_courant())
         or exists (select 1 from prive.recherches_places q where q.id = recherche_id and q.membre_id = (select prive.membre_courant())));
create policy "Un membre répond en son nom à la recherche ouverte d'un autre" on prive.reponses_recherche for insert to authenticated
  with check (membre_id = (select prive.membre_courant())
              and exists (select 1 from prive.recherches_places q where q.id = recherche_id and q.statut = 'ouverte'
                                                                    and q.membre_id <> (select prive.membre_courant())));
create policy "Le demandeur accepte une réponse" on prive.reponses_recherche for update to authenticated
  using (exists (select 1 from prive.recherches_places q where q.id = recherche_id and q.membre_id = (select prive.membre_courant())))
  with check (exists (select 1 from prive.recherches_places q where q.id = recherche_id and q.membre_id = (select prive.membre_courant())));

create policy "Le demandeur inscrit le placement d'une réponse acceptée" on prive.placements for insert to authenticated
  with check (exists (select 1 from prive.reponses_recherche r join prive.recherches_places q on q.id = r.recherche_id
                       where r.id = reponse_id and r.statut = 'acceptee' and q.membre_id = (select prive.membre_courant())));

-- Les termes d'une recherche et d'une réponse ne changent plus après publication (seuls statut et comptes évoluent).
create function prive.proteger_recherche() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if current_user = 'authenticated'
     and (new.membre_id, new.uai, new.formation, new.secteur, new.niveau, new.debut, new.fin, new.commune_insee, new.eleves, new.conditions)
         is distinct from (old.membre_id, old.uai, old.formation, old.secteur, old.niveau, old.debut, old.fin, old.commune_insee, old.eleves, old.conditions) then
    raise exception 'INTERDIT' using errcode = '42501', detail = 'Les termes d''une recherche ne changent pas après publication.';
  end if;
  return new;
end
$$;
revoke execute on function prive.proteger_recherche() from public;
create trigger recherches_proteger before update on prive.recherches_places for each row execute function prive.proteger_recherche();

create function prive.proteger_reponse() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if current_user = 'authenticated'
     and (new.recherche_id, new.organisation_id, new.membre_id, new.uai, new.places)
         is distinct from (old.recherche_id, old.organisation_id, old.membre_id, old.uai, old.places) then
    raise exception 'INTERDIT' using errcode = '42501', detail = 'Une réponse ne change pas après envoi.';
  end if;
  return new;
end
$$;
revoke execute on function prive.proteger_reponse() from public;
create trigger reponses_proteger before update on prive.reponses_recherche for each row execute function prive.proteger_reponse();

-- ——— Fonctions de l'API ———

create function api.recherche_publier(p_formation text, p_secteur text, p_niveau text, p_debut date, p_fin date,
  p_commune_insee text, p_commune_nom text, p_departement text, p_eleves int, p_conditions text) returns uuid
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  ident uuid;
begin
  if p_debut <= current_date then
    raise exception 'PERIODE_PASSEE' using errcode = 'P0001';
  end if;
  if p_fin < p_debut then
    raise exception 'PERIODE_INVALIDE' using errcode = 'P0001';
  end if;
  insert into prive.recherches_places (membre_id, uai, formation, secteur, niveau, debut, fin, commune_insee, commune_nom, departement, eleves, conditions)
  values (moi, prive.uai_courant(), btrim(p_formation), nullif(p_secteur, ''), p_niveau, p_debut, p_fin, p_commune_insee, p_commune_nom,
          p_departement, p_eleves, nullif(btrim(p_conditions), ''))
  returning id into ident;
  return ident;
end
$$;
revoke execute on function api.recherche_publier(text, text, text, date, date, text, text, text, int, text) from public;
grant execute on function api.recherche_publier(text, text, text, date, date, text, text, text, int, text) to authenticated;

-- Recherches ouvertes (période à venir, élèves à placer) ; période : celles qui recoupent [p_du, p_au].
create function api.recherches_rechercher(p_secteur text default null, p_departement text default null, p_commune_insee text default null,
  p_formation text default null, p_du date default null, p_au date default null, p_limite int default 200) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
begin
  return coalesce((
    select jsonb_agg(jsonb_build_object('id', q.id, 'formation', q.formation, 'secteur', q.secteur, 'niveau', q.niveau,
             'debut', q.debut, 'fin', q.fin, 'commune', q.commune_nom, 'departement', q.departement, 'eleves', q.eleves,
             'restants', q.eleves - q.eleves_pourvus, 'conditions', q.conditions, 'lycee', e.nom, 'de_moi', q.membre_id = moi,
             'mes_reponses', (select count(*) from prive.reponses_recherche r where r.recherche_id = q.id and r.membre_id = moi))
             order by q.debut, q.cree_le)
      from (select * from prive.recherches_places q
             where q.statut = 'ouverte' and q.debut > current_date
               and (p_secteur is null or q.secteur is null or q.secteur = left(p_secteur, 2))
               and (p_departement is null or q.departement = p_departement)
               and (p_commune_insee is null or q.commune_insee = p_commune_insee)
               and (p_formation is null or lower(q.formation) like '%' || lower(p_formation) || '%')
               and (p_du is null or q.fin >= p_du)
               and (p_au is null or q.debut <= p_au)
             order by q.debut, q.cree_le
             limit greatest(1, least(coalesce(p_limite, 200), 500))) q
      left join prive.etablissements e on e.uai = q.uai), '[]'::jsonb);
end
$$;
revoke execute on function api.recherches_rechercher(text, text, text, text, date, date, int) from public;
grant execute on function api.recherches_rechercher(text, text, text, text, date, date, int) to authenticated;
comment on function api.recherches_rechercher(text, text, text, text, date, date, int) is '@retour ListeRecherches from src/schemas/bourse.ts';

-- Répondre avec une organisation du carnet ; rend de quoi prévenir le demandeur.
create function api.recherche_repondre(p_recherche uuid, p_organisation uuid, p_places int) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  q prive.recherches_places;
  o prive.organisations;
  ident uuid;
begin
  select * into q from prive.recherches_places where id = p_recherche;
  if q.id is null then
    raise exception 'RECHERCHE_INCONNUE' using errcode = 'P0001';
  elsif q.membre_id = moi then
    raise exception 'RECHERCHE_PROPRE' using errcode = 'P0001';
  elsif q.debut <= current_date then
    raise exception 'RECHERCHE_EXPIREE' using errcode = 'P0001';
  elsif q.statut <> 'ouverte' then
    raise exception 'RECHERCHE_FERMEE' using errcode = 'P0001';
  end if;
  select * into o from prive.organisations where id = p_organisation;
  if o.id is null then
    raise exception 'ORGANISATION_INCONNUE' using errcode = 'P0001';
  end if;
  begin
    insert into prive.reponses_recherche (recherche_id, organisation_id, membre_id, uai, places)
    values (q.id, o.id, moi, prive.uai_courant(), p_places) returning id into ident;
  exception when unique_violation then
    raise exception 'DEJA_PROPOSEE' using errcode = 'P0001';
  end;
  return jsonb_build_object('reponse', ident, 'organisation', o.nom, 'commune', o.commune_nom, 'formation', q.formation,
           'debut', q.debut, 'fin', q.fin, 'places', p_places,
           'demandeur', prive.coordonnees_membre(q.membre_id) - 'lycee', 'repondant', prive.coordonnees_membre(moi));
end
$$;
revoke execute on function api.recherche_repondre(uuid, uuid, int) from public;
grant execute on function api.recherche_repondre(uuid, uuid, int) to authenticated;
comment on function api.recherche_repondre(uuid, uuid, int) is '@retour ResultatReponse from src/schemas/bourse.ts';

-- Mes recherches avec leurs réponses, et les réponses que j'ai faites.
create function api.recherches_miennes() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
begin
  return jsonb_build_object(
    'recherches', coalesce((
      select jsonb_agg(jsonb_build_object('id', q.id, 'formation', q.formation, 'niveau', q.niveau, 'debut', q.debut, 'fin', q.fin,
               'commune', q.commune_nom, 'departement', q.departement, 'eleves', q.eleves, 'restants', q.eleves - q.eleves_pourvus,
               'statut', case when q.statut = 'ouverte' and q.debut <= current_date then 'expiree' else q.statut end,
               'reponses', (select coalesce(jsonb_agg(jsonb_build_object('id', r.id, 'organisation_id', o.id, 'organisation', o.nom,
                              'commune', o.commune_nom, 'code_naf', o.code_naf, 'places', r.places, 'statut', r.statut,
                              'places_acceptees', r.places_acceptees, 'repondant', m.prenom || ' ' || m.nom, 'lycee', e.nom)
                              order by r.cree_le), '[]'::jsonb)
                              from prive.reponses_recherche r
                              join prive.organisations o on o.id = r.organisation_id
                              join prive.membres m on m.id = r.membre_id
                              left join prive.etablissements e on e.uai = r.uai
                             where r.recherche_id = q.id))
               order by q.debut desc, q.cree_le desc)
        from prive.recherches_places q where q.membre_id = moi), '[]'::jsonb),
    'reponses', coalesce((
      select jsonb_agg(jsonb_build_object('id', r.id, 'organisation', o.nom, 'formation', q.formation, 'niveau', q.niveau,
               'debut', q.debut, 'fin', q.fin, 'places', r.places, 'statut', r.statut, 'places_acceptees', r.places_acceptees,
               'lycee', e.nom) order by q.debut desc, r.cree_le desc)
        from prive.reponses_recherche r
        join prive.recherches_places q on q.id = r.recherche_id
        join prive.organisations o on o.id = r.organisation_id
        left join prive.etablissements e on e.uai = q.uai
       where r.membre_id = moi), '[]'::jsonb));
end
$$;
revoke execute on function api.recherches_miennes() from public;
grant execute on function api.recherches_miennes() to authenticated;
comment on function api.recherches_miennes() is '@retour MesRecherches from src/schemas/bourse.ts';

-- Le demandeur accepte une réponse : la recherche (verrouillée) compte les élèves placés, se ferme quand elle est
-- satisfaite ; un placement par élève entre au registre, comme à la confirmation d'une remise. Deux acceptations
-- simultanées : la seconde attend le verrou de la recherche et relit ce qui reste à pourvoir.
create function api.reponse_accepter(p_reponse uuid) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  r prive.reponses_recherche;
  q prive.recherches_places;
  n int;
begin
  select * into r from prive.reponses_recherche where id = p_reponse;
  if r.id is null then
    raise exception 'REPONSE_INCONNUE' using errcode = 'P0001';
  end if;
  -- La RLS d'update ne laisse verrouiller que le demandeur : pour un autre, la recherche est introuvable ici.
  select * into q from prive.recherches_places where id = r.recherche_id and membre_id = moi for update;
  if q.id is null then
    raise exception 'REPONSE_INCONNUE' using errcode = 'P0001';
  end if;
  select * into r from prive.reponses_recherche where id = p_reponse for update;
  if r.statut = 'acceptee' then
    raise exception 'DEJA_ACCEPTEE' using errcode = 'P0001';
  elsif q.debut <= current_date then
    raise exception 'RECHERCHE_EXPIREE' using errcode = 'P0001';
  elsif q.statut <> 'ouverte' then
    raise exception 'RECHERCHE_FERMEE' using errcode = 'P0001';
  end if;
  n := least(r.places, q.eleves - q.eleves_pourvus);
  update prive.reponses_recherche set statut = 'acceptee', places_acceptees = n, acceptee_le = now() where id = r.id;
  update prive.recherches_places
     set eleves_pourvus = eleves_pourvus + n,
         statut = case when eleves_pourvus + n = eleves then 'satisfaite' else 'ouverte' end
   where id = q.id;
  insert into prive.placements (organisation_id, uai, formation, niveau, debut, fin, reponse_id)
  select r.organisation_id, q.uai, q.formation, q.niveau, q.debut, q.fin, r.id from generate_series(1, n);
  if q.uai is not null then
    insert into prive.partenariats (organisation_id, uai, formation) values (r.organisation_id, q.uai, q.formation) on conflict do nothing;
  end if;
  update prive.organisations set dernier_contact = current_date where id = r.organisation_id;
  perform prive.journaliser(r.organisation_id, 'placement confirmé (recherche)', jsonb_build_object('formation', q.formation, 'niveau', q.niveau, 'eleves', n));
  return (select jsonb_build_object('organisation_id', o.id, 'organisation', o.nom, 'formation', q.formation, 'debut', q.debut, 'fin', q.fin,
            'eleves', n, 'satisfaite', q.eleves_pourvus + n = q.eleves,
            'repondant', prive.coordonnees_membre(r.membre_id) - 'lycee', 'demandeur', prive.coordonnees_membre(moi))
            from prive.organisations o where o.id = r.organisation_id);
end
$$;
revoke execute on function api.reponse_accepter(uuid) from public;
grant execute on function api.reponse_accepter(uuid) to authenticated;
comment on function api.reponse_accepter(uuid) is '@retour ResultatAcceptation from src/schemas/bourse.ts';

-- Le demandeur ferme sa recherche (trouvé ailleurs, annulée) : elle n'est plus listée ni ne reçoit de réponse.
create function api.recherche_fermer(p_recherche uuid) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
begin
  update prive.recherches_places set statut = 'fermee' where id = p_recherche and membre_id = moi and statut = 'ouverte';
  if not found then
    if exists (select 1 from prive.recherches_places where id = p_recherche and membre_id = moi) then
      raise exception 'RECHERCHE_FERMEE' using errcode = 'P0001';
    end if;
    raise exception 'RECHERCHE_INCONNUE' using errcode = 'P0001';
  end if;
end
$$;
revoke execute on function api.recherche_fermer(uuid) from public;
grant execute on function api.recherche_fermer(uuid) to authenticated;

-- ——— Filtres des offres : période et « places libres seulement » ———

drop function api.offres_rechercher(text, text, text, text);
create function api.offres_rechercher(p_naf text default null, p_departement text default null, p_commune_insee text default null,
  p_formation text default null, p_du date default null, p_au date default null, p_libres_seulement boolean default true,
  p_limite int default 200) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
begin
  return coalesce((
    select jsonb_agg(jsonb_build_object('id', f.id, 'organisation_id', o.id, 'organisation', o.nom, 'code_naf', o.code_naf,
             'commune', o.commune_nom, 'departement', o.departement, 'formation', f.formation, 'debut', f.debut, 'fin', f.fin,
             'places', f.places, 'libres', f.places - f.places_reservees, 'conditions', f.conditions,
             'lycee', e.nom, 'de_moi', f.membre_id = moi) order by f.debut, o.nom)
      from (select f.* from prive.offres_places f
              join prive.organisations o on o.id = f.organisation_id
             where f.debut > current_date
               and (not coalesce(p_libres_seulement, true) or f.places_reservees < f.places)
               and (p_naf is null or o.code_naf like p_naf || '%')
               and (p_departement is null or o.departement = p_departement)
               and (p_commune_insee is null or o.commune_insee = p_commune_insee)
               and (p_formation is null or lower(f.formation) like '%' || lower(p_formation) || '%')
               and (p_du is null or f.fin >= p_du)
               and (p_au is null or f.debut <= p_au)
             order by f.debut, o.nom
             limit greatest(1, least(coalesce(p_limite, 200), 500))) f
      join prive.organisations o on o.id = f.organisation_id
      left join prive.etablissements e on e.uai = f.uai), '[]'::jsonb);
end
$$;
revoke execute on function api.offres_rechercher(text, text, text, text, date, date, boolean, int) from public;
grant execute on function api.offres_rechercher(text, text, text, text, date, date, boolean, int) to authenticated;
comment on function api.offres_rechercher(text, text, text, text, date, date, boolean, int) is '@retour ListeOffres from src/schemas/bourse.ts';
