-- Abonnement au calendrier des PFMP d'un lycée (.ics) par une adresse secrète, une par lycée, révocable.
-- Seule l'empreinte sha256 du jeton est gardée : l'adresse n'est montrée qu'une fois, à sa création.
create table prive.abonnements_calendrier (
  uai text primary key references prive.etablissements (uai),
  empreinte text not null unique check (empreinte ~ '^[0-9a-f]{64}$'),
  cree_le timestamptz not null default now()
);
alter table prive.abonnements_calendrier enable row level security;
grant select, insert, update, delete on prive.abonnements_calendrier to authenticated;
grant all on prive.abonnements_calendrier to service_role;

create policy "Un membre gère l'abonnement de son lycée"
  on prive.abonnements_calendrier for all to authenticated
  using (uai = (select prive.uai_courant()))
  with check (uai = (select prive.uai_courant()));

-- Crée ou remplace l'adresse d'abonnement du lycée du membre (l'ancienne cesse de fonctionner) ; rend le jeton en clair.
create function api.calendrier_pfmp_abonnement_creer() returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  v_uai text := prive.uai_du_membre();
  v_jeton text := replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
begin
  insert into prive.abonnements_calendrier as a (uai, empreinte)
  values (v_uai, encode(sha256(convert_to(v_jeton, 'UTF8')), 'hex'))
  on conflict (uai) do update set empreinte = excluded.empreinte, cree_le = now();
  return jsonb_build_object('jeton', v_jeton, 'cree_le', now());
end
$$;
revoke execute on function api.calendrier_pfmp_abonnement_creer() from public;
grant execute on function api.calendrier_pfmp_abonnement_creer() to authenticated;
comment on function api.calendrier_pfmp_abonnement_creer() is '@retour AbonnementCree from src/schemas/calendrier-pfmp.ts';

-- Révoque l'adresse d'abonnement du lycée du membre.
create function api.calendrier_pfmp_abonnement_revoquer() returns void
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  delete from prive.abonnements_calendrier where uai = prive.uai_du_membre();
end
$$;
revoke execute on function api.calendrier_pfmp_abonnement_revoquer() from public;
grant execute on function api.calendrier_pfmp_abonnement_revoquer() to authenticated;

-- Les périodes d'un lycée pour son fichier .ics, d'après le jeton (clé secrète des fonctions seulement) ; null si inconnu.
create function api.calendrier_pfmp_ics(p_jeton text) returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select jsonb_build_object(
           'uai', e.uai, 'nom', e.nom,
           'periodes', coalesce((select jsonb_agg(jsonb_build_object('id', p.id, 'classe', p.classe, 'formation', f.intitule, 'debut', p.debut, 'fin', p.fin, 'eleves', p.eleves) order by p.debut)
                                   from prive.periodes_pfmp p join prive.formations f on f.code = p.formation where p.uai = e.uai), '[]'))
    from prive.abonnements_calendrier a
    join prive.etablissements e on e.uai = a.uai
   where p_jeton ~ '^[0-9a-f]{64}$' and a.empreinte = encode(sha256(convert_to(p_jeton, 'UTF8')), 'hex')
$$;
revoke execute on function api.calendrier_pfmp_ics(text) from public;
grant execute on function api.calendrier_pfmp_ics(text) to service_role;
comment on function api.calendrier_pfmp_ics(text) is '@retour CalendrierIcsOuRien from src/schemas/calendrier-pfmp.ts';

-- Les périodes du lycée, les formations, et si une adresse d'abonnement est active (sans le jeton).
create or replace function api.periodes_pfmp_miennes() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_uai text := prive.uai_du_membre();
begin
  return jsonb_build_object(
    'uai', v_uai,
    'periodes', coalesce((select jsonb_agg(prive.periode_json(p) order by p.debut, p.classe) from prive.periodes_pfmp p where p.uai = v_uai), '[]'),
    'formations', coalesce((select jsonb_agg(jsonb_build_object('code', f.code, 'intitule', f.intitule, 'secteur', f.secteur) order by f.intitule) from prive.formations f), '[]'),
    'abonnement', (select jsonb_build_object('cree_le', a.cree_le) from prive.abonnements_calendrier a where a.uai = v_uai));
end
$$;
