// Contrat : le remplaçant local répond à supabase-js comme Supabase (PostgREST et Auth),
// pour chaque genre d'appel que font les fonctions, succès et erreurs.
import { AuthApiError, AuthSessionMissingError, createClient, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLES, JWT_SECRET_LOCAL } from '../config.ts';
import { configSupabaseModifiee, lireConfigSupabase } from './config.ts';
import { signerJwt } from './jwt.ts';
import { demarrerPileDeTest, type PileDeTest } from '../tests/pile-test.ts';
import { lireMessage } from '../smtp/capteur.ts';

let pile: PileDeTest;
let url: string;
const auth = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };
const client = (cle = CLES.publishable, jeton?: string, adresse = url) =>
  createClient(adresse, cle, { auth, db: { schema: 'api' }, global: jeton ? { headers: { Authorization: `Bearer ${jeton}` } } : {} });

beforeAll(async () => {
  pile = await demarrerPileDeTest();
  url = `http://127.0.0.1:${pile.ports.supabase}`;
  await pile.db.exec(`create function api.essai_liste() returns setof int language sql as 'select generate_series(1, 3)';
    create function api.essai_rien() returns void language sql as 'select 1';
    create function api.essai_args(p_texte text, p_nombre int default 2) returns jsonb language sql as 'select jsonb_build_object(''t'', p_texte, ''n'', p_nombre)';
    create table public.essai_trace (n int);
    grant insert on public.essai_trace to anon;
    create function api.essai_echec() returns void language plpgsql as $$ begin insert into public.essai_trace values (1); raise exception 'COMPLET' using errcode = 'P0001'; end $$;
    create function api.essai_role() returns text language sql as 'select current_user::text';
    grant execute on function api.essai_liste(), api.essai_rien(), api.essai_args(text, int), api.essai_echec(), api.essai_role() to anon, authenticated, service_role;`);
});
afterAll(() => pile?.arreter());

async function connecter(email: string, p = pile) {
  const c = client(CLES.publishable, undefined, `http://127.0.0.1:${p.ports.supabase}`);
  const demande = await c.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
  expect(demande.error).toBeNull();
  const code = await p.dernierCode(email);
  const { data, error } = await c.auth.verifyOtp({ email, token: code, type: 'email' });
  expect(error).toBeNull();
  return data.session!;
}

