import { describe, expect, test } from 'vitest';
import { adresseDesFiltres, FILTRES_VIDES, filtresActifs, filtresDepuisAdresse } from './filtres-annuaire.ts';

describe('filtres de l’annuaire dans l’adresse', () => {
  test('aller-retour : adresse → filtres → adresse', () => {
    const a = 'q=chlo%C3%A9&departement=34&expertise=pfmp&nouveaux=1&page=2';
    const f = filtresDepuisAdresse(`?${a}`);
    expect(f).toMatchObject({ q: 'chloé', departement: '34', expertise: 'pfmp', nouveaux: true, accompagne: false, page: 2 });
    expect(adresseDesFiltres(f)).toBe(a);
  });
  test('valeurs absurdes : page 1, booléens faux, textes bornés', () => {
    const f = filtresDepuisAdresse(`?page=-3&nouveaux=oui&q=${'x'.repeat(300)}`);
    expect(f.page).toBe(1);
    expect(f.nouveaux).toBe(false);
    expect(f.q).toHaveLength(100);
  });
  test('aucun filtre : adresse vide, filtres inactifs ; la page seule ne compte pas comme filtre', () => {
    expect(adresseDesFiltres(FILTRES_VIDES)).toBe('');
    expect(filtresActifs({ ...FILTRES_VIDES, page: 3 })).toBe(false);
    expect(filtresActifs({ ...FILTRES_VIDES, accompagne: true })).toBe(true);
  });
});
