// Contrat : le remplaçant local répond à supabase-js comme Supabase (PostgREST et Auth),
// pour chaque genre d'appel que font les fonctions, succès et erreurs.
import { AuthApiError, AuthSessionMissingError, createClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLES, JWT_SECRET_LOCAL } from './config.ts';
import { signerJwt } from './jwt.ts';
import { demarrerPileDeTest, type PileDeTest } from './pile-test.ts';

let pile: PileDeTest;
let url: string;
const auth = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };
const client = (cle = CLES.anon, jeton?: string) =>
  createClient(url, cle, { auth, db: { schema: 'api' }, global: jeton ? { headers: { Authorization: `Bearer ${jeton}` } } : {} });

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
    grant execute on function api.essai_liste(), api.essai_rien(), api.essai_args(text, int), api.essai_echec(), api.essai_role() to anon, authenticated;`);
});
afterAll(() => pile?.arreter());

async function connecter(email: string) {
  const c = client();
  const demande = await c.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
  expect(demande.error).toBeNull();
  const code = await pile.dernierCode(email);
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
    expect((await client(CLES.anon, jeton).rpc('essai_role')).data).toBe('authenticated');
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
    const { error, status } = await client(CLES.anon, jeton).rpc('moi');
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: 'P0001', message: 'NON_MEMBRE' });
    expect(error?.details).toContain('Aucune fiche');
  });

  test('jeton expiré : 401 PGRST303', async () => {
    const jeton = signerJwt({ sub: 'x', role: 'authenticated', exp: Math.floor(Date.now() / 1000) - 10 }, JWT_SECRET_LOCAL);
    const { error, status } = await client(CLES.anon, jeton).rpc('sante');
    expect(status).toBe(401);
    expect(error?.code).toBe('PGRST303');
  });

  test('jeton signé avec un autre secret : 401 PGRST301', async () => {
    const jeton = signerJwt({ sub: 'x', role: 'service_role' }, 'un-autre-secret');
    const { error, status } = await client(CLES.anon, jeton).rpc('sante');
    expect(status).toBe(401);
    expect(error?.code).toBe('PGRST301');
  });

  test('schéma non exposé : 406 PGRST106', async () => {
    const c = createClient(url, CLES.anon, { auth, db: { schema: 'prive' } });
    const { error, status } = await c.rpc('role_courant');
    expect(status).toBe(406);
    expect(error?.code).toBe('PGRST106');
  });

  test('la clé service_role exécute les fonctions réservées au serveur', async () => {
    const { data, error } = await client(CLES.service).rpc('code_tenter', { p_empreinte: 'a'.repeat(64) });
    expect(error).toBeNull();
    expect(data).toEqual({ autorise: true, restants: 4 });
  });

  test('un membre connecté appelle api.moi avec son jeton', async () => {
    const session = await connecter('alice.martin@exemple.test');
    const { data, error } = await client(CLES.anon, session.access_token).rpc('moi');
    expect(error).toBeNull();
    expect(data).toMatchObject({ prenom: 'Alice', nom: 'Martin', role: 'membre' });
  });
});

describe('Auth par code e-mail façon Supabase Auth', () => {
  test('signInWithOtp envoie un code à 6 chiffres par SMTP à une adresse connue', async () => {
    const { error } = await client().auth.signInWithOtp({ email: 'bruno.garcia@exemple.test', options: { shouldCreateUser: false } });
    expect(error).toBeNull();
    expect(await pile.dernierCode('bruno.garcia@exemple.test')).toMatch(/^\d{6}$/);
  });

  test('adresse inconnue sans création de compte : 422 otp_disabled, aucun courriel', async () => {
    const avant = pile.messages.length;
    const { error } = await client().auth.signInWithOtp({ email: 'inconnu@exemple.test', options: { shouldCreateUser: false } });
    expect(error).toBeInstanceOf(AuthApiError);
    expect(error).toMatchObject({ status: 422, code: 'otp_disabled' });
    expect(pile.messages.length).toBe(avant);
  });

  test('deux codes en moins d’une minute : 429 over_email_send_rate_limit', async () => {
    const email = 'chloe.bernard@exemple.test';
    await client().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    const { error } = await client().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    expect(error).toMatchObject({ status: 429, code: 'over_email_send_rate_limit' });
  });

  test('verifyOtp avec le bon code ouvre une session complète', async () => {
    const session = await connecter('david.roux@exemple.test');
    expect(session).toMatchObject({ token_type: 'bearer', expires_in: 3600, user: { email: 'david.roux@exemple.test', aud: 'authenticated' } });
    expect(session.refresh_token).toBeTruthy();
    expect(session.expires_at).toBeGreaterThan(Date.now() / 1000);
  });

  test('mauvais code : 403 otp_expired ; le code meurt après 5 erreurs', async () => {
    const email = 'emma.fabre@exemple.test';
    const c = client();
    await c.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    const bon = await pile.dernierCode(email);
    const faux = bon === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) {
      const { error } = await c.auth.verifyOtp({ email, token: faux, type: 'email' });
      expect(error).toMatchObject({ status: 403, code: 'otp_expired' });
    }
    const { error } = await c.auth.verifyOtp({ email, token: bon, type: 'email' });
    expect(error).toMatchObject({ status: 403, code: 'otp_expired' });
  });

  test('un code ne sert qu’une fois', async () => {
    const email = 'farid.benali@exemple.test';
    const c = client();
    await c.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    const code = await pile.dernierCode(email);
    expect((await c.auth.verifyOtp({ email, token: code, type: 'email' })).error).toBeNull();
    expect((await c.auth.verifyOtp({ email, token: code, type: 'email' })).error).toMatchObject({ status: 403, code: 'otp_expired' });
  });

  test('un code expiré (plus de 10 minutes) est refusé', async () => {
    const email = 'gaelle.vidal@exemple.test';
    const c = client();
    await c.auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    const code = await pile.dernierCode(email);
    await pile.db.query(`update auth.codes_otp set expire_le = now() - interval '1 second' where user_id = (select id from auth.users where email = $1)`, [email]);
    expect((await c.auth.verifyOtp({ email, token: code, type: 'email' })).error).toMatchObject({ status: 403, code: 'otp_expired' });
  });

  test('le code est gardé haché, jamais en clair', async () => {
    const email = 'hugo.mas@exemple.test';
    await client().auth.signInWithOtp({ email, options: { shouldCreateUser: false } });
    const code = await pile.dernierCode(email);
    const { rows } = await pile.db.query<{ empreinte: string }>(`select empreinte from auth.codes_otp c join auth.users u on u.id = c.user_id where u.email = $1`, [email]);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.empreinte).not.toContain(code);
  });

  test('refreshSession renouvelle les jetons ; un jeton de rafraîchissement usé est refusé', async () => {
    const session = await connecter('ines.puig@exemple.test');
    const { data, error } = await client().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(error).toBeNull();
    expect(data.session?.refresh_token).not.toBe(session.refresh_token);
    await pile.db.query(`update auth.refresh_tokens set revoque_le = now() - interval '1 minute' where jeton = $1`, [session.refresh_token]);
    const rejoue = await client().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(rejoue.error).toMatchObject({ status: 400, code: 'refresh_token_already_used' });
    const inconnu = await client().auth.refreshSession({ refresh_token: 'nimporte-quoi' });
    expect(inconnu.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
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

  test('signOut (admin) ferme la session : getUser et refresh échouent ensuite', async () => {
    const session = await connecter('karima.soler@exemple.test');
    const { error } = await client(CLES.service).auth.admin.signOut(session.access_token, 'local');
    expect(error).toBeNull();
    const apres = await client().auth.getUser(session.access_token);
    expect(apres.error).toBeInstanceOf(AuthSessionMissingError);
    const refresh = await client().auth.refreshSession({ refresh_token: session.refresh_token });
    expect(refresh.error).toMatchObject({ status: 400, code: 'refresh_token_not_found' });
  });

  test('sans clé d’API : 401', async () => {
    const r = await fetch(`${url}/auth/v1/otp`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":"membre@exemple.test"}' });
    expect(r.status).toBe(401);
  });
});
