-- Carnet des entreprises d'accueil, suite (issue 9) : doublons par nom proche, import d'un tableur (tout ou
-- rien), fusion de deux fiches, lien lycée ↔ organisation ↔ formation, date du dernier contact tenue à jour
-- par l'activité, recherche avec période, places libres et compte par département.

-- ——— Noms proches ———
-- pg_trgm existe sur Supabase et dans PGlite, mais PGlite ne le charge qu'à la création de l'instance
-- (option « extensions ») : on garde la base locale telle quelle et on calcule ici la même mesure que
-- similarity() de pg_trgm (trigrammes des mots normalisés, indice de Jaccard). La comparaison ne se fait
-- qu'entre organisations d'une même commune : quelques dizaines de paires au plus.
create function prive.trigrammes(p text) returns text[]
language sql immutable strict parallel safe set search_path = ''
as $$
  select coalesce(array_agg(distinct substr(m, i, 3)), '{}')
    from (select '  ' || w || ' ' as m from regexp_split_to_table(prive.nom_normalise(p), ' ') w where w <> '') mots,
         generate_series(1, length(m) - 2) i
$$;
revoke execute on function prive.trigrammes(text) from public;
grant execute on function prive.trigrammes(text) to authenticated, service_role;

-- Indice de Jaccard de deux ensembles de trigrammes : 1 identiques, 0 rien en commun.
create function prive.similarite_trigrammes(ta text[], tb text[]) returns real
language sql immutable strict parallel safe set search_path = ''
as $$
  select case when cardinality(ta) + cardinality(tb) = 0 then 0::real
              else (select count(*) from (select unnest(ta) intersect select unnest(tb)) i)::real
                   / (select count(*) from (select unnest(ta) union select unnest(tb)) u)::real end
$$;
revoke execute on function prive.similarite_trigrammes(text[], text[]) from public;
grant execute on function prive.similarite_trigrammes(text[], text[]) to authenticated, service_role;

-- La même mesure sur deux noms.
create function prive.similarite_noms(a text, b text) returns real
language sql immutable strict parallel safe set search_path = ''
as $$
  select prive.similarite_trigrammes(prive.trigrammes(a), prive.trigrammes(b))
$$;
revoke execute on function prive.similarite_noms(text, text) from public;
grant execute on function prive.similarite_noms(text, text) to authenticated, service_role;

-- Seuil de « nom proche » : « Garage du Midi » ~ « Garage Midi Auto » (0,7), « Boulangerie Martn » ~
-- « Boulangerie Martin » (0,76) ; « Boulangerie Martin » et « Boulangerie Dupont » (0,46) restent distinctes.
create function prive.noms_proches(a text, b text) returns boolean
language sql immutable strict parallel safe set search_path = ''
as $$
  select prive.nom_normalise(a) = prive.nom_normalise(b) or prive.similarite_noms(a, b) >= 0.6
$$;
revoke execute on function prive.noms_proches(text, text) from public;
grant execute on function prive.noms_proches(text, text) to authenticated, service_role;

-- Nom normalisé et trigrammes stockés : ni la recherche par nom ni la détection des doublons ne les
-- recalculent fiche à fiche.
alter table prive.organisations add column nom_cle text generated always as (prive.nom_normalise(nom)) stored;
alter table prive.organisations add column nom_trigrammes text[] generated always as (prive.trigrammes(nom)) stored;
create index organisations_departement_idx on prive.organisations (departement);
create index offres_organisation_idx on prive.offres_places (organisation_id);
create index partenariats_uai_idx on prive.partenariats (uai);

-- Doublons probables : même SIRET, ou nom proche dans la même commune (même signature, droits inchangés).
create or replace function api.organisation_doublons(p_siret text, p_nom text, p_commune_insee text, p_exclure uuid default null) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_cle text := prive.nom_normalise(p_nom);
  v_tg text[] := prive.trigrammes(p_nom);
