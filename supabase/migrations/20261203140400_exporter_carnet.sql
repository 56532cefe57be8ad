-- Export CSV du carnet : tout ce que l'appelant peut lire (RLS), notes de son lycée comprises, sans limite de nombre.
create function api.carnet_exporter() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
begin
  perform prive.exiger_membre();
  return coalesce((
    select jsonb_agg(jsonb_build_object('nom', o.nom, 'siret', o.siret, 'code_naf', o.code_naf, 'commune', o.commune_nom,
             'commune_insee', o.commune_insee, 'departement', o.departement, 'adresse', o.adresse, 'taille', o.taille,
             'dernier_contact', o.dernier_contact,
             'formations', (select coalesce(string_agg(distinct p.formation, ', '), '') from prive.partenariats p where p.organisation_id = o.id),
             'contacts', (select coalesce(string_agg(concat_ws(' — ', c.nom, c.fonction, c.telephone, c.email), ' | ' order by c.nom), '')
                            from prive.contacts c where c.organisation_id = o.id),
             'note', (select n.texte from prive.notes_lycee n where n.organisation_id = o.id and n.uai = (select prive.uai_courant())))
             order by o.nom)
      from prive.organisations o), '[]'::jsonb);
end
$$;
revoke execute on function api.carnet_exporter() from public;
grant execute on function api.carnet_exporter() to authenticated;
comment on function api.carnet_exporter() is '@retour ExportCarnet from src/schemas/carnet.ts';
