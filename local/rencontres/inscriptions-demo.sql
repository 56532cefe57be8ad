-- Inscriptions de démonstration (personnes fictives) à la rencontre de démonstration, posées par
-- « npm start » après la publication du programme. Idempotent. L'atelier à une place
-- (premier-contact) reste libre : on y essaie soi-même « dernière place », puis « liste d'attente ».
insert into prive.inscriptions (rencontre_id, membre_id, repas, regime)
select r.id, m.id, true, case when m.email = 'chloe.bernard@exemple.test' then 'végétarien' end
  from prive.rencontres r, prive.membres m
 where r.slug = 'rencontre-demonstration'
   and m.email in ('chloe.bernard@exemple.test', 'david.roux@exemple.test', 'emma.fabre@exemple.test', 'farid.benali@exemple.test')
on conflict (rencontre_id, membre_id) do nothing;

insert into prive.choix_ateliers (inscription_id, atelier_id, creneau, statut)
select i.id, t.id, t.creneau, 'confirmee'
  from prive.inscriptions i
  join prive.rencontres r on r.id = i.rencontre_id and r.slug = 'rencontre-demonstration'
  join prive.ateliers t on t.rencontre_id = r.id and t.code in ('convention', 'reseau-anciens')
 where not exists (select 1 from prive.choix_ateliers c where c.inscription_id = i.id);

-- Vœux de démonstration (personnes fictives) pour la rencontre à vœux classés, déjà close : cinq
-- personnes pour deux ateliers de deux places, la plupart préfèrent le jury. Idempotent.
insert into prive.voeux (rencontre_id, membre_id, atelier_id, creneau, rang)
select r.id, m.id, t.id, t.creneau,
       case when (t.code = 'voeux-jury') = (m.email <> 'hugo.mas@exemple.test') then 1 else 2 end
  from prive.rencontres r
  join prive.ateliers t on t.rencontre_id = r.id
  join prive.membres m on m.email in ('membre@exemple.test', 'chloe.bernard@exemple.test', 'david.roux@exemple.test',
                                      'gaelle.vidal@exemple.test', 'hugo.mas@exemple.test')
 where r.slug = 'rencontre-demonstration-voeux'
on conflict do nothing;