begin
  perform prive.exiger_membre();
  return coalesce((
    select jsonb_agg(jsonb_build_object('id', o.id, 'nom', o.nom, 'siret', o.siret, 'commune', o.commune_nom,
                                        'raison', case when o.siret = p_siret then 'siret' else 'nom' end) order by o.siret = p_siret desc, o.nom)
      from prive.organisations o
     where (p_exclure is null or o.id <> p_exclure)
       and ((p_siret is not null and o.siret = p_siret)
            or (o.commune_insee = p_commune_insee and (o.nom_cle = v_cle or prive.similarite_trigrammes(o.nom_trigrammes, v_tg) >= 0.6)))), '[]'::jsonb);
end
$$;

-- ——— Date du dernier contact ———
-- Une activité avec l'organisation (retour de période, places proposées, période au registre) avance la
-- date du dernier contact ; cette date avance à son tour la dernière activité de ses contacts, que la
-- purge (api.contacts_purger : 3 ans sans activité) lit. Modifier un contact compte aussi pour lui.
create function prive.noter_activite() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  update prive.organisations set dernier_contact = current_date
   where id = new.organisation_id and (dernier_contact is null or dernier_contact < current_date);
  return null;
end
$$;
revoke execute on function prive.noter_activite() from public;
create trigger retours_activite after insert on prive.retours for each row execute function prive.noter_activite();
create trigger offres_activite after insert on prive.offres_places for each row execute function prive.noter_activite();
create trigger placements_activite after insert on prive.placements for each row execute function prive.noter_activite();

create function prive.propager_dernier_contact() returns trigger
language plpgsql security definer set search_path = ''
as $$
begin
  if new.dernier_contact is not null and new.dernier_contact is distinct from old.dernier_contact then
    update prive.contacts set derniere_activite = new.dernier_contact::timestamptz
     where organisation_id = new.id and derniere_activite < new.dernier_contact::timestamptz;
  end if;
  return null;
end
$$;
revoke execute on function prive.propager_dernier_contact() from public;
create trigger organisations_dernier_contact after update of dernier_contact on prive.organisations
  for each row execute function prive.propager_dernier_contact();

create function prive.contact_modifie() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if (new.nom, new.fonction, new.telephone, new.email) is distinct from (old.nom, old.fonction, old.telephone, old.email) then
    new.derniere_activite := now();
  end if;
  return new;
end
$$;
revoke execute on function prive.contact_modifie() from public;
create trigger contacts_modifie before update on prive.contacts for each row execute function prive.contact_modifie();

-- ——— Lien manuel lycée ↔ organisation ↔ formation ———
grant delete on prive.partenariats to authenticated;
create policy "Un lycée retire ses propres partenariats" on prive.partenariats for delete to authenticated
  using (uai = (select prive.uai_courant()));

create function api.partenariat_declarer(p_organisation uuid, p_formation text) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  lycee text;
begin
  perform prive.exiger_membre();
  lycee := prive.uai_courant();
  if lycee is null then
    raise exception 'SANS_ETABLISSEMENT' using errcode = 'P0001';
  end if;
  if not exists (select 1 from prive.organisations where id = p_organisation) then
    raise exception 'ORGANISATION_INCONNUE' using errcode = 'P0001';
  end if;
  insert into prive.partenariats (organisation_id, uai, formation) values (p_organisation, lycee, btrim(p_formation));
  perform prive.journaliser(p_organisation, 'lycée et formation déclarés', jsonb_build_object('uai', lycee, 'formation', btrim(p_formation)));
exception when unique_violation then
  raise exception 'DEJA_EXISTANT' using errcode = 'P0001';
end
$$;
revoke execute on function api.partenariat_declarer(uuid, text) from public;
grant execute on function api.partenariat_declarer(uuid, text) to authenticated;

create function api.partenariat_retirer(p_organisation uuid, p_formation text) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  lycee text;
begin
  perform prive.exiger_membre();
  lycee := prive.uai_courant();
  if lycee is null then
    raise exception 'SANS_ETABLISSEMENT' using errcode = 'P0001';
  end if;
  delete from prive.partenariats where organisation_id = p_organisation and uai = lycee and formation = btrim(p_formation);
  if not found then
    raise exception 'INTROUVABLE' using errcode = 'P0001';
  end if;
  perform prive.journaliser(p_organisation, 'lycée et formation retirés', jsonb_build_object('uai', lycee, 'formation', btrim(p_formation)));
