-- Bourse aux places, sens inverse : la liste des recherches ouvertes rend leur nombre total et une page, comme celle
-- des offres (20261203190000_compter_offres_bourse.sql). Elle rendait au plus 200 recherches, et l'onglet affichait
-- « 200 recherches » quand il y en avait davantage. Page par p_limite / p_decalage, dans l'ordre de la liste
-- (début de la période, puis date de publication).

drop function api.recherches_rechercher(text, text, text, text, date, date, int);
create function api.recherches_rechercher(p_secteur text default null, p_departement text default null, p_commune_insee text default null,
  p_formation text default null, p_du date default null, p_au date default null, p_limite int default 50, p_decalage int default 0) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
begin
  if p_limite is null or p_limite not between 1 and 200 or p_decalage is null or p_decalage < 0 then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001';
  end if;
  return (
    with choisies as (
      select q.id, q.debut, q.cree_le from prive.recherches_places q
       where q.statut = 'ouverte' and q.debut > current_date
         and (p_secteur is null or q.secteur is null or q.secteur = left(p_secteur, 2))
         and (p_departement is null or q.departement = p_departement)
         and (p_commune_insee is null or q.commune_insee = p_commune_insee)
         and (p_formation is null or lower(q.formation) like '%' || lower(p_formation) || '%')
         and (p_du is null or q.fin >= p_du)
         and (p_au is null or q.debut <= p_au)),
    page as (select * from choisies order by debut, cree_le, id limit p_limite offset p_decalage)
    select jsonb_build_object(
      'total', (select count(*) from choisies),
      'recherches', coalesce((
        select jsonb_agg(jsonb_build_object('id', q.id, 'formation', q.formation, 'secteur', q.secteur, 'niveau', q.niveau,
                 'debut', q.debut, 'fin', q.fin, 'commune', q.commune_nom, 'departement', q.departement, 'eleves', q.eleves,
                 'restants', q.eleves - q.eleves_pourvus, 'conditions', q.conditions, 'lycee', e.nom, 'de_moi', q.membre_id = moi,
                 'mes_reponses', (select count(*) from prive.reponses_recherche r where r.recherche_id = q.id and r.membre_id = moi))
                 order by page.debut, page.cree_le, page.id)
          from page
          join prive.recherches_places q on q.id = page.id
          left join prive.etablissements e on e.uai = q.uai), '[]'::jsonb)));
end
$$;
revoke execute on function api.recherches_rechercher(text, text, text, text, date, date, int, int) from public;
grant execute on function api.recherches_rechercher(text, text, text, text, date, date, int, int) to authenticated;
comment on function api.recherches_rechercher(text, text, text, text, date, date, int, int) is '@retour ResultatRecherches from src/schemas/bourse.ts';
