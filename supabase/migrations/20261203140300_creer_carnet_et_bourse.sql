-- Carnet des entreprises d'accueil et bourse aux places (issue 9).
-- Tables dans prive (RLS partout), surface dans api (security invoker : la RLS s'applique à l'appelant).

create type prive.taille_organisation as enum ('0-9', '10-49', '50-249', '250+');

-- Clé de Luhn du SIRET (14 chiffres). Exception connue : La Poste (SIREN 356000000), somme multiple de 5.
create function prive.siret_valide(p text) returns boolean
language sql immutable strict set search_path = ''
as $$
  select p ~ '^[0-9]{14}$' and (
    (select sum(case when (14 - i) % 2 = 1 then (d * 2) / 10 + (d * 2) % 10 else d end)
       from (select i, substr(p, i, 1)::int as d from generate_series(1, 14) i) c) % 10 = 0
    or (left(p, 9) = '356000000' and (select sum(substr(p, i, 1)::int) from generate_series(1, 14) i) % 5 = 0))
$$;
grant execute on function prive.siret_valide(text) to authenticated, service_role;

-- Nom comparable : minuscules, sans accents ni ponctuation ni formes juridiques courantes.
create function prive.nom_normalise(p text) returns text
language sql immutable strict set search_path = ''
as $$
  select array_to_string(array(
    select w
      from regexp_split_to_table(
             regexp_replace(translate(lower(p), 'àâäáãåçéèêëíìîïñóòôöõúùûüýÿœæ', 'aaaaaaceeeeiiiinooooouuuuyyoe'), '[^a-z0-9]+', ' ', 'g'),
             ' ') with ordinality as t(w, i)
     where w <> '' and w not in ('sa', 'sas', 'sasu', 'sarl', 'eurl', 'sci', 'scop', 'ets', 'etablissements', 'societe', 'ste',
                                 'la', 'le', 'les', 'l', 'de', 'des', 'du', 'd', 'et')
     order by i), ' ')
$$;
grant execute on function prive.nom_normalise(text) to authenticated, service_role;

create table prive.organisations (
  id uuid primary key default gen_random_uuid(),
  siret text unique check (prive.siret_valide(siret)),
  nom text not null check (length(btrim(nom)) between 2 and 200),
  code_naf text not null check (code_naf ~ '^[0-9]{2}\.[0-9]{2}[A-Z]$'),
  commune_insee text not null check (commune_insee ~ '^[0-9][0-9AB][0-9]{3}$'),
  commune_nom text not null check (length(commune_nom) between 1 and 100),
  departement text not null check (departement ~ '^[0-9]{2}[0-9AB]?$'),
  adresse text check (length(adresse) <= 300),
  taille prive.taille_organisation,
  dernier_contact date,
  cree_par uuid references prive.membres (id) on delete set null,
  cree_le timestamptz not null default now(),
  modifie_le timestamptz not null default now()
);
create index organisations_commune_idx on prive.organisations (commune_insee);
create index organisations_naf_idx on prive.organisations (code_naf);
create index organisations_nom_idx on prive.organisations (prive.nom_normalise(nom));

