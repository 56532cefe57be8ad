-- Organisateurs : les destinataires d'un message à tous les inscrits d'une rencontre, ou à ceux d'un
-- atelier (places confirmées et liste d'attente). Le message part de la fonction, une copie par personne.
create function prive.rencontre_destinataires(p_rencontre text, p_atelier text) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  ren prive.rencontres;
begin
  perform prive.exiger_membre();
  if prive.role_courant() not in ('organisateur', 'admin') then
    raise exception 'ORGANISATEUR_REQUIS' using errcode = 'P0001';
  end if;
  select * into ren from prive.rencontres where slug = p_rencontre;
  if not found then
    raise exception 'RENCONTRE_INCONNUE' using errcode = 'P0001', hint = p_rencontre;
  end if;
  if p_atelier is not null and not exists (select 1 from prive.ateliers t where t.rencontre_id = ren.id and t.code = p_atelier) then
    raise exception 'ATELIER_INCONNU' using errcode = 'P0001', hint = p_atelier;
  end if;
  return jsonb_build_object('titre', ren.titre, 'destinataires', coalesce((
    select jsonb_agg(jsonb_build_object('email', m.email, 'prenom', m.prenom) order by m.email)
      from prive.inscriptions i join prive.membres m on m.id = i.membre_id
     where i.rencontre_id = ren.id and i.annulee_le is null and m.actif
       and (p_atelier is null or exists (
         select 1 from prive.choix_ateliers c join prive.ateliers t on t.id = c.atelier_id
          where c.inscription_id = i.id and c.statut <> 'annulee' and t.code = p_atelier))), '[]'::jsonb));
end
$$;
revoke execute on function prive.rencontre_destinataires(text, text) from public;
grant execute on function prive.rencontre_destinataires(text, text) to authenticated;

create function api.rencontre_destinataires(p_rencontre text, p_atelier text default null) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
begin
  perform prive.exiger_membre();
  return prive.rencontre_destinataires(p_rencontre, p_atelier);
end
$$;
revoke execute on function api.rencontre_destinataires(text, text) from public;
grant execute on function api.rencontre_destinataires(text, text) to authenticated;
