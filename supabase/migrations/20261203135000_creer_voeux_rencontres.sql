-- Rencontres en mode « vœux classés » : avant la fermeture, chaque membre classe les ateliers de
-- chaque créneau (prive.voeux) ; après la fermeture, un organisateur lance l'attribution (calculée
-- par functions/_lib/rencontres/allocation.ts à partir d'une graine publiée), la prévisualise, puis
-- la publie : inscriptions confirmées et listes d'attente écrites d'un bloc, une seule fois.
--
-- L'ordre de priorité se vérifie ici : la clé d'un membre est sha256(« graine:identifiant du membre »),
-- les membres sont classés par clé croissante. La publication refuse une attribution dont les
-- priorités, les rangs ou les capacités ne correspondent pas aux vœux enregistrés et à la graine.

-- Un vœu désigne un atelier de la même rencontre et du même créneau (contrainte, pas de vérification à part).
alter table prive.ateliers add constraint ateliers_id_rencontre_creneau_key unique (id, rencontre_id, creneau);

-- Un vœu : un membre classe un atelier à un rang dans un créneau.
create table prive.voeux (
  rencontre_id uuid not null references prive.rencontres (id) on delete cascade,
  membre_id uuid not null references prive.membres (id) on delete cascade,
  atelier_id uuid not null,
  creneau text not null,
  rang int not null check (rang between 1 and 50),
  modifie_le timestamptz not null default now(),
  -- Un atelier classé une seule fois par membre ; un rang par créneau et par membre.
  primary key (membre_id, atelier_id),
  unique (membre_id, rencontre_id, creneau, rang),
  foreign key (atelier_id, rencontre_id, creneau) references prive.ateliers (id, rencontre_id, creneau) on update cascade on delete cascade
);
create index voeux_rencontre_idx on prive.voeux (rencontre_id, creneau);

-- La publication d'une attribution : une seule par rencontre (clé primaire).
create table prive.allocations (
  rencontre_id uuid primary key references prive.rencontres (id) on delete cascade,
  graine text not null check (length(graine) between 4 and 200),
  publiee_le timestamptz not null default now(),
  publiee_par uuid references prive.membres (id) on delete set null
);

-- Ce que chaque membre a obtenu dans chaque créneau, et pourquoi (priorité, ateliers complets à son tour).
create table prive.attributions (
  rencontre_id uuid not null references prive.allocations (rencontre_id) on delete cascade,
  membre_id uuid not null references prive.membres (id) on delete cascade,
  creneau text not null,
  priorite int not null check (priorite > 0),
  atelier_id uuid references prive.ateliers (id) on delete cascade,
  rang int check (rang > 0),
  complets text[] not null default '{}',
  primary key (rencontre_id, membre_id, creneau),
  check ((atelier_id is null) = (rang is null))
);
create index attributions_membre_idx on prive.attributions (membre_id);

alter table prive.voeux enable row level security;
alter table prive.allocations enable row level security;
alter table prive.attributions enable row level security;

-- Lecture seule : toute écriture passe par les fonctions (fenêtre, verrous, vérifications).
grant select on prive.voeux, prive.allocations, prive.attributions to authenticated;
grant all on prive.voeux, prive.allocations, prive.attributions to service_role;

create policy "Un membre voit ses vœux"
  on prive.voeux for select to authenticated
  using (membre_id = (select prive.membre_courant()));

create policy "Un organisateur voit tous les vœux"
  on prive.voeux for select to authenticated
  using ((select prive.role_courant()) in ('organisateur', 'admin'));

create policy "Un membre connecté voit les graines publiées"
  on prive.allocations for select to authenticated
  using ((select prive.role_courant()) is not null);

create policy "Un membre voit ses attributions"
  on prive.attributions for select to authenticated
  using (membre_id = (select prive.membre_courant()));

create policy "Un organisateur voit toutes les attributions"
  on prive.attributions for select to authenticated
  using ((select prive.role_courant()) in ('organisateur', 'admin'));

