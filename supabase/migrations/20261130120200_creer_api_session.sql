-- La fiche du membre connecté.
create function api.moi() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  fiche jsonb;
begin
  select jsonb_build_object(
           'id', m.id, 'email', m.email, 'role', m.role, 'prenom', m.prenom, 'nom', m.nom,
           'fonction', m.fonction, 'telephone', m.telephone,
           'etablissement', case when e.uai is null then null else
             jsonb_build_object('uai', e.uai, 'nom', e.nom, 'commune', e.commune, 'departement', e.departement) end)
    into fiche
    from prive.membres m
    left join prive.etablissements e on e.uai = m.uai
   where m.user_id = (select auth.uid()) and m.actif;
  if fiche is null then
    raise exception 'NON_MEMBRE' using errcode = 'P0001', detail = 'Aucune fiche de membre active pour ce compte.';
  end if;
  return fiche;
end
$$;
grant execute on function api.moi() to authenticated;

-- Réponse de santé : la base répond.
create function api.sante() returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select jsonb_build_object('base', 'ok', 'heure', now())
$$;
grant execute on function api.sante() to anon, authenticated, service_role;

-- Une demande de code par minute et par adresse (connue ou non) ; remet les échecs à zéro.
create function api.code_demander(p_empreinte text) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  accepte boolean;
  attente int;
begin
  if p_empreinte !~ '^[0-9a-f]{64}$' then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', detail = 'Empreinte d’adresse invalide.';
  end if;
  insert into prive.demandes_code as d (empreinte) values (p_empreinte)
  on conflict (empreinte) do update
     set derniere_demande = now(), echecs = 0
   where d.derniere_demande <= now() - interval '60 seconds'
  returning true into accepte;
  if accepte then
    return jsonb_build_object('accepte', true);
  end if;
  select greatest(1, ceil(extract(epoch from (d.derniere_demande + interval '60 seconds' - now()))))::int
    into attente from prive.demandes_code d where d.empreinte = p_empreinte;
  return jsonb_build_object('accepte', false, 'attente', attente);
end
$$;

-- Compte un échec de saisie ; renvoie les essais restants (5 par code).
create function api.code_echouer(p_empreinte text) returns jsonb
language sql volatile security invoker set search_path = ''
as $$
  insert into prive.demandes_code as d (empreinte, echecs) values (p_empreinte, 1)
  on conflict (empreinte) do update set echecs = d.echecs + 1
  returning jsonb_build_object('restants', greatest(0, 5 - d.echecs))
$$;

-- Essais restants pour le code en cours.
create function api.code_restants(p_empreinte text) returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select jsonb_build_object('restants', coalesce((select greatest(0, 5 - d.echecs) from prive.demandes_code d where d.empreinte = p_empreinte), 5))
$$;

-- Code utilisé : les échecs repartent de zéro.
create function api.code_reussir(p_empreinte text) returns void
language sql volatile security invoker set search_path = ''
as $$
  update prive.demandes_code set echecs = 0 where empreinte = p_empreinte
$$;

grant execute on function api.code_demander(text), api.code_echouer(text), api.code_restants(text), api.code_reussir(text) to service_role;
