import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../local/base/base.ts';
import { creerBaseDeTest } from '../local/tests/base-test.ts';
import type { RencontrePubliee } from '../src/lib/rencontres.ts';
import { dossiersRencontres, lireRencontres, publierRencontres } from './publier-rencontres.ts';

describe('publication des rencontres', () => {
  let db: Database;
  beforeAll(async () => {
    db = await creerBaseDeTest();
  });
  afterAll(() => db?.close());
  const appeler = async (p: RencontrePubliee) => {
    return db.transaction(async (tx) => {
      await tx.exec('set local role service_role');
      return (await tx.query<{ v: { promus: number } }>('select api.rencontre_publier($1) as v', [JSON.stringify(p)])).rows[0]!.v;
    });
  };

  test('le contenu publié ne contient pas la rencontre de démonstration ; la démonstration l’ajoute', () => {
    const prod = lireRencontres(dossiersRencontres()).map((r) => r.slug);
    expect(prod).toContain('journee-academique-2023');
    expect(prod).not.toContain('rencontre-demonstration');
    expect(lireRencontres(dossiersRencontres({ demo: true })).map((r) => r.slug)).toContain('rencontre-demonstration');
  });

  test('publie deux fois sans rien changer (idempotent)', async () => {
    const rencontres = lireRencontres(dossiersRencontres({ demo: true }));
    expect(await publierRencontres(rencontres, appeler)).toEqual(['journee-academique-2023', 'rencontre-demonstration-voeux', 'rencontre-demonstration']);
    await publierRencontres(rencontres, appeler);
    expect((await db.query<{ n: number }>(`select count(*)::int as n from prive.ateliers`)).rows[0]!.n).toBe(6);
  });

  test('échoue en nommant l’atelier quand une capacité descend sous les places confirmées', async () => {
    await db.query(
      `insert into prive.inscriptions (rencontre_id, membre_id) select r.id, m.id from prive.rencontres r, prive.membres m where r.slug = 'rencontre-demonstration' and m.email = 'membre@exemple.test'`,
    );
    await db.query(
      `insert into prive.choix_ateliers (inscription_id, atelier_id, creneau, statut) select i.id, t.id, t.creneau, 'confirmee' from prive.inscriptions i, prive.ateliers t where t.code = 'premier-contact'`,
    );
    const rencontres = lireRencontres(dossiersRencontres({ demo: true }));
    const demo = rencontres.find((r) => r.slug === 'rencontre-demonstration')!;
    demo.rencontre.programme[1]!.ateliers[0]!.capacite = 0;
    await expect(publierRencontres([demo], appeler)).rejects.toThrow(
      'Publication de la rencontre « rencontre-demonstration » refusée par la base : L’atelier « Préparer un premier contact avec une entreprise » (premier-contact) a déjà 1 place(s) confirmée(s) : sa capacité ne peut pas descendre à 0.',
    );
  });

  test('les données de démonstration de « npm start » se posent, deux fois sans effet, dont les vœux de la rencontre à vœux', async () => {
    const sql = readFileSync(join(import.meta.dirname, '../local/rencontres/inscriptions-demo.sql'), 'utf8');
    await db.exec(sql);
    await db.exec(sql);
    const { rows } = await db.query<{ membre: string; rang: number; code: string }>(
      `select m.email as membre, v.rang, t.code from prive.voeux v join prive.membres m on m.id = v.membre_id join prive.ateliers t on t.id = v.atelier_id
        join prive.rencontres r on r.id = v.rencontre_id where r.slug = 'rencontre-demonstration-voeux' order by m.email, v.rang`,
    );
    expect(rows).toHaveLength(10);
    expect(rows.filter((r) => r.rang === 1 && r.code === 'voeux-jury')).toHaveLength(4);
  });

  test('refuse un fichier invalide avec un message français qui nomme le fichier et le champ', () => {
    const dossier = mkdtempSync(join(tmpdir(), 'rencontres-'));
    writeFileSync(join(dossier, 'mauvaise.mdx'), '---\ntitre: "Une rencontre"\n---\nTexte');
    expect(() => lireRencontres([dossier])).toThrow(/mauvaise\.mdx : date : date : jour attendu au format AAAA-MM-JJ\./);
  });
});
