-- Données de démonstration UNIQUEMENT : personnes et lycées fictifs, domaine réservé exemple.test.
-- Ne jamais charger en production.

insert into prive.etablissements (uai, nom, commune, departement) values
  ('0119901A', 'Lycée professionnel des Remparts (fictif)', 'Carcassonne', '11'),
  ('0119902B', 'Lycée polyvalent du Canal (fictif)', 'Narbonne', '11'),
  ('0309901C', 'Lycée professionnel des Arènes (fictif)', 'Nîmes', '30'),
  ('0309902D', 'Lycée polyvalent des Cévennes (fictif)', 'Alès', '30'),
  ('0349901E', 'Lycée professionnel de l’Écusson (fictif)', 'Montpellier', '34'),
  ('0349902F', 'Lycée professionnel du Port (fictif)', 'Sète', '34'),
  ('0349903G', 'Lycée polyvalent de l’Orb (fictif)', 'Béziers', '34'),
  ('0489901H', 'Lycée professionnel du Gévaudan (fictif)', 'Mende', '48'),
  ('0669901J', 'Lycée professionnel du Canigou (fictif)', 'Perpignan', '66'),
  ('0669902K', 'Lycée polyvalent de la Têt (fictif)', 'Prades', '66')
on conflict do nothing;

-- Comptes Auth déjà confirmés, écrits comme Supabase Auth les écrirait (instance_id nul, aud
-- « authenticated », jetons vides et non NULL, sinon GoTrue échoue en lisant la ligne), pour que
-- `supabase start` les accepte aussi.
insert into auth.users (instance_id, id, aud, role, email, email_confirmed_at, confirmation_token, recovery_token,
                        email_change_token_new, email_change, raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
select '00000000-0000-0000-0000-000000000000', v.id::uuid, 'authenticated', 'authenticated', v.email, now(), '', '', '', '',
       '{"provider":"email","providers":["email"]}', '{}', now(), now()
  from (values
    ('00000000-0000-4000-8000-000000000001', 'admin@exemple.test'),
    ('00000000-0000-4000-8000-000000000002', 'organisation@exemple.test'),
    ('00000000-0000-4000-8000-000000000003', 'membre@exemple.test'),
    ('00000000-0000-4000-8000-000000000004', 'alice.martin@exemple.test'),
    ('00000000-0000-4000-8000-000000000005', 'bruno.garcia@exemple.test'),
    ('00000000-0000-4000-8000-000000000006', 'chloe.bernard@exemple.test'),
    ('00000000-0000-4000-8000-000000000007', 'david.roux@exemple.test'),
    ('00000000-0000-4000-8000-000000000008', 'emma.fabre@exemple.test'),
    ('00000000-0000-4000-8000-000000000009', 'farid.benali@exemple.test'),
    ('00000000-0000-4000-8000-000000000010', 'gaelle.vidal@exemple.test'),
    ('00000000-0000-4000-8000-000000000011', 'hugo.mas@exemple.test'),
    ('00000000-0000-4000-8000-000000000012', 'ines.puig@exemple.test'),
    ('00000000-0000-4000-8000-000000000013', 'jules.teissier@exemple.test'),
    ('00000000-0000-4000-8000-000000000014', 'karima.soler@exemple.test')
  ) as v (id, email)
on conflict do nothing;

insert into prive.membres (user_id, email, role, prenom, nom, fonction, uai, telephone) values
  ('00000000-0000-4000-8000-000000000001', 'admin@exemple.test', 'admin', 'Adèle', 'Administratrice', 'Coordinatrice académique du réseau (fictive)', '0349901E', '04 00 00 00 01'),
  ('00000000-0000-4000-8000-000000000002', 'organisation@exemple.test', 'organisateur', 'Olivier', 'Organisateur', 'Chargé des rencontres académiques (fictif)', '0349902F', null),
  ('00000000-0000-4000-8000-000000000003', 'membre@exemple.test', 'membre', 'Marie', 'Membre', 'Responsable du bureau des entreprises', '0309901C', '04 00 00 00 03'),
  ('00000000-0000-4000-8000-000000000004', 'alice.martin@exemple.test', 'membre', 'Alice', 'Martin', 'Responsable du bureau des entreprises', '0119901A', null),
  ('00000000-0000-4000-8000-000000000005', 'bruno.garcia@exemple.test', 'membre', 'Bruno', 'Garcia', 'Responsable du bureau des entreprises', '0119902B', null),
  ('00000000-0000-4000-8000-000000000006', 'chloe.bernard@exemple.test', 'membre', 'Chloé', 'Bernard', 'Responsable du bureau des entreprises', '0309902D', null),
  ('00000000-0000-4000-8000-000000000007', 'david.roux@exemple.test', 'membre', 'David', 'Roux', 'Responsable du bureau des entreprises', '0349903G', null),
  ('00000000-0000-4000-8000-000000000008', 'emma.fabre@exemple.test', 'membre', 'Emma', 'Fabre', 'Responsable du bureau des entreprises', '0489901H', null),
  ('00000000-0000-4000-8000-000000000009', 'farid.benali@exemple.test', 'membre', 'Farid', 'Benali', 'Responsable du bureau des entreprises', '0669901J', null),
  ('00000000-0000-4000-8000-000000000010', 'gaelle.vidal@exemple.test', 'membre', 'Gaëlle', 'Vidal', 'Responsable du bureau des entreprises', '0669902K', null),
  ('00000000-0000-4000-8000-000000000011', 'hugo.mas@exemple.test', 'membre', 'Hugo', 'Mas', 'Responsable du bureau des entreprises', '0349901E', null),
  ('00000000-0000-4000-8000-000000000012', 'ines.puig@exemple.test', 'membre', 'Inès', 'Puig', 'Responsable du bureau des entreprises', '0669901J', null),
  ('00000000-0000-4000-8000-000000000013', 'jules.teissier@exemple.test', 'membre', 'Jules', 'Teissier', 'Responsable du bureau des entreprises', '0489901H', null),
  ('00000000-0000-4000-8000-000000000014', 'karima.soler@exemple.test', 'membre', 'Karima', 'Soler', 'Responsable du bureau des entreprises', '0309901C', null)
on conflict do nothing;

-- Annuaire : communes (code INSEE), bassins (selon src/academie.ts) et type des lycées fictifs.
update prive.etablissements e set code_commune = v.code, bassin = v.bassin, type = 'Lycée'
  from (values
    ('0119901A', '11069', 'Carcassonne'), ('0119902B', '11262', 'Narbonne'),
    ('0309901C', '30189', 'Nîmes'), ('0309902D', '30007', 'Alès'),
    ('0349901E', '34172', 'Montpellier'), ('0349902F', '34301', 'Sète'), ('0349903G', '34032', 'Béziers'),
    ('0489901H', '48095', 'Mende'), ('0669901J', '66136', 'Perpignan'), ('0669902K', '66149', 'Prades')
  ) as v (uai, code, bassin)
 where e.uai = v.uai;

-- Annuaire : fiches des membres fictifs (secteurs, expertises liées aux thèmes des guides, visibilités).
update prive.membres m set secteurs = v.secteurs, expertises = v.expertises, presentation = v.presentation,
       langues = v.langues, accompagne = v.accompagne, visibilites = v.visibilites::jsonb,
       fiche_modifiee_le = now() - interval '30 days'
  from (values
    ('admin@exemple.test', '{"Commerce","Vente"}'::text[], '{"pilotage","donnees"}'::text[], 'Coordinatrice du réseau (personne fictive).', '{"anglais"}'::text[], true, '{}'),
    ('membre@exemple.test', '{"Hôtellerie-restauration"}', '{"pfmp","convention"}', 'Je suis en poste depuis trois ans (personne fictive).', '{"espagnol"}', false, '{"telephone":"organisateurs"}'),
    ('alice.martin@exemple.test', '{"Maintenance des véhicules","Chaudronnerie"}', '{"pfmp","mineurs"}', null, '{}', true, '{}'),
    ('bruno.garcia@exemple.test', '{"Logistique","Transport"}', '{"apprentissage","insertion"}', null, '{"catalan"}', false, '{}'),
    ('chloe.bernard@exemple.test', '{"Métiers de la mode"}', '{"international","partenariats"}', 'Mobilité Erasmus+ depuis 2020 (personne fictive).', '{"anglais","italien"}', true, '{"presentation":"moi"}'),
    ('david.roux@exemple.test', '{"Électrotechnique"}', '{"allocation","convention"}', null, '{}', false, '{"etablissement":"organisateurs"}'),
    ('emma.fabre@exemple.test', '{"Agriculture","Services aux personnes"}', '{"orientation","role-rbde"}', null, '{"occitan"}', true, '{}'),
    ('farid.benali@exemple.test', '{"Commerce"}', '{"outils","pfmp"}', null, '{"arabe","espagnol"}', false, '{"email":"moi"}'),
    ('gaelle.vidal@exemple.test', '{"Bâtiment"}', '{"mineurs","apprentissage"}', null, '{"catalan"}', false, '{}'),
    ('hugo.mas@exemple.test', '{"Numérique"}', '{"partenariats","insertion"}', null, '{}', false, '{}'),
    ('ines.puig@exemple.test', '{"Hôtellerie-restauration"}', '{"international"}', null, '{"catalan","espagnol"}', false, '{}'),
    ('jules.teissier@exemple.test', '{"Agriculture"}', '{"role-rbde"}', null, '{}', false, '{}'),
    ('karima.soler@exemple.test', '{"Gestion-administration"}', '{"donnees","outils"}', null, '{}', false, '{}')
  ) as v (email, secteurs, expertises, presentation, langues, accompagne, visibilites)
 where m.email = v.email;

-- Arrivées : il y a plus d'un an pour tous, sauf deux récentes (« Nouveaux dans le réseau »).
update prive.membres set cree_le = now() - interval '400 days';
update prive.membres set cree_le = now() - interval '12 days', fiche_modifiee_le = null where email in ('jules.teissier@exemple.test', 'karima.soler@exemple.test');
update prive.membres set telephone = '04 00 00 00 07' where email = 'david.roux@exemple.test';
update prive.membres set telephone = '04 00 00 00 09' where email = 'farid.benali@exemple.test';
