import { describe, expect, test } from 'vitest';
import { chercher, chercherAvecCorrection, chercherElargi, longueursUtiles, typographierExtrait, type Pagefind } from './recherche-client.ts';

/**
 * Un faux Pagefind : chaque page est une liste de mots indexés comme Pagefind les voit dans l'index construit
 * (apostrophes redressées, voir apostrophesPourIndex) : « l’embauche » donne « lembauche » et ses parties d'au
 * moins deux lettres (« embauche »). Une recherche garde les pages qui contiennent tous les mots (préfixes
 * acceptés) ; une expression entre guillemets doit apparaître telle quelle ; le score compte les occurrences.
 */
function fauxPagefind(pages: Record<string, string>): Pagefind & { requetes: string[] } {
  const requetes: string[] = [];
  const normaliser = (s: string) => s.toLowerCase().replace(/[’']/g, '');
  const indexer = (texte: string) =>
    texte
      .toLowerCase()
      .split(/\s+/)
      .flatMap((w) => [w.replace(/[’']/g, ''), ...(/[’']/.test(w) ? w.split(/[’']/).filter((p) => p.length > 1) : [])]);
  return {
    requetes,
    async options() {},
    async search(q) {
      requetes.push(q!);
      const expressions = [...q!.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
      const mots = normaliser(q!.replace(/"[^"]+"/g, ' '))
        .split(/\s+/)
        .filter(Boolean);
      const results = Object.entries(pages)
        .map(([id, texte]) => {
          const indexe = indexer(texte);
          if (!expressions.every((e) => ` ${texte} `.includes(` ${e} `))) return null;
          const occurrences = mots.map((m) => indexe.filter((w) => w.startsWith(m)).length);
          if (occurrences.some((n) => n === 0)) return null;
          const score = occurrences.reduce((a, b) => a + b, 0) + expressions.length;
          return { id, score, data: async () => ({ url: `/${id}/`, excerpt: '', meta: {} }) };
        })
        .filter((r) => r !== null);
      return { results };
    },
  };
}

describe('recherche côté navigateur', () => {
  test('trouve un mot écrit seulement élidé dans la page (« l’embauche ») sans chercher de forme élidée', async () => {
    const pf = fauxPagefind({ aides: 'les aides à l’embauche d’apprentis', autre: 'une embauche sans apprenti' });
    const ids = (await chercher(pf, 'embauche apprentis')).map((r) => r.id);
    expect(ids).toContain('aides');
    expect(pf.requetes).toEqual(['embauche apprentis']);
  });

  test('garde le meilleur score d’une page trouvée par plusieurs variantes (œ, oe)', async () => {
    const pf = fauxPagefind({ a: 'œuvre œuvre oeuvre', b: 'oeuvre' });
    const r = await chercher(pf, 'oeuvre');
    expect(pf.requetes).toEqual(['oeuvre', 'œuvre']);
    expect(r.map((x) => x.id)).toEqual(['a', 'b']);
    expect(new Set(r.map((x) => x.id)).size).toBe(r.length);
  });

  test('un montant ne garde que les pages qui l’écrivent exactement, classées par la requête ordinaire', async () => {
    const pf = fauxPagefind({
      articles: 'article L. 124-1 et 1 et 1 et 1 et 200',
      terminale: 'plafond de 1 200 € en terminale',
      allocation: 'plafonds : 1 200 € et 1 000 € et encore 1 200 €',
    });
    for (const q of ['1200', '1 200 €', '1200 euros']) {
      expect(
        (await chercher(pf, q)).map((r) => r.id),
        q,
      ).toEqual(['allocation', 'terminale']);
    }
  });

  test('sans page qui écrit le montant, revient à la recherche ordinaire', async () => {
    const pf = fauxPagefind({ a: 'un plafond annuel' });
    expect((await chercher(pf, 'plafond 9999')).map((r) => r.id)).toEqual([]);
    expect((await chercher(pf, 'plafond')).map((r) => r.id)).toEqual(['a']);
  });

  test('passe les filtres à chaque recherche', async () => {
    const vus: unknown[] = [];
    const pf: Pagefind = {
      async options() {},
      async search(_q, o) {
        vus.push(o?.filters);
        return { results: [] };
      },
    };
    await chercher(pf, 'entreprise accueil', { famille: 'Réglementation' });
    expect(vus.length).toBeGreaterThan(0);
    expect(vus.every((f) => JSON.stringify(f) === '{"famille":"Réglementation"}')).toBe(true);
  });

  test('élargit une requête dont aucun guide ne contient tous les mots, les pages aux mots les plus nombreux d’abord', async () => {
    const pf = fauxPagefind({ apprentissage: 'âge apprentissage contrat', autre: 'âge minimum retraite', rien: 'sans rapport' });
    expect(await chercher(pf, 'âge minimum apprentissage')).toEqual([]);
    const ids = (await chercherElargi(pf, 'âge minimum apprentissage')).map((r) => r.id);
    expect(ids).toEqual(['apprentissage', 'autre']);
  });

  test('n’élargit pas une requête d’un seul mot', async () => {
    const pf = fauxPagefind({ a: 'un texte' });
    expect(await chercherElargi(pf, 'inconnu')).toEqual([]);
  });
});

describe('correction des fautes : vocabulaire par longueur de mot', () => {
  test('corrige avec les seules longueurs voisines du mot', async () => {
    const pf = fauxPagefind({ allocation: 'allocation allocation élève', convention: 'convention de stage', gratification: 'gratification stage' });
    const vocabulaire = new Map([
      ['allocation', 3],
      ['convention', 2],
      ['gratification', 1],
      ['stage', 2],
    ]);
    const longueurs = longueursUtiles('alocation');
    expect(longueurs).toEqual([7, 8, 9, 10, 11]);
    const demandes: number[][] = [];
    const r = await chercherAvecCorrection(
      pf,
      'alocation',
      {},
      {
        vocabulaire: async (l) => {
          demandes.push(l);
          return new Map([...vocabulaire].filter(([m]) => l.includes(m.length)));
        },
      },
    );
    expect(demandes).toEqual([longueurs]);
    expect(r.correction).toBe('allocation');
    expect(r.resultats.map((x) => x.id)).toEqual(['allocation']);
  });

  test('ne corrige pas un mot connu dont la longueur n’a pas été téléchargée', async () => {
    const pf = fauxPagefind({ a: 'allocation gratification', b: 'allocations' });
    const r = await chercherAvecCorrection(
      pf,
      'allocation gratifiaction',
      {},
      {
        vocabulaire: async () =>
          new Map([
            ['gratification', 2],
            ['allocations', 1],
          ]),
      },
    );
    expect(r.correction).toBe('allocation gratification');
  });

  test('ne télécharge pas le vocabulaire quand tous les mots sont sur le site', async () => {
    const pf = fauxPagefind({ a: 'stage convention', b: 'stage élève', c: 'stage entreprise' });
    let demandes = 0;
    const r = await chercherAvecCorrection(
      pf,
      'stage',
      {},
      {
        vocabulaire: async () => {
          demandes++;
          return new Map();
        },
      },
    );
    expect(r.resultats).toHaveLength(3);
    expect(r.correction).toBeNull();
    expect(demandes).toBe(0);
  });

  test('un synonyme du glossaire trouve les pages du terme, sans vocabulaire ni correction', async () => {
    const pf = fauxPagefind({ a: 'le tuteur suit le tuteur', b: 'voir le patron', c: 'convention' });
    let demandes = 0;
    const r = await chercherAvecCorrection(
      pf,
      'le patron',
      {},
      {
        synonymes: { patron: ['tuteur'] },
        vocabulaire: async () => {
          demandes++;
          return new Map();
        },
      },
    );
    expect(r.resultats.map((x) => x.id)).toEqual(['a', 'b']);
    expect(r.correction).toBeNull();
    expect(demandes).toBe(0);
    // Sans la table, seule la page qui écrit le mot courant.
    expect((await chercher(pf, 'le patron')).map((x) => x.id)).toEqual(['b']);
  });

  test('rend aux extraits l’apostrophe typographique que l’index a redressée', () => {
    expect(typographierExtrait("l&#39;<mark>embauche</mark> d'un apprenti, aujourd&#x27;hui")).toBe('l’<mark>embauche</mark> d’un apprenti, aujourd’hui');
    expect(typographierExtrait("« l'école » ' seul")).toBe("« l’école » ' seul");
  });

  test('longueurs utiles : 1 faute jusqu’à 7 lettres, 2 au-delà, rien pour les mots courts et les nombres', () => {
    expect(longueursUtiles('stage')).toEqual([4, 5, 6]);
    expect(longueursUtiles('l’allocation')).toEqual([8, 9, 10, 11, 12]);
    expect(longueursUtiles('16 ans 2024 de la')).toEqual([]);
    expect(longueursUtiles('x'.repeat(45))).toEqual([]);
  });
});
