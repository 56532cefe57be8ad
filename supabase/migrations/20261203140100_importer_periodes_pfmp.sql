-- Import d'une année de périodes de PFMP pour le lycée du membre connecté : tout ou rien.
-- Chaque ligne est essayée ; les refus (formation inconnue, chevauchement, dates) sont relevés ligne par ligne ;
-- s'il y en a un seul, toutes les insertions sont annulées et le rapport est rendu.
create function api.periodes_pfmp_importer(p_periodes jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_uai text := prive.uai_du_membre();
  v_ligne jsonb;
  v_rang int := 0;
  v_importees int := 0;
  v_erreurs jsonb := '[]';
begin
  if jsonb_typeof(p_periodes) is distinct from 'array' or jsonb_array_length(p_periodes) not between 1 and 500 then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', detail = 'De 1 à 500 périodes par import.';
  end if;
  begin
    for v_ligne in select value from jsonb_array_elements(p_periodes) loop
      v_rang := v_rang + 1;
      begin
        if not exists (select 1 from prive.formations f where f.code = v_ligne ->> 'formation') then
          raise exception 'FORMATION_INCONNUE' using errcode = 'P0001';
        end if;
        if (v_ligne ->> 'fin')::date < (v_ligne ->> 'debut')::date then
          raise exception 'DATES_INVERSEES' using errcode = 'P0001';
        end if;
        insert into prive.periodes_pfmp (uai, formation, classe, niveau, debut, fin, eleves)
        values (v_uai, v_ligne ->> 'formation', btrim(v_ligne ->> 'classe'), v_ligne ->> 'niveau',
                (v_ligne ->> 'debut')::date, (v_ligne ->> 'fin')::date, (v_ligne ->> 'eleves')::int);
        v_importees := v_importees + 1;
      exception
        when raise_exception then
          v_erreurs := v_erreurs || jsonb_build_object('rang', v_rang, 'code', sqlerrm);
        when check_violation or invalid_datetime_format or datetime_field_overflow or invalid_text_representation or not_null_violation then
          v_erreurs := v_erreurs || jsonb_build_object('rang', v_rang, 'code', 'LIGNE_INVALIDE');
      end;
    end loop;
    if jsonb_array_length(v_erreurs) > 0 then
      raise exception 'IMPORT_ANNULE' using errcode = 'P0001';
    end if;
  exception when raise_exception then
    if sqlerrm <> 'IMPORT_ANNULE' then
      raise;
    end if;
    return jsonb_build_object('importees', 0, 'erreurs', v_erreurs);
  end;
  return jsonb_build_object('importees', v_importees, 'erreurs', '[]'::jsonb);
end
$$;
revoke execute on function api.periodes_pfmp_importer(jsonb) from public;
grant execute on function api.periodes_pfmp_importer(jsonb) to authenticated;
comment on function api.periodes_pfmp_importer(jsonb) is '@retour RapportImportBase from src/schemas/calendrier-pfmp.ts';
