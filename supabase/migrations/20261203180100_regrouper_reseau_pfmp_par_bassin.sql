-- Vue du réseau des PFMP par secteur et par bassin de formation (l'issue : « par secteur et par bassin ou
-- département »). Le bassin de chaque lycée vient de l'import de l'annuaire de l'éducation (prive.etablissements.bassin,
-- déduit de la commune par src/academie.ts) ; un lycée sans bassin est compté dans « Bassin non renseigné ».
-- p_regroupement : 'departement' (comme avant, par défaut) ou 'bassin'. La signature change : l'ancienne est retirée.
drop function api.calendrier_pfmp_reseau(date, date, int);

create function api.calendrier_pfmp_reseau(p_debut date, p_fin date, p_seuil int, p_regroupement text default 'departement') returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_debut date := date_trunc('week', p_debut)::date;
  v_bassin boolean := p_regroupement = 'bassin';
begin
  perform prive.exiger_membre();
  if p_regroupement is null or p_regroupement not in ('departement', 'bassin') then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', detail = 'Regroupement : departement ou bassin.';
  end if;
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
      select s.semaine, f.secteur, e.departement,
             case when v_bassin then coalesce(e.bassin, 'Bassin non renseigné') end as bassin,
             p.uai, e.nom, p.eleves
        from semaines s
        join prive.periodes_pfmp p on p.debut <= s.semaine + 6 and s.semaine <= p.fin
        join prive.formations f on f.code = p.formation
        join prive.etablissements e on e.uai = p.uai
    ), groupes as (
      select semaine, secteur, departement, bassin, sum(eleves)::int as eleves, count(distinct uai)::int as lycees,
             jsonb_agg(jsonb_build_object('uai', uai, 'nom', nom, 'eleves', eleves) order by eleves desc, uai) as detail
        from presences group by semaine, secteur, departement, bassin
    )
    select jsonb_build_object(
      'debut', v_debut, 'fin', p_fin, 'seuil', p_seuil, 'regroupement', p_regroupement,
      'groupes', coalesce(jsonb_agg(jsonb_build_object(
          'semaine', g.semaine, 'secteur', g.secteur, 'departement', g.departement, 'bassin', g.bassin,
          'eleves', g.eleves, 'lycees', g.lycees,
          'alerte', g.eleves >= p_seuil, 'detail', case when g.eleves >= p_seuil then g.detail end)
        order by g.semaine, g.secteur, g.departement, g.bassin), '[]'))
      from groupes g
  );
end
$$;
revoke execute on function api.calendrier_pfmp_reseau(date, date, int, text) from public;
grant execute on function api.calendrier_pfmp_reseau(date, date, int, text) to authenticated;
comment on function api.calendrier_pfmp_reseau(date, date, int, text) is '@retour VueReseau from src/schemas/calendrier-pfmp.ts';