end
$$;
revoke execute on function api.partenariat_retirer(uuid, text) from public;
grant execute on function api.partenariat_retirer(uuid, text) to authenticated;

-- ——— Import d'un tableur ———

-- Doublons probables de chaque ligne d'un import : dans le carnet (même SIRET, nom proche dans la même
-- commune) et dans le fichier lui-même (lignes précédentes). Ne lit que ; rien n'est écrit.
-- Les trigrammes communs se comptent par une jointure (trigramme, commune) plutôt que paire par paire :
-- 500 lignes d'une même commune, c'est 125 000 paires, qu'une comparaison une à une rendrait lentes.
create function api.carnet_import_doublons(p_lignes jsonb) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
begin
  perform prive.exiger_membre();
  if jsonb_typeof(p_lignes) is distinct from 'array' or jsonb_array_length(p_lignes) > 2000 then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001';
  end if;
  return coalesce((
    with l as (
      select rang::int, x ->> 'nom' as nom, nullif(x ->> 'siret', '') as siret, x ->> 'commune_insee' as commune,
             prive.nom_normalise(x ->> 'nom') as cle, prive.trigrammes(x ->> 'nom') as tg
        from jsonb_array_elements(p_lignes) with ordinality as t(x, rang)),
    lt as (select rang, commune, unnest(tg) as tri from l),
    -- Dans le carnet : fiches de la même commune qui partagent des trigrammes, puis le seuil.
    ot as (select o.id, o.commune_insee, unnest(o.nom_trigrammes) as tri
             from prive.organisations o where o.commune_insee in (select distinct commune from l)),
    communs_carnet as (
      select lt.rang, ot.id, count(*) as n from lt join ot on ot.commune_insee = lt.commune and ot.tri = lt.tri group by lt.rang, ot.id),
    carnet as (
      select l.rang, o.id, o.nom, o.siret, o.commune_nom, case when o.siret = l.siret then 'siret' else 'nom' end as raison
        from l join prive.organisations o on l.siret is not null and o.siret = l.siret
      union
      select l.rang, o.id, o.nom, o.siret, o.commune_nom, 'nom'
        from communs_carnet c join l on l.rang = c.rang join prive.organisations o on o.id = c.id
       where (l.siret is null or o.siret is distinct from l.siret)
         and (o.nom_cle = l.cle or c.n::real / (cardinality(o.nom_trigrammes) + cardinality(l.tg) - c.n) >= 0.6)),
    -- Dans le fichier : lignes précédentes de la même commune, même mesure ; ou même SIRET.
    communs_fichier as (
      select a.rang, b.rang as autre, count(*) as n from lt a join lt b on b.commune = a.commune and b.tri = a.tri and b.rang < a.rang
       group by a.rang, b.rang),
    fichier as (
      select a.rang, b.rang as autre, 'siret' as raison from l a join l b on b.rang < a.rang and a.siret is not null and b.siret = a.siret
      union
      select c.rang, c.autre, 'nom' from communs_fichier c join l a on a.rang = c.rang join l b on b.rang = c.autre
       where (a.siret is null or b.siret is distinct from a.siret)
         and (a.cle = b.cle or c.n::real / (cardinality(a.tg) + cardinality(b.tg) - c.n) >= 0.6)),
    rangs as (select rang from carnet union select rang from fichier)
    select jsonb_agg(jsonb_build_object(
             'rang', r.rang,
             'carnet', (select coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'nom', c.nom, 'siret', c.siret, 'commune', c.commune_nom, 'raison', c.raison)
                                        order by c.raison = 'siret' desc, c.nom), '[]') from carnet c where c.rang = r.rang),
             'fichier', (select coalesce(jsonb_agg(jsonb_build_object('rang', f.autre, 'raison', f.raison) order by f.autre), '[]')
                           from fichier f where f.rang = r.rang))
           order by r.rang)
      from rangs r), '[]'::jsonb);
