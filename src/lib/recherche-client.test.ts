import { describe, expect, test } from 'vitest';
import { chercher, chercherAvecCorrection, chercherElargi, longueursUtiles, type Pagefind } from './recherche-client.ts';

/**
 * Un faux Pagefind : chaque page est une liste de mots indexés (comme Pagefind les voit : « l’embauche »
 * donne « lembauche »). Une recherche garde les pages qui contiennent tous les mots (préfixes acceptés) ;
 * une expression entre guillemets doit apparaître telle quelle ; le score compte les occurrences.
 */
function fauxPagefind(pages: Record<string, string>): Pagefind & { requetes: string[] } {
  const requetes: string[] = [];
  const normaliser = (s: string) => s.toLowerCase().replace(/[’']/g, '');
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
          const indexe = normaliser(texte).split(/\s+/);
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
  test('trouve un mot écrit seulement élidé dans la page (« l’embauche »)', async () => {
    const pf = fauxPagefind({ aides: 'les aides à l’embauche d’apprentis', autre: 'une embauche sans apprenti' });
    const ids = (await chercher(pf, 'embauche apprentis')).map((r) => r.id);
    expect(ids).toContain('aides');
    expect(pf.requetes).toContain('l’embauche d’apprentis');
  });

  test('garde le meilleur score d’une page trouvée par plusieurs variantes', async () => {
    const pf = fauxPagefind({ a: 'accueil accueil l’accueil', b: 'd’accueil' });
    const r = await chercher(pf, 'accueil');
    expect(r.map((x) => x.id)).toEqual(['a', 'b']);
    expect(new Set(r.map((x) => x.id)).size).toBe(r.length);
  });

  test('une page trouvée seulement par une forme élidée rare ne passe pas devant celle que trouve la requête telle quelle', async () => {
    // Scores imposés, comme Pagefind les donne : « d’allocation l’élève » est rare, donc très bien noté.
    const scores: Record<string, Record<string, number>> = {
      'allocation élève mineur': { allocation: 6.9, convention: 4.6 },
      'd’allocation l’élève mineur': { convention: 10 },
    };
    const pf: Pagefind = {
      async options() {},
      async search(q) {
        const results = Object.entries(scores[q!] ?? {}).map(([id, score]) => ({ id, score, data: async () => ({ url: `/${id}/`, excerpt: '', meta: {} }) }));
        return { results };
      },
    };
    expect((await chercher(pf, 'allocation élève mineur')).map((r) => r.id)).toEqual(['allocation', 'convention']);
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
    expect(vus.length).toBeGreaterThan(1);
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
    const r = await chercherAvecCorrection(pf, 'alocation', {}, Promise.resolve(new Map([...vocabulaire].filter(([m]) => longueurs.includes(m.length)))));
    expect(r.correction).toBe('allocation');
    expect(r.resultats.map((x) => x.id)).toEqual(['allocation']);
  });

  test('longueurs utiles : 1 faute jusqu’à 7 lettres, 2 au-delà, rien pour les mots courts et les nombres', () => {
    expect(longueursUtiles('stage')).toEqual([4, 5, 6]);
    expect(longueursUtiles('l’allocation')).toEqual([8, 9, 10, 11, 12]);
    expect(longueursUtiles('16 ans 2024 de la')).toEqual([]);
    expect(longueursUtiles('x'.repeat(45))).toEqual([]);
  });
});