describe('RPC façon PostgREST', () => {
  test('renvoie une valeur scalaire (jsonb) à un anonyme autorisé', async () => {
    const { data, error, status } = await client().rpc('sante');
    expect(error).toBeNull();
    expect(status).toBe(200);
    expect(data).toMatchObject({ base: 'ok' });
  });

  test('renvoie un tableau pour une fonction « setof »', async () => {
    const { data } = await client().rpc('essai_liste');
    expect(data).toEqual([1, 2, 3]);
  });

  test('renvoie 204 et data null pour une fonction « void »', async () => {
    const { data, error, status } = await client().rpc('essai_rien');
    expect(error).toBeNull();
    expect(status).toBe(204);
    expect(data).toBeNull();
  });

  test('passe les arguments par leur nom et applique les valeurs par défaut', async () => {
    const { data } = await client().rpc('essai_args', { p_texte: 'été' });
    expect(data).toEqual({ t: 'été', n: 2 });
    const { data: d2 } = await client().rpc('essai_args', { p_texte: 'x', p_nombre: 7 });
    expect(d2).toEqual({ t: 'x', n: 7 });
  });

  test('un appel qui échoue n’écrit rien : la transaction entière est annulée', async () => {
    const { error, status } = await client().rpc('essai_echec');
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: 'P0001', message: 'COMPLET' });
    const { rows } = await pile.db.query<{ n: number }>('select count(*)::int as n from public.essai_trace');
    expect(rows[0]!.n).toBe(0);
  });

  test('le rôle posé pour un appel ne déborde pas sur le suivant', async () => {
    const jeton = signerJwt({ sub: '00000000-0000-4000-8000-000000000003', role: 'authenticated', exp: Math.floor(Date.now() / 1000) + 60 }, JWT_SECRET_LOCAL);
    expect((await client(CLES.publishable, jeton).rpc('essai_role')).data).toBe('authenticated');
    expect((await client().rpc('essai_role')).data).toBe('anon');
    const { rows } = await pile.db.query<{ r: string }>('select current_user::text as r');
    expect(rows[0]!.r).not.toBe('authenticated');
  });

  test('une apostrophe dans un argument reste une donnée', async () => {
    const { data } = await client().rpc('essai_args', { p_texte: "l'été'); drop table public.essai_trace; --" });
    expect(data).toEqual({ t: "l'été'); drop table public.essai_trace; --", n: 2 });
    const { rows } = await pile.db.query<{ n: number }>('select count(*)::int as n from public.essai_trace');
    expect(rows[0]!.n).toBe(0);
  });

  test('fonction inconnue : 404 PGRST202', async () => {
    const { error, status } = await client().rpc('nexiste_pas', { a: 1 });
    expect(status).toBe(404);
    expect(error).toMatchObject({ code: 'PGRST202' });
  });

  test('argument inconnu : 404 PGRST202', async () => {
    const { error, status } = await client().rpc('sante', { intrus: 1 });
    expect(status).toBe(404);
    expect(error?.code).toBe('PGRST202');
  });

  test('anonyme sans droit d’exécution : 401 et SQLSTATE 42501', async () => {
    const { error, status } = await client().rpc('moi');
    expect(status).toBe(401);
    expect(error).toMatchObject({ code: '42501' });
  });

  test('erreur métier levée en SQL : 400, code P0001 et le code métier dans message', async () => {
    const jeton = signerJwt({ sub: '00000000-0000-4000-8000-0000000000ff', role: 'authenticated', exp: Math.floor(Date.now() / 1000) + 60 }, JWT_SECRET_LOCAL);
    const { error, status } = await client(CLES.publishable, jeton).rpc('moi');
    expect(status).toBe(400);
    // Ce jeton n'a pas de session vivante (session_id) : la base le refuse avant même de chercher la fiche.
    expect(error).toMatchObject({ code: 'P0001', message: 'SESSION_EXPIREE' });
    expect(error?.details).toContain('session');
  });

  test('jeton expiré : 401 PGRST303', async () => {
    const jeton = signerJwt({ sub: 'x', role: 'authenticated', exp: Math.floor(Date.now() / 1000) - 10 }, JWT_SECRET_LOCAL);
    const { error, status } = await client(CLES.publishable, jeton).rpc('sante');
    expect(status).toBe(401);
    expect(error?.code).toBe('PGRST303');
  });

  test('jeton signé avec un autre secret : 401 PGRST301', async () => {
    const jeton = signerJwt({ sub: 'x', role: 'service_role' }, 'un-autre-secret');
    const { error, status } = await client(CLES.publishable, jeton).rpc('sante');
    expect(status).toBe(401);
    expect(error?.code).toBe('PGRST301');
  });

  test('schéma non exposé dans config.toml : 406 PGRST106, message de PostgREST', async () => {
    const c = createClient(url, CLES.publishable, { auth, db: { schema: 'prive' } });
    const { error, status } = await c.rpc('role_courant');
    expect(status).toBe(406);
    expect(error).toMatchObject({ code: 'PGRST106', message: 'Invalid schema: prive', hint: 'Only the following schemas are exposed: api' });
  });

  test('sans en-tête de profil, le premier schéma de config.toml (api) est appelé', async () => {
    const r = await fetch(`${url}/rest/v1/rpc/sante`, { method: 'POST', headers: { apikey: CLES.publishable, 'content-type': 'application/json' }, body: '{}' });
    expect(r.status).toBe(200);
  });

  test('la clé service_role exécute les fonctions réservées au serveur', async () => {
    const { data, error } = await client(CLES.secret).rpc('code_demander', { p_adresse: 'a'.repeat(64), p_client: 'b'.repeat(64), p_navigateur: 'c'.repeat(64) });
    expect(error).toBeNull();
    expect(data).toEqual({ accepte: true });
  });

  test('un membre connecté appelle api.moi avec son jeton', async () => {
    const session = await connecter('alice.martin@exemple.test');
    const { data, error } = await client(CLES.publishable, session.access_token).rpc('moi');
    expect(error).toBeNull();
    expect(data).toMatchObject({ prenom: 'Alice', nom: 'Martin', role: 'membre' });
  });
});

