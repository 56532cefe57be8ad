-- Les essais d'un code se consomment AVANT la vérification, en une seule instruction : deux saisies
-- simultanées ne peuvent pas dépasser la limite (plus de lecture puis écriture séparées).
create function api.code_tenter(p_empreinte text) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  restants int;
begin
  insert into prive.demandes_code as d (empreinte, echecs) values (p_empreinte, 1)
  on conflict (empreinte) do update set echecs = d.echecs + 1
   where d.echecs < 5
  returning 5 - d.echecs into restants;
  if restants is null then
    return jsonb_build_object('autorise', false, 'restants', 0);
  end if;
  return jsonb_build_object('autorise', true, 'restants', restants);
end
$$;
grant execute on function api.code_tenter(text) to service_role;

drop function api.code_echouer(text);
drop function api.code_restants(text);
