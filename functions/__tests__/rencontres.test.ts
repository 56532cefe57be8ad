// Routes des rencontres : inscription, double envoi, attente, annulation et promotion (courriels),
// places, mes inscriptions, organisateurs (participants JSON et CSV, pointage), entrées refusées.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/tests/pile-test.ts';
import { enHeureDeParis, type RencontrePubliee } from '../../src/lib/rencontres.ts';
import mesInscriptions from '../mes-inscriptions-lire.ts';
import annuler from '../rencontres-inscription-annuler.ts';
import inscrire from '../rencontres-inscription-creer.ts';
import message from '../rencontres-message-creer.ts';
import exporter from '../rencontres-participants-exporter.ts';
import participants from '../rencontres-participants-lire.ts';
import places from '../rencontres-places-lire.ts';
import pointer from '../rencontres-pointage-creer.ts';
import { contexte, requete, seConnecter, testerEntreesInvalides, type Handler } from './aide.fixture.ts';

const jour = 86_400_000;
function rencontre(slug: string, ouverte = true): RencontrePubliee {
  const t = Date.now();
  return {
    slug,
    titre: `Rencontre « ${slug} »`,
    lieu: 'Lycée d’essai (fictif), 1 rue X, Montpellier',
    debut: enHeureDeParis(new Date(t + 20 * jour)),
    fin: enHeureDeParis(new Date(t + 20 * jour + 3 * 3_600_000)),
    ouverture: enHeureDeParis(new Date(t - (ouverte ? 1 : 10) * jour)),
    fermeture: enHeureDeParis(new Date(t + (ouverte ? 10 : -5) * jour)),
    mode: 'premier_arrive',
    questions: { repas: true, regime: true, accessibilite: true },
    ateliers: [
      { code: 'petit', creneau: 'c1', creneau_libelle: 'Début d’après-midi', titre: 'Atelier à une place', salle: 'S1', capacite: 1 },
      { code: 'grand', creneau: 'c1', creneau_libelle: 'Début d’après-midi', titre: 'Grand atelier', salle: 'S2', capacite: 30 },
      { code: 'fin', creneau: 'c2', creneau_libelle: 'Fin d’après-midi', titre: 'Atelier de fin de journée', salle: 'S1', capacite: 30 },
    ],
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- corps JSON des réponses : leur forme est ce que les assertions vérifient.
type Corps = Record<string, any>;

let pile: PileDeTest;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  pile = await demarrerPileDeTest();
  for (const r of [rencontre('essai'), rencontre('fermee', false)]) {
    await pile.db.transaction(async (tx) => {
      await tx.exec('set local role service_role');
      await tx.query('select api.rencontre_publier($1)', [JSON.stringify(r)]);
    });
  }
  for (const email of ['membre@exemple.test', 'alice.martin@exemple.test', 'organisation@exemple.test', 'bruno.garcia@exemple.test'])
    cookies[email] = await seConnecter(pile, email);
}, 120_000);
afterAll(() => pile?.arreter());

async function appel(handler: Handler, chemin: string, params: Record<string, string>, init: Parameters<typeof requete>[1] & { qui?: string } = {}) {
  const { qui, ...reste } = init;
  const req = requete(chemin, { ...reste, headers: { ...reste.headers, ...(qui ? { cookie: cookies[qui]! } : {}) } });
  const reponse = await handler(req, contexte(params));
  const octets = new Uint8Array(await reponse.arrayBuffer());
  const texte = new TextDecoder('utf-8', { ignoreBOM: true }).decode(octets);
  let corps: unknown = texte;
  try {
    corps = texte ? JSON.parse(texte) : null;
  } catch {
    /* CSV */
  }
  return { statut: reponse.status, corps: corps as Corps, texte, octets, entetes: reponse.headers };
}
const sInscrire = (qui: string, ateliers: string[], slug = 'essai', reponses: Record<string, unknown> = {}) =>
  appel(inscrire, `/api/rencontres/${slug}/inscription`, { slug }, { method: 'POST', corps: { ateliers, reponses }, qui });

