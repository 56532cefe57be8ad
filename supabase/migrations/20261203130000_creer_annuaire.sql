-- Annuaire des membres (issue 8) : une fiche que le membre contrôle, une visibilité par champ que
-- la BASE applique (fonctions security definer qui masquent selon le rôle de l'appelant), la
-- recherche, « qui contacter », l'administration et son journal.
--
-- Visibilité d'un champ : 'reseau' (tout membre actif), 'organisateurs' (organisateurs et
-- administrateurs), 'moi' (le membre seul). Toujours visibles du réseau : prénom, nom, fonction,
-- date d'arrivée et de dernière mise à jour. Un champ absent de « visibilites » vaut 'reseau'.
-- Les filtres de recherche ne portent que sur ce que l'appelant voit : filtrer par un champ masqué
-- ne révèle rien.

-- ——— Établissements : bassin, commune, type (import de l'annuaire de l'éducation) ———

alter table prive.etablissements
  add column code_commune text check (code_commune ~ '^[0-9][0-9AB][0-9]{3}$'),
  add column bassin text check (length(bassin) between 1 and 100),
  add column type text check (length(type) between 1 and 80);
create index etablissements_departement_idx on prive.etablissements (departement);

-- ——— Fiche de l'annuaire ———

-- Les thèmes des guides (src/schemas/guide.ts, THEMES) ; un test vérifie que les deux listes sont égales.
create function prive.themes_expertise() returns text[]
language sql immutable set search_path = ''
as $$
  select array['role-rbde', 'pfmp', 'convention', 'allocation', 'mineurs', 'apprentissage', 'orientation',
               'international', 'partenariats', 'insertion', 'outils', 'donnees', 'pilotage']
$$;

-- Les champs dont le membre choisit la visibilité.
create function prive.champs_masquables() returns text[]
language sql immutable set search_path = ''
as $$
  select array['email', 'telephone', 'etablissement', 'secteurs', 'expertises', 'presentation', 'langues', 'accompagne']
$$;