end
$$;
revoke execute on function api.carnet_import_doublons(jsonb) from public;
grant execute on function api.carnet_import_doublons(jsonb) to authenticated;
comment on function api.carnet_import_doublons(jsonb) is '@retour DoublonsImport from src/schemas/carnet-import.ts';

-- Importe des lignes déjà vérifiées (schéma, commune, NAF) : une ligne crée une fiche, ou complète la fiche
-- existante désignée (« rattacher_a ») de son contact et de sa formation. Tout ou rien : à la moindre ligne
-- refusée, aucune n'est enregistrée et le rapport dit lesquelles (rang, code).
create function api.carnet_importer(p_lignes jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  lycee text := prive.uai_courant();
  x jsonb;
  rang int := 0;
  ident uuid;
  creees int := 0;
  completees int := 0;
  erreurs jsonb := '[]';
begin
  if jsonb_typeof(p_lignes) is distinct from 'array' or jsonb_array_length(p_lignes) not between 1 and 2000 then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001';
  end if;
  begin
    for x in select value from jsonb_array_elements(p_lignes) loop
      rang := rang + 1;
      begin
        if nullif(x ->> 'formation', '') is not null and lycee is null then
          raise exception 'SANS_ETABLISSEMENT' using errcode = 'P0001';
        end if;
        if nullif(x ->> 'rattacher_a', '') is not null then
          ident := (x ->> 'rattacher_a')::uuid;
          update prive.organisations
             set dernier_contact = greatest(dernier_contact, (x ->> 'dernier_contact')::date),
                 adresse = coalesce(adresse, nullif(x ->> 'adresse', '')),
                 taille = coalesce(taille, nullif(x ->> 'taille', '')::prive.taille_organisation),
                 modifie_le = now()
           where id = ident;
          if not found then
            raise exception 'ORGANISATION_INCONNUE' using errcode = 'P0001';
          end if;
          perform prive.journaliser(ident, 'fiche complétée par un import', jsonb_build_object('formation', nullif(x ->> 'formation', '')));
          completees := completees + 1;
        else
          insert into prive.organisations (siret, nom, code_naf, commune_insee, commune_nom, departement, adresse, taille, dernier_contact, cree_par)
          values (nullif(x ->> 'siret', ''), btrim(x ->> 'nom'), x ->> 'code_naf', x ->> 'commune_insee', x ->> 'commune_nom', x ->> 'departement',
                  nullif(x ->> 'adresse', ''), nullif(x ->> 'taille', '')::prive.taille_organisation, (x ->> 'dernier_contact')::date, moi)
          returning id into ident;
          perform prive.journaliser(ident, 'organisation importée', jsonb_build_object('nom', btrim(x ->> 'nom'), 'siret', nullif(x ->> 'siret', '')));
          creees := creees + 1;
        end if;
        if jsonb_typeof(x -> 'contact') = 'object' then
          insert into prive.contacts (organisation_id, nom, fonction, telephone, email)
          values (ident, btrim(x -> 'contact' ->> 'nom'), nullif(x -> 'contact' ->> 'fonction', ''), nullif(x -> 'contact' ->> 'telephone', ''),
                  lower(nullif(x -> 'contact' ->> 'email', '')));
          perform prive.journaliser(ident, 'contact ajouté', jsonb_build_object('fonction', nullif(x -> 'contact' ->> 'fonction', '')));
        end if;
        if nullif(x ->> 'formation', '') is not null then
          insert into prive.partenariats (organisation_id, uai, formation) values (ident, lycee, btrim(x ->> 'formation')) on conflict do nothing;
        end if;
      exception
        when raise_exception then
          erreurs := erreurs || jsonb_build_object('rang', rang, 'code', sqlerrm);
        when unique_violation then
          erreurs := erreurs || jsonb_build_object('rang', rang, 'code', 'DEJA_EXISTANT');
        when check_violation or invalid_datetime_format or datetime_field_overflow or invalid_text_representation or not_null_violation
             or foreign_key_violation then
          erreurs := erreurs || jsonb_build_object('rang', rang, 'code', 'LIGNE_INVALIDE');
      end;
    end loop;
    if jsonb_array_length(erreurs) > 0 then
      raise exception 'IMPORT_ANNULE' using errcode = 'P0001';
    end if;
  exception when raise_exception then
    if sqlerrm <> 'IMPORT_ANNULE' then
      raise;
    end if;
    return jsonb_build_object('creees', 0, 'completees', 0, 'erreurs', erreurs);
  end;
  return jsonb_build_object('creees', creees, 'completees', completees, 'erreurs', '[]'::jsonb);
end
$$;
revoke execute on function api.carnet_importer(jsonb) from public;
grant execute on function api.carnet_importer(jsonb) to authenticated;
comment on function api.carnet_importer(jsonb) is '@retour RapportImportCarnet from src/schemas/carnet-import.ts';

-- ——— Fusion de deux fiches ———
-- Qui fusionne : un administrateur, ou un membre « concerné » par l'une des deux fiches — son lycée y a un
-- partenariat, un retour, des notes, une offre ou une période au registre, ou il a créé la fiche.
create function prive.concerne_par(p_organisation uuid) returns boolean
language sql stable security definer set search_path = ''
as $$
  select prive.role_courant() = 'admin'
      or exists (select 1 from prive.organisations o where o.id = p_organisation and o.cree_par = prive.exiger_membre())
      or (prive.uai_courant() is not null and (
           exists (select 1 from prive.partenariats p where p.organisation_id = p_organisation and p.uai = prive.uai_courant())
        or exists (select 1 from prive.retours r where r.organisation_id = p_organisation and r.uai = prive.uai_courant())
        or exists (select 1 from prive.notes_lycee n where n.organisation_id = p_organisation and n.uai = prive.uai_courant())
        or exists (select 1 from prive.offres_places f where f.organisation_id = p_organisation and f.uai = prive.uai_courant())
        or exists (select 1 from prive.placements pl where pl.organisation_id = p_organisation and pl.uai = prive.uai_courant())))
$$;
revoke execute on function prive.concerne_par(uuid) from public;
grant execute on function prive.concerne_par(uuid) to authenticated;

-- Fusionne p_absorber dans p_garder : tout ce qui désigne p_absorber (contacts, partenariats, retours, notes,
-- historique, offres, réservations, périodes au registre, et toute table ajoutée plus tard qui référence
-- prive.organisations) passe à p_garder ; les champs vides de p_garder prennent la valeur de p_absorber ;
-- p_absorber est supprimée ; une ligne d'historique le dit. security definer : les notes des autres lycées,
-- que l'appelant ne lit pas, doivent suivre aussi ; les droits sont vérifiés ici.
create function api.organisations_fusionner(p_garder uuid, p_absorber uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  g prive.organisations;
  a prive.organisations;
  ref record;
begin
  if p_garder = p_absorber then
    raise exception 'FUSION_IMPOSSIBLE' using errcode = 'P0001', hint = 'Choisissez deux fiches différentes.';
  end if;
  -- Verrouille les deux fiches, toujours dans le même ordre (pas d'interblocage entre deux fusions croisées).
  perform 1 from prive.organisations where id in (p_garder, p_absorber) order by id for update;
  select * into g from prive.organisations where id = p_garder;
  select * into a from prive.organisations where id = p_absorber;
  if g.id is null or a.id is null then
    raise exception 'ORGANISATION_INCONNUE' using errcode = 'P0001';
  end if;
  if not (prive.concerne_par(p_garder) or prive.concerne_par(p_absorber)) then
    raise exception 'FUSION_INTERDITE' using errcode = 'P0001';
  end if;
  if g.siret is not null and a.siret is not null and g.siret <> a.siret then
    raise exception 'FUSION_IMPOSSIBLE' using errcode = 'P0001', hint = 'Les deux fiches ont des SIRET différents : ce sont deux établissements distincts.';
  end if;

  begin
  -- Partenariats et notes ont une clé (organisation, lycée…) : fusion ligne à ligne, sans doublon.
  insert into prive.partenariats (organisation_id, uai, formation)
  select p_garder, uai, formation from prive.partenariats where organisation_id = p_absorber on conflict do nothing;
  delete from prive.partenariats where organisation_id = p_absorber;
  update prive.notes_lycee n set texte = left(n.texte || E'\n\n' || x.texte, 2000), modifie_par = moi, modifie_le = now()
    from prive.notes_lycee x where n.organisation_id = p_garder and x.organisation_id = p_absorber and x.uai = n.uai;
  delete from prive.notes_lycee n where n.organisation_id = p_absorber
     and exists (select 1 from prive.notes_lycee k where k.organisation_id = p_garder and k.uai = n.uai);
  -- Toutes les autres références à l'organisation absorbée (clés étrangères à une colonne).
  for ref in
    select c.conrelid::regclass as tbl, att.attname as col
      from pg_catalog.pg_constraint c
      join pg_catalog.pg_attribute att on att.attrelid = c.conrelid and att.attnum = c.conkey[1]
     where c.contype = 'f' and c.confrelid = 'prive.organisations'::regclass and cardinality(c.conkey) = 1
  loop
    execute format('update %s set %I = $1 where %I = $2', ref.tbl, ref.col, ref.col) using p_garder, p_absorber;
  end loop;

  delete from prive.organisations where id = p_absorber;
  update prive.organisations
     set siret = coalesce(g.siret, a.siret), adresse = coalesce(g.adresse, a.adresse), taille = coalesce(g.taille, a.taille),
         dernier_contact = greatest(g.dernier_contact, a.dernier_contact), modifie_le = now()
   where id = p_garder;
  insert into prive.historique_carnet (organisation_id, membre_id, action, details)
  values (p_garder, moi, 'fiches fusionnées',
          jsonb_build_object('absorbee', jsonb_build_object('nom', a.nom, 'siret', a.siret, 'commune', a.commune_nom)));
  exception when unique_violation then
    -- Une table qui n'admet qu'une fois chaque organisation (deux réponses à la même recherche de places…) :
    -- rien n'est fusionné (le bloc est annulé), et l'on dit pourquoi.
    raise exception 'FUSION_IMPOSSIBLE' using errcode = 'P0001',
      hint = 'Les deux fiches figurent dans un même élément qui n’admet chaque organisation qu’une fois (par exemple deux réponses à la même recherche de places) : retirez-en une, puis fusionnez.';
  end;
  return jsonb_build_object('id', p_garder, 'absorbee', a.nom);
end
$$;
revoke execute on function api.organisations_fusionner(uuid, uuid) from public;
grant execute on function api.organisations_fusionner(uuid, uuid) to authenticated;
comment on function api.organisations_fusionner(uuid, uuid) is '@retour ResultatFusion from src/schemas/carnet.ts';

-- ——— Recherche ———
-- Filtres : nom, secteur (préfixe NAF), département, commune, formation (lycées et registre), période (des
-- places offertes qui la recoupent), places libres (offres ouvertes non complètes). Rend le total, une page
-- de résultats et le compte par département (tous les filtres sauf département et commune : la carte).
create function api.carnet_rechercher(p_texte text default null, p_naf text default null, p_departement text default null,
  p_commune_insee text default null, p_formation text default null, p_debut date default null, p_fin date default null,
  p_places_libres boolean default false, p_limite int default 50, p_decalage int default 0) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  v_cle text := case when p_texte is null then null else prive.nom_normalise(p_texte) end;
  v_formation text := case when p_formation is null then null else '%' || lower(p_formation) || '%' end;
begin
  perform prive.exiger_membre();
  if p_limite not between 1 and 200 or p_decalage < 0 then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001';
  end if;
  return (
    with filtre as (
      select o.id, o.departement, o.commune_insee, o.nom
        from prive.organisations o
       where (v_cle is null or o.nom_cle like '%' || v_cle || '%')
         and (p_naf is null or o.code_naf like p_naf || '%')
         and (v_formation is null
              or exists (select 1 from prive.partenariats p where p.organisation_id = o.id and lower(p.formation) like v_formation)
              or exists (select 1 from prive.placements pl where pl.organisation_id = o.id and lower(pl.formation) like v_formation)
              or exists (select 1 from prive.offres_places f where f.organisation_id = o.id and lower(f.formation) like v_formation))
         and ((p_debut is null and p_fin is null and not p_places_libres)
              or exists (select 1 from prive.offres_places f
                          where f.organisation_id = o.id
                            and (p_fin is null or f.debut <= p_fin) and (p_debut is null or f.fin >= p_debut)
                            and (not p_places_libres or (f.places_reservees < f.places and f.debut > current_date))))),
    choisies as (
      select * from filtre
       where (p_departement is null or departement = p_departement) and (p_commune_insee is null or commune_insee = p_commune_insee)),
    page as (select id from choisies order by nom, id limit p_limite offset p_decalage)
    select jsonb_build_object(
      'total', (select count(*) from choisies),
      'par_departement', (select coalesce(jsonb_object_agg(departement, n), '{}') from (select departement, count(*) as n from filtre group by departement) d),
      'organisations', coalesce((
        select jsonb_agg(jsonb_build_object('id', o.id, 'nom', o.nom, 'siret', o.siret, 'code_naf', o.code_naf,
                 'commune', o.commune_nom, 'departement', o.departement, 'taille', o.taille, 'dernier_contact', o.dernier_contact,
                 'formations', (select coalesce(jsonb_agg(distinct p.formation), '[]'::jsonb) from prive.partenariats p where p.organisation_id = o.id),
                 'places_libres', (select coalesce(sum(f.places - f.places_reservees), 0) from prive.offres_places f
                                    where f.organisation_id = o.id and f.debut > current_date
                                      and (p_fin is null or f.debut <= p_fin) and (p_debut is null or f.fin >= p_debut)))
                 order by o.nom, o.id)
          from page join prive.organisations o on o.id = page.id), '[]'::jsonb)));
end
$$;
revoke execute on function api.carnet_rechercher(text, text, text, text, text, date, date, boolean, int, int) from public;
grant execute on function api.carnet_rechercher(text, text, text, text, text, date, date, boolean, int, int) to authenticated;
comment on function api.carnet_rechercher(text, text, text, text, text, date, date, boolean, int, int) is '@retour ResultatRecherche from src/schemas/carnet.ts';

-- L'historique d'une modification ne montre pas les colonnes calculées nom_cle et nom_trigrammes (même signature, droits inchangés).
create or replace function api.organisation_enregistrer(
  p_id uuid, p_siret text, p_nom text, p_code_naf text, p_commune_insee text, p_commune_nom text, p_departement text,
  p_adresse text, p_taille prive.taille_organisation, p_dernier_contact date, p_forcer boolean default false) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  doublons jsonb;
  avant jsonb;
  ident uuid;
begin
  if p_siret is not null and not prive.siret_valide(p_siret) then
    raise exception 'SIRET_INVALIDE' using errcode = 'P0001';
  end if;
  doublons := api.organisation_doublons(p_siret, p_nom, p_commune_insee, p_id);
  if jsonb_array_length(doublons) > 0 and (not p_forcer or exists (select 1 from prive.organisations o where o.siret = p_siret and o.id is distinct from p_id)) then
    return jsonb_build_object('statut', 'doublons', 'doublons', doublons);
  end if;
  if p_id is null then
    insert into prive.organisations (siret, nom, code_naf, commune_insee, commune_nom, departement, adresse, taille, dernier_contact, cree_par)
    values (p_siret, btrim(p_nom), p_code_naf, p_commune_insee, p_commune_nom, p_departement, p_adresse, p_taille, p_dernier_contact, moi)
    returning id into ident;
    perform prive.journaliser(ident, 'organisation ajoutée', jsonb_build_object('nom', btrim(p_nom), 'siret', p_siret));
  else
    select to_jsonb(o) - 'cree_le' - 'modifie_le' - 'cree_par' - 'id' - 'nom_cle' - 'nom_trigrammes' into avant from prive.organisations o where o.id = p_id for update;
    if avant is null then
      raise exception 'ORGANISATION_INCONNUE' using errcode = 'P0001';
    end if;
    update prive.organisations set siret = p_siret, nom = btrim(p_nom), code_naf = p_code_naf, commune_insee = p_commune_insee,
           commune_nom = p_commune_nom, departement = p_departement, adresse = p_adresse, taille = p_taille,
           dernier_contact = p_dernier_contact, modifie_le = now()
     where id = p_id returning id into ident;
    perform prive.journaliser(ident, 'organisation modifiée',
      (select coalesce(jsonb_object_agg(a.key, jsonb_build_object('avant', a.value, 'apres', n.value)), '{}'::jsonb)
         from jsonb_each(avant) a
         join jsonb_each((select to_jsonb(o) from prive.organisations o where o.id = ident)) n on n.key = a.key
        where a.value is distinct from n.value));
  end if;
  return jsonb_build_object('statut', 'enregistree', 'id', ident);
end
$$;

-- La fiche dit quels liens lycée–formation sont ceux du lycée de l'appelant (« mien ») : lui seul peut les retirer ;
-- et elle montre les fiches semblables (doublons probables), qu'un membre concerné peut fusionner.
create or replace function api.organisation_lire(p_id uuid) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  fiche jsonb;
begin
  perform prive.exiger_membre();
  select jsonb_build_object('id', o.id, 'nom', o.nom, 'siret', o.siret, 'code_naf', o.code_naf, 'commune_insee', o.commune_insee,
           'commune', o.commune_nom, 'departement', o.departement, 'adresse', o.adresse, 'taille', o.taille,
           'dernier_contact', o.dernier_contact,
           'contacts', (select coalesce(jsonb_agg(jsonb_build_object('id', c.id, 'nom', c.nom, 'fonction', c.fonction,
                          'telephone', c.telephone, 'email', c.email) order by c.nom), '[]') from prive.contacts c where c.organisation_id = o.id),
           'partenariats', (select coalesce(jsonb_agg(jsonb_build_object('uai', p.uai, 'lycee', e.nom, 'formation', p.formation, 'mien', p.uai is not distinct from prive.uai_courant())
                          order by e.nom, p.formation), '[]') from prive.partenariats p join prive.etablissements e on e.uai = p.uai where p.organisation_id = o.id),
           'retours', (select coalesce(jsonb_agg(jsonb_build_object('formation', r.formation, 'accueil', r.accueil, 'encadrement', r.encadrement,
                          'activites', r.activites, 'securite', r.securite, 'reprendrait', r.reprendrait, 'date', r.cree_le::date)
                          order by r.cree_le desc), '[]') from prive.retours r where r.organisation_id = o.id),
           'placements', (select coalesce(jsonb_agg(jsonb_build_object('lycee', e.nom, 'formation', pl.formation, 'niveau', pl.niveau,
                          'debut', pl.debut, 'fin', pl.fin) order by pl.debut desc), '[]')
                          from prive.placements pl left join prive.etablissements e on e.uai = pl.uai where pl.organisation_id = o.id),
           'note', (select n.texte from prive.notes_lycee n where n.organisation_id = o.id and n.uai = (select prive.uai_courant())),
           'doublons', api.organisation_doublons(o.siret, o.nom, o.commune_insee, o.id),
           'historique', (select coalesce(jsonb_agg(jsonb_build_object('quand', h.quand, 'action', h.action,
                          'qui', coalesce(m.prenom || ' ' || m.nom, 'Tâche automatique'), 'details', h.details) order by h.quand desc, h.id desc), '[]')
                          from prive.historique_carnet h left join prive.membres m on m.id = h.membre_id where h.organisation_id = o.id))
    into fiche
    from prive.organisations o where o.id = p_id;
  if fiche is null then
    raise exception 'ORGANISATION_INCONNUE' using errcode = 'P0001';
  end if;
  return fiche;
end
$$;
