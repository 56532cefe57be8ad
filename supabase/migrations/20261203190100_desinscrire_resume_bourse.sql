-- Résumé hebdomadaire de la bourse : désinscription en un clic, sans se connecter. Chaque inscription reçoit un
-- jeton aléatoire, écrit dans chaque résumé (lien de la page de désinscription, et en-tête List-Unsubscribe des
-- messageries, RFC 8058). Jusqu'ici, se désinscrire demandait de se connecter (code par courriel) pour trouver
-- l'onglet du résumé.
-- Le jeton est gardé en clair, à la différence de l'adresse d'abonnement au calendrier (dont seule l'empreinte est
-- gardée) : il figure dans chaque résumé, il faut donc pouvoir le réécrire ; et il ne permet que de se désinscrire.
-- Une nouvelle inscription après une désinscription reçoit un nouveau jeton (nouvelle ligne).

alter table prive.resume_bourse add column jeton_desinscription uuid not null unique default gen_random_uuid();

-- La tâche hebdomadaire rend aussi le jeton de chaque inscrit (même signature, droits inchangés).
create or replace function api.resumes_bourse_a_envoyer(p_limite int default 500) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  jusqua timestamptz := now();
begin
  return coalesce((
    select jsonb_agg(jsonb_build_object('membre_id', y.membre_id, 'email', y.email, 'prenom', y.prenom, 'jusqua', jusqua, 'offres', y.offres,
                                      'jeton', y.jeton_desinscription))
      from (select x.* from (
              select r.membre_id, m.email, m.prenom, r.jeton_desinscription,
                     (select jsonb_agg(jsonb_build_object('organisation', o.nom, 'commune', o.commune_nom, 'departement', o.departement,
                              'formation', f.formation, 'debut', f.debut, 'fin', f.fin, 'libres', f.places - f.places_reservees,
                              'conditions', f.conditions) order by o.departement, f.debut, o.nom)
                        from prive.offres_places f join prive.organisations o on o.id = f.organisation_id
                       where f.cree_le > r.vu_jusqua and f.cree_le <= jusqua
                         and f.debut > current_date and f.places_reservees < f.places and f.membre_id <> r.membre_id
                         and o.departement = any (coalesce(r.departements, array[e.departement]))) as offres
                from prive.resume_bourse r
                join prive.membres m on m.id = r.membre_id and m.actif
                left join prive.etablissements e on e.uai = m.uai
               where r.dernier_envoi is null or r.dernier_envoi <= jusqua - interval '6 days') x
             where x.offres is not null
             order by x.membre_id
             limit greatest(1, p_limite)) y), '[]'::jsonb);
end
$$;

-- Désinscription par le jeton d'un résumé (fonction publique des fonctions, clé secrète seulement) ; vrai si une
-- inscription a été retirée, faux si le jeton ne correspond à aucune (déjà désinscrit, ou réinscrit depuis).
create function api.resume_bourse_desinscrire(p_jeton uuid) returns boolean
language sql volatile security invoker set search_path = ''
as $$
  with retiree as (delete from prive.resume_bourse where jeton_desinscription = p_jeton returning 1)
  select exists (select 1 from retiree)
$$;
revoke execute on function api.resume_bourse_desinscrire(uuid) from public;
grant execute on function api.resume_bourse_desinscrire(uuid) to service_role;
