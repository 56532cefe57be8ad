-- Formations en production : la liste des formations n'était remplie que par le jeu de démonstration.
-- Deux voies : l'import de l'export officiel de la Base Centrale des Nomenclatures (commande
-- « npm run importer-formations », clé secrète : api.formations_importer) et l'ajout d'une formation
-- manquante par un administrateur (api.formation_ajouter). Le code est celui de la BCN (« code formation
-- diplôme », 8 caractères) ; les codes de démonstration (« bac-pro-cuisine ») restent valides.

alter table prive.formations drop constraint formations_code_check;
alter table prive.formations add constraint formations_code_check check (code ~ '^[a-z0-9-]{2,60}$' or code ~ '^[0-9A-Z]{8}$');
alter table prive.formations
  add column niveau text check (length(niveau) between 1 and 60),
  add column ouverte_le date,
  add column fermee_le date,
  add column origine text not null default 'admin' check (origine in ('bcn', 'admin')),
  add column mise_a_jour_le timestamptz not null default now(),
  add constraint formations_dates_ordonnees check (fermee_le is null or ouverte_le is null or fermee_le >= ouverte_le);

-- Une formation au format de l'API.
create function prive.formation_json(f prive.formations) returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select jsonb_build_object('code', f.code, 'intitule', f.intitule, 'secteur', f.secteur, 'niveau', f.niveau)
$$;
revoke execute on function prive.formation_json(prive.formations) from public;
grant execute on function prive.formation_json(prive.formations) to authenticated;

-- Import (clé secrète) : insère ou met à jour chaque formation par son code ; rejouer le même fichier
-- laisse la base dans le même état (les lignes identiques ne sont pas réécrites). Une ligne refusée par
-- une contrainte annule tout l'appel.
create function api.formations_importer(p_formations jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_f jsonb;
  v_ajoutees int := 0;
  v_modifiees int := 0;
  v_inchangees int := 0;
  v_ajoutee boolean;
begin
  if jsonb_typeof(p_formations) is distinct from 'array' or jsonb_array_length(p_formations) not between 1 and 5000 then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', detail = 'De 1 à 5 000 formations par appel.';
  end if;
  for v_f in select value from jsonb_array_elements(p_formations) loop
    insert into prive.formations as x (code, intitule, secteur, niveau, ouverte_le, fermee_le, origine)
    values (v_f ->> 'code', v_f ->> 'intitule', v_f ->> 'secteur', v_f ->> 'niveau',
            (v_f ->> 'ouverte_le')::date, (v_f ->> 'fermee_le')::date, 'bcn')
    on conflict (code) do update
      set intitule = excluded.intitule, secteur = excluded.secteur, niveau = excluded.niveau,
          ouverte_le = excluded.ouverte_le, fermee_le = excluded.fermee_le, origine = 'bcn', mise_a_jour_le = now()
      where (x.intitule, x.secteur, x.niveau, x.ouverte_le, x.fermee_le, x.origine)
            is distinct from (excluded.intitule, excluded.secteur, excluded.niveau, excluded.ouverte_le, excluded.fermee_le, 'bcn')
    returning (xmax = 0) into v_ajoutee;
    if not found then
      v_inchangees := v_inchangees + 1;
    elsif v_ajoutee then
      v_ajoutees := v_ajoutees + 1;
    else
      v_modifiees := v_modifiees + 1;
    end if;
  end loop;
  return jsonb_build_object('ajoutees', v_ajoutees, 'modifiees', v_modifiees, 'inchangees', v_inchangees);
end
$$;
revoke execute on function api.formations_importer(jsonb) from public;
grant execute on function api.formations_importer(jsonb) to service_role;

-- Un administrateur ajoute une formation manquante (code, intitulé, niveau, secteur).
create function api.formation_ajouter(p_code text, p_intitule text, p_niveau text, p_secteur text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  ligne prive.formations;
begin
  perform prive.exiger_admin();
  insert into prive.formations (code, intitule, secteur, niveau, origine)
  values (upper(btrim(p_code)), btrim(p_intitule), btrim(p_secteur), nullif(btrim(p_niveau), ''), 'admin')
  on conflict (code) do nothing
  returning * into ligne;
  if ligne.code is null then
    raise exception 'DEJA_EXISTANT' using errcode = 'P0001', detail = 'Une formation porte déjà ce code.';
  end if;
  return prive.formation_json(ligne);
end
$$;
revoke execute on function api.formation_ajouter(text, text, text, text) from public;
grant execute on function api.formation_ajouter(text, text, text, text) to authenticated;

-- Les périodes du lycée, les formations ouvertes (et celles de ses périodes), l'abonnement, et si le
-- membre peut ajouter une formation (administrateur).
create or replace function api.periodes_pfmp_miennes() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_uai text := prive.uai_du_membre();
begin
  return jsonb_build_object(
    'uai', v_uai,
    'periodes', coalesce((select jsonb_agg(prive.periode_json(p) order by p.debut, p.classe) from prive.periodes_pfmp p where p.uai = v_uai), '[]'),
    'formations', coalesce((select jsonb_agg(prive.formation_json(f) order by f.intitule) from prive.formations f
                             where f.fermee_le is null or f.fermee_le >= current_date
                                or exists (select 1 from prive.periodes_pfmp p where p.uai = v_uai and p.formation = f.code)), '[]'),
    'abonnement', (select jsonb_build_object('cree_le', a.cree_le) from prive.abonnements_calendrier a where a.uai = v_uai),
    'peut_ajouter_formation', prive.role_courant() is not distinct from 'admin');
end
$$;

comment on function api.formations_importer(jsonb) is '@retour RapportImportFormations from src/schemas/calendrier-pfmp.ts';
comment on function api.formation_ajouter(text, text, text, text) is '@retour Formation from src/schemas/calendrier-pfmp.ts';
