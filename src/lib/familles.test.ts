import { describe, expect, test } from 'vitest';
import { GUIDES_MENU_RUBRIQUE, guidesDuMenu } from './familles.ts';

const rubrique = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('menu « Dans cette rubrique »', () => {
  test('montre toute la rubrique tant qu’elle tient dans le menu', () => {
    expect(guidesDuMenu(rubrique(18), 5)).toEqual({ guides: rubrique(18), tronque: false });
    expect(guidesDuMenu(rubrique(GUIDES_MENU_RUBRIQUE), 0).tronque).toBe(false);
  });
  test('au-delà, une fenêtre autour du guide lu, calée aux bords de la rubrique', () => {
    const milieu = guidesDuMenu(rubrique(333), 200);
    expect(milieu.tronque).toBe(true);
    expect(milieu.guides).toHaveLength(GUIDES_MENU_RUBRIQUE);
    expect(milieu.guides[0]).toBe(200 - GUIDES_MENU_RUBRIQUE / 2);
    expect(milieu.guides).toContain(200);
    expect(guidesDuMenu(rubrique(333), 2).guides[0]).toBe(0);
    expect(guidesDuMenu(rubrique(333), 332).guides.at(-1)).toBe(332);
    expect(guidesDuMenu(rubrique(333), 332).guides).toHaveLength(GUIDES_MENU_RUBRIQUE);
  });
});