/** Attend le courriel n° n adressé à `a` (le SMTP est asynchrone). */
async function courriel(a: string, n = 1) {
  for (let i = 0; i < 60; i++) {
    const m = pile.messages.filter((x) => x.a.includes(a));
    if (m.length >= n) return m[n - 1]!;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Aucun courriel n° ${n} pour ${a}`);
}
const courrielsA = (a: string) => pile.messages.filter((x) => x.a.includes(a) && !x.code).length;

/** Le texte d'une pièce jointe base64 d'un type donné dans un message brut. */
function piece(brut: string, type: string): string | null {
  const m = new RegExp(`Content-Type: ${type}[\\s\\S]*?\\r?\\n\\r?\\n([A-Za-z0-9+/=\\r\\n]+)`).exec(brut);
  // Les lignes d'un .ics sont pliées à 75 octets : dépliées pour la lecture.
  return m
    ? Buffer.from(m[1]!.replace(/\s/g, ''), 'base64')
        .toString('utf8')
        .replace(/\r?\n[ \t]/g, '')
    : null;
}
/** Le corps texte (quoted-printable ou non) d'un message brut. */
function texteDe(brut: string): string {
  const qp = brut.replace(/=\r?\n/g, '');
  const octets: number[] = [];
  for (let i = 0; i < qp.length; i++) {
    const h = /^=([0-9A-F]{2})/.exec(qp.slice(i, i + 3));
    if (h) {
      octets.push(parseInt(h[1]!, 16));
      i += 2;
    } else octets.push(...Buffer.from(qp[i]!, 'utf8'));
  }
  return Buffer.from(octets).toString('utf8');
}
const etat = async () =>
  (
    await pile.db.query<{ e: string }>(
      `select (select count(*) from prive.inscriptions)::text || '/' || (select count(*) from prive.choix_ateliers)::text || '/' || (select count(*) from prive.choix_ateliers where statut = 'confirmee')::text as e`,
    )
  ).rows[0]!.e;

describe('inscription, attente, annulation, promotion', () => {
  test('un membre s’inscrit : 201, place confirmée, courriel de confirmation avec son .ics et le lien de gestion', async () => {
    const { statut, corps } = await sInscrire('membre@exemple.test', ['petit', 'fin'], 'essai', { repas: true, regime: 'sans porc' });
    expect(statut).toBe(201);
    expect(corps.ateliers.map((a: { atelier: string; statut: string }) => [a.atelier, a.statut])).toEqual([
      ['petit', 'confirmee'],
      ['fin', 'confirmee'],
    ]);
    expect(corps.courriel).toBe(true);
    const m = await courriel('membre@exemple.test', 2); // le premier est le code de connexion
    expect(m.objet).toBe('Inscription enregistrée : Rencontre « essai »');
    const ics = piece(m.brut, 'text/calendar');
    expect(ics).toMatch(/BEGIN:VCALENDAR/);
    expect(ics).toMatch(/SUMMARY:Rencontre « essai »/);
    expect(ics).toMatch(/Atelier à une place/);
    expect(texteDe(m.brut)).toContain('/rencontres/essai/inscription/');
  });

  test('un double envoi : même réponse, rien d’écrit, pas de second courriel', async () => {
    const avant = [await etat(), courrielsA('membre@exemple.test')];
    const { statut, corps } = await sInscrire('membre@exemple.test', ['petit', 'fin'], 'essai', { repas: true, regime: 'sans porc' });
    expect(statut).toBe(201);
    expect(corps.ateliers).toHaveLength(2);
    await new Promise((r) => setTimeout(r, 200));
    expect([await etat(), courrielsA('membre@exemple.test')]).toEqual(avant);
  });

  test('la dernière place prise, le suivant part en liste d’attente avec sa position', async () => {
    const { statut, corps } = await sInscrire('alice.martin@exemple.test', ['petit']);
    expect(statut).toBe(201);
    expect(corps.ateliers[0]).toMatchObject({ atelier: 'petit', statut: 'en_attente', position: 1 });
    const m = await courriel('alice.martin@exemple.test', 2);
    expect(texteDe(m.brut)).toMatch(/en liste d’attente \(position 1\)/);
  });

  test('places restantes : publiques, des nombres', async () => {
    const { statut, corps } = await appel(places, '/api/rencontres/essai/places', { slug: 'essai' });
    expect(statut).toBe(200);
    expect(corps.ateliers.find((a: { atelier: string }) => a.atelier === 'petit')).toMatchObject({ restantes: 0, en_attente: 1 });
  });

  test('mes inscriptions : 401 sans session, ma liste sinon', async () => {
    expect((await appel(mesInscriptions, '/api/mes-inscriptions', {})).statut).toBe(401);
    const { statut, corps } = await appel(mesInscriptions, '/api/mes-inscriptions', {}, { qui: 'alice.martin@exemple.test' });
    expect(statut).toBe(200);
    expect(corps).toEqual([expect.objectContaining({ rencontre: 'essai', ateliers: [expect.objectContaining({ statut: 'en_attente', position: 1 })] })]);
  });

  test('le premier annule : la suivante est promue dans la même transaction et reçoit un courriel', async () => {
    const { statut, corps } = await appel(annuler, '/api/rencontres/essai/inscription', { slug: 'essai' }, { method: 'DELETE', qui: 'membre@exemple.test' });
    expect(statut).toBe(200);
    expect(corps).toEqual({ annulee: true, promus: 1 });
    const m = await courriel('alice.martin@exemple.test', 3);
    expect(m.objet).toBe('Une place s’est libérée : Atelier à une place');
    const alice = await appel(mesInscriptions, '/api/mes-inscriptions', {}, { qui: 'alice.martin@exemple.test' });
    expect(alice.corps[0].ateliers[0]).toMatchObject({ statut: 'confirmee', position: null });
  });
});

describe('organisateurs', () => {
  test('un membre n’a pas la liste (403 ORGANISATEUR_REQUIS), ni le CSV, ni le pointage', async () => {
    for (const [h, chemin, init] of [
      [participants, '/api/rencontres/essai/participants', {}],
      [exporter, '/api/rencontres/essai/participants.csv', {}],
      [pointer, '/api/rencontres/essai/pointage', { method: 'POST', corps: { inscription: '00000000-0000-4000-8000-000000000000', present: true } }],
    ] as const) {
      const { statut, corps } = await appel(h, chemin, { slug: 'essai' }, { ...init, qui: 'alice.martin@exemple.test' });
      expect(statut).toBe(403);
      expect(corps.erreur).toMatchObject({ code: 'ORGANISATEUR_REQUIS', message: 'Cette action est réservée aux organisateurs des rencontres.' });
    }
  });

  test('l’organisateur voit effectifs et attente, exporte un CSV UTF-8 avec BOM, pointe', async () => {
    const { statut, corps } = await appel(participants, '/api/rencontres/essai/participants', { slug: 'essai' }, { qui: 'organisation@exemple.test' });
    expect(statut).toBe(200);
    const petit = corps.ateliers.find((a: { atelier: string }) => a.atelier === 'petit');
    expect(petit.confirmes.map((p: { nom: string }) => p.nom)).toEqual(['Martin']);

    const csv = await appel(exporter, '/api/rencontres/essai/participants.csv', { slug: 'essai' }, { qui: 'organisation@exemple.test' });
    expect(csv.statut).toBe(200);
    expect(csv.entetes.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csv.entetes.get('content-disposition')).toBe('attachment; filename="inscrits-essai.csv"');
    expect([...csv.octets.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.texte).toContain('Nom;Prénom;Adresse électronique;Établissement');
    expect(csv.texte).toContain('Martin;Alice;alice.martin@exemple.test;Lycée professionnel des Remparts (fictif)');

    const id = petit.confirmes[0].inscription;
    const p = await appel(
      pointer,
      '/api/rencontres/essai/pointage',
      { slug: 'essai' },
      { method: 'POST', corps: { inscription: id, present: true }, qui: 'organisation@exemple.test' },
    );
    expect(p).toMatchObject({ statut: 200, corps: { inscription: id, present: true } });
  });
});

describe('message des organisateurs aux inscrits', () => {
  const envoyer = (qui: string, corps: Record<string, unknown>) =>
    appel(message, '/api/rencontres/essai/message', { slug: 'essai' }, { method: 'POST', corps, qui });

  test('un membre ne peut pas écrire aux inscrits (403), rien ne part', async () => {
    const avant = pile.messages.length;
    const r = await envoyer('alice.martin@exemple.test', { objet: 'Bonjour', texte: 'Un message qui ne doit pas partir.' });
    expect(r.statut).toBe(403);
    expect(r.corps.erreur.code).toBe('ORGANISATEUR_REQUIS');
    await new Promise((ok) => setTimeout(ok, 100));
    expect(pile.messages.length).toBe(avant);
  });

  test('l’organisateur écrit à tous les inscrits : une copie par personne inscrite, aucune aux désinscrits', async () => {
    const r = await envoyer('organisation@exemple.test', {
      objet: 'Salle changée',
      texte: 'L’atelier de l’après-midi change de salle : rendez-vous en salle 12.',
    });
    expect(r).toMatchObject({ statut: 200, corps: { envoyes: 1, echecs: 0 } });
    const m = await courriel('alice.martin@exemple.test', 4);
    expect(m.objet).toBe('[Rencontre « essai »] Salle changée');
    expect(m.a).toEqual(['alice.martin@exemple.test']);
    expect(texteDe(m.brut)).toContain('rendez-vous en salle 12');
  });

  test('à un atelier : ses seuls inscrits ; un atelier inconnu est refusé', async () => {
    expect((await envoyer('organisation@exemple.test', { objet: 'Grand atelier', texte: 'Personne n’est inscrit ici.', atelier: 'grand' })).corps).toEqual({
      envoyes: 0,
      echecs: 0,
    });
    const r = await envoyer('organisation@exemple.test', { objet: 'Atelier', texte: 'Un atelier qui n’existe pas.', atelier: 'nulle-part' });
    expect(r.statut).toBe(400);
    expect(r.corps.erreur.code).toBe('ATELIER_INCONNU');
  });
});

describe('entrées refusées : 4xx en français, rien d’écrit', () => {
  const cas: [string, () => Promise<{ statut: number; corps: Corps }>, number, string][] = [
    ['une rencontre inconnue', () => sInscrire('bruno.garcia@exemple.test', ['petit'], 'inconnue'), 404, 'RENCONTRE_INCONNUE'],
    ['un identifiant de rencontre mal formé', () => sInscrire('bruno.garcia@exemple.test', ['petit'], 'ÉTÉ..'), 404, 'RENCONTRE_INCONNUE'],
    ['un atelier inconnu', () => sInscrire('bruno.garcia@exemple.test', ['nulle-part']), 400, 'ATELIER_INCONNU'],
    ['deux ateliers du même créneau', () => sInscrire('bruno.garcia@exemple.test', ['petit', 'grand']), 400, 'MEME_CRENEAU'],
    ['des inscriptions closes', () => sInscrire('bruno.garcia@exemple.test', ['petit'], 'fermee'), 409, 'INSCRIPTIONS_FERMEES'],
    [
      'une annulation sans inscription',
      () => appel(annuler, '/api/rencontres/essai/inscription', { slug: 'essai' }, { method: 'DELETE', qui: 'bruno.garcia@exemple.test' }),
      404,
      'NON_INSCRIT',
    ],
    [
      'une inscription sans session',
      () => appel(inscrire, '/api/rencontres/essai/inscription', { slug: 'essai' }, { method: 'POST', corps: { ateliers: ['petit'] } }),
      401,
      'NON_CONNECTE',
    ],
    ['une réponse facultative inconnue', () => sInscrire('bruno.garcia@exemple.test', ['petit'], 'essai', { religion: 'x' }), 400, 'REQUETE_INVALIDE'],
    ['les places d’une rencontre inconnue', () => appel(places, '/api/rencontres/inconnue/places', { slug: 'inconnue' }), 404, 'RENCONTRE_INCONNUE'],
  ];
  for (const [libelle, faire, statut, code] of cas) {
    test(`refuse ${libelle} (${statut} ${code})`, async () => {
      const avant = [await etat(), pile.messages.length];
      const r = await faire();
      expect(r.statut).toBe(statut);
      expect(r.corps.erreur.code).toBe(code);
      expect(r.corps.erreur.message).toMatch(/[a-zé]/);
      expect(JSON.stringify(r.corps)).not.toMatch(/select |prive\./);
      expect([await etat(), pile.messages.length]).toEqual(avant);
    });
  }
  test('refuse un membre désactivé (403 NON_MEMBRE)', async () => {
    await pile.db.query(`update prive.membres set actif = false where email = 'bruno.garcia@exemple.test'`);
    try {
      const avant = await etat();
      const r = await sInscrire('bruno.garcia@exemple.test', ['grand']);
      expect(r.statut).toBe(403);
      expect(r.corps.erreur.code).toBe('NON_MEMBRE');
      expect(await etat()).toBe(avant);
    } finally {
      await pile.db.query(`update prive.membres set actif = true where email = 'bruno.garcia@exemple.test'`);
    }
  });

  testerEntreesInvalides(
    'POST /api/rencontres/:slug/inscription',
    () => ({ handler: (req) => inscrire(req, contexte({ slug: 'essai' })), pile }),
    '/api/rencontres/essai/inscription',
    'POST',
    { ateliers: ['grand'] },
  );
  testerEntreesInvalides(
    'POST /api/rencontres/:slug/message',
    () => ({ handler: (req) => message(req, contexte({ slug: 'essai' })), pile }),
    '/api/rencontres/essai/message',
    'POST',
    { objet: 'Un objet', texte: 'Un texte assez long.' },
  );
  testerEntreesInvalides(
    'POST /api/rencontres/:slug/pointage',
    () => ({ handler: (req) => pointer(req, contexte({ slug: 'essai' })), pile }),
    '/api/rencontres/essai/pointage',
    'POST',
    { inscription: '00000000-0000-4000-8000-000000000000', present: true },
  );
});