-- Contacts professionnels : le strict minimum. Purgés après 3 ans sans activité.
create table prive.contacts (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references prive.organisations (id) on delete cascade,
  nom text not null check (length(btrim(nom)) between 2 and 120),
  fonction text check (length(fonction) <= 120),
  telephone text check (telephone ~ '^[0-9 +().-]{6,20}$'),
  email text check (email = lower(email) and email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  derniere_activite timestamptz not null default now()
);
create index contacts_organisation_idx on prive.contacts (organisation_id);

-- Les lycées qui travaillent avec l'organisation, et pour quelles formations.
create table prive.partenariats (
  organisation_id uuid not null references prive.organisations (id) on delete cascade,
  uai text not null references prive.etablissements (uai),
  formation text not null check (length(btrim(formation)) between 2 and 120),
  primary key (organisation_id, uai, formation)
);

-- Retour structuré d'une période en entreprise : des critères notés, pas de jugement libre sur des personnes.
create table prive.retours (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references prive.organisations (id) on delete cascade,
  uai text not null references prive.etablissements (uai),
  formation text not null check (length(btrim(formation)) between 2 and 120),
  accueil smallint not null check (accueil between 1 and 4),
  encadrement smallint not null check (encadrement between 1 and 4),
  activites smallint not null check (activites between 1 and 4),
  securite smallint not null check (securite between 1 and 4),
  reprendrait boolean not null,
  cree_par uuid references prive.membres (id) on delete set null,
  cree_le timestamptz not null default now()
);

-- Les notes propres à un lycée : lues et écrites par les membres de ce lycée seulement.
create table prive.notes_lycee (
  organisation_id uuid not null references prive.organisations (id) on delete cascade,
  uai text not null references prive.etablissements (uai),
  texte text not null check (length(texte) <= 2000),
  modifie_par uuid references prive.membres (id) on delete set null,
  modifie_le timestamptz not null default now(),
  primary key (organisation_id, uai)
);

-- Historique de chaque changement : qui, quand, quoi. Écrit par les fonctions, lu par les membres.
create table prive.historique_carnet (
  id bigint generated always as identity primary key,
  organisation_id uuid references prive.organisations (id) on delete cascade,
  membre_id uuid references prive.membres (id) on delete set null,
  quand timestamptz not null default now(),
  action text not null,
  details jsonb not null default '{}'
);
create index historique_organisation_idx on prive.historique_carnet (organisation_id, quand desc);

-- Bourse aux places : offres de places qu'un lycée ne pourvoit pas.
create table prive.offres_places (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references prive.organisations (id) on delete cascade,
  membre_id uuid not null references prive.membres (id),
  uai text references prive.etablissements (uai),
  formation text not null check (length(btrim(formation)) between 2 and 120),
  debut date not null,
  fin date not null,
  places int not null check (places between 1 and 50),
  places_reservees int not null default 0,
  conditions text check (length(conditions) <= 500),
  cree_le timestamptz not null default now(),
  check (fin >= debut),
  check (places_reservees between 0 and places)
);
create index offres_debut_idx on prive.offres_places (debut);

-- Une réservation = une place pour un élève, décrit par sa formation et son niveau seulement.
create table prive.reservations (
  id uuid primary key default gen_random_uuid(),
  offre_id uuid not null references prive.offres_places (id) on delete cascade,
  membre_id uuid not null references prive.membres (id),
  uai text references prive.etablissements (uai),
  formation text not null check (length(btrim(formation)) between 2 and 120),
  niveau text not null check (niveau in ('CAP 1re année', 'CAP 2e année', 'Seconde', 'Première', 'Terminale', 'BTS')),
  statut text not null default 'reservee' check (statut in ('reservee', 'confirmee')),
  cree_le timestamptz not null default now(),
  confirmee_le timestamptz
);

-- Registre des périodes en entreprise (placements), alimenté par la confirmation d'une réservation.
create table prive.placements (
  id uuid primary key default gen_random_uuid(),
  organisation_id uuid not null references prive.organisations (id) on delete cascade,
  uai text references prive.etablissements (uai),
  formation text not null,
  niveau text not null,
  debut date not null,
  fin date not null,
  reservation_id uuid unique references prive.reservations (id) on delete set null,
  cree_le timestamptz not null default now()
);

alter table prive.organisations enable row level security;
alter table prive.contacts enable row level security;
alter table prive.partenariats enable row level security;
alter table prive.retours enable row level security;
alter table prive.notes_lycee enable row level security;
alter table prive.historique_carnet enable row level security;
alter table prive.offres_places enable row level security;
alter table prive.reservations enable row level security;
alter table prive.placements enable row level security;

grant select, insert, update on prive.organisations, prive.contacts, prive.partenariats, prive.retours,
  prive.notes_lycee, prive.offres_places, prive.reservations, prive.placements to authenticated;
grant delete on prive.contacts to authenticated;
grant select, insert on prive.historique_carnet to authenticated;
grant all on prive.organisations, prive.contacts, prive.partenariats, prive.retours, prive.notes_lycee,
  prive.historique_carnet, prive.offres_places, prive.reservations, prive.placements to service_role;

-- Le lycée du membre connecté : prive.uai_courant(), créée par la migration du calendrier des PFMP.

-- Lecture et ajout : tout membre actif. Pas de suppression d'organisation par l'API.
create policy "Un membre lit les organisations" on prive.organisations for select to authenticated
  using ((select prive.role_courant()) is not null);
create policy "Un membre ajoute une organisation" on prive.organisations for insert to authenticated
  with check ((select prive.role_courant()) is not null);
create policy "Un membre modifie une organisation" on prive.organisations for update to authenticated
  using ((select prive.role_courant()) is not null) with check ((select prive.role_courant()) is not null);

create policy "Un membre lit les contacts" on prive.contacts for select to authenticated
  using ((select prive.role_courant()) is not null);
create policy "Un membre ajoute un contact" on prive.contacts for insert to authenticated
  with check ((select prive.role_courant()) is not null);
create policy "Un membre modifie un contact" on prive.contacts for update to authenticated
  using ((select prive.role_courant()) is not null) with check ((select prive.role_courant()) is not null);
create policy "Un membre retire un contact qui s'oppose" on prive.contacts for delete to authenticated
  using ((select prive.role_courant()) is not null);

create policy "Un membre lit les partenariats" on prive.partenariats for select to authenticated
  using ((select prive.role_courant()) is not null);
-- Son propre lycée, ou le lycée d'un placement confirmé au registre (l'émetteur d'une offre confirme pour un autre lycée).
create policy "Un membre déclare un partenariat de son lycée ou d'un placement" on prive.partenariats for insert to authenticated
  with check (uai = (select prive.uai_courant())
              or exists (select 1 from prive.placements p where p.organisation_id = partenariats.organisation_id
                                                             and p.uai = partenariats.uai and p.formation = partenariats.formation));

create policy "Un membre lit les retours" on prive.retours for select to authenticated
  using ((select prive.role_courant()) is not null);
create policy "Un membre donne un retour pour son lycée" on prive.retours for insert to authenticated
  with check (uai = (select prive.uai_courant()));

create policy "Un lycée lit ses notes" on prive.notes_lycee for select to authenticated
  using (uai = (select prive.uai_courant()));
create policy "Un lycée écrit ses notes" on prive.notes_lycee for insert to authenticated
  with check (uai = (select prive.uai_courant()));
create policy "Un lycée modifie ses notes" on prive.notes_lycee for update to authenticated
  using (uai = (select prive.uai_courant())) with check (uai = (select prive.uai_courant()));

create policy "Un membre lit l'historique" on prive.historique_carnet for select to authenticated
  using ((select prive.role_courant()) is not null);
create policy "Un membre inscrit ses propres changements" on prive.historique_carnet for insert to authenticated
  with check (membre_id = (select prive.exiger_membre()));

create policy "Un membre lit les offres" on prive.offres_places for select to authenticated
  using ((select prive.role_courant()) is not null);
create policy "Un membre publie une offre en son nom" on prive.offres_places for insert to authenticated
  with check (membre_id = (select prive.exiger_membre()));
-- La réservation incrémente places_reservees (mise à jour conditionnelle) : tout membre.
create policy "Un membre met à jour le compte des places" on prive.offres_places for update to authenticated
  using ((select prive.role_courant()) is not null) with check ((select prive.role_courant()) is not null);

create policy "Le réservant et l'émetteur lisent la réservation" on prive.reservations for select to authenticated
  using (membre_id = (select prive.exiger_membre())
         or exists (select 1 from prive.offres_places o where o.id = offre_id and o.membre_id = (select prive.exiger_membre())));
create policy "Un membre réserve en son nom" on prive.reservations for insert to authenticated
  with check (membre_id = (select prive.exiger_membre()));
create policy "L'émetteur confirme la réservation" on prive.reservations for update to authenticated
  using (exists (select 1 from prive.offres_places o where o.id = offre_id and o.membre_id = (select prive.exiger_membre())))
  with check (exists (select 1 from prive.offres_places o where o.id = offre_id and o.membre_id = (select prive.exiger_membre())));

create policy "Un membre lit le registre" on prive.placements for select to authenticated
  using ((select prive.role_courant()) is not null);
create policy "L'émetteur inscrit le placement confirmé" on prive.placements for insert to authenticated
  with check (exists (select 1 from prive.reservations r join prive.offres_places o on o.id = r.offre_id
                       where r.id = reservation_id and o.membre_id = (select prive.exiger_membre())));

-- Empêche de changer les colonnes figées d'une offre par la mise à jour ouverte aux membres.
create function prive.proteger_offre() returns trigger
language plpgsql set search_path = ''
as $$
begin
  if current_user = 'authenticated'
     and (new.organisation_id, new.membre_id, new.uai, new.formation, new.debut, new.fin, new.places, new.conditions)
         is distinct from (old.organisation_id, old.membre_id, old.uai, old.formation, old.debut, old.fin, old.places, old.conditions) then
    raise exception 'INTERDIT' using errcode = '42501', detail = 'Seul le compte des places réservées change après publication.';
  end if;
  return new;
end
$$;
revoke execute on function prive.proteger_offre() from public;
create trigger offres_proteger before update on prive.offres_places for each row execute function prive.proteger_offre();

-- ——— Fonctions de l'API ———

create function prive.journaliser(p_organisation uuid, p_action text, p_details jsonb) returns void
language sql volatile security invoker set search_path = ''
as $$
  insert into prive.historique_carnet (organisation_id, membre_id, action, details)
  values (p_organisation, prive.exiger_membre(), p_action, p_details)
$$;
revoke execute on function prive.journaliser(uuid, text, jsonb) from public;
grant execute on function prive.journaliser(uuid, text, jsonb) to authenticated;

-- Doublons probables : même SIRET, ou même nom normalisé dans la même commune.
create function api.organisation_doublons(p_siret text, p_nom text, p_commune_insee text, p_exclure uuid default null) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
begin
  perform prive.exiger_membre();
  return coalesce((
    select jsonb_agg(jsonb_build_object('id', o.id, 'nom', o.nom, 'siret', o.siret, 'commune', o.commune_nom,
                                        'raison', case when o.siret = p_siret then 'siret' else 'nom' end) order by o.nom)
      from prive.organisations o
     where (p_exclure is null or o.id <> p_exclure)
       and ((p_siret is not null and o.siret = p_siret)
            or (o.commune_insee = p_commune_insee and prive.nom_normalise(o.nom) = prive.nom_normalise(p_nom)))), '[]'::jsonb);
end
$$;
revoke execute on function api.organisation_doublons(text, text, text, uuid) from public;
grant execute on function api.organisation_doublons(text, text, text, uuid) to authenticated;
comment on function api.organisation_doublons(text, text, text, uuid) is '@retour ListeDoublons from src/schemas/carnet.ts';

-- Ajoute (p_id null) ou modifie une organisation ; sans p_forcer, rend les doublons probables sans rien écrire.
create function api.organisation_enregistrer(
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
    select to_jsonb(o) - 'cree_le' - 'modifie_le' - 'cree_par' - 'id' into avant from prive.organisations o where o.id = p_id for update;
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
revoke execute on function api.organisation_enregistrer(uuid, text, text, text, text, text, text, text, prive.taille_organisation, date, boolean) from public;
grant execute on function api.organisation_enregistrer(uuid, text, text, text, text, text, text, text, prive.taille_organisation, date, boolean) to authenticated;
comment on function api.organisation_enregistrer(uuid, text, text, text, text, text, text, text, prive.taille_organisation, date, boolean) is '@retour ResultatEnregistrement from src/schemas/carnet.ts';

-- Recherche : texte (nom), secteur (préfixe de code NAF), département ou commune, formation.
create function api.organisations_rechercher(p_texte text default null, p_naf text default null, p_departement text default null,
  p_commune_insee text default null, p_formation text default null) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
begin
  perform prive.exiger_membre();
  return coalesce((
    select jsonb_agg(jsonb_build_object('id', o.id, 'nom', o.nom, 'siret', o.siret, 'code_naf', o.code_naf,
             'commune', o.commune_nom, 'departement', o.departement, 'taille', o.taille, 'dernier_contact', o.dernier_contact,
             'formations', (select coalesce(jsonb_agg(distinct p.formation), '[]'::jsonb) from prive.partenariats p where p.organisation_id = o.id))
             order by o.nom)
      from (select * from prive.organisations o
             where (p_texte is null or prive.nom_normalise(o.nom) like '%' || prive.nom_normalise(p_texte) || '%')
               and (p_naf is null or o.code_naf like p_naf || '%')
               and (p_departement is null or o.departement = p_departement)
               and (p_commune_insee is null or o.commune_insee = p_commune_insee)
               and (p_formation is null or exists (select 1 from prive.partenariats p where p.organisation_id = o.id
                                                     and lower(p.formation) like '%' || lower(p_formation) || '%')
                                        or exists (select 1 from prive.placements pl where pl.organisation_id = o.id
                                                     and lower(pl.formation) like '%' || lower(p_formation) || '%'))
             order by o.nom limit 200) o), '[]'::jsonb);
end
$$;
revoke execute on function api.organisations_rechercher(text, text, text, text, text) from public;
grant execute on function api.organisations_rechercher(text, text, text, text, text) to authenticated;
comment on function api.organisations_rechercher(text, text, text, text, text) is '@retour ListeOrganisations from src/schemas/carnet.ts';

-- La fiche complète ; les notes visibles sont celles du lycée de l'appelant (RLS).
create function api.organisation_lire(p_id uuid) returns jsonb
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
           'partenariats', (select coalesce(jsonb_agg(jsonb_build_object('uai', p.uai, 'lycee', e.nom, 'formation', p.formation)
                          order by e.nom, p.formation), '[]') from prive.partenariats p join prive.etablissements e on e.uai = p.uai where p.organisation_id = o.id),
           'retours', (select coalesce(jsonb_agg(jsonb_build_object('formation', r.formation, 'accueil', r.accueil, 'encadrement', r.encadrement,
                          'activites', r.activites, 'securite', r.securite, 'reprendrait', r.reprendrait, 'date', r.cree_le::date)
                          order by r.cree_le desc), '[]') from prive.retours r where r.organisation_id = o.id),
           'placements', (select coalesce(jsonb_agg(jsonb_build_object('lycee', e.nom, 'formation', pl.formation, 'niveau', pl.niveau,
                          'debut', pl.debut, 'fin', pl.fin) order by pl.debut desc), '[]')
                          from prive.placements pl left join prive.etablissements e on e.uai = pl.uai where pl.organisation_id = o.id),
           'note', (select n.texte from prive.notes_lycee n where n.organisation_id = o.id and n.uai = (select prive.uai_courant())),
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
revoke execute on function api.organisation_lire(uuid) from public;
grant execute on function api.organisation_lire(uuid) to authenticated;
comment on function api.organisation_lire(uuid) is '@retour Organisation from src/schemas/carnet.ts';

create function api.contact_ajouter(p_organisation uuid, p_nom text, p_fonction text, p_telephone text, p_email text) returns uuid
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  ident uuid;
begin
  perform prive.exiger_membre();
  if not exists (select 1 from prive.organisations where id = p_organisation) then
    raise exception 'ORGANISATION_INCONNUE' using errcode = 'P0001';
  end if;
  insert into prive.contacts (organisation_id, nom, fonction, telephone, email)
  values (p_organisation, btrim(p_nom), p_fonction, p_telephone, lower(p_email)) returning id into ident;
  -- L'historique ne garde pas la donnée personnelle elle-même (elle disparaîtrait sinon mal à la purge).
  perform prive.journaliser(p_organisation, 'contact ajouté', jsonb_build_object('fonction', p_fonction));
  return ident;
end
$$;
revoke execute on function api.contact_ajouter(uuid, text, text, text, text) from public;
grant execute on function api.contact_ajouter(uuid, text, text, text, text) to authenticated;

-- Opposition d'un contact : retiré partout en une action (toutes les fiches où figure son adresse ou ce contact).
create function api.contact_opposition(p_contact uuid) returns int
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  cible prive.contacts;
  n int;
  org uuid;
begin
  perform prive.exiger_membre();
  select * into cible from prive.contacts where id = p_contact;
  if cible.id is null then
    raise exception 'CONTACT_INCONNU' using errcode = 'P0001';
  end if;
  for org in select distinct c.organisation_id from prive.contacts c
              where c.id = cible.id or (cible.email is not null and c.email = cible.email) loop
    perform prive.journaliser(org, 'contact retiré (opposition)', '{}'::jsonb);
  end loop;
  delete from prive.contacts c where c.id = cible.id or (cible.email is not null and c.email = cible.email);
  get diagnostics n = row_count;
  return n;
end
$$;
revoke execute on function api.contact_opposition(uuid) from public;
grant execute on function api.contact_opposition(uuid) to authenticated;

-- Purge des contacts sans activité depuis 3 ans (tâche planifiée, clé secrète).
create function api.contacts_purger() returns int
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  n int;
begin
  insert into prive.historique_carnet (organisation_id, membre_id, action)
  select distinct organisation_id, null::uuid, 'contact purgé (3 ans sans activité)'
    from prive.contacts where derniere_activite < now() - interval '3 years';
  delete from prive.contacts where derniere_activite < now() - interval '3 years';
  get diagnostics n = row_count;
  return n;
end
$$;
revoke execute on function api.contacts_purger() from public;
grant execute on function api.contacts_purger() to service_role;

-- Les notes du lycée de l'appelant sur une organisation.
create function api.note_enregistrer(p_organisation uuid, p_texte text) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  lycee text := prive.uai_courant();
begin
  if lycee is null then
    raise exception 'SANS_ETABLISSEMENT' using errcode = 'P0001';
  end if;
  if not exists (select 1 from prive.organisations where id = p_organisation) then
    raise exception 'ORGANISATION_INCONNUE' using errcode = 'P0001';
  end if;
  insert into prive.notes_lycee as n (organisation_id, uai, texte, modifie_par) values (p_organisation, lycee, p_texte, moi)
  on conflict (organisation_id, uai) do update set texte = excluded.texte, modifie_par = moi, modifie_le = now();
  perform prive.journaliser(p_organisation, 'notes du lycée modifiées', jsonb_build_object('uai', lycee));
end
$$;
revoke execute on function api.note_enregistrer(uuid, text) from public;
grant execute on function api.note_enregistrer(uuid, text) to authenticated;

create function api.retour_ajouter(p_organisation uuid, p_formation text, p_accueil smallint, p_encadrement smallint,
  p_activites smallint, p_securite smallint, p_reprendrait boolean) returns void
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  lycee text := prive.uai_courant();
begin
  if lycee is null then
    raise exception 'SANS_ETABLISSEMENT' using errcode = 'P0001';
  end if;
  if not exists (select 1 from prive.organisations where id = p_organisation) then
    raise exception 'ORGANISATION_INCONNUE' using errcode = 'P0001';
  end if;
  insert into prive.retours (organisation_id, uai, formation, accueil, encadrement, activites, securite, reprendrait, cree_par)
  values (p_organisation, lycee, btrim(p_formation), p_accueil, p_encadrement, p_activites, p_securite, p_reprendrait, moi);
  insert into prive.partenariats (organisation_id, uai, formation) values (p_organisation, lycee, btrim(p_formation)) on conflict do nothing;
  perform prive.journaliser(p_organisation, 'retour de période ajouté', jsonb_build_object('formation', btrim(p_formation)));
end
$$;
revoke execute on function api.retour_ajouter(uuid, text, smallint, smallint, smallint, smallint, boolean) from public;
grant execute on function api.retour_ajouter(uuid, text, smallint, smallint, smallint, smallint, boolean) to authenticated;

-- Coordonnées d'un membre pour les courriels de la bourse (adresse, nom, lycée) : l'adresse n'est pas
-- lisible colonne par colonne par authenticated ; cette fonction ne sert qu'aux fonctions de la bourse.
create function prive.coordonnees_membre(p_id uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object('email', m.email, 'prenom', m.prenom, 'nom', m.nom, 'lycee', e.nom)
    from prive.membres m left join prive.etablissements e on e.uai = m.uai
   where m.id = p_id and m.actif and prive.role_courant() is not null
$$;
revoke execute on function prive.coordonnees_membre(uuid) from public;
grant execute on function prive.coordonnees_membre(uuid) to authenticated;

-- ——— Bourse aux places ———

create function api.offre_publier(p_organisation uuid, p_formation text, p_debut date, p_fin date, p_places int, p_conditions text) returns uuid
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  ident uuid;
begin
  if not exists (select 1 from prive.organisations where id = p_organisation) then
    raise exception 'ORGANISATION_INCONNUE' using errcode = 'P0001';
  end if;
  if p_debut <= current_date then
    raise exception 'PERIODE_PASSEE' using errcode = 'P0001';
  end if;
  if p_fin < p_debut then
    raise exception 'PERIODE_INVALIDE' using errcode = 'P0001';
  end if;
  insert into prive.offres_places (organisation_id, membre_id, uai, formation, debut, fin, places, conditions)
  values (p_organisation, moi, prive.uai_courant(), btrim(p_formation), p_debut, p_fin, p_places, nullif(btrim(p_conditions), ''))
  returning id into ident;
  perform prive.journaliser(p_organisation, 'places proposées', jsonb_build_object('formation', btrim(p_formation), 'places', p_places, 'debut', p_debut));
  return ident;
end
$$;
revoke execute on function api.offre_publier(uuid, text, date, date, int, text) from public;
grant execute on function api.offre_publier(uuid, text, date, date, int, text) to authenticated;

-- Offres ouvertes (période pas encore commencée, places libres), filtres secteur / commune / département / formation.
-- Une offre expire au début de sa période : elle n'est plus listée ni réservable.
create function api.offres_rechercher(p_naf text default null, p_departement text default null, p_commune_insee text default null,
  p_formation text default null) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
begin
  return coalesce((
    select jsonb_agg(jsonb_build_object('id', f.id, 'organisation_id', o.id, 'organisation', o.nom, 'code_naf', o.code_naf,
             'commune', o.commune_nom, 'departement', o.departement, 'formation', f.formation, 'debut', f.debut, 'fin', f.fin,
             'places', f.places, 'libres', f.places - f.places_reservees, 'conditions', f.conditions,
             'lycee', e.nom, 'de_moi', f.membre_id = moi) order by f.debut, o.nom)
      from prive.offres_places f
      join prive.organisations o on o.id = f.organisation_id
      left join prive.etablissements e on e.uai = f.uai
     where f.debut > current_date and f.places_reservees < f.places
       and (p_naf is null or o.code_naf like p_naf || '%')
       and (p_departement is null or o.departement = p_departement)
       and (p_commune_insee is null or o.commune_insee = p_commune_insee)
       and (p_formation is null or lower(f.formation) like '%' || lower(p_formation) || '%')), '[]'::jsonb);
end
$$;
revoke execute on function api.offres_rechercher(text, text, text, text) from public;
grant execute on function api.offres_rechercher(text, text, text, text) to authenticated;
comment on function api.offres_rechercher(text, text, text, text) is '@retour ListeOffres from src/schemas/bourse.ts';

-- Réserve une place : une mise à jour conditionnelle (places_reservees < places et période à venir) ;
-- deux réservations concurrentes de la dernière place : la seconde attend le verrou de ligne, relit la
-- condition et ne trouve plus de place. Jamais deux fois la même place.
create function api.place_reserver(p_offre uuid, p_formation text, p_niveau text) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  offre prive.offres_places;
  ident uuid;
begin
  update prive.offres_places set places_reservees = places_reservees + 1
   where id = p_offre and places_reservees < places and debut > current_date
  returning * into offre;
  if offre.id is null then
    select * into offre from prive.offres_places where id = p_offre;
    if offre.id is null then
      raise exception 'OFFRE_INCONNUE' using errcode = 'P0001';
    elsif offre.debut <= current_date then
      raise exception 'OFFRE_EXPIREE' using errcode = 'P0001';
    else
      raise exception 'OFFRE_COMPLETE' using errcode = 'P0001';
    end if;
  end if;
  if offre.membre_id = moi then
    raise exception 'OFFRE_PROPRE' using errcode = 'P0001';
  end if;
  insert into prive.reservations (offre_id, membre_id, uai, formation, niveau)
  values (p_offre, moi, prive.uai_courant(), btrim(p_formation), p_niveau) returning id into ident;
  perform prive.journaliser(offre.organisation_id, 'place réservée', jsonb_build_object('formation', btrim(p_formation), 'niveau', p_niveau));
  return (select jsonb_build_object('reservation', ident, 'organisation', o.nom, 'debut', offre.debut, 'fin', offre.fin,
            'emetteur', prive.coordonnees_membre(offre.membre_id) - 'lycee',
            'reservant', prive.coordonnees_membre(moi))
            from prive.organisations o where o.id = offre.organisation_id);
end
$$;
revoke execute on function api.place_reserver(uuid, text, text) from public;
grant execute on function api.place_reserver(uuid, text, text) to authenticated;
comment on function api.place_reserver(uuid, text, text) is '@retour ResultatReservation from src/schemas/bourse.ts';

-- Les réservations qui me concernent (faites par moi, ou sur mes offres).
create function api.reservations_lister() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
begin
  return coalesce((
    select jsonb_agg(jsonb_build_object('id', r.id, 'organisation', o.nom, 'formation', r.formation, 'niveau', r.niveau,
             'debut', f.debut, 'fin', f.fin, 'statut', r.statut, 'lycee', e.nom, 'a_confirmer', f.membre_id = moi and r.statut = 'reservee',
             'sens', case when f.membre_id = moi then 'recue' else 'faite' end) order by f.debut, r.cree_le)
      from prive.reservations r
      join prive.offres_places f on f.id = r.offre_id
      join prive.organisations o on o.id = f.organisation_id
      left join prive.etablissements e on e.uai = r.uai), '[]'::jsonb);
end
$$;
revoke execute on function api.reservations_lister() from public;
grant execute on function api.reservations_lister() to authenticated;
comment on function api.reservations_lister() is '@retour ListeReservations from src/schemas/bourse.ts';

-- L'émetteur confirme le passage de relais : la réservation devient un placement du registre.
create function api.reservation_confirmer(p_reservation uuid) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  r prive.reservations;
  f prive.offres_places;
begin
  select * into r from prive.reservations where id = p_reservation for update;
  if r.id is null then
    raise exception 'RESERVATION_INCONNUE' using errcode = 'P0001';
  end if;
  select * into f from prive.offres_places where id = r.offre_id;
  if f.membre_id <> moi then
    raise exception 'INTERDIT' using errcode = 'P0001';
  end if;
  if r.statut = 'confirmee' then
    raise exception 'DEJA_CONFIRMEE' using errcode = 'P0001';
  end if;
  update prive.reservations set statut = 'confirmee', confirmee_le = now() where id = r.id;
  insert into prive.placements (organisation_id, uai, formation, niveau, debut, fin, reservation_id)
  values (f.organisation_id, r.uai, r.formation, r.niveau, f.debut, f.fin, r.id);
  if r.uai is not null then
    insert into prive.partenariats (organisation_id, uai, formation) values (f.organisation_id, r.uai, r.formation) on conflict do nothing;
  end if;
  update prive.organisations set dernier_contact = current_date where id = f.organisation_id;
  perform prive.journaliser(f.organisation_id, 'placement confirmé', jsonb_build_object('formation', r.formation, 'niveau', r.niveau));
  return (select jsonb_build_object('organisation_id', o.id, 'organisation', o.nom, 'debut', f.debut, 'fin', f.fin,
            'reservant', prive.coordonnees_membre(r.membre_id) - 'lycee')
            from prive.organisations o where o.id = f.organisation_id);
end
$$;
revoke execute on function api.reservation_confirmer(uuid) from public;
grant execute on function api.reservation_confirmer(uuid) to authenticated;
comment on function api.reservation_confirmer(uuid) is '@retour ResultatConfirmation from src/schemas/bourse.ts';
