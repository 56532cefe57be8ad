-- Bourse aux places : la recherche d'offres rend le nombre total d'offres trouvées et leur nombre par département,
-- en plus d'une page d'offres. Jusqu'ici elle rendait au plus 200 offres, et la carte des départements comptait
-- dans cette liste : au-delà de 200 offres, la carte et le « N offres » affiché sous-comptaient sans le dire.
-- Comme la recherche du carnet (api.carnet_rechercher) : total avec tous les filtres ; par département, tous les
-- filtres sauf le lieu (département, commune), pour que la carte montre où chercher ailleurs ; page par
-- p_limite / p_decalage, dans l'ordre de la liste (début de la période, puis organisation).

drop function api.offres_rechercher(text, text, text, text, date, date, boolean, int);
create function api.offres_rechercher(p_naf text default null, p_departement text default null, p_commune_insee text default null,
  p_formation text default null, p_du date default null, p_au date default null, p_libres_seulement boolean default true,
  p_limite int default 50, p_decalage int default 0) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
begin
  if p_limite is null or p_limite not between 1 and 200 or p_decalage is null or p_decalage < 0 then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001';
  end if;
  return (
    with filtre as (
      select f.id, f.debut, o.nom, o.departement, o.commune_insee
        from prive.offres_places f
        join prive.organisations o on o.id = f.organisation_id
       where f.debut > current_date
         and (not coalesce(p_libres_seulement, true) or f.places_reservees < f.places)
         and (p_naf is null or o.code_naf like p_naf || '%')
         and (p_formation is null or lower(f.formation) like '%' || lower(p_formation) || '%')
         and (p_du is null or f.fin >= p_du)
         and (p_au is null or f.debut <= p_au)),
    choisies as (
      select * from filtre
       where (p_departement is null or departement = p_departement) and (p_commune_insee is null or commune_insee = p_commune_insee)),
    page as (select id, debut, nom from choisies order by debut, nom, id limit p_limite offset p_decalage)
    select jsonb_build_object(
      'total', (select count(*) from choisies),
      'par_departement', (select coalesce(jsonb_object_agg(departement, n), '{}') from (select departement, count(*) as n from filtre group by departement) d),
      'offres', coalesce((
        select jsonb_agg(jsonb_build_object('id', f.id, 'organisation_id', o.id, 'organisation', o.nom, 'code_naf', o.code_naf,
                 'commune', o.commune_nom, 'departement', o.departement, 'formation', f.formation, 'debut', f.debut, 'fin', f.fin,
                 'places', f.places, 'libres', f.places - f.places_reservees, 'conditions', f.conditions,
                 'lycee', e.nom, 'de_moi', f.membre_id = moi) order by page.debut, page.nom, page.id)
          from page
          join prive.offres_places f on f.id = page.id
          join prive.organisations o on o.id = f.organisation_id
          left join prive.etablissements e on e.uai = f.uai), '[]'::jsonb)));
end
$$;
revoke execute on function api.offres_rechercher(text, text, text, text, date, date, boolean, int, int) from public;
grant execute on function api.offres_rechercher(text, text, text, text, date, date, boolean, int, int) to authenticated;
comment on function api.offres_rechercher(text, text, text, text, date, date, boolean, int, int) is '@retour ResultatOffres from src/schemas/bourse.ts';