-- La clé de tirage d'un membre (voir functions/_lib/rencontres/allocation.ts : même calcul).
create function prive.cle_de_tirage(p_graine text, p_membre uuid) returns text
language sql immutable set search_path = ''
as $$
  select encode(sha256(convert_to(p_graine || ':' || p_membre::text, 'UTF8')), 'hex')
$$;

-- Enregistre les vœux du membre (remplace tous ses vœux pour la rencontre).
-- p_voeux : [{ "creneau": "c1", "ateliers": ["a", "b"] }, …] ; l'ordre donne le rang (1 = préféré).
create function prive.voeux_enregistrer(p_rencontre text, p_voeux jsonb) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  ren prive.rencontres;
  v jsonb;
  v_code text;
  n int;
  atl prive.ateliers;
  vus text[] := '{}';
begin
  -- Verrou partagé de la rencontre : la publication (verrou exclusif) attend les enregistrements en cours.
  select * into ren from prive.rencontres where slug = p_rencontre for share;
  if not found then
    raise exception 'RENCONTRE_INCONNUE' using errcode = 'P0001', hint = p_rencontre;
  end if;
  if ren.mode <> 'voeux' then
    raise exception 'MODE_PREMIER_ARRIVE' using errcode = 'P0001';
  end if;
  if exists (select 1 from prive.allocations a where a.rencontre_id = ren.id) then
    raise exception 'ALLOCATION_PUBLIEE' using errcode = 'P0001';
  end if;
  if ren.ouverture is null or now() < ren.ouverture or now() > ren.fermeture then
    raise exception 'INSCRIPTIONS_FERMEES' using errcode = 'P0001';
  end if;
  if jsonb_typeof(p_voeux) is distinct from 'array' then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001';
  end if;
  -- Les envois d'un même membre passent l'un après l'autre.
  perform pg_advisory_xact_lock(hashtextextended(ren.id::text || ':' || moi::text, 0));
  delete from prive.voeux w where w.rencontre_id = ren.id and w.membre_id = moi;
  for v in select * from jsonb_array_elements(p_voeux) loop
    if not exists (select 1 from prive.ateliers t where t.rencontre_id = ren.id and t.creneau = v ->> 'creneau') then
      raise exception 'CRENEAU_INCONNU' using errcode = 'P0001', hint = v ->> 'creneau';
    end if;
    if (v ->> 'creneau') = any (vus) then
      raise exception 'CRENEAU_EN_DOUBLE' using errcode = 'P0001', hint = v ->> 'creneau';
    end if;
    vus := vus || (v ->> 'creneau');
    n := 0;
    for v_code in select jsonb_array_elements_text(coalesce(v -> 'ateliers', '[]'::jsonb)) loop
      n := n + 1;
      select * into atl from prive.ateliers t where t.rencontre_id = ren.id and t.code = v_code;
      if not found then
        raise exception 'ATELIER_INCONNU' using errcode = 'P0001', hint = v_code;
      end if;
      if atl.creneau <> v ->> 'creneau' then
        raise exception 'AUTRE_CRENEAU' using errcode = 'P0001', hint = v_code;
      end if;
      begin
        insert into prive.voeux (rencontre_id, membre_id, atelier_id, creneau, rang) values (ren.id, moi, atl.id, atl.creneau, n);
      exception when unique_violation then
        raise exception 'VOEU_EN_DOUBLE' using errcode = 'P0001', hint = v_code;
      end;
    end loop;
  end loop;
  return prive.mes_voeux_detail(ren.id, moi);
end
$$;

