// Attribution par vœux classés, sur des cas construits : déterminisme, capacités, efficacité de
// Pareto vérifiée par force brute sur de petits cas, listes d'attente dans l'ordre de priorité.
import { describe, expect, test } from 'vitest';
import { allouer, cleDeTirage, ordreDePriorite, VoeuxInvalides, type AtelierVoeux, type ResultatAllocation, type VoeuxMembre } from './allocation.ts';

/** Générateur de cas reproductible (mulberry32), pour les tests seulement. */
function mulberry32(a: number) {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const A = (code: string, capacite: number, creneau = 'c1'): AtelierVoeux => ({ code, creneau, capacite });
const V = (membre: string, ateliers: string[], creneau = 'c1'): VoeuxMembre => ({ membre, creneau, ateliers });
const obtenu = (r: ResultatAllocation, membre: string, creneau = 'c1') => r.attributions.find((x) => x.membre === membre && x.creneau === creneau)!;

/** Un petit cas au hasard : un créneau, 2 à 3 ateliers de 1 à 2 places, 2 à 5 membres. */
function casAuHasard(alea: () => number) {
  const nA = 2 + Math.floor(alea() * 2);
  const ateliers = Array.from({ length: nA }, (_, i) => A(`a${i}`, 1 + Math.floor(alea() * 2)));
  const nM = 2 + Math.floor(alea() * 4);
  const voeux = Array.from({ length: nM }, (_, i) => {
    const codes = ateliers.map((a) => a.code).sort(() => alea() - 0.5);
    return V(`m${i}`, codes.slice(0, 1 + Math.floor(alea() * codes.length)));
  });
  return { ateliers, voeux };
}

/** Utilité d'un membre : rang obtenu (plus petit = mieux), ses vœux + 1 s'il n'a rien. */
const cout = (v: VoeuxMembre, atelier: string | null) => (atelier === null ? v.ateliers.length + 1 : v.ateliers.indexOf(atelier) + 1);

/** Toutes les attributions possibles (chacun : un de ses vœux ou rien), capacités respectées. */
function toutesLesAttributions(ateliers: AtelierVoeux[], voeux: VoeuxMembre[]): (string | null)[][] {
  const res: (string | null)[][] = [];
  const cap = new Map(ateliers.map((a) => [a.code, a.capacite]));
  const courant: (string | null)[] = [];
  const rec = (i: number) => {
    if (i === voeux.length) return void res.push([...courant]);
    for (const choix of [...voeux[i]!.ateliers, null]) {
      if (choix !== null) {
        if (cap.get(choix)! === 0) continue;
        cap.set(choix, cap.get(choix)! - 1);
      }
      courant.push(choix);
      rec(i + 1);
      courant.pop();
      if (choix !== null) cap.set(choix, cap.get(choix)! + 1);
    }
  };
  rec(0);
  return res;
}

describe('ordre de priorité', () => {
  test('la clé de tirage est le SHA-256 de « graine:membre », reproductible avec sha256sum', () => {
    // printf '%s' 'graine-2026:membre-a' | sha256sum
    expect(cleDeTirage('graine-2026', 'membre-a')).toBe('5fd51eed59661d0b081d4a66f49b334fb61d53372835536e1b4e241f4c5f3d80');
  });

  test('même graine → même ordre, quel que soit l’ordre des entrées', () => {
    const membres = Array.from({ length: 20 }, (_, i) => `m${i}`);
    expect(ordreDePriorite('g', membres)).toEqual(ordreDePriorite('g', [...membres].reverse()));
  });

  test('une autre graine peut donner un autre ordre', () => {
    const membres = Array.from({ length: 20 }, (_, i) => `m${i}`);
    expect(ordreDePriorite('g1', membres)).not.toEqual(ordreDePriorite('g2', membres));
    expect([...ordreDePriorite('g1', membres)].sort()).toEqual([...membres].sort());
  });

  test('chacun est premier pour à peu près autant de graines (tirage équitable)', () => {
    const membres = ['a', 'b', 'c', 'd'];
    const premiers = new Map(membres.map((m) => [m, 0]));
    for (let g = 0; g < 4000; g++) {
      const p = ordreDePriorite(`g${g}`, membres)[0]!;
      premiers.set(p, premiers.get(p)! + 1);
    }
    for (const n of premiers.values()) expect(Math.abs(n - 1000)).toBeLessThan(150);
  });
});

describe('attribution', () => {
  const ateliers = [A('x', 1), A('y', 1), A('z', 2)];
  const voeux = [V('m1', ['x', 'y', 'z']), V('m2', ['x', 'z']), V('m3', ['x', 'y']), V('m4', ['y']), V('m5', ['x'])];

  test('déterministe : même graine → même résultat ; une autre graine peut différer', () => {
    expect(allouer('g', ateliers, voeux)).toEqual(allouer('g', ateliers, [...voeux].reverse()));
    const resultats = new Set(Array.from({ length: 30 }, (_, g) => JSON.stringify(allouer(`g${g}`, ateliers, voeux).attributions.map((a) => a.atelier))));
    expect(resultats.size).toBeGreaterThan(1);
  });

  test('le premier dans l’ordre obtient son premier vœu ; chacun reçoit son meilleur vœu encore libre', () => {
    const r = allouer('g', ateliers, voeux);
    const premier = obtenu(r, r.ordre[0]!);
    expect(premier.priorite).toBe(1);
    expect(premier.rang).toBe(1);
    expect(premier.complets).toEqual([]);
  });

  test('« pourquoi » : les ateliers mieux classés étaient complets au tour du membre', () => {
    // Capacité 1 partout : le second servi qui voulait x n'a que son deuxième vœu.
    const r = allouer('graine', [A('x', 1), A('y', 1)], [V('p', ['x', 'y']), V('q', ['x', 'y'])]);
    const [premier, second] = r.ordre;
    expect(obtenu(r, premier!)).toMatchObject({ atelier: 'x', rang: 1, complets: [] });
    expect(obtenu(r, second!)).toMatchObject({ atelier: 'y', rang: 2, complets: ['x'], priorite: 2 });
  });

  test('capacités respectées, listes d’attente dans l’ordre de priorité, sur 300 cas au hasard', () => {
    const alea = mulberry32(7);
    for (let n = 0; n < 300; n++) {
      const cas = casAuHasard(alea);
      const r = allouer(`g${n}`, cas.ateliers, cas.voeux);
      for (const a of cas.ateliers) expect(r.attributions.filter((x) => x.atelier === a.code).length).toBeLessThanOrEqual(a.capacite);
      // Personne de non placé alors qu'un de ses vœux a encore une place.
      for (const x of r.attributions.filter((y) => y.atelier === null)) {
        for (const code of cas.voeux.find((v) => v.membre === x.membre)!.ateliers)
          expect(r.attributions.filter((y) => y.atelier === code).length).toBe(cas.ateliers.find((a) => a.code === code)!.capacite);
      }
      // Attente : positions 1, 2, 3… dans l'ordre croissant des numéros de priorité.
      for (const a of cas.ateliers) {
        const file = r.attributions.filter((x) => x.attente?.atelier === a.code);
        expect(file.map((x) => x.attente!.position)).toEqual(file.map((_, i) => i + 1));
        expect(file.map((x) => x.priorite)).toEqual([...file.map((x) => x.priorite)].sort((p, q) => p - q));
      }
    }
  });

  test('efficace au sens de Pareto (force brute) : aucune autre attribution, ni aucun échange à deux, n’améliore quelqu’un sans léser personne', () => {
    const alea = mulberry32(42);
    let cas = 0;
    for (let n = 0; n < 300; n++) {
      const { ateliers: at, voeux: vx } = casAuHasard(alea);
      const r = allouer(`graine-${n}`, at, vx);
      const actuel = vx.map((v) => obtenu(r, v.membre).atelier);
      const couts = vx.map((v, i) => cout(v, actuel[i]!));
      // Échange à deux : jamais les deux gagnants.
      for (let i = 0; i < vx.length; i++)
        for (let j = i + 1; j < vx.length; j++) {
          const ai = actuel[i]!;
          const aj = actuel[j]!;
          const iVeut = aj === null || vx[i]!.ateliers.includes(aj);
          const jVeut = ai === null || vx[j]!.ateliers.includes(ai);
          if (iVeut && jVeut) expect(cout(vx[i]!, aj) < couts[i]! && cout(vx[j]!, ai) < couts[j]!).toBe(false);
        }
      // Toute attribution réalisable : aucune ne domine celle calculée.
      for (const autre of toutesLesAttributions(at, vx)) {
        const c = vx.map((v, i) => cout(v, autre[i]!));
        const domine = c.every((x, i) => x <= couts[i]!) && c.some((x, i) => x < couts[i]!);
        expect(domine).toBe(false);
      }
      cas++;
    }
    expect(cas).toBe(300);
  });

  test('le même numéro de priorité vaut pour tous les créneaux', () => {
    const r = allouer('g', [A('x', 1, 'c1'), A('y', 1, 'c2')], [V('p', ['x'], 'c1'), V('q', ['x'], 'c1'), V('p', ['y'], 'c2'), V('q', ['y'], 'c2')]);
    expect(obtenu(r, r.ordre[0]!, 'c1').atelier).toBe('x');
    expect(obtenu(r, r.ordre[0]!, 'c2').atelier).toBe('y');
    expect(obtenu(r, r.ordre[1]!, 'c2')).toMatchObject({ atelier: null, priorite: 2, attente: { atelier: 'y', position: 1 } });
  });

  test('vœux incohérents refusés : atelier inconnu, d’un autre créneau, classé deux fois, deux listes, graine vide', () => {
    const at = [A('x', 1, 'c1'), A('y', 1, 'c2')];
    expect(() => allouer('g', at, [V('p', ['inconnu'])])).toThrow(VoeuxInvalides);
    expect(() => allouer('g', at, [V('p', ['y'], 'c1')])).toThrow(/pas du créneau/);
    expect(() => allouer('g', at, [V('p', ['x', 'x'])])).toThrow(/deux fois/);
    expect(() => allouer('g', at, [V('p', ['x']), V('p', ['x'])])).toThrow(/Deux listes/);
    expect(() => allouer('', at, [V('p', ['x'])])).toThrow(/graine/);
  });
});
