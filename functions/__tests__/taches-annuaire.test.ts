// Tâches planifiées de l'annuaire, par leurs vrais handlers, sur la pile locale.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demarrerPileDeTest, type PileDeTest } from '../../local/tests/pile-test.ts';
import purger from '../taches-purger-membres.ts';
import rappeler from '../taches-rappeler-fiches.ts';

let pile: PileDeTest;
beforeAll(async () => {
  pile = await demarrerPileDeTest();
});
afterAll(() => pile?.arreter());

const lancer = async (h: (r: Request) => Promise<Response>) => (await h(new Request('http://localhost/.netlify/functions/tache', { method: 'POST' }))).status;

describe('tâches de l’annuaire', () => {
  test('rappel annuel : un courriel à chaque fiche de plus d’un an, une seule fois', async () => {
    await pile.db.query(`update prive.membres set fiche_modifiee_le = now() - interval '13 months' where email = 'alice.martin@exemple.test'`);
    expect(await lancer(rappeler)).toBe(204);
    await new Promise((r) => setTimeout(r, 300));
    const rappels = pile.messages.filter((m) => /toujours à jour/.test(m.objet));
    expect(rappels.flatMap((m) => m.a).sort()).toEqual(['alice.martin@exemple.test', 'organisation@exemple.test']);
    // Corps en quoted-printable : on recolle les lignes coupées.
    expect(rappels[0]!.brut.replace(/=\r?\n/g, '')).toContain('/annuaire/ma-fiche/');
    expect(await lancer(rappeler)).toBe(204);
    await new Promise((r) => setTimeout(r, 300));
    expect(pile.messages.filter((m) => /toujours à jour/.test(m.objet))).toHaveLength(2);
  });

  test('purge : un membre désactivé depuis plus de 3 mois disparaît, avec son compte Auth ; un désactivé récent reste', async () => {
    await pile.db.query(`update prive.membres set actif = false where email in ('hugo.mas@exemple.test', 'ines.puig@exemple.test')`);
    await pile.db.query(`update prive.membres set desactive_le = now() - interval '100 days' where email = 'hugo.mas@exemple.test'`);
    expect(await lancer(purger)).toBe(204);
    const { rows } = await pile.db.query<{ email: string }>(
      `select email from prive.membres where email in ('hugo.mas@exemple.test', 'ines.puig@exemple.test')`,
    );
    expect(rows.map((r) => r.email)).toEqual(['ines.puig@exemple.test']);
    const comptes = await pile.db.query(`select 1 from auth.users where email = 'hugo.mas@exemple.test'`);
    expect(comptes.rows).toEqual([]);
  });
});