-- Mes vœux et, une fois l'attribution publiée, ce que j'ai obtenu et pourquoi.
create function prive.mes_voeux_detail(p_rencontre_id uuid, p_membre uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'rencontre', r.slug,
    'graine', a.graine,
    'publiee_le', a.publiee_le,
    'creneaux', coalesce((
      select jsonb_agg(jsonb_build_object(
               'creneau', c.creneau,
               'voeux', (select jsonb_agg(t.code order by w.rang) from prive.voeux w join prive.ateliers t on t.id = w.atelier_id
                          where w.rencontre_id = r.id and w.membre_id = p_membre and w.creneau = c.creneau),
               'attribution', (select jsonb_build_object('priorite', x.priorite, 'atelier', t.code, 'rang', x.rang, 'complets', to_jsonb(x.complets))
                                 from prive.attributions x left join prive.ateliers t on t.id = x.atelier_id
                                where x.rencontre_id = r.id and x.membre_id = p_membre and x.creneau = c.creneau))
             order by c.creneau)
        from (select distinct w.creneau from prive.voeux w where w.rencontre_id = r.id and w.membre_id = p_membre) c), '[]'::jsonb))
    from prive.rencontres r left join prive.allocations a on a.rencontre_id = r.id
   where r.id = p_rencontre_id
$$;

create function prive.mes_voeux(p_rencontre text) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  ren_id uuid;
begin
  select r.id into ren_id from prive.rencontres r where r.slug = p_rencontre;
  if ren_id is null then
    raise exception 'RENCONTRE_INCONNUE' using errcode = 'P0001', hint = p_rencontre;
  end if;
  return prive.mes_voeux_detail(ren_id, moi);
end
$$;

-- Organisateurs, après la fermeture : les ateliers et tous les vœux, pour calculer l'attribution.
create function prive.allocation_donnees(p_rencontre text) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  ren prive.rencontres;
begin
  perform prive.exiger_membre();
  if prive.role_courant() not in ('organisateur', 'admin') then
    raise exception 'ORGANISATEUR_REQUIS' using errcode = 'P0001';
  end if;
  select * into ren from prive.rencontres where slug = p_rencontre;
  if not found then
    raise exception 'RENCONTRE_INCONNUE' using errcode = 'P0001', hint = p_rencontre;
  end if;
  if ren.mode <> 'voeux' then
    raise exception 'MODE_PREMIER_ARRIVE' using errcode = 'P0001';
  end if;
  if ren.fermeture is null or now() <= ren.fermeture then
    raise exception 'VOEUX_OUVERTS' using errcode = 'P0001';
  end if;
  return jsonb_build_object(
    'rencontre', ren.slug,
    'publiee', (select jsonb_build_object('graine', a.graine, 'publiee_le', a.publiee_le) from prive.allocations a where a.rencontre_id = ren.id),
    'ateliers', coalesce((select jsonb_agg(jsonb_build_object('code', t.code, 'creneau', t.creneau, 'capacite', t.capacite, 'titre', t.titre) order by t.ordre)
                            from prive.ateliers t where t.rencontre_id = ren.id), '[]'::jsonb),
    'membres', coalesce((select jsonb_agg(jsonb_build_object('membre', m.id, 'prenom', m.prenom, 'nom', m.nom) order by m.nom, m.prenom)
                           from prive.membres m where m.id in (select w.membre_id from prive.voeux w where w.rencontre_id = ren.id)), '[]'::jsonb),
    'voeux', coalesce((select jsonb_agg(jsonb_build_object('membre', g.membre_id, 'creneau', g.creneau, 'ateliers', g.codes) order by g.membre_id, g.creneau)
                         from (select w.membre_id, w.creneau, jsonb_agg(t.code order by w.rang) as codes
                                 from prive.voeux w join prive.ateliers t on t.id = w.atelier_id
                                where w.rencontre_id = ren.id group by w.membre_id, w.creneau) g), '[]'::jsonb));
end
$$;

-- Organisateurs : publie l'attribution calculée. Vérifie qu'elle découle des vœux et de la graine
-- (priorités = ordre des clés sha256, rang = rang du vœu, capacités), puis écrit inscriptions,
-- places confirmées et listes d'attente (dans l'ordre de priorité) d'un bloc. Une seule fois.
-- p_attributions : [{ membre, creneau, priorite, atelier|null, rang|null, complets: [], attente: { atelier, position }|null }].
create function prive.allocation_publier(p_rencontre text, p_graine text, p_attributions jsonb) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  ren prive.rencontres;
  x record;
  insc_id uuid;
  attendues int;
  depasse text;