-- Un objet { champ: 'reseau' | 'organisateurs' | 'moi' } dont les clés sont des champs masquables.
create function prive.visibilites_valides(v jsonb) returns boolean
language sql immutable set search_path = ''
as $$
  select jsonb_typeof(v) = 'object'
     and not exists (
       select 1 from jsonb_each(v) e
        where not (e.key = any (prive.champs_masquables()))
           or jsonb_typeof(e.value) <> 'string'
           or e.value #>> '{}' not in ('reseau', 'organisateurs', 'moi'))
$$;

-- Chaque élément d'un tableau de textes : non vide, borné.
create function prive.textes_valides(t text[], p_max int) returns boolean
language sql immutable set search_path = ''
as $$
  select not exists (select 1 from unnest(t) x where x is null or length(trim(x)) = 0 or length(x) > p_max)
$$;

alter table prive.membres
  add column secteurs text[] not null default '{}'
    check (cardinality(secteurs) <= 15 and prive.textes_valides(secteurs, 80)),
  add column expertises text[] not null default '{}'
    check (expertises <@ prive.themes_expertise()),
  add column presentation text check (length(presentation) <= 600),
  add column langues text[] not null default '{}'
    check (cardinality(langues) <= 10 and prive.textes_valides(langues, 40)),
  add column accompagne boolean not null default false,
  add column visibilites jsonb not null default '{}' check (prive.visibilites_valides(visibilites)),
  add column fiche_modifiee_le timestamptz,
  add column desactive_le timestamptz,
  add column rappel_le timestamptz;

-- La date de désactivation suit l'état actif (elle fait courir le délai de purge).
create function prive.dater_desactivation() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if new.actif and new.desactive_le is not null then
    new.desactive_le := null;
  elsif not new.actif and (tg_op = 'INSERT' or old.actif) then
    new.desactive_le := now();
  end if;
  return new;
end
$$;
revoke execute on function prive.dater_desactivation() from public;
create trigger membres_dater_desactivation before insert or update of actif on prive.membres
  for each row execute function prive.dater_desactivation();

-- Les colonnes masquables ne se lisent plus directement : seulement par les fonctions de l'annuaire,
-- qui appliquent la visibilité. (Le schéma prive n'est pas exposé par l'API ; c'est une seconde ligne.)
revoke select on prive.membres from authenticated;
grant select (id, user_id, role, prenom, nom, fonction, actif, cree_le, modifie_le) on prive.membres to authenticated;

-- api.moi lisait l'adresse et le téléphone en tant qu'appelant : elle lit désormais en propriétaire,
-- pour la seule fiche de l'appelant.
create or replace function api.moi() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  fiche jsonb;
  moi uuid := prive.exiger_membre();
begin
  select jsonb_build_object(
           'id', m.id, 'email', m.email, 'role', m.role, 'prenom', m.prenom, 'nom', m.nom,
           'fonction', m.fonction, 'telephone', m.telephone,
           'etablissement', case when e.uai is null then null else
             jsonb_build_object('uai', e.uai, 'nom', e.nom, 'commune', e.commune, 'departement', e.departement) end)
    into fiche
    from prive.membres m
    left join prive.etablissements e on e.uai = m.uai
   where m.id = moi;
  return fiche;
end
$$;

-- PostgreSQL accorde EXECUTE à PUBLIC à la création, et un « alter default privileges » par schéma
-- ne l'enlève pas : api.moi était exécutable par anon (elle échouait plus loin, faute de droits sur prive).
revoke execute on function api.moi() from public;
grant execute on function api.moi() to authenticated;

-- Vrai si l'appelant voit un champ de cette visibilité.
-- Sans « set search_path » (le corps ne nomme aucun objet) : une fonction SQL qui porte une clause SET
-- n'est jamais développée en ligne, et l'appel coûtait alors 9 appels complets par fiche (×2 000).
create function prive.voit(p_visibilite text, p_soi boolean, p_role prive.role_membre) returns boolean
language sql immutable
as $$
  select p_soi
      or coalesce(p_visibilite, 'reseau') = 'reseau'
      or (p_visibilite = 'organisateurs' and p_role in ('organisateur', 'admin'))
$$;

-- Sans accents ni majuscules, pour chercher « chloe » et trouver « Chloé ».
create function prive.replier(t text) returns text
language sql immutable
as $$
  select translate(lower(t), 'àáâäãåçéèêëíìîïñóòôöõúùûüýÿœæ', 'aaaaaaceeeeiiiinooooouuuuyyoa')
$$;

-- Les fiches actives telles que l'appelant a le droit de les voir : chaque champ masqué vaut null.
-- Lève SESSION_EXPIREE / NON_MEMBRE pour un appelant qui n'est pas membre actif.
create type prive.fiche_visible as (
  id uuid, soi boolean, prenom text, nom text, fonction text, cree_le timestamptz, fiche_modifiee_le timestamptz,
  email text, telephone text, uai text, etablissement text, commune text, departement text, bassin text,
  secteurs text[], expertises text[], presentation text, langues text[], accompagne boolean);

create function prive.fiches_visibles() returns setof prive.fiche_visible
language plpgsql stable security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  r prive.role_membre := prive.role_courant();
begin
  return query
  select m.id, m.id = moi, m.prenom, m.nom, m.fonction, m.cree_le, m.fiche_modifiee_le,
         case when prive.voit(m.visibilites ->> 'email', m.id = moi, r) then m.email end,
         case when prive.voit(m.visibilites ->> 'telephone', m.id = moi, r) then m.telephone end,
         case when v.etab then e.uai end,
         case when v.etab then e.nom end,
         case when v.etab then e.commune end,
         case when v.etab then e.departement end,
         case when v.etab then e.bassin end,
         case when prive.voit(m.visibilites ->> 'secteurs', m.id = moi, r) then m.secteurs else '{}'::text[] end,
         case when prive.voit(m.visibilites ->> 'expertises', m.id = moi, r) then m.expertises else '{}'::text[] end,
         case when prive.voit(m.visibilites ->> 'presentation', m.id = moi, r) then m.presentation end,
         case when prive.voit(m.visibilites ->> 'langues', m.id = moi, r) then m.langues else '{}'::text[] end,
         case when prive.voit(m.visibilites ->> 'accompagne', m.id = moi, r) then m.accompagne end
    from prive.membres m
    cross join lateral (select prive.voit(m.visibilites ->> 'etablissement', m.id = moi, r) as etab) v
    left join prive.etablissements e on e.uai = m.uai
   where m.actif;
end
$$;
revoke execute on function prive.fiches_visibles() from public;

-- Une fiche visible en JSON (la forme de l'API).
create function prive.fiche_json(f prive.fiche_visible) returns jsonb
language sql stable set search_path = ''
as $$
  select jsonb_build_object(
    'id', f.id, 'prenom', f.prenom, 'nom', f.nom, 'fonction', f.fonction,
    'email', f.email, 'telephone', f.telephone,
    'etablissement', case when f.uai is null then null else jsonb_build_object(
      'uai', f.uai, 'nom', f.etablissement, 'commune', f.commune, 'departement', f.departement, 'bassin', f.bassin) end,
    'secteurs', to_jsonb(f.secteurs), 'expertises', to_jsonb(f.expertises),
    'presentation', f.presentation, 'langues', to_jsonb(f.langues), 'accompagne', f.accompagne,
    'arrive_le', f.cree_le, 'nouveau', f.cree_le > now() - interval '60 days',
    'mis_a_jour_le', f.fiche_modifiee_le)
$$;
revoke execute on function prive.fiche_json(prive.fiche_visible) from public;

-- Recherche dans l'annuaire. Tous les filtres sont facultatifs et se cumulent ; ils ne portent que
-- sur les champs que l'appelant voit. Renvoie une page de fiches, le total, et le nombre de fiches
-- par département pour tous les autres filtres (la carte).
create function api.annuaire_rechercher(
  p_q text default null, p_departement text default null, p_bassin text default null, p_uai text default null,
  p_secteur text default null, p_expertise text default null, p_nouveaux boolean default false,
  p_accompagne boolean default false, p_limite int default 60, p_decalage int default 0) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  resultat jsonb;
begin
  if p_limite is null or p_limite not between 1 and 2000 or p_decalage is null or p_decalage < 0 then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', detail = 'limite (1 à 2000) ou décalage invalide.';
  end if;
  if p_expertise is not null and not (p_expertise = any (prive.themes_expertise())) then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', detail = 'Expertise inconnue.';
  end if;
  with f as (select * from prive.fiches_visibles()),
  hors_dep as (
    select * from f
     where (p_q is null or prive.replier(f.prenom || ' ' || f.nom || ' ' || f.prenom || ' ' || coalesce(f.etablissement, ''))
                           like '%' || prive.replier(trim(p_q)) || '%')
       and (p_bassin is null or f.bassin = p_bassin)
       and (p_uai is null or f.uai = p_uai)
       and (p_secteur is null or exists (select 1 from unnest(f.secteurs) s where prive.replier(s) like '%' || prive.replier(trim(p_secteur)) || '%'))
       and (p_expertise is null or p_expertise = any (f.expertises))
       and (not coalesce(p_nouveaux, false) or f.cree_le > now() - interval '60 days')
       and (not coalesce(p_accompagne, false) or f.accompagne)),
  retenues as (select * from hors_dep where p_departement is null or hors_dep.departement = p_departement)
  select jsonb_build_object(
    'total', (select count(*) from retenues),
    'fiches', coalesce((select jsonb_agg(prive.fiche_json(row(p.*)::prive.fiche_visible) order by p.nom, p.prenom, p.id) from (
        select * from retenues order by retenues.nom, retenues.prenom, retenues.id limit p_limite offset p_decalage) p), '[]'::jsonb),
    'departements', coalesce((select jsonb_object_agg(d.departement, d.n) from (
        select hors_dep.departement, count(*) as n from hors_dep where hors_dep.departement is not null group by hors_dep.departement) d), '{}'::jsonb))
    into resultat;
  return resultat;
end
$$;

-- Ce qu'il faut pour proposer les filtres : établissements, bassins, secteurs visibles.
create function api.annuaire_filtres() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform prive.exiger_membre();
  return jsonb_build_object(
    'etablissements', coalesce((select jsonb_agg(jsonb_build_object('uai', e.uai, 'nom', e.nom, 'commune', e.commune,
        'departement', e.departement, 'bassin', e.bassin) order by e.departement, e.commune, e.nom) from prive.etablissements e), '[]'::jsonb),
    'bassins', coalesce((select jsonb_agg(distinct jsonb_build_object('nom', e.bassin, 'departement', e.departement))
        from prive.etablissements e where e.bassin is not null), '[]'::jsonb),
    'secteurs', coalesce((select jsonb_agg(distinct s order by s) from prive.fiches_visibles() f, unnest(f.secteurs) s), '[]'::jsonb));
end
$$;

-- Une fiche. p_champs : les champs que l'appelant demande explicitement ; si l'un lui est masqué,
-- CHAMP_MASQUE (sans rien dire de sa valeur). Membre inconnu ou désactivé : MEMBRE_INCONNU.
create function api.annuaire_fiche(p_id uuid, p_champs text[] default null) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  r prive.role_membre := prive.role_courant();
  cible prive.membres;
  masques text[];
  fiche jsonb;
begin
  select * into cible from prive.membres m where m.id = p_id and m.actif;
  if cible.id is null then
    raise exception 'MEMBRE_INCONNU' using errcode = 'P0001';
  end if;
  if p_champs is not null then
    if not (p_champs <@ prive.champs_masquables()) then
      raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', detail = 'Champ inconnu.';
    end if;
    select array_agg(c) into masques from unnest(p_champs) c
     where not prive.voit(cible.visibilites ->> c, cible.id = moi, r);
    if masques is not null then
      raise exception 'CHAMP_MASQUE' using errcode = 'P0001', detail = array_to_string(masques, ',');
    end if;
  end if;
  select prive.fiche_json(f) into fiche from prive.fiches_visibles() f where f.id = p_id;
  return fiche;
end
$$;

-- « Qui contacter » : les membres dont l'expertise (visible) recoupe les thèmes donnés.
create function api.annuaire_qui_contacter(p_themes text[], p_limite int default 6) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
begin
  if p_themes is null or cardinality(p_themes) = 0 or not (p_themes <@ prive.themes_expertise()) or p_limite not between 1 and 50 then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', detail = 'Thèmes inconnus ou limite invalide.';
  end if;
  return coalesce((select jsonb_agg(prive.fiche_json(x.f) order by x.rang) from (
    select f, row_number() over (order by (select count(*) from unnest(f.expertises) t where t = any (p_themes)) desc,
                                          f.accompagne desc nulls last, f.nom, f.prenom) as rang
      from prive.fiches_visibles() f
     where f.expertises && p_themes and not f.soi
     order by rang
     limit p_limite) x), '[]'::jsonb);
end
$$;

-- Ma fiche complète, avec les visibilités choisies.
create function prive.ma_fiche(p_moi uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'id', m.id, 'prenom', m.prenom, 'nom', m.nom, 'fonction', m.fonction, 'email', m.email, 'role', m.role,
    'telephone', m.telephone, 'uai', m.uai,
    'etablissement', case when e.uai is null then null else jsonb_build_object(
      'uai', e.uai, 'nom', e.nom, 'commune', e.commune, 'departement', e.departement, 'bassin', e.bassin) end,
    'secteurs', to_jsonb(m.secteurs), 'expertises', to_jsonb(m.expertises), 'presentation', m.presentation,
    'langues', to_jsonb(m.langues), 'accompagne', m.accompagne,
    'visibilites', (select jsonb_object_agg(c, coalesce(m.visibilites ->> c, 'reseau')) from unnest(prive.champs_masquables()) c),
    'arrive_le', m.cree_le, 'mis_a_jour_le', m.fiche_modifiee_le)
  from prive.membres m left join prive.etablissements e on e.uai = m.uai
  where m.id = p_moi
$$;
revoke execute on function prive.ma_fiche(uuid) from public;

create function api.annuaire_moi() returns jsonb
language sql stable security definer set search_path = ''
as $$
  select prive.ma_fiche(prive.exiger_membre())
$$;

-- Le membre modifie sa fiche (tous les champs à la fois : c'est un PUT).
create function api.annuaire_modifier(
  p_prenom text, p_nom text, p_fonction text, p_uai text, p_telephone text,
  p_secteurs text[], p_expertises text[], p_presentation text, p_langues text[],
  p_accompagne boolean, p_visibilites jsonb) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
begin
  p_uai := nullif(trim(p_uai), '');
  if p_uai is not null and not exists (select 1 from prive.etablissements e where e.uai = p_uai) then
    raise exception 'ETABLISSEMENT_INCONNU' using errcode = 'P0001', detail = p_uai;
  end if;
  if p_expertises is not null and not (p_expertises <@ prive.themes_expertise()) then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', detail = 'Expertise inconnue.';
  end if;
  if p_visibilites is null or not prive.visibilites_valides(p_visibilites) then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', detail = 'Visibilités invalides.';
  end if;
  update prive.membres m
     set prenom = p_prenom, nom = p_nom, fonction = p_fonction, uai = p_uai, telephone = nullif(trim(p_telephone), ''),
         secteurs = coalesce(p_secteurs, '{}'), expertises = coalesce(p_expertises, '{}'),
         presentation = nullif(trim(p_presentation), ''), langues = coalesce(p_langues, '{}'),
         accompagne = coalesce(p_accompagne, false), visibilites = p_visibilites, fiche_modifiee_le = now()
   where m.id = moi;
  return prive.ma_fiche(moi);
exception
  when check_violation or not_null_violation then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', detail = 'Un champ de la fiche est invalide.';
end
$$;

-- Le membre efface ses données facultatives (téléphone, secteurs, expertises, présentation, langues,
-- accompagnement, visibilités). Restent : nom, prénom, adresse, fonction, lycée (l'appartenance au réseau).
create function api.annuaire_effacer() returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
begin
  update prive.membres m
     set telephone = null, secteurs = '{}', expertises = '{}', presentation = null, langues = '{}',
         accompagne = false, visibilites = '{}', fiche_modifiee_le = now()
   where m.id = moi;
  return prive.ma_fiche(moi);
end
$$;

-- Toutes mes données (droit d'accès et portabilité) : fiche, visibilités, actions d'administration me concernant.
create function api.annuaire_exporter() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
begin
  return jsonb_build_object(
    'exporte_le', now(),
    'fiche', prive.ma_fiche(moi),
    'journal_administration', coalesce((select jsonb_agg(jsonb_build_object('le', j.le, 'action', j.action, 'details', j.details) order by j.le)
       from prive.journal_admin j where j.cible = moi), '[]'::jsonb));
end
$$;

-- La liste filtrée complète, pour l'export CSV des organisateurs (et administrateurs) ; les champs
-- restent masqués selon leur rôle (un champ « moi » n'en sort jamais).
create function api.annuaire_liste_organisateurs(
  p_q text default null, p_departement text default null, p_bassin text default null, p_uai text default null,
  p_secteur text default null, p_expertise text default null, p_nouveaux boolean default false,
  p_accompagne boolean default false) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform prive.exiger_membre();
  if prive.role_courant() not in ('organisateur', 'admin') then
    raise exception 'INTERDIT' using errcode = 'P0001', detail = 'Réservé aux organisateurs.';
  end if;
  return api.annuaire_rechercher(p_q, p_departement, p_bassin, p_uai, p_secteur, p_expertise, p_nouveaux, p_accompagne, 2000, 0) -> 'fiches';
end
$$;

-- ——— Administration et journal ———

create table prive.journal_admin (
  id bigint generated always as identity primary key,
  le timestamptz not null default now(),
  auteur uuid references prive.membres (id) on delete set null,
  action text not null check (action in ('invitation', 'desactivation', 'reactivation', 'changement_role')),
  cible uuid references prive.membres (id) on delete set null,
  details jsonb not null default '{}'
);
create index journal_admin_le_idx on prive.journal_admin (le desc);
create index journal_admin_cible_idx on prive.journal_admin (cible);
alter table prive.journal_admin enable row level security;
grant select on prive.journal_admin to authenticated;
grant all on prive.journal_admin to service_role;
create policy "Un administrateur lit le journal d’administration"
  on prive.journal_admin for select to authenticated
  using ((select prive.role_courant()) = 'admin');
-- Aucune écriture directe : seules les fonctions api.admin_* écrivent, en propriétaire.

-- Lève INTERDIT si l'appelant n'est pas administrateur actif ; renvoie sa fiche.
create function prive.exiger_admin() returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
begin
  if prive.role_courant() is distinct from 'admin' then
    raise exception 'INTERDIT' using errcode = 'P0001', detail = 'Réservé aux administrateurs.';
  end if;
  return moi;
end
$$;
revoke execute on function prive.exiger_admin() from public;

create function api.admin_exiger() returns void
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform prive.exiger_admin();
end
$$;

-- Tous les membres, actifs ou non (gestion de la liste).
create function api.admin_membres() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform prive.exiger_admin();
  return coalesce((select jsonb_agg(jsonb_build_object('id', m.id, 'prenom', m.prenom, 'nom', m.nom, 'email', m.email,
      'role', m.role, 'actif', m.actif, 'desactive_le', m.desactive_le, 'arrive_le', m.cree_le,
      'etablissement', e.nom, 'departement', e.departement) order by m.actif desc, m.nom, m.prenom)
    from prive.membres m left join prive.etablissements e on e.uai = m.uai), '[]'::jsonb);
end
$$;

-- Une fiche cible pour une action d'administration, verrouillée.
create function prive.cible_admin(p_id uuid) returns prive.membres
language plpgsql volatile security definer set search_path = ''
as $$
declare
  cible prive.membres;
begin
  select * into cible from prive.membres m where m.id = p_id for update;
  if cible.id is null then
    raise exception 'MEMBRE_INCONNU' using errcode = 'P0001';
  end if;
  return cible;
end
$$;
revoke execute on function prive.cible_admin(uuid) from public;

-- Refuse de laisser le réseau sans administrateur actif (les administrateurs sont verrouillés d'abord :
-- deux retraits simultanés ne passent pas tous les deux).
create function prive.garder_un_admin(p_sauf uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
begin
  perform 1 from prive.membres m where m.role = 'admin' and m.actif order by m.id for update;
  if not exists (select 1 from prive.membres m where m.role = 'admin' and m.actif and m.id <> p_sauf) then
    raise exception 'DERNIER_ADMIN' using errcode = 'P0001';
  end if;
end
$$;
revoke execute on function prive.garder_un_admin(uuid) from public;

create function api.admin_desactiver(p_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_admin();
  cible prive.membres := prive.cible_admin(p_id);
begin
  if cible.id = moi then
    raise exception 'INTERDIT' using errcode = 'P0001', detail = 'Un administrateur ne se désactive pas lui-même.';
  end if;
  if not cible.actif then
    raise exception 'DEJA_FAIT' using errcode = 'P0001';
  end if;
  if cible.role = 'admin' then perform prive.garder_un_admin(cible.id); end if;
  update prive.membres set actif = false where id = cible.id;
  insert into prive.journal_admin (auteur, action, cible) values (moi, 'desactivation', cible.id);
  return jsonb_build_object('id', cible.id, 'actif', false);
end
$$;

create function api.admin_reactiver(p_id uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_admin();
  cible prive.membres := prive.cible_admin(p_id);
begin
  if cible.actif then
    raise exception 'DEJA_FAIT' using errcode = 'P0001';
  end if;
  update prive.membres set actif = true where id = cible.id;
  insert into prive.journal_admin (auteur, action, cible) values (moi, 'reactivation', cible.id);
  return jsonb_build_object('id', cible.id, 'actif', true);
end
$$;

create function api.admin_changer_role(p_id uuid, p_role prive.role_membre) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_admin();
  cible prive.membres := prive.cible_admin(p_id);
begin
  if p_role is null then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', detail = 'Rôle manquant.';
  end if;
  if cible.role = p_role then
    raise exception 'DEJA_FAIT' using errcode = 'P0001';
  end if;
  if cible.role = 'admin' and cible.actif then perform prive.garder_un_admin(cible.id); end if;
  update prive.membres set role = p_role where id = cible.id;
  insert into prive.journal_admin (auteur, action, cible, details)
  values (moi, 'changement_role', cible.id, jsonb_build_object('avant', cible.role, 'apres', p_role));
  return jsonb_build_object('id', cible.id, 'role', p_role);
end
$$;

-- Note l'invitation d'un membre que le cas d'usage vient de provisionner (compte + fiche).
create function api.admin_journaliser_invitation(p_id uuid) returns void
language plpgsql volatile security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_admin();
  cible prive.membres := prive.cible_admin(p_id);
begin
  insert into prive.journal_admin (auteur, action, cible, details) values (moi, 'invitation', cible.id, jsonb_build_object('role', cible.role));
end
$$;

create function api.admin_journal(p_limite int default 200) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
begin
  perform prive.exiger_admin();
  if p_limite is null or p_limite not between 1 and 1000 then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', detail = 'Limite de 1 à 1000.';
  end if;
  return coalesce((select jsonb_agg(x.j order by x.le desc, x.id desc) from (
    select j.le, j.id, jsonb_build_object('id', j.id, 'le', j.le, 'action', j.action, 'details', j.details,
        'auteur', case when a.id is null then null else jsonb_build_object('id', a.id, 'prenom', a.prenom, 'nom', a.nom) end,
        'cible', case when c.id is null then null else jsonb_build_object('id', c.id, 'prenom', c.prenom, 'nom', c.nom) end) as j
      from prive.journal_admin j
      left join prive.membres a on a.id = j.auteur
      left join prive.membres c on c.id = j.cible
     order by j.le desc, j.id desc limit p_limite) x), '[]'::jsonb);
end
$$;

-- ——— Tâches planifiées (rôle de service) ———

-- Purge des membres désactivés depuis plus de 3 mois (page « Données personnelles »). Renvoie les
-- comptes Auth à supprimer ensuite par le cas d'usage.
create function api.membres_purger() returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  comptes jsonb;
begin
  with purges as (
    delete from prive.membres m where not m.actif and m.desactive_le < now() - interval '3 months'
    returning m.user_id)
  select coalesce(jsonb_agg(p.user_id) filter (where p.user_id is not null), '[]'::jsonb) into comptes from purges p;
  return jsonb_build_object('comptes', comptes, 'nombre', jsonb_array_length(comptes));
end
$$;

-- Rappel annuel « Votre fiche est-elle toujours à jour ? » : les membres actifs dont la fiche (ou
-- l'arrivée, ou le dernier rappel) date de plus d'un an. Marqués dans la même instruction : une tâche
-- relancée le même jour ne renvoie rien (idempotente), et deux tâches simultanées ne se partagent pas
-- un même membre (verrou de ligne de l'update).
create function api.fiches_a_rappeler(p_limite int default 200) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  resultat jsonb;
begin
  with choisis as (
    select m.id from prive.membres m
     where m.actif and m.user_id is not null
       and greatest(m.cree_le, coalesce(m.fiche_modifiee_le, '-infinity'), coalesce(m.rappel_le, '-infinity')) < now() - interval '1 year'
     order by m.id limit p_limite
     for update skip locked),
  marques as (
    update prive.membres m set rappel_le = now() from choisis c where m.id = c.id
    returning m.email, m.prenom)
  select coalesce(jsonb_agg(jsonb_build_object('email', marques.email, 'prenom', marques.prenom)), '[]'::jsonb) into resultat from marques;
  return resultat;
end
$$;

-- ——— Droits : chaque fonction explicitement ———

revoke execute on function
  prive.themes_expertise(), prive.champs_masquables(), prive.visibilites_valides(jsonb), prive.textes_valides(text[], int),
  prive.voit(text, boolean, prive.role_membre), prive.replier(text),
  api.annuaire_rechercher(text, text, text, text, text, text, boolean, boolean, int, int), api.annuaire_filtres(),
  api.annuaire_fiche(uuid, text[]), api.annuaire_qui_contacter(text[], int), api.annuaire_moi(),
  api.annuaire_modifier(text, text, text, text, text, text[], text[], text, text[], boolean, jsonb),
  api.annuaire_effacer(), api.annuaire_exporter(),
  api.annuaire_liste_organisateurs(text, text, text, text, text, text, boolean, boolean),
  api.admin_exiger(), api.admin_membres(), api.admin_desactiver(uuid), api.admin_reactiver(uuid),
  api.admin_changer_role(uuid, prive.role_membre), api.admin_journaliser_invitation(uuid), api.admin_journal(int),
  api.membres_purger(), api.fiches_a_rappeler(int)
  from public;

-- Les fonctions immuables des contraintes servent à toute écriture (y compris du rôle de service).
grant execute on function prive.themes_expertise(), prive.champs_masquables(), prive.visibilites_valides(jsonb),
  prive.textes_valides(text[], int) to authenticated, service_role;
grant execute on function
  api.annuaire_rechercher(text, text, text, text, text, text, boolean, boolean, int, int), api.annuaire_filtres(),
  api.annuaire_fiche(uuid, text[]), api.annuaire_qui_contacter(text[], int), api.annuaire_moi(),
  api.annuaire_modifier(text, text, text, text, text, text[], text[], text, text[], boolean, jsonb),
  api.annuaire_effacer(), api.annuaire_exporter(),
  api.annuaire_liste_organisateurs(text, text, text, text, text, text, boolean, boolean),
  api.admin_exiger(), api.admin_membres(), api.admin_desactiver(uuid), api.admin_reactiver(uuid),
  api.admin_changer_role(uuid, prive.role_membre), api.admin_journaliser_invitation(uuid), api.admin_journal(int)
  to authenticated;
grant execute on function api.membres_purger(), api.fiches_a_rappeler(int) to service_role;

-- Types des résultats JSON (npm run generer-api écrit functions/_lib/supabase/api.gen.ts).
comment on function api.moi() is '@retour Profil from src/schemas/membre.ts';
comment on function api.annuaire_rechercher(text, text, text, text, text, text, boolean, boolean, int, int) is '@retour RechercheBrute from src/schemas/annuaire.ts';
comment on function api.annuaire_filtres() is '@retour FiltresAnnuaire from src/schemas/annuaire.ts';
comment on function api.annuaire_fiche(uuid, text[]) is '@retour FicheAnnuaire from src/schemas/annuaire.ts';
comment on function api.annuaire_qui_contacter(text[], int) is '@retour ListeFiches from src/schemas/annuaire.ts';
comment on function api.annuaire_liste_organisateurs(text, text, text, text, text, text, boolean, boolean) is '@retour ListeFiches from src/schemas/annuaire.ts';
comment on function api.annuaire_moi() is '@retour MaFiche from src/schemas/annuaire.ts';
comment on function api.annuaire_modifier(text, text, text, text, text, text[], text[], text, text[], boolean, jsonb) is '@retour MaFiche from src/schemas/annuaire.ts';
comment on function api.annuaire_effacer() is '@retour MaFiche from src/schemas/annuaire.ts';
comment on function api.annuaire_exporter() is '@retour ExportDonnees from src/schemas/annuaire.ts';
comment on function api.admin_membres() is '@retour ListeMembresAdmin from src/schemas/annuaire.ts';
comment on function api.admin_desactiver(uuid) is '@retour EtatMembre from src/schemas/annuaire.ts';
comment on function api.admin_reactiver(uuid) is '@retour EtatMembre from src/schemas/annuaire.ts';
comment on function api.admin_changer_role(uuid, prive.role_membre) is '@retour RoleChange from src/schemas/annuaire.ts';
comment on function api.admin_journal(int) is '@retour JournalAdmin from src/schemas/annuaire.ts';
comment on function api.membres_purger() is '@retour PurgeMembres from src/schemas/annuaire.ts';
comment on function api.fiches_a_rappeler(int) is '@retour RappelsFiches from src/schemas/annuaire.ts';
