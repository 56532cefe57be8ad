// Droit EXECUTE de chaque fonction des schémas api et prive, rôle par rôle. PostgreSQL l'accorde à
// PUBLIC par défaut : une fonction oubliée ici serait appelable par tout le monde, y compris la
// première fonction security definer qui ouvrirait un trou. Toute fonction absente du tableau
// ATTENDU fait échouer le test. Sur PGlite, et sur PostgreSQL quand DATABASE_URL est donné.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../local/base.ts';
import { creerBaseDeTest, GENRES_DE_BASE } from '../../local/base-test.ts';

type Role = 'public' | 'anon' | 'authenticated' | 'service_role';

/** Qui peut exécuter chaque fonction (signature = nom(types des arguments)). Les autres rôles : non. */
export const ATTENDU: Record<string, Role[]> = {
  'api.code_demander(text, text, text)': ['service_role'],
  'api.code_reussir(text)': ['service_role'],
  'api.code_tenter(text, text, text)': ['service_role'],
  'api.connexions_purger()': ['service_role'],
  'api.membre_destinataire_code(text)': ['service_role'],
  'api.membre_provisionner(uuid, text, text, text, prive.role_membre, text, text)': ['service_role'],
  'api.moi()': ['authenticated'],
  'api.sante()': ['anon', 'authenticated', 'service_role'],
  'prive.attente_fenetre(timestamp with time zone, interval)': ['service_role'],
  'prive.exiger_membre()': ['authenticated'],
  'prive.limites_connexion()': ['service_role'],
  'prive.proteger_colonnes_membre()': [],
  'prive.role_courant()': ['authenticated'],
  'prive.session_vivante()': ['authenticated'],
  // Annuaire (issue 8) : les fonctions api.annuaire_* et api.admin_* vérifient elles-mêmes le rôle (exiger_membre, exiger_admin).
  'api.admin_changer_role(uuid, prive.role_membre)': ['authenticated'],
  'api.admin_desactiver(uuid)': ['authenticated'],
  'api.admin_exiger()': ['authenticated'],
  'api.admin_journal(integer)': ['authenticated'],
  'api.admin_journaliser_invitation(uuid)': ['authenticated'],
  'api.admin_membres()': ['authenticated'],
  'api.admin_reactiver(uuid)': ['authenticated'],
  'api.annuaire_effacer()': ['authenticated'],
  'api.annuaire_exporter()': ['authenticated'],
  'api.annuaire_fiche(uuid, text[])': ['authenticated'],
  'api.annuaire_filtres()': ['authenticated'],
  'api.annuaire_liste_organisateurs(text, text, text, text, text, text, boolean, boolean)': ['authenticated'],
  'api.annuaire_modifier(text, text, text, text, text, text[], text[], text, text[], boolean, jsonb)': ['authenticated'],
  'api.annuaire_moi()': ['authenticated'],
  'api.annuaire_qui_contacter(text[], integer)': ['authenticated'],
  'api.annuaire_rechercher(text, text, text, text, text, text, boolean, boolean, integer, integer)': ['authenticated'],
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
  'prive.voit(text, boolean, prive.role_membre)': [],
  // Contraintes CHECK de prive.membres : évaluées pour toute écriture.
  'prive.champs_masquables()': ['authenticated', 'service_role'],
  'prive.textes_valides(text[], integer)': ['authenticated', 'service_role'],
  'prive.themes_expertise()': ['authenticated', 'service_role'],
  'prive.visibilites_valides(jsonb)': ['authenticated', 'service_role'],
};

const ROLES: Role[] = ['public', 'anon', 'authenticated', 'service_role'];

describe.each(GENRES_DE_BASE)('droits EXECUTE sur %s', (genre) => {
  let db: Database;
  let reel: Record<string, Role[]>;
  beforeAll(async () => {
    db = await creerBaseDeTest(genre);
    // « public » : un rôle neuf, membre d'aucun autre, n'a que ce que PUBLIC a.
    await db.exec(`do $$ begin if not exists (select 1 from pg_roles where rolname = 'rbde_public_seul') then create role rbde_public_seul nologin; end if; end $$`);
    const { rows } = await db.query<{ signature: string; public: boolean; anon: boolean; authenticated: boolean; service_role: boolean }>(
      `select n.nspname || '.' || p.proname || '(' || coalesce((select string_agg(format_type(t, null), ', ' order by i)
                 from unnest(p.proargtypes::oid[]) with ordinality as a(t, i)), '') || ')' as signature,
              has_function_privilege('rbde_public_seul', p.oid, 'EXECUTE') as public,
              has_function_privilege('anon', p.oid, 'EXECUTE') as anon,
              has_function_privilege('authenticated', p.oid, 'EXECUTE') as authenticated,
              has_function_privilege('service_role', p.oid, 'EXECUTE') as service_role
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('api', 'prive')`,
    );
    reel = Object.fromEntries(rows.map((r) => [r.signature, ROLES.filter((role) => r[role])]));
  });
  afterAll(() => db?.close());

  test('chaque fonction des schémas api et prive est déclarée dans le tableau ATTENDU', () => {
    const oubliees = Object.keys(reel).filter((f) => !(f in ATTENDU));
    expect(oubliees, `Déclarez les droits de ${oubliees.join(', ')} dans supabase/tests/privileges.test.ts (et accordez-les explicitement dans la migration).`).toEqual([]);
  });

  test('aucune fonction n’est exécutable par PUBLIC', () => {
    expect(Object.entries(reel).filter(([, roles]) => roles.includes('public')).map(([f]) => f)).toEqual([]);
  });

  test.each(Object.entries(ATTENDU))('%s : exécutable par %j seulement', (signature, roles) => {
    expect(reel[signature], `${signature} n’existe plus : retirez-la du tableau ATTENDU.`).toBeDefined();
    expect(reel[signature]).toEqual(roles);
  });
});
