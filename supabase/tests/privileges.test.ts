// Qui peut exécuter chaque fonction des schémas api et prive : chaque fonction × chaque rôle,
// contre le tableau ATTENDU ci-dessous. Une fonction absente du tableau fait échouer le test :
// la première fonction nouvelle ne peut pas ouvrir de brèche sans que quelqu'un l'ait décidé.
// Tourne sur PGlite, et aussi sur PostgreSQL quand DATABASE_URL est donné.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../local/base/base.ts';
import { creerBaseDeTest, GENRES_DE_BASE } from '../../local/tests/base-test.ts';

/** « public » : un rôle neuf à qui rien n'a été accordé, qui n'a donc que les droits de PUBLIC. */
type Role = 'public' | 'anon' | 'authenticated' | 'service_role';
const ROLES: Role[] = ['public', 'anon', 'authenticated', 'service_role'];

/** Les rôles qui exécutent chaque fonction, par signature (`schema.nom(types)`). Le propriétaire
 *  (postgres) n'est pas listé : il peut toujours tout exécuter. */
const ATTENDU: Record<string, Role[]> = {
  'api.moi()': ['authenticated'],
  'api.sante()': ['anon', 'authenticated', 'service_role'],
  'api.code_demander(text,text,text)': ['service_role'],
  'api.code_tenter(text,text,text)': ['service_role'],
  'api.code_reussir(text)': ['service_role'],
  'api.connexions_purger()': ['service_role'],
  'api.membre_destinataire_code(text)': ['service_role'],
  'api.membre_provisionner(uuid,text,text,text,prive.role_membre,text,text)': ['service_role'],
  'prive.role_courant()': ['authenticated'],
  'prive.session_vivante()': ['authenticated'],
  'prive.exiger_membre()': ['authenticated'],
  'prive.limites_connexion()': ['service_role'],
  'prive.attente_fenetre(timestamp with time zone,interval)': ['service_role'],
  'prive.dans_fenetre(text,interval,integer,text,text)': ['service_role'],
  // Rencontres.
  'api.rencontre_publier(jsonb)': ['service_role'],
  'api.inscrire(text,text[],jsonb)': ['authenticated'],
  'api.annuler(text,text)': ['authenticated'],
  'api.mes_inscriptions()': ['authenticated'],
  'api.rencontre_places(text)': ['anon', 'authenticated', 'service_role'],
  'api.rencontre_participants(text)': ['authenticated'],
  'api.rencontre_destinataires(text,text)': ['authenticated'],
  'api.pointer(text,uuid,boolean)': ['authenticated'],
  'api.rencontres_purger()': ['service_role'],
  'prive.membre_courant()': ['authenticated'],
  'prive.inscrire(text,text[],jsonb)': ['authenticated'],
  'prive.annuler(text,text)': ['authenticated'],
  'prive.mes_inscriptions()': ['authenticated'],
  'prive.rencontre_places(text)': ['anon', 'authenticated', 'service_role'],
  'prive.rencontre_participants(text)': ['authenticated'],
  'prive.rencontre_destinataires(text,text)': ['authenticated'],
  'prive.pointer(text,uuid,boolean)': ['authenticated'],
  // Vœux classés. La clé de tirage est un calcul pur (sha256), sans donnée : exécutable par qui est connecté.
  'api.voeux_enregistrer(text,jsonb)': ['authenticated'],
  'api.mes_voeux(text)': ['authenticated'],
  'api.allocation_donnees(text)': ['authenticated'],
  'api.allocation_publier(text,text,jsonb)': ['authenticated'],
  'prive.voeux_enregistrer(text,jsonb)': ['authenticated'],
  'prive.mes_voeux(text)': ['authenticated'],
  'prive.allocation_donnees(text)': ['authenticated'],
  'prive.allocation_publier(text,text,jsonb)': ['authenticated'],
  'prive.cle_de_tirage(text,uuid)': ['authenticated', 'service_role'],
  // Appelée seulement par les fonctions ci-dessus (propriétaire) : un membre ne lit pas les vœux d'un autre.
  'prive.mes_voeux_detail(uuid,uuid)': [],
  // Appelées seulement par les fonctions ci-dessus (propriétaire) : un membre ne lit pas l'inscription d'un autre.
  'prive.liberer_place(uuid,uuid)': [],
  'prive.inscription_detail(uuid)': [],
  // Fonction de déclencheur : EXECUTE n'est pas vérifié quand le déclencheur part.
  'prive.proteger_colonnes_membre()': [],
  // Annuaire (issue 8) : les fonctions api.annuaire_* et api.admin_* vérifient elles-mêmes le rôle (exiger_membre, exiger_admin).
  'api.admin_changer_role(uuid,prive.role_membre)': ['authenticated'],
  'api.admin_desactiver(uuid)': ['authenticated'],
  'api.admin_exiger()': ['authenticated'],
  'api.admin_journal(integer)': ['authenticated'],
  'api.admin_journaliser_invitation(uuid)': ['authenticated'],
  'api.admin_membres()': ['authenticated'],
  'api.admin_reactiver(uuid)': ['authenticated'],
  'api.annuaire_effacer()': ['authenticated'],
  'api.annuaire_exporter()': ['authenticated'],
  'api.annuaire_fiche(uuid,text[])': ['authenticated'],
  'api.annuaire_filtres()': ['authenticated'],
  'api.annuaire_liste_organisateurs(text,text,text,text,text,text,boolean,boolean)': ['authenticated'],
  'api.annuaire_modifier(text,text,text,text,text,text[],text[],text,text[],boolean,jsonb)': ['authenticated'],
  'api.annuaire_moi()': ['authenticated'],
  'api.annuaire_qui_contacter(text[],integer)': ['authenticated'],
  'api.annuaire_rechercher(text,text,text,text,text,text,boolean,boolean,integer,integer)': ['authenticated'],
  'api.membres_purger()': ['service_role'],
  'api.fiches_a_rappeler(integer)': ['service_role'],
  // Aides internes de l'annuaire : appelées par les fonctions security definer (en propriétaire), par personne d'autre.
  'prive.cible_admin(uuid)': [],
  'prive.dater_desactivation()': [],
  'prive.exiger_admin()': [],
  'prive.fiche_json(prive.fiche_visible)': [],
  'prive.fiches_visibles()': [],
  'prive.garder_un_admin(uuid)': [],
  'prive.ma_fiche(uuid)': [],
  'prive.replier(text)': [],
  'prive.voit(text,boolean,prive.role_membre)': [],
  // Contraintes CHECK de prive.membres : évaluées pour toute écriture.
  'prive.champs_masquables()': ['authenticated', 'service_role'],
  'prive.textes_valides(text[],integer)': ['authenticated', 'service_role'],
  'prive.themes_expertise()': ['authenticated', 'service_role'],
  'prive.visibilites_valides(jsonb)': ['authenticated', 'service_role'],
  'api.periode_pfmp_publier(text,text,text,date,date,integer)': ['authenticated'],
  'api.periode_pfmp_retirer(uuid)': ['authenticated'],
  'api.periodes_pfmp_miennes()': ['authenticated'],
  'api.periodes_pfmp_importer(jsonb)': ['authenticated'],
  'api.calendrier_pfmp_abonnement_creer()': ['authenticated'],
  'api.calendrier_pfmp_abonnement_revoquer()': ['authenticated'],
  'api.calendrier_pfmp_ics(text)': ['service_role'],
  'api.calendrier_pfmp_reseau(date,date,integer,text)': ['authenticated'],
  'prive.uai_du_membre()': ['authenticated'],
  'prive.uai_courant()': ['authenticated'],
  'prive.periode_json(prive.periodes_pfmp)': ['authenticated'],
  'api.formations_importer(jsonb)': ['service_role'],
  'api.formation_ajouter(text,text,text,text)': ['authenticated'],
  'prive.formation_json(prive.formations)': ['authenticated'],
  // Fonction de déclencheur du calendrier des PFMP.
  'prive.refuser_chevauchement_pfmp()': [],
  // Carnet des entreprises et bourse aux places (issue 9).
  'api.carnet_exporter()': ['authenticated'],
  'api.contact_ajouter(uuid,text,text,text,text)': ['authenticated'],
  'api.contact_opposition(uuid)': ['authenticated'],
  'api.contacts_purger()': ['service_role'],
  'api.note_enregistrer(uuid,text)': ['authenticated'],
  'api.offre_publier(uuid,text,date,date,integer,text)': ['authenticated'],
  'api.offres_rechercher(text,text,text,text,date,date,boolean,integer,integer)': ['authenticated'],
  'api.organisation_doublons(text,text,text,uuid)': ['authenticated'],
  'api.organisation_enregistrer(uuid,text,text,text,text,text,text,text,prive.taille_organisation,date,boolean)': ['authenticated'],
  'api.organisation_lire(uuid)': ['authenticated'],
  'api.organisations_rechercher(text,text,text,text,text)': ['authenticated'],
  'api.place_reserver(uuid,text,text)': ['authenticated'],
  'api.reservation_confirmer(uuid)': ['authenticated'],
  'api.reservations_lister()': ['authenticated'],
  'api.retour_ajouter(uuid,text,smallint,smallint,smallint,smallint,boolean)': ['authenticated'],
  'prive.coordonnees_membre(uuid)': ['authenticated'],
  'prive.journaliser(uuid,text,jsonb)': ['authenticated'],
  'prive.nom_normalise(text)': ['authenticated', 'service_role'],
  'prive.siret_valide(text)': ['authenticated', 'service_role'],
  'prive.proteger_offre()': [],
  // Carnet, suite (issue 9, partie A) : import, doublons par nom proche, fusion, liens, recherche.
  'api.carnet_import_doublons(jsonb)': ['authenticated'],
  'api.carnet_importer(jsonb)': ['authenticated'],
  'api.carnet_rechercher(text,text,text,text,text,date,date,boolean,integer,integer)': ['authenticated'],
  'api.organisations_fusionner(uuid,uuid)': ['authenticated'],
  'api.partenariat_declarer(uuid,text)': ['authenticated'],
  'api.partenariat_retirer(uuid,text)': ['authenticated'],
  'prive.concerne_par(uuid)': ['authenticated'],
  'prive.noms_proches(text,text)': ['authenticated', 'service_role'],
  'prive.similarite_noms(text,text)': ['authenticated', 'service_role'],
  'prive.similarite_trigrammes(text[],text[])': ['authenticated', 'service_role'],
  'prive.trigrammes(text)': ['authenticated', 'service_role'],
  // Fonctions de déclencheur : date du dernier contact et dernière activité des contacts.
  'prive.noter_activite()': [],
  'prive.propager_dernier_contact()': [],
  'prive.contact_modifie()': [],
  // Bourse aux places : recherches (sens inverse) et résumé hebdomadaire.
  'api.recherche_publier(text,text,text,date,date,text,text,text,integer,text)': ['authenticated'],
  'api.recherches_rechercher(text,text,text,text,date,date,integer,integer)': ['authenticated'],
  'api.recherche_repondre(uuid,uuid,integer)': ['authenticated'],
  'api.recherches_miennes()': ['authenticated'],
  'api.reponse_accepter(uuid)': ['authenticated'],
  'api.recherche_fermer(uuid)': ['authenticated'],
  'api.resume_bourse_lire()': ['authenticated'],
  'api.resume_bourse_regler(boolean,text[])': ['authenticated'],
  'api.resumes_bourse_a_envoyer(integer)': ['service_role'],
  'api.resume_bourse_marquer(uuid,timestamp with time zone)': ['service_role'],
  'api.resume_bourse_desinscrire(uuid)': ['service_role'],
  'prive.proteger_recherche()': [],
  'prive.proteger_reponse()': [],
};