describe('Clés d’API façon passerelle Supabase', () => {
  const appel = (entetes: Record<string, string>) =>
    fetch(`${url}/rest/v1/rpc/essai_role`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-profile': 'api', ...entetes }, body: '{}' });

  test('clé publishable : rôle anon, qu’elle soit seule ou aussi en « Authorization: Bearer sb_… »', async () => {
    expect(await (await appel({ apikey: CLES.publishable })).json()).toBe('anon');
    expect(await (await appel({ apikey: CLES.publishable, authorization: `Bearer ${CLES.publishable}` })).json()).toBe('anon');
  });

  test('clé secrète : rôle service_role', async () => {
    expect(await (await appel({ apikey: CLES.secret, authorization: `Bearer ${CLES.secret}` })).json()).toBe('service_role');
  });

  test('un JWT d’utilisateur dans Authorization l’emporte sur la clé', async () => {
    const jeton = signerJwt({ sub: '00000000-0000-4000-8000-000000000003', role: 'authenticated', exp: Math.floor(Date.now() / 1000) + 60 }, JWT_SECRET_LOCAL);
    expect(await (await appel({ apikey: CLES.secret, authorization: `Bearer ${jeton}` })).json()).toBe('authenticated');
  });

  test('les clés JWT historiques restent acceptées pendant la transition', async () => {
    expect((await client(CLES.anon).rpc('essai_role')).data).toBe('anon');
    expect((await client(CLES.service).rpc('essai_role')).data).toBe('service_role');
  });

  test('clé absente ou inconnue : 401 avec les messages de la passerelle', async () => {
    const sans = await appel({});
    expect(sans.status).toBe(401);
    expect(await sans.json()).toMatchObject({ message: 'No API key found in request' });
    const fausse = await appel({ apikey: 'sb_publishable_inventee' });
    expect(fausse.status).toBe(401);
    expect(await fausse.json()).toMatchObject({ message: 'Invalid API key' });
    const auth = await fetch(`${url}/auth/v1/otp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"membre@exemple.test"}' });
    expect(auth.status).toBe(401);
  });
});

describe('Auth par code e-mail façon Supabase Auth', () => {
  const config = lireConfigSupabase();
  const creerMembre = async (email: string, options: { email_confirm?: boolean; ban_duration?: string } = {}) => {
    const { data, error } = await client(CLES.secret).auth.admin.createUser({ email, email_confirm: true, ...options });
    expect(error).toBeNull();
    return data.user!;
  };

  test('signInWithOtp envoie par SMTP un code de otp_length chiffres, rendu depuis supabase/templates', async () => {
    const { error } = await client().auth.signInWithOtp({ email: 'bruno.garcia@exemple.test', options: { shouldCreateUser: false } });
    expect(error).toBeNull();
    const code = await pile.dernierCode('bruno.garcia@exemple.test');
    expect(code).toMatch(new RegExp(`^\\d{${config.auth.email.otp_length}}$`));
    const message = pile.messages.findLast((m) => m.a.includes('bruno.garcia@exemple.test'))!;
    expect(message.objet).toBe(config.auth.email.template.magic_link.subject);
    const { corps } = lireMessage(message.brut);
    expect(corps).toContain('Voici votre code de connexion au Réseau BDE (adresse bruno.garcia@exemple.test)');
    expect(corps).toContain(`>${code}</p>`);
    expect(corps).not.toMatch(/href=|https?:\/\//);
    expect(message.de).toBe(config.auth.email.smtp.admin_email);
  });

  test('adresse inconnue sans création de compte : 422 otp_disabled, aucun courriel', async () => {
    const avant = pile.messages.length;
    const { error } = await client().auth.signInWithOtp({ email: 'inconnu@exemple.test', options: { shouldCreateUser: false } });
    expect(error).toBeInstanceOf(AuthApiError);
    expect(error).toMatchObject({ status: 422, code: 'otp_disabled' });
    expect(pile.messages.length).toBe(avant);
  });

  test('compte existant mais non confirmé : 422 signup_disabled (inscriptions coupées), aucun courriel', async () => {
    await creerMembre('non.confirme@exemple.test', { email_confirm: false });
    const avant = pile.messages.length;
    const { error } = await client().auth.signInWithOtp({ email: 'non.confirme@exemple.test', options: { shouldCreateUser: false } });
    expect(error).toMatchObject({ status: 422, code: 'signup_disabled', message: 'Signups not allowed for this instance' });
    expect(pile.messages.length).toBe(avant);
  });

  test('deux codes avant max_frequency : 429 over_email_send_rate_limit, secondes restantes dans le message', async () => {
    const email = 'chloe.bernard@exemple.test';
    await client().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    const { error } = await client().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    expect(error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit' });
    expect(error?.message).toMatch(/^For security purposes, you can only request this after (59|60) seconds\.$/);
  });

  test('verifyOtp avec le bon code ouvre une session complète, durée jwt_expiry de config.toml', async () => {
    const session = await connecter('david.roux@exemple.test');
    expect(session).toMatchObject({ token_type: 'bearer', expires_in: config.auth.jwt_expiry, user: { email: 'david.roux@exemple.test', aud: 'authenticated' } });
    expect(session.refresh_token).toMatch(/^[a-z0-9]{12}$/);
    expect(session.expires_at).toBeGreaterThan(Date.now() / 1000);
    const { rows } = await pile.db.query<{ n: number }>('select count(*)::int as n from auth.sessions where user_id = $1', [session.user.id]);
    expect(rows[0]!.n).toBe(1);
  });

  test('mauvais code : 403 otp_expired, sans compteur d’essais (comme GoTrue : la limite est dans le SQL du hub)', async () => {
    const email = 'emma.fabre@exemple.test';
    const c = client();
    await c.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    const bon = await pile.dernierCode(email);
    const faux = bon.startsWith('0') ? bon.replace(/^0/, '1') : `0${bon.slice(1)}`;
    for (let i = 0; i < 6; i++) {
      const { error } = await c.auth.verifyOtp({ email, token: faux, type: 'email' });
      expect(error).toMatchObject({ status: 403, code: 'otp_expired' });
    }
    const { error } = await c.auth.verifyOtp({ email, token: bon, type: 'email' });
    expect(error).toBeNull();
  });

  test('un code ne sert qu’une fois', async () => {
    const email = 'farid.benali@exemple.test';
    const c = client();
    await c.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    const code = await pile.dernierCode(email);
    expect((await c.auth.verifyOtp({ email, token: code, type: 'email' })).error).toBeNull();
    expect((await c.auth.verifyOtp({ email, token: code, type: 'email' })).error).toMatchObject({ status: 403, code: 'otp_expired' });
  });

  test('un code plus vieux que otp_expiry est refusé', async () => {
    const email = 'gaelle.vidal@exemple.test';
    const c = client();
    await c.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    const code = await pile.dernierCode(email);
    await pile.db.query(`update auth.users set recovery_sent_at = now() - make_interval(secs => $2 + 1) where email = $1`, [email, config.auth.email.otp_expiry]);
    expect((await c.auth.verifyOtp({ email, token: code, type: 'email' })).error).toMatchObject({ status: 403, code: 'otp_expired' });
  });

  test('le code est gardé haché (recovery_token), jamais en clair', async () => {
    const email = 'hugo.mas@exemple.test';
    await client().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    const code = await pile.dernierCode(email);
    const { rows } = await pile.db.query<{ recovery_token: string }>(`select recovery_token from auth.users where email = $1`, [email]);
    expect(rows[0]!.recovery_token).toMatch(/^[0-9a-f]{56}$/);
    expect(rows[0]!.recovery_token).not.toContain(code);
  });

  test('refreshSession renouvelle les jetons ; le parent du jeton actif rend le jeton actif', async () => {
    const session = await connecter('ines.puig@exemple.test');
    const { data, error } = await client().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(error).toBeNull();
    const nouveau = data.session!.refresh_token;
    expect(nouveau).not.toBe(session.refresh_token);
    // Bien après l'intervalle de réemploi, le parent du jeton actif reste accepté et rend le même jeton.
    await pile.db.query(`update auth.refresh_tokens set updated_at = now() - interval '1 hour' where token = $1`, [session.refresh_token]);
    const rejoue = await client().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(rejoue.error).toBeNull();
    expect(rejoue.data.session?.refresh_token).toBe(nouveau);
  });

  test('réemploi d’un vieux jeton : accepté dans refresh_token_reuse_interval, sinon 400 refresh_token_already_used et session révoquée', async () => {
    await creerMembre('rotation@exemple.test');
    const s0 = await connecter('rotation@exemple.test');
    const s1 = (await client().auth.refreshSession({ refresh_token: s0.refresh_token })).data.session!;
    const s2 = (await client().auth.refreshSession({ refresh_token: s1.refresh_token })).data.session!;
    // s0 n'est plus le parent du jeton actif (s2) : accepté tant qu'il a moins de 10 s (et GoTrue
    // émet alors un jeton enfant de s0, qu'on fait tourner une fois pour que s0 ne soit plus parent).
    const dansIntervalle = await client().auth.refreshSession({ refresh_token: s0.refresh_token });
    expect(dansIntervalle.error).toBeNull();
    expect((await client().auth.refreshSession({ refresh_token: dansIntervalle.data.session!.refresh_token })).error).toBeNull();
    await pile.db.query(`update auth.refresh_tokens set updated_at = now() - make_interval(secs => $2 + 1) where token = $1`, [s0.refresh_token, config.auth.refresh_token_reuse_interval]);
    const hors = await client().auth.refreshSession({ refresh_token: s0.refresh_token });
    expect(hors.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
    // Toute la famille est révoquée : le dernier jeton émis ne sert plus (réemploi > 10 s de lui aussi).
    await pile.db.query(`update auth.refresh_tokens set updated_at = now() - interval '1 minute' where session_id = (select session_id from auth.refresh_tokens where token = $1)`, [s2.refresh_token]);
    const apres = await client().auth.refreshSession({ refresh_token: s2.refresh_token });
    expect(apres.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
  });

  test('jeton de rafraîchissement malformé : 400 validation_failed ; bien formé mais inconnu : refresh_token_not_found', async () => {
    expect((await client().auth.refreshSession({ refresh_token: 'nimporte-quoi' })).error).toMatchObject({ status: 400, code: 'validation_failed' });
    expect((await client().auth.refreshSession({ refresh_token: 'abcdefghij12' })).error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });

  test('getUser renvoie l’utilisateur du jeton ; refuse un jeton altéré', async () => {
    const session = await connecter('jules.teissier@exemple.test');
    const { data, error } = await client().auth.getUser(session.access_token);
    expect(error).toBeNull();
    expect(data.user?.email).toBe('jules.teissier@exemple.test');
    const altere = `${session.access_token.slice(0, -4)}AAAA`;
    const refus = await client().auth.getUser(altere);
    expect(refus.error).toMatchObject({ status: 403, code: 'bad_jwt' });
  });

  test('signOut (admin) supprime la session et ses jetons : getUser et refresh échouent ensuite', async () => {
    const session = await connecter('karima.soler@exemple.test');
    const { error } = await client(CLES.secret).auth.admin.signOut(session.access_token, 'local');
    expect(error).toBeNull();
    const { rows } = await pile.db.query<{ s: number; r: number }>(
      `select (select count(*) from auth.sessions where user_id = $1)::int as s, (select count(*) from auth.refresh_tokens where user_id = $1::text)::int as r`,
      [session.user.id],
    );
    expect(rows[0]).toEqual({ s: 0, r: 0 });
    const apres = await client().auth.getUser(session.access_token);
    expect(apres.error).toBeInstanceOf(AuthSessionMissingError);
    const refresh = await client().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(refresh.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });

  test('déconnexion d’une session déjà fermée : 403 session_not_found ; jeton expiré : 403 bad_jwt', async () => {
    await creerMembre('deconnexion@exemple.test');
    const session = await connecter('deconnexion@exemple.test');
    const logout = (jeton: string) => fetch(`${url}/auth/v1/logout?scope=local`, { method: 'POST', headers: { apikey: CLES.publishable, authorization: `Bearer ${jeton}`, 'x-supabase-api-version': '2024-01-01' } });
    expect((await logout(session.access_token)).status).toBe(204);
    const encore = await logout(session.access_token);
    expect(encore.status).toBe(403);
    expect(await encore.json()).toMatchObject({ code: 'session_not_found' });
    const expire = signerJwt({ sub: session.user.id, role: 'authenticated', session_id: crypto.randomUUID(), exp: Math.floor(Date.now() / 1000) - 1 }, JWT_SECRET_LOCAL);
    const r = await logout(expire);
    expect(r.status).toBe(403);
    expect(await r.json()).toMatchObject({ code: 'bad_jwt' });
  });

  test('compte banni : le code part (GoTrue ne vérifie pas à /otp), mais /verify répond 403 user_banned', async () => {
    await creerMembre('banni@exemple.test', { ban_duration: '876000h' });
    const c = client();
    expect((await c.auth.signInWithOtp({ email: 'banni@exemple.test', options: { shouldCreateUser: false } })).error).toBeNull();
    const code = await pile.dernierCode('banni@exemple.test');
    expect((await c.auth.verifyOtp({ email: 'banni@exemple.test', token: code, type: 'email' })).error).toMatchObject({ status: 403, code: 'user_banned' });
  });
});

describe('Administration des utilisateurs (provisionnement des membres)', () => {
  const admin = () => client(CLES.secret).auth.admin;

  test('listUsers pagine comme GoTrue (users, x-total-count) ; refusé avec la clé publiable', async () => {
    const { data, error } = await admin().listUsers({ page: 1, perPage: 5 });
    expect(error).toBeNull();
    expect(data.users).toHaveLength(5);
    expect((data as { total?: number }).total).toBeGreaterThanOrEqual(14);
    const deux = await admin().listUsers({ page: 2, perPage: 5 });
    expect(deux.data.users.map((u) => u.id)).not.toContain(data.users[0]!.id);
    const refuse = await client(CLES.publishable).auth.admin.listUsers();
    expect(refuse.error?.status).toBe(403);
  });

  test('createUser crée un compte confirmé, avec ses métadonnées, au format de GoTrue', async () => {
    const { data, error } = await admin().createUser({ email: 'Nouvelle.Membre@exemple.test', email_confirm: true, app_metadata: { hub: 'rbde' }, user_metadata: { prenom: 'Nina' } });
    expect(error).toBeNull();
    expect(data.user).toMatchObject({
      email: 'nouvelle.membre@exemple.test', aud: 'authenticated', role: 'authenticated',
      app_metadata: { provider: 'email', providers: ['email'], hub: 'rbde' }, user_metadata: { prenom: 'Nina' },
    });
    expect(data.user?.email_confirmed_at).toBeTruthy();
    const { rows } = await pile.db.query<{ instance_id: string }>('select instance_id from auth.users where id = $1', [data.user!.id]);
    expect(rows[0]!.instance_id).toBe('00000000-0000-0000-0000-000000000000');
    const double = await admin().createUser({ email: 'nouvelle.membre@exemple.test', email_confirm: true });
    expect(double.error).toMatchObject({ status: 422, code: 'email_exists' });
  });

  test('getUserById, updateUserById (bannir, lever le bannissement, confirmer) puis deleteUser', async () => {
    const cree = (await admin().createUser({ email: 'cycle@exemple.test' })).data.user!;
    expect(cree.email_confirmed_at).toBeUndefined();
    expect((await admin().getUserById(cree.id)).data.user?.email).toBe('cycle@exemple.test');
    const banni = await admin().updateUserById(cree.id, { ban_duration: '876000h', email_confirm: true });
    expect(banni.error).toBeNull();
    expect(new Date(banni.data.user!.banned_until!).getFullYear()).toBeGreaterThan(new Date().getFullYear() + 50);
    expect(banni.data.user!.email_confirmed_at).toBeTruthy();
    const leve = await admin().updateUserById(cree.id, { ban_duration: 'none' });
    expect(leve.data.user?.banned_until).toBeUndefined();
    expect((await admin().deleteUser(cree.id)).error).toBeNull();
    expect((await admin().getUserById(cree.id)).error).toMatchObject({ status: 404, code: 'user_not_found' });
  });

  test('sans la clé secrète : 403 not_admin', async () => {
    const { error } = await client(CLES.publishable).auth.admin.createUser({ email: 'intrus@exemple.test', email_confirm: true });
    expect(error).toMatchObject({ status: 403, code: 'not_admin', message: 'User not allowed' });
    const membre = (await client(CLES.secret).auth.admin.createUser({ email: 'pas.admin@exemple.test', email_confirm: true })).data.user!;
    const session = await connecter(membre.email!);
    const r = await fetch(`${url}/auth/v1/admin/users/${session.user.id}`, { headers: { apikey: CLES.publishable, authorization: `Bearer ${session.access_token}` } });
    expect(r.status).toBe(403);
  });
});

describe('Réglages de config.toml appliqués par le remplaçant', () => {
  const piles: PileDeTest[] = [];
  afterAll(() => Promise.all(piles.map((p) => p.arreter())));
  const pileAvec = async (modifier: Parameters<typeof configSupabaseModifiee>[0]) => {
    const p = await demarrerPileDeTest({ configSupabase: configSupabaseModifiee(modifier) });
    piles.push(p);
    return { p, c: (cle = CLES.publishable, entetes: Record<string, string> = {}) => createClient(`http://127.0.0.1:${p.ports.supabase}`, cle, { auth, global: { headers: entetes } }) };
  };
  const otp = (c: Pick<SupabaseClient, 'auth'>, email: string) => c.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });

  test('otp_length = 8 : codes à 8 chiffres', async () => {
    const { p } = await pileAvec((c) => (c.auth.email.otp_length = 8));
    const s = await connecter('membre@exemple.test', p);
    expect(s.user.email).toBe('membre@exemple.test');
    expect(await p.dernierCode('membre@exemple.test')).toMatch(/^\d{8}$/);
  });

  test('auth.email.enable_signup = false coupe toute connexion par e-mail : 422 email_provider_disabled', async () => {
    const { c } = await pileAvec((x) => (x.auth.email.enable_signup = false));
    expect((await otp(c(), 'membre@exemple.test')).error).toMatchObject({ status: 422, code: 'email_provider_disabled' });
  });

  test('email_sent : 429 « email rate limit exceeded » au-delà du plafond horaire, quand les confirmations sont exigées', async () => {
    const { c } = await pileAvec((x) => {
      x.auth.email.enable_confirmations = true;
      x.auth.rate_limit.email_sent = 1;
    });
    expect((await otp(c(), 'alice.martin@exemple.test')).error).toBeNull();
    expect((await otp(c(), 'bruno.garcia@exemple.test')).error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit', message: 'email rate limit exceeded' });
  });

  test('email_sent ne s’applique pas sans confirmations exigées (GoTrue, mail.go)', async () => {
    const { c } = await pileAvec((x) => (x.auth.rate_limit.email_sent = 1));
    expect((await otp(c(), 'alice.martin@exemple.test')).error).toBeNull();
    expect((await otp(c(), 'bruno.garcia@exemple.test')).error).toBeNull();
  });

  test('sign_in_sign_ups et token_verifications : seau de 30 par IP, 429 over_request_rate_limit ; Sb-Forwarded-For cru avec la clé secrète seulement', async () => {
    const { c } = await pileAvec(() => {});
    for (let i = 0; i < 30; i++) expect((await otp(c(), `inconnu${i}@exemple.test`)).error).toMatchObject({ code: 'otp_disabled' });
    expect((await otp(c(), 'inconnu@exemple.test')).error).toMatchObject({ status: 429, code: 'over_request_rate_limit', message: 'Request rate limit reached' });
    expect((await otp(c(CLES.publishable, { 'sb-forwarded-for': '203.0.113.7' }), 'inconnu@exemple.test')).error).toMatchObject({ status: 429 });
    expect((await otp(c(CLES.secret, { 'sb-forwarded-for': '203.0.113.7' }), 'inconnu@exemple.test')).error).toMatchObject({ status: 422, code: 'otp_disabled' });
    for (let i = 0; i < 30; i++) expect((await c().auth.verifyOtp({ email: 'membre@exemple.test', token: '000000', type: 'email' })).error).toMatchObject({ code: 'otp_expired' });
    expect((await c().auth.verifyOtp({ email: 'membre@exemple.test', token: '000000', type: 'email' })).error).toMatchObject({ status: 429, code: 'over_request_rate_limit' });
  });

  test('otp_expiry et jwt_expiry du fichier par défaut, modifiables explicitement pour un test', async () => {
    const { p } = await pileAvec((x) => {
      x.auth.email.otp_expiry = 1;
      x.auth.jwt_expiry = 60;
    });
    const c = createClient(`http://127.0.0.1:${p.ports.supabase}`, CLES.publishable, { auth });
    await otp(c, 'membre@exemple.test');
    const code = await p.dernierCode('membre@exemple.test');
    await new Promise((r) => setTimeout(r, 1100));
    expect((await c.auth.verifyOtp({ email: 'membre@exemple.test', token: code, type: 'email' })).error).toMatchObject({ status: 403, code: 'otp_expired' });
    await p.db.query(`update auth.users set recovery_sent_at = null where email = 'organisation@exemple.test'`);
    const s = await connecter('organisation@exemple.test', p);
    expect(s.expires_in).toBe(60);
  });
});
