-- Conservation des inscriptions aux rencontres (page « Données personnelles ») :
-- - les réponses facultatives (déjeuner, régime alimentaire, besoins d'accessibilité) sont effacées
--   30 jours après la fin de la rencontre ;
-- - l'inscription elle-même (et ses choix d'ateliers) est supprimée un an après la rencontre.
-- Idempotent ; appelée chaque jour par la fonction planifiée functions/taches-purger-rencontres.ts.
create function api.rencontres_purger() returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  reponses int;
  inscriptions int;
begin
  with effacees as (
    update prive.inscriptions i set repas = null, regime = null, accessibilite = null
      from prive.rencontres r
     where r.id = i.rencontre_id and r.fin < now() - interval '30 days'
       and (i.repas is not null or i.regime is not null or i.accessibilite is not null)
    returning 1)
  select count(*) into reponses from effacees;
  with supprimees as (
    delete from prive.inscriptions i using prive.rencontres r
     where r.id = i.rencontre_id and r.fin < now() - interval '1 year'
    returning 1)
  select count(*) into inscriptions from supprimees;
  return jsonb_build_object('reponses_effacees', reponses, 'inscriptions_supprimees', inscriptions);
end
$$;
revoke execute on function api.rencontres_purger() from public;
grant execute on function api.rencontres_purger() to service_role;
