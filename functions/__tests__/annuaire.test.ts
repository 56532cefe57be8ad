// Routes de l'annuaire et de l'administration, par les vrais handlers, sur la pile locale (PGlite).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/tests/pile-test.ts';
import administrerJournal from '../admin-journal-lire.ts';
import desactiverMembre from '../admin-membres-desactiver.ts';
import inviterMembre from '../admin-membres-inviter.ts';
import listerMembres from '../admin-membres-lire.ts';
import reactiverMembre from '../admin-membres-reactiver.ts';
import changerRole from '../admin-membres-role.ts';
import demanderCode from '../auth-code-demander.ts';
import csv from '../annuaire-csv-lire.ts';
import lireFiche from '../annuaire-fiche-lire.ts';
import effacer from '../annuaire-moi-effacer.ts';
import exporter from '../annuaire-moi-exporter.ts';
import lireMoi from '../annuaire-moi-lire.ts';
import modifier from '../annuaire-moi-modifier.ts';
import quiContacter from '../annuaire-qui-contacter.ts';
import rechercher from '../annuaire-rechercher.ts';
import vcard from '../annuaire-vcard-lire.ts';
import vcards from '../annuaire-vcards-lire.ts';
import { contexte, requete, seConnecter, testerEntreesInvalides, type Handler } from './aide.fixture.ts';

let pile: PileDeTest;
const cookies: Record<string, string> = {};
const ids: Record<string, string> = {};
beforeAll(async () => {
  pile = await demarrerPileDeTest();
  for (const [qui, email] of [
    ['marie', 'membre@exemple.test'],
    ['alice', 'alice.martin@exemple.test'],
    ['orga', 'organisation@exemple.test'],
    ['admin', 'admin@exemple.test'],
  ] as const) {
    cookies[qui] = await seConnecter(pile, email);
  }
  for (const r of (await pile.db.query<{ id: string; email: string }>('select id, email from prive.membres')).rows) ids[r.email.split('@')[0]!] = r.id;
});
afterAll(() => pile?.arreter());

/** Appelle un handler avec les paramètres de chemin ; lit le corps en texte (JSON ou fichier). */
async function appel(
  handler: Handler,
  chemin: string,
  { qui, method = 'GET', corps, params = {} }: { qui?: string; method?: string; corps?: unknown; params?: Record<string, string> } = {},
) {
  const r = await handler(requete(chemin, { method, corps, headers: qui ? { cookie: cookies[qui]! } : {} }), contexte(params));
  // Lu octet par octet : Response.text() retirerait le BOM du CSV.
  const texte = Buffer.from(await r.arrayBuffer()).toString('utf8');
  let json: { erreur?: { code: string; message: string } } & Record<string, unknown> = {};
  try {
    json = JSON.parse(texte);
  } catch {
    /* fichier */
  }
  return { statut: r.status, texte, json, entetes: r.headers };
}
const etat = async () =>
  (
    await pile.db.query<{ m: string; j: string; u: string }>(
      `select (select md5(string_agg(m::text, '' order by id)) from prive.membres m) as m, (select count(*) from prive.journal_admin)::text as j, (select count(*) from auth.users)::text as u`,
    )
  ).rows[0];

const FICHE = {
  prenom: 'Marie',
  nom: 'Membre',
  fonction: 'Responsable du bureau des entreprises',
  uai: '0309901C',
  telephone: '04 11 22 33 44',
  secteurs: ['Hôtellerie-restauration'],
  expertises: ['pfmp', 'convention'],
  presentation: 'Bonjour',
  langues: ['espagnol'],
  accompagne: true,
  visibilites: { telephone: 'moi' },
};

