-- Rencontres académiques : le programme (publié depuis content/rencontres/ par api.rencontre_publier),
-- les inscriptions des membres et leurs choix d'ateliers. La base décide seule : capacité sous verrou
-- de la ligne de l'atelier (select … for update), un atelier par créneau (index unique partiel), une
-- inscription par membre et par rencontre (unique), liste d'attente dans l'ordre des décisions.

create type prive.statut_choix as enum ('confirmee', 'en_attente', 'annulee');

-- Une rencontre publiée. Les heures sont celles de Paris, converties en timestamptz à la publication.
create table prive.rencontres (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  titre text not null check (length(titre) between 3 and 200),
  lieu text,
  debut timestamptz not null,
  fin timestamptz not null,
  ouverture timestamptz,
  fermeture timestamptz,
  mode text not null default 'premier_arrive' check (mode in ('premier_arrive', 'voeux')),
  questions jsonb not null default '{}'::jsonb,
  publiee_le timestamptz not null default now(),
  check (fin > debut),
  check ((ouverture is null) = (fermeture is null) and (fermeture is null or fermeture > ouverture))
);

-- Un atelier à places limitées, dans un créneau de la rencontre.
create table prive.ateliers (
  id uuid primary key default gen_random_uuid(),
  rencontre_id uuid not null references prive.rencontres (id) on delete cascade,
  code text not null check (code ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  creneau text not null check (creneau ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  creneau_libelle text not null,
  titre text not null check (length(titre) between 3 and 200),
  salle text,
  capacite int not null check (capacite > 0),
  ordre int not null default 0,
  unique (rencontre_id, code),
  unique (id, creneau)
);

-- Une inscription : une par membre et par rencontre. Les réponses facultatives (repas, régime,
-- accessibilité) sont purgées 30 jours après la rencontre.
create table prive.inscriptions (
  id uuid primary key default gen_random_uuid(),
  rencontre_id uuid not null references prive.rencontres (id) on delete cascade,
  membre_id uuid not null references prive.membres (id) on delete cascade,
  repas boolean,
  regime text check (length(regime) <= 200),
  accessibilite text check (length(accessibilite) <= 500),
  cree_le timestamptz not null default now(),
  annulee_le timestamptz,
  present_le timestamptz,
  unique (rencontre_id, membre_id)
);
create index inscriptions_membre_idx on prive.inscriptions (membre_id);

-- L'ordre des décisions : tiré sous le verrou de l'atelier, il suit l'ordre de validation.
create sequence prive.rang_choix;

-- Le choix d'un atelier par une inscription. Historique gardé : une annulation passe le statut à
-- « annulee » sans supprimer la ligne.
create table prive.choix_ateliers (
  id uuid primary key default gen_random_uuid(),
  inscription_id uuid not null references prive.inscriptions (id) on delete cascade,
  atelier_id uuid not null,
  creneau text not null,
  statut prive.statut_choix not null,
  rang bigint not null default nextval('prive.rang_choix'),
  decide_le timestamptz not null default clock_timestamp(),
  modifie_le timestamptz not null default clock_timestamp(),
  foreign key (atelier_id, creneau) references prive.ateliers (id, creneau) on update cascade on delete cascade
);
-- Un seul atelier actif par créneau et par inscription ; un seul choix actif par atelier et par inscription.
create unique index choix_un_par_creneau on prive.choix_ateliers (inscription_id, creneau) where statut <> 'annulee';
create unique index choix_un_par_atelier on prive.choix_ateliers (inscription_id, atelier_id) where statut <> 'annulee';
create index choix_atelier_statut_idx on prive.choix_ateliers (atelier_id, statut, rang);

alter table prive.rencontres enable row level security;
alter table prive.ateliers enable row level security;
alter table prive.inscriptions enable row level security;
alter table prive.choix_ateliers enable row level security;

-- Lecture seule pour les membres : toute écriture passe par les fonctions api (verrous, règles).
grant select on prive.rencontres, prive.ateliers, prive.choix_ateliers to authenticated;
-- Les réponses d'accessibilité ne sont pas lisibles dans la table (colonne non accordée).
grant select (id, rencontre_id, membre_id, repas, regime, cree_le, annulee_le, present_le) on prive.inscriptions to authenticated;
grant all on prive.rencontres, prive.ateliers, prive.inscriptions, prive.choix_ateliers to service_role;
grant usage on sequence prive.rang_choix to service_role;
-- anon n'appelle que prive.rencontre_places (des nombres) ; aucune table ne lui est accordée.
grant usage on schema prive to anon;

-- L'identifiant de la fiche du membre connecté (null sinon), sans repasser par les politiques.
create function prive.membre_courant() returns uuid
language sql stable security definer set search_path = ''
as $$
  select m.id from prive.membres m where m.user_id = (select auth.uid()) and m.actif and prive.session_vivante()
$$;
revoke execute on function prive.membre_courant() from public;
grant execute on function prive.membre_courant() to authenticated;

create policy "Un membre connecté voit les rencontres publiées"
  on prive.rencontres for select to authenticated
  using ((select prive.role_courant()) is not null);

create policy "Un membre connecté voit les ateliers"
  on prive.ateliers for select to authenticated
  using ((select prive.role_courant()) is not null);

create policy "Un membre voit ses inscriptions"
  on prive.inscriptions for select to authenticated
  using (membre_id = (select prive.membre_courant()));

create policy "Un organisateur voit toutes les inscriptions"
  on prive.inscriptions for select to authenticated
  using ((select prive.role_courant()) in ('organisateur', 'admin'));

create policy "Un membre voit ses choix d’ateliers"
  on prive.choix_ateliers for select to authenticated
  using (exists (select 1 from prive.inscriptions i where i.id = inscription_id and i.membre_id = (select prive.membre_courant())));

create policy "Un organisateur voit tous les choix d’ateliers"
  on prive.choix_ateliers for select to authenticated
  using ((select prive.role_courant()) in ('organisateur', 'admin'));

-- ——— Publication du programme (service_role) ———

-- Publie (ou republie) une rencontre et ses ateliers. Idempotent. Refuse une capacité inférieure aux
-- places déjà confirmées, et le retrait d'un atelier qui a des inscrits, en nommant l'atelier.
-- Entrée : { slug, titre, debut, fin ("AAAA-MM-JJTHH:MM", heure de Paris), ouverture?, fermeture?,
-- mode, questions, ateliers: [{ code, creneau, creneau_libelle, titre, salle, capacite }] }.
create function api.rencontre_publier(p_rencontre jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
declare
  r_id uuid;
  a jsonb;
  atl prive.ateliers;
  confirmees int;
  promus int := 0;
  n int;
  v_ordre int := 0;
  codes text[];
begin
  insert into prive.rencontres as r (slug, titre, lieu, debut, fin, ouverture, fermeture, mode, questions, publiee_le)
  values (
    p_rencontre ->> 'slug', p_rencontre ->> 'titre', p_rencontre ->> 'lieu',
    (p_rencontre ->> 'debut')::timestamp at time zone 'Europe/Paris',
    (p_rencontre ->> 'fin')::timestamp at time zone 'Europe/Paris',
    (p_rencontre ->> 'ouverture')::timestamp at time zone 'Europe/Paris',
    (p_rencontre ->> 'fermeture')::timestamp at time zone 'Europe/Paris',
    coalesce(p_rencontre ->> 'mode', 'premier_arrive'), coalesce(p_rencontre -> 'questions', '{}'::jsonb), now())
  on conflict (slug) do update
     set titre = excluded.titre, lieu = excluded.lieu, debut = excluded.debut, fin = excluded.fin, ouverture = excluded.ouverture,
         fermeture = excluded.fermeture, mode = excluded.mode, questions = excluded.questions
  returning r.id into r_id;

  -- Tous les ateliers de la rencontre verrouillés d'un coup, dans l'ordre des id (comme les inscriptions).
  perform 1 from prive.ateliers t where t.rencontre_id = r_id order by t.id for update;

  select coalesce(array_agg(x ->> 'code'), '{}') into codes from jsonb_array_elements(coalesce(p_rencontre -> 'ateliers', '[]'::jsonb)) x;

  -- Ateliers retirés du programme : seulement s'ils n'ont personne d'inscrit.
  for atl in select * from prive.ateliers where rencontre_id = r_id and code <> all (codes) order by id for update loop
    if exists (select 1 from prive.choix_ateliers c where c.atelier_id = atl.id and c.statut <> 'annulee') then
      raise exception 'ATELIER_RETIRE' using errcode = 'P0001',
        detail = format('L’atelier « %s » (%s) a des inscrits : il ne peut pas être retiré du programme.', atl.titre, atl.code);
    end if;
    delete from prive.ateliers where id = atl.id;
  end loop;

  for a in select * from jsonb_array_elements(coalesce(p_rencontre -> 'ateliers', '[]'::jsonb)) loop
    v_ordre := v_ordre + 1;
    select * into atl from prive.ateliers where rencontre_id = r_id and code = a ->> 'code' for update;
    if found then
      select count(*) into confirmees from prive.choix_ateliers c where c.atelier_id = atl.id and c.statut = 'confirmee';
      if (a ->> 'capacite')::int < confirmees then
        raise exception 'CAPACITE_INSUFFISANTE' using errcode = 'P0001',
          detail = format('L’atelier « %s » (%s) a déjà %s place(s) confirmée(s) : sa capacité ne peut pas descendre à %s.',
                          a ->> 'titre', a ->> 'code', confirmees, a ->> 'capacite');
      end if;
      update prive.ateliers
         set creneau = a ->> 'creneau', creneau_libelle = a ->> 'creneau_libelle', titre = a ->> 'titre',
             salle = a ->> 'salle', capacite = (a ->> 'capacite')::int, ordre = v_ordre
       where id = atl.id;
      -- Capacité augmentée : les premiers en attente prennent les places libérées.
      with promus_ as (
        update prive.choix_ateliers c set statut = 'confirmee', modifie_le = clock_timestamp()
         where c.id in (select c2.id from prive.choix_ateliers c2 where c2.atelier_id = atl.id and c2.statut = 'en_attente'
                         order by c2.rang limit greatest(0, (a ->> 'capacite')::int - confirmees))
        returning 1)
      select count(*) into n from promus_;
      promus := promus + n;
    else
      insert into prive.ateliers (rencontre_id, code, creneau, creneau_libelle, titre, salle, capacite, ordre)
      values (r_id, a ->> 'code', a ->> 'creneau', a ->> 'creneau_libelle', a ->> 'titre', a ->> 'salle', (a ->> 'capacite')::int, v_ordre);
    end if;
  end loop;
  return jsonb_build_object('slug', p_rencontre ->> 'slug', 'ateliers', v_ordre, 'promus', promus);
end
$$;

-- ——— Inscription (le membre) ———

-- Le cœur : décide sous verrou. Security definer pour compter et promouvoir les choix des autres
-- membres ; le membre est toujours celui du jeton (jamais un paramètre).
create function prive.inscrire(p_rencontre text, p_ateliers text[], p_reponses jsonb) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  ren prive.rencontres;
  insc_id uuid;
  voulus uuid[];
  a record;
  retires uuid[];
  promus jsonb := '[]'::jsonb;
  p jsonb;
  confirmees int;
  cap int;
  inconnu text;
  doublon text;
  nouveaux int := 0;
  avant jsonb;
begin
  select * into ren from prive.rencontres where slug = p_rencontre;
  if not found then
    raise exception 'RENCONTRE_INCONNUE' using errcode = 'P0001', hint = p_rencontre;
  end if;
  if ren.ouverture is null or now() < ren.ouverture or now() > ren.fermeture then
    raise exception 'INSCRIPTIONS_FERMEES' using errcode = 'P0001';
  end if;
  if ren.mode <> 'premier_arrive' then
    raise exception 'MODE_VOEUX' using errcode = 'P0001';
  end if;
  if coalesce(cardinality(p_ateliers), 0) = 0 then
    raise exception 'REQUETE_INVALIDE' using errcode = 'P0001', hint = 'Choisissez au moins un atelier.';
  end if;
  select x into inconnu from unnest(p_ateliers) x
   where not exists (select 1 from prive.ateliers t where t.rencontre_id = ren.id and t.code = x) limit 1;
  if inconnu is not null then
    raise exception 'ATELIER_INCONNU' using errcode = 'P0001', hint = inconnu;
  end if;
  select t.creneau_libelle into doublon from prive.ateliers t
   where t.rencontre_id = ren.id and t.code = any (p_ateliers)
   group by t.creneau, t.creneau_libelle having count(*) > 1 limit 1;
  if doublon is not null then
    raise exception 'MEME_CRENEAU' using errcode = 'P0001', hint = doublon;
  end if;
  select array_agg(t.id) into voulus from prive.ateliers t where t.rencontre_id = ren.id and t.code = any (p_ateliers);

  -- Une inscription par membre et par rencontre ; son verrou sérialise les doubles envois.
  insert into prive.inscriptions (rencontre_id, membre_id) values (ren.id, moi)
  on conflict (rencontre_id, membre_id) do nothing;
  select i.id into insc_id from prive.inscriptions i where i.rencontre_id = ren.id and i.membre_id = moi for update;
  select to_jsonb(i) - 'cree_le' into avant from prive.inscriptions i where i.id = insc_id;
  update prive.inscriptions
     set annulee_le = null,
         repas = case when (ren.questions ->> 'repas')::boolean then (p_reponses ->> 'repas')::boolean end,
         regime = case when (ren.questions ->> 'regime')::boolean then nullif(trim(p_reponses ->> 'regime'), '') end,
         accessibilite = case when (ren.questions ->> 'accessibilite')::boolean then nullif(trim(p_reponses ->> 'accessibilite'), '') end
   where id = insc_id;

  -- Choix actifs qui ne sont plus voulus : annulés (et leur place passe au premier en attente).
  select coalesce(array_agg(c.atelier_id), '{}') into retires from prive.choix_ateliers c
   where c.inscription_id = insc_id and c.statut <> 'annulee' and c.atelier_id <> all (voulus);

  -- Verrous des ateliers touchés, toujours dans le même ordre (id) : pas d'interblocage.
  perform 1 from prive.ateliers t where t.id = any (voulus || retires) order by t.id for update;

  for a in select t.id from prive.ateliers t where t.id = any (retires) order by t.id loop
    p := prive.liberer_place(insc_id, a.id);
    if p is not null then promus := promus || p; end if;
  end loop;

  for a in select t.id, t.capacite, t.creneau from prive.ateliers t where t.id = any (voulus) order by t.id loop
    continue when exists (select 1 from prive.choix_ateliers c where c.inscription_id = insc_id and c.atelier_id = a.id and c.statut <> 'annulee');
    select count(*) into confirmees from prive.choix_ateliers c where c.atelier_id = a.id and c.statut = 'confirmee';
    insert into prive.choix_ateliers (inscription_id, atelier_id, creneau, statut)
    values (insc_id, a.id, a.creneau, case when confirmees < a.capacite then 'confirmee' else 'en_attente' end::prive.statut_choix);
    nouveaux := nouveaux + 1;
  end loop;

  -- modifiee = faux pour un double envoi : rien n'a changé (pas de second courriel de confirmation).
  return jsonb_build_object('inscription', prive.inscription_detail(insc_id), 'promus', promus,
    'modifiee', nouveaux > 0 or cardinality(retires) > 0
                or avant is distinct from (select to_jsonb(i) - 'cree_le' from prive.inscriptions i where i.id = insc_id));
end
$$;

-- Annule le choix actif d'une inscription pour un atelier (verrou de l'atelier déjà pris) ; si c'était
-- une place confirmée, le premier en attente la prend. Renvoie la personne promue, ou null.
create function prive.liberer_place(p_inscription uuid, p_atelier uuid) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  ancien prive.statut_choix;
  promu uuid;
  resultat jsonb;
begin
  -- L'appelant tient déjà le verrou de l'atelier et celui de l'inscription : lecture puis écriture sûres.
  select c.statut into ancien from prive.choix_ateliers c
   where c.inscription_id = p_inscription and c.atelier_id = p_atelier and c.statut <> 'annulee';
  update prive.choix_ateliers c set statut = 'annulee', modifie_le = clock_timestamp()
   where c.inscription_id = p_inscription and c.atelier_id = p_atelier and c.statut <> 'annulee';
  if ancien is distinct from 'confirmee' then return null; end if;
  update prive.choix_ateliers c set statut = 'confirmee', modifie_le = clock_timestamp()
   where c.id = (select c2.id from prive.choix_ateliers c2 where c2.atelier_id = p_atelier and c2.statut = 'en_attente' order by c2.rang limit 1)
  returning c.id into promu;
  if promu is null then return null; end if;
  select jsonb_build_object('email', m.email, 'prenom', m.prenom, 'nom', m.nom, 'atelier', t.code, 'titre', t.titre,
                            'creneau', t.creneau_libelle, 'rencontre', r.slug, 'rencontre_titre', r.titre)
    into resultat
    from prive.choix_ateliers c join prive.inscriptions i on i.id = c.inscription_id join prive.membres m on m.id = i.membre_id
    join prive.ateliers t on t.id = c.atelier_id join prive.rencontres r on r.id = t.rencontre_id
   where c.id = promu;
  return resultat;
end
$$;

-- Une inscription et ses choix actifs, avec la position en liste d'attente.
create function prive.inscription_detail(p_inscription uuid) returns jsonb
language sql stable security definer set search_path = ''
as $$
  select jsonb_build_object(
    'id', i.id, 'rencontre', r.slug, 'titre', r.titre, 'lieu', r.lieu, 'debut', r.debut, 'fin', r.fin,
    'membre', jsonb_build_object('email', m.email, 'prenom', m.prenom, 'nom', m.nom),
    'annulee', i.annulee_le is not null, 'present', i.present_le is not null,
    'reponses', jsonb_build_object('repas', i.repas, 'regime', i.regime, 'accessibilite', i.accessibilite),
    'ateliers', coalesce((
      select jsonb_agg(jsonb_build_object(
               'atelier', t.code, 'titre', t.titre, 'salle', t.salle, 'creneau', t.creneau, 'creneau_libelle', t.creneau_libelle,
               'statut', c.statut,
               'position', case when c.statut = 'en_attente' then
                 (select count(*) + 1 from prive.choix_ateliers w where w.atelier_id = c.atelier_id and w.statut = 'en_attente' and w.rang < c.rang) end)
             order by t.ordre)
        from prive.choix_ateliers c join prive.ateliers t on t.id = c.atelier_id
       where c.inscription_id = i.id and c.statut <> 'annulee'), '[]'::jsonb))
    from prive.inscriptions i join prive.rencontres r on r.id = i.rencontre_id join prive.membres m on m.id = i.membre_id
   where i.id = p_inscription
$$;

-- Annule un atelier (p_atelier) ou toute l'inscription (p_atelier null). Toujours possible, même
-- inscriptions closes, tant que la rencontre n'a pas commencé. Renvoie les personnes promues.
create function prive.annuler(p_rencontre text, p_atelier text) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
  ren prive.rencontres;
  insc_id uuid;
  cibles uuid[];
  a record;
  p jsonb;
  promus jsonb := '[]'::jsonb;
begin
  select * into ren from prive.rencontres where slug = p_rencontre;
  if not found then
    raise exception 'RENCONTRE_INCONNUE' using errcode = 'P0001', hint = p_rencontre;
  end if;
  if now() >= ren.debut then
    raise exception 'RENCONTRE_COMMENCEE' using errcode = 'P0001';
  end if;
  if p_atelier is not null and not exists (select 1 from prive.ateliers t where t.rencontre_id = ren.id and t.code = p_atelier) then
    raise exception 'ATELIER_INCONNU' using errcode = 'P0001', hint = p_atelier;
  end if;
  select i.id into insc_id from prive.inscriptions i where i.rencontre_id = ren.id and i.membre_id = moi and i.annulee_le is null for update;
  if insc_id is null then
    raise exception 'NON_INSCRIT' using errcode = 'P0001';
  end if;
  select coalesce(array_agg(c.atelier_id), '{}') into cibles from prive.choix_ateliers c join prive.ateliers t on t.id = c.atelier_id
   where c.inscription_id = insc_id and c.statut <> 'annulee' and (p_atelier is null or t.code = p_atelier);
  if p_atelier is not null and cardinality(cibles) = 0 then
    raise exception 'NON_INSCRIT' using errcode = 'P0001', hint = p_atelier;
  end if;
  perform 1 from prive.ateliers t where t.id = any (cibles) order by t.id for update;
  for a in select t.id from prive.ateliers t where t.id = any (cibles) order by t.id loop
    p := prive.liberer_place(insc_id, a.id);
    if p is not null then promus := promus || p; end if;
  end loop;
  -- Plus aucun atelier actif : l'inscription entière est annulée.
  if not exists (select 1 from prive.choix_ateliers c where c.inscription_id = insc_id and c.statut <> 'annulee') then
    update prive.inscriptions set annulee_le = now() where id = insc_id;
  end if;
  return jsonb_build_object('inscription', prive.inscription_detail(insc_id), 'promus', promus);
end
$$;

-- Places restantes par atelier (lecture publique : des nombres, aucun nom).
create function prive.rencontre_places(p_rencontre text) returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  ren prive.rencontres;
begin
  select * into ren from prive.rencontres where slug = p_rencontre;
  if not found then
    raise exception 'RENCONTRE_INCONNUE' using errcode = 'P0001', hint = p_rencontre;
  end if;
  return jsonb_build_object(
    'rencontre', ren.slug,
    'ouverte', ren.ouverture is not null and now() between ren.ouverture and ren.fermeture,
    'ateliers', coalesce((
      select jsonb_agg(jsonb_build_object('atelier', t.code, 'creneau', t.creneau, 'capacite', t.capacite,
               'confirmees', s.confirmees, 'en_attente', s.en_attente, 'restantes', greatest(0, t.capacite - s.confirmees)) order by t.ordre)
        from prive.ateliers t
        cross join lateral (
          select count(*) filter (where c.statut = 'confirmee')::int as confirmees,
                 count(*) filter (where c.statut = 'en_attente')::int as en_attente
            from prive.choix_ateliers c where c.atelier_id = t.id) s
       where t.rencontre_id = ren.id), '[]'::jsonb));
end
$$;

-- Organisateurs : la rencontre, par atelier les inscrits confirmés et la liste d'attente, et les
-- présences. Les besoins d'accessibilité sont signalés (oui/non) ; leur texte reste visible, car
-- l'organisateur est celui qui aménage, mais il n'est jamais dans la table accessible en lecture.
create function prive.rencontre_participants(p_rencontre text) returns jsonb
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
  return jsonb_build_object(
    'rencontre', jsonb_build_object('slug', ren.slug, 'titre', ren.titre, 'debut', ren.debut, 'fin', ren.fin),
    'ateliers', coalesce((
      select jsonb_agg(jsonb_build_object('atelier', t.code, 'titre', t.titre, 'salle', t.salle, 'creneau', t.creneau_libelle, 'capacite', t.capacite,
        'confirmes', coalesce((select jsonb_agg(jsonb_build_object('inscription', i.id, 'prenom', m.prenom, 'nom', m.nom, 'email', m.email,
                                 'etablissement', e.nom, 'present', i.present_le is not null) order by m.nom, m.prenom)
                                from prive.choix_ateliers c join prive.inscriptions i on i.id = c.inscription_id join prive.membres m on m.id = i.membre_id
                                left join prive.etablissements e on e.uai = m.uai
                               where c.atelier_id = t.id and c.statut = 'confirmee'), '[]'::jsonb),
        'attente', coalesce((select jsonb_agg(jsonb_build_object('inscription', i.id, 'prenom', m.prenom, 'nom', m.nom, 'email', m.email) order by c.rang)
                              from prive.choix_ateliers c join prive.inscriptions i on i.id = c.inscription_id join prive.membres m on m.id = i.membre_id
                             where c.atelier_id = t.id and c.statut = 'en_attente'), '[]'::jsonb)) order by t.ordre)
        from prive.ateliers t where t.rencontre_id = ren.id), '[]'::jsonb),
    'inscrits', coalesce((
      select jsonb_agg(jsonb_build_object('inscription', i.id, 'prenom', m.prenom, 'nom', m.nom, 'email', m.email, 'etablissement', e.nom,
               'present', i.present_le is not null, 'repas', i.repas, 'regime', i.regime,
               'besoin_accessibilite', i.accessibilite is not null, 'accessibilite', i.accessibilite,
               'ateliers', coalesce((select jsonb_agg(jsonb_build_object('atelier', t.code, 'titre', t.titre, 'creneau', t.creneau_libelle, 'statut', c.statut) order by t.ordre)
                                      from prive.choix_ateliers c join prive.ateliers t on t.id = c.atelier_id
                                     where c.inscription_id = i.id and c.statut <> 'annulee'), '[]'::jsonb))
             order by m.nom, m.prenom)
        from prive.inscriptions i join prive.membres m on m.id = i.membre_id left join prive.etablissements e on e.uai = m.uai
       where i.rencontre_id = ren.id and i.annulee_le is null), '[]'::jsonb));
end
$$;

-- Organisateurs : pointe (ou dépointe) la présence d'un inscrit. Idempotent.
create function prive.pointer(p_rencontre text, p_inscription uuid, p_present boolean) returns jsonb
language plpgsql volatile security definer set search_path = ''
as $$
declare
  resultat jsonb;
begin
  perform prive.exiger_membre();
  if prive.role_courant() not in ('organisateur', 'admin') then
    raise exception 'ORGANISATEUR_REQUIS' using errcode = 'P0001';
  end if;
  if not exists (select 1 from prive.rencontres r where r.slug = p_rencontre) then
    raise exception 'RENCONTRE_INCONNUE' using errcode = 'P0001', hint = p_rencontre;
  end if;
  update prive.inscriptions i
     set present_le = case when p_present then coalesce(i.present_le, now()) end
    from prive.rencontres r
   where r.id = i.rencontre_id and r.slug = p_rencontre and i.id = p_inscription and i.annulee_le is null
  returning jsonb_build_object('inscription', i.id, 'present', i.present_le is not null) into resultat;
  if resultat is null then
    raise exception 'NON_INSCRIT' using errcode = 'P0001';
  end if;
  return resultat;
end
$$;

revoke execute on function prive.inscrire(text, text[], jsonb), prive.liberer_place(uuid, uuid), prive.inscription_detail(uuid),
  prive.annuler(text, text), prive.rencontre_places(text), prive.rencontre_participants(text), prive.pointer(text, uuid, boolean) from public;
-- inscription_detail et liberer_place ne sont appelées que par les fonctions ci-dessus (propriétaire) :
-- un membre ne lit pas le détail de l'inscription d'un autre.
grant execute on function prive.inscrire(text, text[], jsonb), prive.annuler(text, text), prive.rencontre_participants(text),
  prive.pointer(text, uuid, boolean) to authenticated;
grant execute on function prive.rencontre_places(text) to anon, authenticated, service_role;

-- ——— La surface api (security invoker) ———

-- Inscrit le membre (ou modifie son inscription : la liste donne tous les ateliers voulus).
create function api.inscrire(p_rencontre text, p_ateliers text[], p_reponses jsonb default '{}'::jsonb) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  perform prive.exiger_membre();
  return prive.inscrire(p_rencontre, p_ateliers, coalesce(p_reponses, '{}'::jsonb));
end
$$;

create function api.annuler(p_rencontre text, p_atelier text default null) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  perform prive.exiger_membre();
  return prive.annuler(p_rencontre, p_atelier);
end
$$;

-- Mes inscriptions actives, rencontre par rencontre (les plus proches d'abord).
create function prive.mes_inscriptions() returns jsonb
language plpgsql stable security definer set search_path = ''
as $$
declare
  moi uuid := prive.exiger_membre();
begin
  return coalesce((select jsonb_agg(prive.inscription_detail(i.id) order by r.debut)
                     from prive.inscriptions i join prive.rencontres r on r.id = i.rencontre_id
                    where i.membre_id = moi and i.annulee_le is null), '[]'::jsonb);
end
$$;
revoke execute on function prive.mes_inscriptions() from public;
grant execute on function prive.mes_inscriptions() to authenticated;

create function api.mes_inscriptions() returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
begin
  perform prive.exiger_membre();
  return prive.mes_inscriptions();
end
$$;

create function api.rencontre_places(p_rencontre text) returns jsonb
language sql stable security invoker set search_path = ''
as $$
  select prive.rencontre_places(p_rencontre)
$$;

create function api.rencontre_participants(p_rencontre text) returns jsonb
language plpgsql stable security invoker set search_path = ''
as $$
begin
  perform prive.exiger_membre();
  return prive.rencontre_participants(p_rencontre);
end
$$;

create function api.pointer(p_rencontre text, p_inscription uuid, p_present boolean default true) returns jsonb
language plpgsql volatile security invoker set search_path = ''
as $$
begin
  perform prive.exiger_membre();
  return prive.pointer(p_rencontre, p_inscription, p_present);
end
$$;

revoke execute on function api.rencontre_publier(jsonb), api.inscrire(text, text[], jsonb), api.annuler(text, text),
  api.mes_inscriptions(), api.rencontre_places(text), api.rencontre_participants(text), api.pointer(text, uuid, boolean) from public;
grant execute on function api.rencontre_publier(jsonb) to service_role;
grant execute on function api.inscrire(text, text[], jsonb), api.annuler(text, text), api.mes_inscriptions(),
  api.rencontre_participants(text), api.pointer(text, uuid, boolean) to authenticated;
grant execute on function api.rencontre_places(text) to anon, authenticated, service_role;
