// Pile locale pour les tests : base jetable, ports libres, boîte d'envoi dans un dossier temporaire.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { creerBaseDeTest } from './base-test.ts';
import { demarrerPile, type OptionsPile, type Pile } from '../pile.ts';
import type { MessageCapte } from '../smtp/capteur.ts';

export interface PileDeTest extends Pile {
  messages: MessageCapte[];
  /** Le dernier code envoyé à cette adresse (attend son arrivée jusqu'à 2 s). */
  dernierCode(email: string): Promise<string>;
}

/** Démarre une pile complète et isolée. */
export async function demarrerPileDeTest(options: Partial<OptionsPile> & { genre?: 'pglite' | 'postgres' } = {}): Promise<PileDeTest> {
  const donnees = mkdtempSync(join(tmpdir(), 'rbde-pile-'));
  const messages: MessageCapte[] = [];
  const db = await creerBaseDeTest(options.genre);
  // Les tests n'attendent pas la durée minimale d'une demande de code (1,2 s en production) ;
  // le test qui la vérifie la remet.
  process.env.DUREE_MIN_DEMANDE_CODE_MS ??= '0';
  const pile = await demarrerPile({ db, donnees, ports: { site: 0, supabase: 0, smtp: 0 }, surMessage: (m) => messages.push(m), ...options });
  return {
    ...pile,
    messages,
    async dernierCode(email: string) {
      for (let i = 0; i < 40; i++) {
        const m = [...messages].reverse().find((x) => x.a.includes(email) && x.code);
        if (m?.code) return m.code;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`Aucun code reçu pour ${email}`);
    },
    async arreter() {
      await pile.arreter();
      rmSync(donnees, { recursive: true, force: true });
    },
  };
}
