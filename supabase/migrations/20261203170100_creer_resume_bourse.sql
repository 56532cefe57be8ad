-- Résumé hebdomadaire des nouvelles offres de la bourse « près de chez moi », sur inscription (issue 9).
-- Une ligne par membre inscrit (aucune ligne = pas de résumé : désactivé par défaut, la désinscription
-- supprime la ligne). « Près de chez moi » : le département de son lycée, ou les départements choisis.

create table prive.resume_bourse (
  membre_id uuid primary key references prive.membres (id) on delete cascade,
  -- null : le département du lycée du membre.
  departements text[] check (departements is null or (cardinality(departements) between 1 and 10
                                                      and array_to_string(departements, ',') ~ '^[0-9]{2}[0-9AB]?(,[0-9]{2}[0-9AB]?)*$')),
  inscrit_le timestamptz not null default now(),
  -- Quand le dernier résumé est parti (un par semaine au plus).
  dernier_envoi timestamptz,
  -- Les offres publiées jusqu'à cet instant ont déjà été annoncées : jamais deux fois la même.
  vu_jusqua timestamptz not null default now() - interval '7 days'
);

alter table prive.resume_bourse enable row level security;
grant select, insert, update, delete on prive.resume_bourse to authenticated;
grant all on prive.resume_bourse to service_role;

create policy "Un membre lit son inscription au résumé" on prive.resume_bourse for select to authenticated
  using (membre_id = (select prive.membre_courant()));
create policy "Un membre s'inscrit au résumé" on prive.resume_bourse for insert to authenticated
  with check (membre_id = (select prive.membre_courant()));
create policy "Un membre règle son résumé" on prive.resume_bourse for update to authenticated
  using (membre_id = (select prive.membre_courant())) with check (membre_id = (select prive.membre_courant()));
create policy "Un membre se désinscrit du résumé" on prive.resume_bourse for delete to authenticated
  using (membre_id = (select prive.membre_courant()));

create function api.resume_bourse_lire() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
begin
  return (select jsonb_build_object('inscrit', r.membre_id is not null, 'departements', to_jsonb(r.departements),
                                    'departement_lycee', (select e.departement from prive.etablissements e where e.uai = prive.uai_courant()),
                                    'dernier_envoi', r.dernier_envoi)
            from (select 1) x left join prive.resume_bourse r on r.membre_id = moi);
end
$$;
revoke execute on function api.resume_bourse_lire() from public;
grant execute on function api.resume_bourse_lire() to authenticated;
comment on function api.resume_bourse_lire() is '@retour ReglageResume from src/schemas/bourse.ts';

-- S'inscrire (ou changer les départements) ; p_inscrit faux : se désinscrire, la ligne est supprimée.
create function api.resume_bourse_regler(p_inscrit boolean, p_departements text[] default null) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  deps text[] := nullif(p_departements, '{}');
begin
  if not p_inscrit then
    delete from prive.resume_bourse where membre_id = moi;
  else
    if deps is null and not exists (select 1 from prive.etablissements e where e.uai = prive.uai_courant()) then
      raise exception 'RESUME_SANS_DEPARTEMENT' using errcode = 'P0001';
    end if;
    insert into prive.resume_bourse (membre_id, departements) values (moi, deps)
    on conflict (membre_id) do update set departements = excluded.departements;
  end if;
  return api.resume_bourse_lire();
end
$$;
revoke execute on function api.resume_bourse_regler(boolean, text[]) from public;
grant execute on function api.resume_bourse_regler(boolean, text[]) to authenticated;
comment on function api.resume_bourse_regler(boolean, text[]) is '@retour ReglageResume from src/schemas/bourse.ts';

-- Tâche hebdomadaire (service_role) : pour chaque membre inscrit et actif dont le dernier résumé date d'au moins
-- 6 jours, les offres encore ouvertes publiées par d'autres depuis le dernier résumé, dans ses départements.
-- Rien pour qui n'a pas d'offre nouvelle. « jusqua » est l'instant du calcul : à marquer après l'envoi.
create function api.resumes_bourse_a_envoyer(p_limite int default 500) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  jusqua timestamptz := now();
begin
  return coalesce((
    select jsonb_agg(jsonb_build_object('membre_id', y.membre_id, 'email', y.email, 'prenom', y.prenom, 'jusqua', jusqua, 'offres', y.offres))
      from (select x.* from (
              select r.membre_id, m.email, m.prenom,
                     (select jsonb_agg(jsonb_build_object('organisation', o.nom, 'commune', o.commune_nom, 'departement', o.departement,
                              'formation', f.formation, 'debut', f.debut, 'fin', f.fin, 'libres', f.places - f.places_reservees,
                              'conditions', f.conditions) order by o.departement, f.debut, o.nom)
                        from prive.offres_places f join prive.organisations o on o.id = f.organisation_id
                       where f.cree_le > r.vu_jusqua and f.cree_le <= jusqua
                         and f.debut > current_date and f.places_reservees < f.places and f.membre_id <> r.membre_id
                         and o.departement = any (coalesce(r.departements, array[e.departement]))) as offres
                from prive.resume_bourse r
                join prive.membres m on m.id = r.membre_id and m.actif
                left join prive.etablissements e on e.uai = m.uai
               where r.dernier_envoi is null or r.dernier_envoi <= jusqua - interval '6 days') x
             where x.offres is not null
             order by x.membre_id
             limit greatest(1, p_limite)) y), '[]'::jsonb);
end
$$;
revoke execute on function api.resumes_bourse_a_envoyer(int) from public;
grant execute on function api.resumes_bourse_a_envoyer(int) to service_role;
comment on function api.resumes_bourse_a_envoyer(int) is '@retour ResumesAEnvoyer from src/schemas/bourse.ts';

-- Après l'envoi d'un résumé : les offres jusqu'à p_jusqua sont annoncées (jamais en arrière).
create function api.resume_bourse_marquer(p_membre uuid, p_jusqua timestamptz) returns void
language sql volatile security invoker set search_path = ''
as $$
  update prive.resume_bourse set dernier_envoi = now(), vu_jusqua = greatest(vu_jusqua, p_jusqua) where membre_id = p_membre
$$;
revoke execute on function api.resume_bourse_marquer(uuid, timestamptz) from public;
grant execute on function api.resume_bourse_marquer(uuid, timestamptz) to service_role;
