-- Sécurité des sessions et des connexions (issue « parité de production ») :
-- 1. un jeton dont la session a été fermée (déconnexion) est refusé par la base, comme Supabase
--    le permet en lisant la revendication session_id contre auth.sessions ;
-- 2. les demandes de code et les essais sont comptés par adresse (fenêtre glissante, qu'un nouveau
--    code ne remet pas à zéro), par client (empreinte de l'IP), globalement, et liés au navigateur
--    qui a demandé le code ;
-- 3. les membres sont provisionnés en une étape (compte Auth confirmé + fiche).

-- ——— 1. Session vivante ———

-- Vrai si la session du jeton existe encore (GoTrue supprime la ligne à la déconnexion).
-- security definer : auth.sessions n'est lisible ni par anon ni par authenticated.
create function prive.session_vivante() returns boolean
language sql stable security definer set search_path = ''
as $$
  select exists (
    select 1 from auth.sessions s
     where s.id = nullif(auth.jwt() ->> 'session_id', '')::uuid
       and s.user_id = (select auth.uid())
  )
$$;
revoke execute on function prive.session_vivante() from public;
grant execute on function prive.session_vivante() to authenticated;

-- Le rôle du membre connecté ; null si la session est fermée ou le membre inactif : toutes les
-- politiques qui s'appuient dessus refusent alors l'accès.
create or replace function prive.role_courant() returns prive.role_membre
language sql stable security definer set search_path = ''
as $$
  select m.role from prive.membres m
   where m.user_id = (select auth.uid()) and m.actif and prive.session_vivante()
$$;

-- À appeler en tête de toute fonction api réservée aux membres : session fermée → SESSION_EXPIREE,
-- compte sans fiche active → NON_MEMBRE. Renvoie l'identifiant de la fiche.
create function prive.exiger_membre() returns uuid
language plpgsql stable security definer set search_path = ''
as $$
declare
  fiche uuid;
begin
  if not prive.session_vivante() then
    raise exception 'SESSION_EXPIREE' using errcode = 'P0001', detail = 'La session de ce jeton a été fermée.';
  end if;
  select m.id into fiche from prive.membres m where m.user_id = (select auth.uid()) and m.actif;
  if fiche is null then
    raise exception 'NON_MEMBRE' using errcode = 'P0001', detail = 'Aucune fiche de membre active pour ce compte.';
  end if;
  return fiche;
end
$$;
revoke execute on function prive.exiger_membre() from public;
grant execute on function prive.exiger_membre() to authenticated;

create or replace function api.moi() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
declare
  fiche jsonb;
begin
  perform prive.exiger_membre();
  select jsonb_build_object(
           'id', m.id, 'email', m.email, 'role', m.role, 'prenom', m.prenom, 'nom', m.nom,
           'fonction', m.fonction, 'telephone', m.telephone,
           'etablissement', case when e.uai is null then null else
             jsonb_build_object('uai', e.uai, 'nom', e.nom, 'commune', e.commune, 'departement', e.departement) end)
    into fiche
    from prive.membres m
    left join prive.etablissements e on e.uai = m.uai
   where m.user_id = (select auth.uid()) and m.actif;
  return fiche;
end
$$;

-- ——— 2. Demandes de code et essais ———

drop function api.code_demander(text);
drop function api.code_tenter(text);
drop function api.code_reussir(text);
drop table prive.demandes_code;

-- Un événement de connexion. Aucune adresse ni IP en clair : des empreintes HMAC (clé de
-- pseudonymisation des fonctions), et l'empreinte sha256 du jeton de navigateur.
-- Conservation : 7 jours (api.connexions_purger, tâche quotidienne ; page « Données personnelles »).
create table prive.evenements_connexion (
  id bigint generated always as identity primary key,
  genre text not null check (genre in ('demande', 'essai', 'succes')),
  adresse text not null check (adresse ~ '^[0-9a-f]{64}$'),
  client text not null check (client ~ '^[0-9a-f]{64}$'),
  navigateur text check (navigateur ~ '^[0-9a-f]{64}$'),
  le timestamptz not null default now()
);
create index evenements_connexion_adresse_idx on prive.evenements_connexion (adresse, genre, le desc);
create index evenements_connexion_client_idx on prive.evenements_connexion (client, genre, le desc);
create index evenements_connexion_le_idx on prive.evenements_connexion (le);
alter table prive.evenements_connexion enable row level security;
grant all on prive.evenements_connexion to service_role;
-- Aucune politique : ni anon ni authenticated n'y accèdent (service_role contourne la RLS).

-- Les limites, en un seul endroit.
create function prive.limites_connexion() returns jsonb
language sql immutable set search_path = ''
as $$
  select jsonb_build_object(
    'intervalle_demandes_s', 60,     -- une demande par minute et par adresse
    'demandes_adresse_heure', 5,
    'demandes_adresse_jour', 10,
    'demandes_client_heure', 20,
    'demandes_globales_heure', 100,  -- au plus auth.rate_limit.email_sent de config.toml
    'essais_par_code', 5,
    'echecs_adresse_heure', 10,      -- fenêtre glissante d'une heure, qu'un nouveau code ne remet pas à zéro
    'echecs_client_heure', 30,
    'echecs_globaux_heure', 1000,
    'validite_liaison_s', 3600       -- un essai n'est admis que du navigateur qui a demandé le code
  )
$$;
revoke execute on function prive.limites_connexion() from public;
grant execute on function prive.limites_connexion() to service_role;

-- Secondes à attendre avant que le n-ième événement le plus récent sorte de la fenêtre.
create function prive.attente_fenetre(p_plus_ancien timestamptz, p_fenetre interval) returns int
language sql stable set search_path = ''
as $$
  select greatest(1, ceil(extract(epoch from (p_plus_ancien + p_fenetre - now()))))::int
$$;
revoke execute on function prive.attente_fenetre(timestamptz, interval) from public;
grant execute on function prive.attente_fenetre(timestamptz, interval) to service_role;

-- Les événements d'un genre dans une fenêtre glissante, pour une adresse ou pour un client :
-- combien (au plus p_limite, inutile de compter au-delà) et le plus ancien de ceux-là.
create function prive.dans_fenetre(p_genre text, p_fenetre interval, p_limite int,
  p_adresse text default null, p_client text default null, out n int, out plus_ancien timestamptz)
language sql stable set search_path = ''
as $$
  select count(*)::int, min(e.le) from (
    select e.le from prive.evenements_connexion e
     where e.genre = p_genre and e.le > now() - p_fenetre
       and (p_adresse is null or e.adresse = p_adresse)
       and (p_client is null or e.client = p_client)
     order by e.le desc limit p_limite) e
$$;
revoke execute on function prive.dans_fenetre(text, interval, int, text, text) from public;
grant execute on function prive.dans_fenetre(text, interval, int, text, text) to service_role;

-- Demande de code : acceptée ou refusée (raison, attente en secondes). Une seule instruction
-- décisive sous verrou d'adresse : deux demandes simultanées ne dépassent pas les limites.
create function api.code_demander(p_adresse text, p_client text, p_navigateur text) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  l jsonb := prive.limites_connexion();
  n int;
  plus_ancien timestamptz;
begin
  if p_adresse !~ '^[0-9a-f]{64}$' or p_client !~ '^[0-9a-f]{64}$' or p_navigateur !~ '^[0-9a-f]{64}$' then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', detail = 'Empreinte invalide.';
  end if;
  perform pg_advisory_xact_lock(hashtextextended('demande:' || p_adresse, 0));
  perform pg_advisory_xact_lock(hashtextextended('demande-client:' || p_client, 0));

  select max(e.le) into plus_ancien from prive.evenements_connexion e
   where e.adresse = p_adresse and e.genre = 'demande' and e.le > now() - make_interval(secs => (l ->> 'intervalle_demandes_s')::int);
  if plus_ancien is not null then
    return jsonb_build_object('accepte', false, 'raison', 'ADRESSE_MINUTE',
      'attente', prive.attente_fenetre(plus_ancien, make_interval(secs => (l ->> 'intervalle_demandes_s')::int)));
  end if;

  select f.n, f.plus_ancien into n, plus_ancien
    from prive.dans_fenetre('demande', interval '1 hour', (l ->> 'demandes_adresse_heure')::int, p_adresse => p_adresse) f;
  if n >= (l ->> 'demandes_adresse_heure')::int then
    return jsonb_build_object('accepte', false, 'raison', 'ADRESSE_HEURE', 'attente', prive.attente_fenetre(plus_ancien, interval '1 hour'));
  end if;

  select f.n, f.plus_ancien into n, plus_ancien
    from prive.dans_fenetre('demande', interval '1 day', (l ->> 'demandes_adresse_jour')::int, p_adresse => p_adresse) f;
  if n >= (l ->> 'demandes_adresse_jour')::int then
    return jsonb_build_object('accepte', false, 'raison', 'ADRESSE_JOUR', 'attente', prive.attente_fenetre(plus_ancien, interval '1 day'));
  end if;

  select f.n, f.plus_ancien into n, plus_ancien
    from prive.dans_fenetre('demande', interval '1 hour', (l ->> 'demandes_client_heure')::int, p_client => p_client) f;
  if n >= (l ->> 'demandes_client_heure')::int then
    return jsonb_build_object('accepte', false, 'raison', 'CLIENT', 'attente', prive.attente_fenetre(plus_ancien, interval '1 hour'));
  end if;

  select count(*) into n from prive.evenements_connexion e
   where e.genre = 'demande' and e.le > now() - interval '1 hour';
  if n >= (l ->> 'demandes_globales_heure')::int then
    return jsonb_build_object('accepte', false, 'raison', 'GLOBAL', 'attente', 600);
  end if;

  insert into prive.evenements_connexion (genre, adresse, client, navigateur) values ('demande', p_adresse, p_client, p_navigateur);
  return jsonb_build_object('accepte', true);
end
$$;

-- Essai de code, consommé AVANT la vérification (compté comme un échec tant que
-- api.code_reussir ne l'a pas transformé en succès). Refusé sans être compté quand le navigateur
-- n'est pas celui qui a demandé le dernier code : un tiers ne peut pas brûler le code d'un membre.
create function api.code_tenter(p_adresse text, p_client text, p_navigateur text) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  l jsonb := prive.limites_connexion();
  derniere prive.evenements_connexion;
  n int;
  plus_ancien timestamptz;
begin
  if p_adresse !~ '^[0-9a-f]{64}$' or p_client !~ '^[0-9a-f]{64}$' or p_navigateur !~ '^[0-9a-f]{64}$' then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', detail = 'Empreinte invalide.';
  end if;
  perform pg_advisory_xact_lock(hashtextextended('essai:' || p_adresse, 0));
  perform pg_advisory_xact_lock(hashtextextended('essai-client:' || p_client, 0));

  select e.* into derniere from prive.evenements_connexion e
   where e.adresse = p_adresse and e.genre = 'demande'
   order by e.le desc, e.id desc limit 1;
  if derniere.id is null or derniere.navigateur is distinct from p_navigateur
     or derniere.le < now() - make_interval(secs => (l ->> 'validite_liaison_s')::int) then
    return jsonb_build_object('autorise', false, 'raison', 'NAVIGATEUR', 'restants', 0);
  end if;

  -- Échecs sur l'adresse dans l'heure glissante (un nouveau code ne les efface pas).
  select f.n, f.plus_ancien into n, plus_ancien
    from prive.dans_fenetre('essai', interval '1 hour', (l ->> 'echecs_adresse_heure')::int, p_adresse => p_adresse) f;
  if n >= (l ->> 'echecs_adresse_heure')::int then
    return jsonb_build_object('autorise', false, 'raison', 'VERROUILLE', 'restants', 0, 'attente', prive.attente_fenetre(plus_ancien, interval '1 hour'));
  end if;

  select f.n, f.plus_ancien into n, plus_ancien
    from prive.dans_fenetre('essai', interval '1 hour', (l ->> 'echecs_client_heure')::int, p_client => p_client) f;
  if n >= (l ->> 'echecs_client_heure')::int then
    return jsonb_build_object('autorise', false, 'raison', 'CLIENT', 'restants', 0, 'attente', prive.attente_fenetre(plus_ancien, interval '1 hour'));
  end if;

  select count(*) into n from prive.evenements_connexion e
   where e.genre = 'essai' and e.le > now() - interval '1 hour';
  if n >= (l ->> 'echecs_globaux_heure')::int then
    return jsonb_build_object('autorise', false, 'raison', 'GLOBAL', 'restants', 0, 'attente', 600);
  end if;

  -- Essais sur le code en cours (depuis la dernière demande).
  select count(*) into n from prive.evenements_connexion e
   where e.adresse = p_adresse and e.genre = 'essai' and e.le >= derniere.le;
  if n >= (l ->> 'essais_par_code')::int then
    return jsonb_build_object('autorise', false, 'raison', 'CODE_EPUISE', 'restants', 0);
  end if;

  insert into prive.evenements_connexion (genre, adresse, client, navigateur) values ('essai', p_adresse, p_client, p_navigateur);
  return jsonb_build_object('autorise', true,
    'restants', least((l ->> 'essais_par_code')::int - n - 1, (l ->> 'echecs_adresse_heure')::int - (
      select count(*)::int from prive.evenements_connexion e
       where e.adresse = p_adresse and e.genre = 'essai' and e.le > now() - interval '1 hour')));
end
$$;

-- Code accepté : le dernier essai de l'adresse devient un succès (il ne compte plus comme échec).
create function api.code_reussir(p_adresse text) returns void
language sql volatile security invoker set search_path = ''
as $$
  update prive.evenements_connexion set genre = 'succes'
   where id = (select e.id from prive.evenements_connexion e
                where e.adresse = p_adresse and e.genre = 'essai' order by e.le desc, e.id desc limit 1)
$$;

-- Purge des événements de plus de 7 jours ; renvoie le nombre de lignes supprimées. Idempotent.
create function api.connexions_purger() returns int
language sql volatile security invoker set search_path = ''
as $$
  with supprimes as (delete from prive.evenements_connexion where le < now() - interval '7 days' returning 1)
  select count(*)::int from supprimes
$$;

revoke execute on function api.code_demander(text, text, text), api.code_tenter(text, text, text),
  api.code_reussir(text), api.connexions_purger() from public;
grant execute on function api.code_demander(text, text, text) to service_role;
grant execute on function api.code_tenter(text, text, text) to service_role;
grant execute on function api.code_reussir(text) to service_role;
grant execute on function api.connexions_purger() to service_role;

-- ——— 3. Provisionnement des membres ———

-- Vrai si l'adresse est celle d'un membre actif relié à un compte Auth : seuls ceux-là reçoivent un code.
create function api.membre_destinataire_code(p_email text) returns boolean
language sql stable security invoker set search_path = ''
as $$
  select exists (select 1 from prive.membres m where m.email = lower(trim(p_email)) and m.actif and m.user_id is not null)
$$;
revoke execute on function api.membre_destinataire_code(text) from public;
grant execute on function api.membre_destinataire_code(text) to service_role;

-- Crée (ou relie et réactive) la fiche d'un membre pour un compte Auth déjà créé et confirmé.
-- Appelée par le cas d'usage de provisionnement juste après la création du compte Auth.
create function api.membre_provisionner(p_user_id uuid, p_email text, p_prenom text, p_nom text,
  p_role prive.role_membre default 'membre', p_uai text default null, p_fonction text default null) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  fiche prive.membres;
begin
  if p_uai is not null and not exists (select 1 from prive.etablissements e where e.uai = p_uai) then
    raise exception 'ETABLISSEMENT_INCONNU' using errcode = 'P0001', detail = p_uai;
  end if;
  insert into prive.membres as m (user_id, email, prenom, nom, role, uai, fonction)
  values (p_user_id, lower(trim(p_email)), p_prenom, p_nom, p_role, p_uai,
          coalesce(p_fonction, 'Responsable du bureau des entreprises'))
  on conflict (email) do update
     set user_id = excluded.user_id, prenom = excluded.prenom, nom = excluded.nom, role = excluded.role,
         uai = coalesce(excluded.uai, m.uai), fonction = coalesce(p_fonction, m.fonction), actif = true
  returning * into fiche;
  return jsonb_build_object('id', fiche.id, 'email', fiche.email, 'role', fiche.role, 'user_id', fiche.user_id);
end
$$;
revoke execute on function api.membre_provisionner(uuid, text, text, text, prive.role_membre, text, text) from public;
grant execute on function api.membre_provisionner(uuid, text, text, text, prive.role_membre, text, text) to service_role;