begin
  if prive.role_courant() not in ('organisateur', 'admin') then
    raise exception 'ORGANISATEUR_REQUIS' using errcode = 'P0001';
  end if;
  -- Verrou exclusif : plus aucun vœu ne s'enregistre, une seule publication à la fois.
  select * into ren from prive.rencontres where slug = p_rencontre for update;
  if not found then
    raise exception 'RENCONTRE_INCONNUE' using errcode = 'P0001', hint = p_rencontre;
  end if;
  if ren.mode <> 'voeux' then
    raise exception 'MODE_PREMIER_ARRIVE' using errcode = 'P0001';
  end if;
  if ren.fermeture is null or now() <= ren.fermeture then
    raise exception 'VOEUX_OUVERTS' using errcode = 'P0001';
  end if;
  if exists (select 1 from prive.allocations a where a.rencontre_id = ren.id) then
    raise exception 'ALLOCATION_PUBLIEE' using errcode = 'P0001';
  end if;
  if p_graine is null or length(p_graine) not between 4 and 200 then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', hint = 'graine';
  end if;
  insert into prive.allocations (rencontre_id, graine, publiee_par) values (ren.id, p_graine, moi);

  -- Exactement une attribution par membre et par créneau où il a classé des ateliers.
  select count(*) into attendues from (select distinct w.membre_id, w.creneau from prive.voeux w where w.rencontre_id = ren.id) s;
  if jsonb_typeof(p_attributions) is distinct from 'array' or jsonb_array_length(p_attributions) <> attendues then
    raise exception 'ALLOCATION_INCOHERENTE' using errcode = 'P0001', hint = 'nombre';
  end if;

  for x in
    select (e ->> 'membre')::uuid as membre_id, e ->> 'creneau' as creneau, (e ->> 'priorite')::int as priorite,
           e ->> 'atelier' as atelier, (e ->> 'rang')::int as rang,
           coalesce((select array_agg(c) from jsonb_array_elements_text(e -> 'complets') c), '{}') as complets,
           e -> 'attente' ->> 'atelier' as attente
      from jsonb_array_elements(p_attributions) e
     order by (e ->> 'priorite')::int, e ->> 'creneau'
  loop
    -- Priorité attendue : rang de la clé sha256 parmi les membres qui ont des vœux (ordre octet, comme en TypeScript).
    if x.priorite is distinct from (
         select p.priorite from (
           select m.membre_id, row_number() over (order by prive.cle_de_tirage(p_graine, m.membre_id) collate "C", m.membre_id::text collate "C") as priorite
             from (select distinct w.membre_id from prive.voeux w where w.rencontre_id = ren.id) m) p
          where p.membre_id = x.membre_id) then
      raise exception 'ALLOCATION_INCOHERENTE' using errcode = 'P0001', hint = 'priorité';
    end if;
    if x.atelier is not null and not exists (
         select 1 from prive.voeux w join prive.ateliers t on t.id = w.atelier_id
          where w.rencontre_id = ren.id and w.membre_id = x.membre_id and w.creneau = x.creneau and t.code = x.atelier and w.rang = x.rang) then
      raise exception 'ALLOCATION_INCOHERENTE' using errcode = 'P0001', hint = 'vœu';
    end if;
    if x.atelier is null and not exists (
         select 1 from prive.voeux w join prive.ateliers t on t.id = w.atelier_id
          where w.rencontre_id = ren.id and w.membre_id = x.membre_id and w.creneau = x.creneau and t.code = x.attente and w.rang = 1) then
      raise exception 'ALLOCATION_INCOHERENTE' using errcode = 'P0001', hint = 'attente';
    end if;
    begin
      insert into prive.attributions (rencontre_id, membre_id, creneau, priorite, atelier_id, rang, complets)
      values (ren.id, x.membre_id, x.creneau, x.priorite,
              (select t.id from prive.ateliers t where t.rencontre_id = ren.id and t.code = x.atelier), x.rang, x.complets);
    exception when unique_violation then
      raise exception 'ALLOCATION_INCOHERENTE' using errcode = 'P0001', hint = 'doublon';
    end;

    insert into prive.inscriptions (rencontre_id, membre_id) values (ren.id, x.membre_id)
    on conflict (rencontre_id, membre_id) do update set annulee_le = null;
    select i.id into insc_id from prive.inscriptions i where i.rencontre_id = ren.id and i.membre_id = x.membre_id;
    -- Dans l'ordre de priorité : le rang (séquence) des listes d'attente suit la priorité.
    insert into prive.choix_ateliers (inscription_id, atelier_id, creneau, statut)
    select insc_id, t.id, t.creneau, case when x.atelier is null then 'en_attente' else 'confirmee' end::prive.statut_choix
      from prive.ateliers t where t.rencontre_id = ren.id and t.code = coalesce(x.atelier, x.attente);
  end loop;

  select t.code into depasse from prive.ateliers t
   where t.rencontre_id = ren.id
     and (select count(*) from prive.choix_ateliers c where c.atelier_id = t.id and c.statut = 'confirmee') > t.capacite
   limit 1;
  if depasse is not null then
    raise exception 'ALLOCATION_INCOHERENTE' using errcode = 'P0001', hint = 'capacité ' || depasse;
  end if;

  return jsonb_build_object('rencontre', ren.slug, 'graine', p_graine,
    'confirmees', (select count(*) from prive.attributions a where a.rencontre_id = ren.id and a.atelier_id is not null),
    'en_attente', (select count(*) from prive.attributions a where a.rencontre_id = ren.id and a.atelier_id is null));