const FONCTIONS = `select p.oid, p.oid::regprocedure::text as signature
                     from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                    where n.nspname in ('api', 'prive')
                    order by 2`;

describe.each(GENRES_DE_BASE)('droits d’exécution sur %s', (genre) => {
  let db: Database;
  /** Rôle neuf, sans aucun droit accordé : il mesure ce que PUBLIC donne à tout le monde. */
  const sansDroit = `rbde_sans_droit_${randomBytes(4).toString('hex')}`;
  /** Les rôles réels qui exécutent chaque fonction présente en base. */
  let reel: Record<string, Role[]>;

  beforeAll(async () => {
    db = await creerBaseDeTest(genre);
    await db.exec(`create role ${sansDroit} nologin noinherit`);
    const { rows } = await db.query<{ signature: string; role: Role; permis: boolean }>(
      `select f.signature, r.role, has_function_privilege(case r.role when 'public' then $1 else r.role end, f.oid, 'EXECUTE') as permis
         from (${FONCTIONS}) f cross join unnest($2::text[]) with ordinality as r(role, rang)
        order by f.signature, r.rang`,
      [sansDroit, ROLES],
    );
    reel = {};
    for (const { signature, role, permis } of rows) {
      reel[signature] ??= [];
      if (permis) reel[signature].push(role);
    }
  });
  afterAll(async () => {
    await db?.exec(`drop role if exists ${sansDroit}`);
    await db?.close();
  });

  test('chaque fonction de api et de prive est déclarée dans ATTENDU', () => {
    const nonDeclarees = Object.keys(reel).filter((f) => !(f in ATTENDU));
    expect(
      nonDeclarees,
      nonDeclarees
        .map(
          (f) =>
            `La fonction ${f} n’est pas déclarée dans ATTENDU (supabase/tests/privileges.test.ts). ` +
            `Accordez-la explicitement dans sa migration (« grant execute on function ${f} to … » : ` +
            `PostgreSQL ne la donne à personne d’autre que son propriétaire), puis déclarez ici les rôles qui l’exécutent ` +
            `(aujourd’hui : ${reel[f]!.join(', ') || 'aucun'}).`,
        )
        .join('\n'),
    ).toEqual([]);
  });

  test('chaque fonction déclarée dans ATTENDU existe encore', () => {
    const disparues = Object.keys(ATTENDU).filter((f) => !(f in reel));
    expect(disparues, `Fonctions déclarées mais absentes de la base (retirez-les d’ATTENDU) : ${disparues.join(', ')}`).toEqual([]);
  });

  test.each(Object.entries(ATTENDU))('%s : exécutable par %j, et par aucun autre rôle', (f, roles) => {
    if (!(f in reel)) return; // signalé par le test précédent
    expect(reel[f], `Droits d’exécution inattendus pour ${f}`).toEqual(roles);
  });

  test('une fonction créée après les migrations n’est exécutable que par son propriétaire', async () => {
    const permis = await db
      .transaction(async (tx) => {
        await tx.exec(`create function api.essai_nouvelle() returns int language sql as 'select 1';
                       create function prive.essai_nouvelle() returns int language sql as 'select 1';`);
        const { rows } = await tx.query<{ f: string; role: string; permis: boolean }>(
          `select f, r as role, has_function_privilege(r, f::regprocedure, 'EXECUTE') as permis
             from unnest(array['api.essai_nouvelle()', 'prive.essai_nouvelle()']) f,
                  unnest(array[$1, 'anon', 'authenticated', 'service_role', 'postgres']) r`,
          [sansDroit],
        );
        throw Object.assign(new Error('__annuler__'), { rows });
      })
      .catch((e: Error & { rows?: { f: string; role: string; permis: boolean }[] }) => {
        if (e.message !== '__annuler__') throw e;
        return e.rows!;
      });
    expect(permis.filter((p) => p.permis).map((p) => `${p.f} ${p.role}`)).toEqual(['api.essai_nouvelle() postgres', 'prive.essai_nouvelle() postgres']);
  });
});