describe('recherche et fiches', () => {
  test('sans session : 401 en français, aucune fiche', async () => {
    const { statut, json } = await appel(rechercher, '/api/annuaire');
    expect(statut).toBe(401);
    expect(json.erreur?.code).toBe('NON_CONNECTE');
  });
  test('par département et expertise : les fiches visibles, le compte par département', async () => {
    const { statut, json } = await appel(rechercher, '/api/annuaire?departement=11&expertise=pfmp', { qui: 'marie' });
    expect(statut).toBe(200);
    expect((json.fiches as { nom: string }[]).map((f) => f.nom)).toEqual(['Martin']);
    expect(json).toMatchObject({ total: 1, page: 1, parPage: 60, departements: { '11': 1 } });
  });
  test('filtre invalide dans l’adresse : 400 avec le champ en cause', async () => {
    const { statut, json } = await appel(rechercher, '/api/annuaire?expertise=cuisine', { qui: 'marie' });
    expect(statut).toBe(400);
    expect(json.erreur).toMatchObject({ code: 'REQUETE_INVALIDE', details: { champs: { expertise: [expect.stringContaining('Expertise inconnue')] } } });
  });
  test('membre inconnu : 404 MEMBRE_INCONNU ; identifiant mal formé : 400', async () => {
    const inconnu = await appel(lireFiche, '/api/annuaire/membres/x', { qui: 'marie', params: { id: '00000000-0000-4000-8000-00000000dead' } });
    expect(inconnu.statut).toBe(404);
    expect(inconnu.json.erreur).toMatchObject({ code: 'MEMBRE_INCONNU', message: 'Ce membre n’existe pas ou ne figure plus dans l’annuaire.' });
    expect((await appel(lireFiche, '/api/annuaire/membres/x', { qui: 'marie', params: { id: 'pas-un-uuid' } })).statut).toBe(400);
  });
  test('un champ masqué demandé directement : 403 CHAMP_MASQUE, sans la valeur ; un organisateur l’obtient', async () => {
    // Le téléphone de Marie est réservé aux organisateurs (seed).
    const refus = await appel(lireFiche, '/api/annuaire/membres/x?champs=telephone', { qui: 'alice', params: { id: ids.membre! } });
    expect(refus.statut).toBe(403);
    expect(refus.json.erreur?.code).toBe('CHAMP_MASQUE');
    expect(refus.texte).not.toContain('04 00 00 00 03');
    const sansChamps = await appel(lireFiche, '/api/annuaire/membres/x', { qui: 'alice', params: { id: ids.membre! } });
    expect(sansChamps.json).toMatchObject({ nom: 'Membre', telephone: null });
    const orga = await appel(lireFiche, '/api/annuaire/membres/x?champs=telephone', { qui: 'orga', params: { id: ids.membre! } });
    expect(orga.json).toMatchObject({ telephone: '04 00 00 00 03' });
  });
  test('vCard d’une fiche : fichier vCard, sans le champ masqué', async () => {
    const { statut, texte, entetes } = await appel(vcard, '/api/annuaire/membres/x/vcard', { qui: 'alice', params: { id: ids.membre! } });
    expect(statut).toBe(200);
    expect(entetes.get('content-type')).toMatch(/^text\/vcard/);
    expect(entetes.get('content-disposition')).toBe('attachment; filename="marie-membre.vcf"');
    expect(texte).toMatch(/^BEGIN:VCARD\r\nVERSION:3\.0/);
    expect(texte).toContain('FN:Marie Membre');
    expect(texte).toContain('membre@exemple.test');
    expect(texte).not.toContain('04 00 00 00 03');
    expect(entetes.get('x-content-type-options')).toBe('nosniff');
  });
  test('vCards de la liste filtrée', async () => {
    const { texte } = await appel(vcards, '/api/annuaire/vcard?departement=48', { qui: 'alice' });
    expect(texte.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(texte).toContain('FN:Emma Fabre');
  });
  test('CSV : 403 pour un membre ; pour un organisateur, un CSV « ; » avec BOM', async () => {
    const refus = await appel(csv, '/api/annuaire/csv', { qui: 'marie' });
    expect(refus.statut).toBe(403);
    expect(refus.json.erreur?.code).toBe('INTERDIT');
    const { statut, texte, entetes } = await appel(csv, '/api/annuaire/csv?departement=30', { qui: 'orga' });
    expect(statut).toBe(200);
    expect(entetes.get('content-type')).toMatch(/^text\/csv/);
    expect(texte.startsWith('\uFEFFNom;Prénom;Fonction;Lycée')).toBe(true);
    expect(texte.trim().split('\r\n')).toHaveLength(4);
  });
  test('qui contacter : les experts des thèmes, sans l’appelant ; thème inconnu : 400', async () => {
    const { json } = await appel(quiContacter, '/api/annuaire/qui-contacter?themes=international', { qui: 'marie' });
    expect((json as unknown as { nom: string }[]).map((f) => f.nom)).toEqual(['Bernard', 'Puig']);
    expect((await appel(quiContacter, '/api/annuaire/qui-contacter?themes=cuisine', { qui: 'marie' })).statut).toBe(400);
    expect((await appel(quiContacter, '/api/annuaire/qui-contacter?themes=pfmp')).statut).toBe(401);
  });
});

describe('ma fiche', () => {
  test('modifier : 200, la fiche et ses visibilités ; le téléphone « moi » disparaît pour les autres', async () => {
    const { statut, json } = await appel(modifier, '/api/annuaire/moi', { qui: 'marie', method: 'PUT', corps: FICHE });
    expect(statut).toBe(200);
    expect(json).toMatchObject({ telephone: '04 11 22 33 44', expertises: ['pfmp', 'convention'], visibilites: { telephone: 'moi', email: 'reseau' } });
    const vu = await appel(lireFiche, '/api/annuaire/membres/x', { qui: 'orga', params: { id: ids.membre! } });
    expect(vu.json.telephone).toBeNull();
    expect((await appel(lireMoi, '/api/annuaire/moi', { qui: 'marie' })).json.telephone).toBe('04 11 22 33 44');
  });
  test('la fiche de quelqu’un d’autre ne se modifie pas : un identifiant glissé dans le corps est ignoré', async () => {
    const avant = (await appel(lireFiche, '/api/annuaire/membres/x', { qui: 'marie', params: { id: ids['alice.martin']! } })).json;
    await appel(modifier, '/api/annuaire/moi', { qui: 'marie', method: 'PUT', corps: { ...FICHE, id: ids['alice.martin'], user_id: 'x' } });
    expect((await appel(lireFiche, '/api/annuaire/membres/x', { qui: 'marie', params: { id: ids['alice.martin']! } })).json).toEqual(avant);
  });
  test('lycée inconnu : 400 ETABLISSEMENT_INCONNU, rien n’est écrit', async () => {
    const avant = await etat();
    const { statut, json } = await appel(modifier, '/api/annuaire/moi', { qui: 'marie', method: 'PUT', corps: { ...FICHE, uai: '0349999Z' } });
    expect(statut).toBe(400);
    expect(json.erreur?.code).toBe('ETABLISSEMENT_INCONNU');
    expect(await etat()).toEqual(avant);
  });
  testerEntreesInvalides('PUT /api/annuaire/moi', () => ({ handler: modifier, pile }), '/api/annuaire/moi', 'PUT', FICHE);
  test('exporter : un fichier JSON de toutes mes données', async () => {
    const { statut, texte, entetes } = await appel(exporter, '/api/annuaire/moi/export', { qui: 'marie' });
    expect(statut).toBe(200);
    expect(entetes.get('content-disposition')).toBe('attachment; filename="mes-donnees-reseau-bde.json"');
    expect(JSON.parse(texte)).toMatchObject({ fiche: { email: 'membre@exemple.test' }, journal_administration: [] });
  });
  test('effacer mes données facultatives', async () => {
    const { statut, json } = await appel(effacer, '/api/annuaire/moi', { qui: 'marie', method: 'DELETE' });
    expect(statut).toBe(200);
    expect(json).toMatchObject({ telephone: null, expertises: [], prenom: 'Marie' });
  });
});

describe('administration', () => {
  const NOUVEAU = { email: 'nina.nouvelle@exemple.test', prenom: 'Nina', nom: 'Nouvelle', uai: '0349902F' };
  test('une action d’administration par un membre ou un organisateur : 403, rien n’est écrit, aucun courriel', async () => {
    const avant = await etat();
    const courriels = pile.messages.length;
    for (const qui of ['marie', 'orga']) {
      for (const [h, chemin, method, corps] of [
        [inviterMembre, '/api/admin/membres', 'POST', NOUVEAU],
        [desactiverMembre, '/api/admin/membres/x/desactivation', 'POST', undefined],
        [reactiverMembre, '/api/admin/membres/x/reactivation', 'POST', undefined],
        [changerRole, '/api/admin/membres/x/role', 'PUT', { role: 'admin' }],
        [listerMembres, '/api/admin/membres', 'GET', undefined],
        [administrerJournal, '/api/admin/journal', 'GET', undefined],
      ] as const) {
        const r = await appel(h, chemin, { qui, method, corps, params: { id: ids['bruno.garcia']! } });
        expect(r.statut, `${qui} ${method} ${chemin}`).toBe(403);
        expect(r.json.erreur?.code).toBe('INTERDIT');
      }
    }
    expect(await etat()).toEqual(avant);
    expect(pile.messages.length).toBe(courriels);
  });
  test('inviter : compte et fiche créés, courriel d’invitation, journal ; le nouveau se connecte avec un code', async () => {
    const { statut, json } = await appel(inviterMembre, '/api/admin/membres', { qui: 'admin', method: 'POST', corps: NOUVEAU });
    expect(statut).toBe(201);
    expect(json).toMatchObject({ email: 'nina.nouvelle@exemple.test', role: 'membre' });
    const invitation = pile.messages.find((m) => m.a.includes('nina.nouvelle@exemple.test') && /Invitation/.test(m.objet));
    expect(invitation).toBeDefined();
    expect(invitation!.brut).toContain('/connexion/');
    const cookie = await seConnecter(pile, 'nina.nouvelle@exemple.test');
    const r = await handlerAvecCookie(rechercher, '/api/annuaire?nouveaux=1', cookie);
    expect(r.fiches.map((f) => f.nom)).toContain('Nouvelle');
    const journal = await appel(administrerJournal, '/api/admin/journal', { qui: 'admin' });
    expect((journal.json as unknown as { action: string; cible: { nom: string } }[])[0]).toMatchObject({ action: 'invitation', cible: { nom: 'Nouvelle' } });
  });
  test('inviter avec des champs invalides : 400 en français, rien n’est créé', async () => {
    const avant = await etat();
    const { statut, json } = await appel(inviterMembre, '/api/admin/membres', {
      qui: 'admin',
      method: 'POST',
      corps: { ...NOUVEAU, email: 'pas-une-adresse', uai: '12' },
    });
    expect(statut).toBe(400);
    expect(Object.keys((json.erreur as unknown as { details: { champs: object } }).details.champs)).toEqual(['email', 'uai']);
    expect(await etat()).toEqual(avant);
  });
  test('désactiver : la fiche disparaît, plus de code envoyé ; réactiver ; déjà fait : 409', async () => {
    const id = ids['bruno.garcia']!;
    expect((await appel(desactiverMembre, '/api/admin/membres/x/desactivation', { qui: 'admin', method: 'POST', params: { id } })).statut).toBe(200);
    expect((await appel(lireFiche, '/api/annuaire/membres/x', { qui: 'alice', params: { id } })).statut).toBe(404);
    const courriels = pile.messages.length;
    const d = await demanderCode(requete('/api/auth/code', { method: 'POST', corps: { email: 'bruno.garcia@exemple.test' } }), contexte({}, '198.51.100.9'));
    expect(d.status).toBe(202);
    await new Promise((r) => setTimeout(r, 300));
    expect(pile.messages.length).toBe(courriels);
    expect((await appel(desactiverMembre, '/api/admin/membres/x/desactivation', { qui: 'admin', method: 'POST', params: { id } })).json.erreur?.code).toBe(
      'DEJA_FAIT',
    );
    expect((await appel(reactiverMembre, '/api/admin/membres/x/reactivation', { qui: 'admin', method: 'POST', params: { id } })).statut).toBe(200);
    expect((await appel(lireFiche, '/api/annuaire/membres/x', { qui: 'alice', params: { id } })).statut).toBe(200);
  });
  test('changer un rôle ; rôle inconnu : 400 ; membre inconnu : 404', async () => {
    const id = ids['chloe.bernard']!;
    const r = await appel(changerRole, '/api/admin/membres/x/role', { qui: 'admin', method: 'PUT', corps: { role: 'organisateur' }, params: { id } });
    expect(r.json).toEqual({ id, role: 'organisateur' });
    expect((await appel(changerRole, '/api/admin/membres/x/role', { qui: 'admin', method: 'PUT', corps: { role: 'chef' }, params: { id } })).statut).toBe(400);
    const inconnu = await appel(changerRole, '/api/admin/membres/x/role', {
      qui: 'admin',
      method: 'PUT',
      corps: { role: 'membre' },
      params: { id: '00000000-0000-4000-8000-00000000dead' },
    });
    expect(inconnu.statut).toBe(404);
  });
  test('la liste d’administration montre aussi les membres désactivés', async () => {
    const { json } = await appel(listerMembres, '/api/admin/membres', { qui: 'admin' });
    expect((json as unknown as unknown[]).length).toBeGreaterThanOrEqual(15);
  });
});

async function handlerAvecCookie(handler: Handler, chemin: string, cookie: string) {
  const r = await handler(requete(chemin, { headers: { cookie } }), contexte());
  return (await r.json()) as { fiches: { nom: string }[] };
}