end
$$;

revoke execute on function prive.cle_de_tirage(text, uuid), prive.voeux_enregistrer(text, jsonb), prive.mes_voeux_detail(uuid, uuid),
  prive.mes_voeux(text), prive.allocation_donnees(text), prive.allocation_publier(text, text, jsonb) from public;
grant execute on function prive.cle_de_tirage(text, uuid) to authenticated, service_role;
grant execute on function prive.voeux_enregistrer(text, jsonb), prive.mes_voeux(text), prive.allocation_donnees(text),
  prive.allocation_publier(text, text, jsonb) to authenticated;

-- ——— La surface api (security invoker) ———

create function api.voeux_enregistrer(p_rencontre text, p_voeux jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  perform prive.exiger_membre();
  return prive.voeux_enregistrer(p_rencontre, p_voeux);
end
$$;

create function api.mes_voeux(p_rencontre text) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
begin
  perform prive.exiger_membre();
  return prive.mes_voeux(p_rencontre);
end
$$;

create function api.allocation_donnees(p_rencontre text) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
begin
  perform prive.exiger_membre();
  return prive.allocation_donnees(p_rencontre);
end
$$;

create function api.allocation_publier(p_rencontre text, p_graine text, p_attributions jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  perform prive.exiger_membre();
  return prive.allocation_publier(p_rencontre, p_graine, p_attributions);
end
$$;

revoke execute on function api.voeux_enregistrer(text, jsonb), api.mes_voeux(text), api.allocation_donnees(text),
  api.allocation_publier(text, text, jsonb) from public;
grant execute on function api.voeux_enregistrer(text, jsonb), api.mes_voeux(text), api.allocation_donnees(text),
  api.allocation_publier(text, text, jsonb) to authenticated;

comment on function api.voeux_enregistrer(text, jsonb) is '@retour MesVoeux from src/schemas/voeux.ts';
comment on function api.mes_voeux(text) is '@retour MesVoeux from src/schemas/voeux.ts';
comment on function api.allocation_donnees(text) is '@retour DonneesAllocation from src/schemas/voeux.ts';
comment on function api.allocation_publier(text, text, jsonb) is '@retour ResultatPublicationAllocation from src/schemas/voeux.ts';
