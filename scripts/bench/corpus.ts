// Le corpus des mesures : des guides générés à partir des vrais (titres et corps variés), ~830 mots chacun.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const racine = join(import.meta.dirname, '..', '..');

/** Écrit `nombre` guides générés dans `dossier`/<famille>/guide-genere-<n>.mdx ; renvoie leurs chemins relatifs (famille/slug). */
export function genererCorpus(dossier: string, nombre = 1000): string[] {
  const source = join(racine, 'content', 'guides');
  const modeles = readdirSync(source).flatMap((f) => readdirSync(join(source, f)).map((g) => readFileSync(join(source, f, g), 'utf8')));
  const mots = ['bassin', 'filière', 'alternance', 'tutorat', 'partenariat', 'insertion', 'mobilité', 'sécurité', 'atelier', 'calendrier'];
  const ids: string[] = [];
  for (let i = 0; i < nombre; i++) {
    const modele = modeles[i % modeles.length]!;
    const famille = modele.match(/^famille:\s*(\S+)/m)![1]!;
    mkdirSync(join(dossier, famille), { recursive: true });
    const texte = modele
      .replace(/^titre:\s*"?(.*?)"?$/m, (_, t: string) => `titre: "${t.slice(0, 70).replace(/"/g, '')} (${i + 1})"`)
      .replace(/^connexes:.*$/m, 'connexes: []')
      // Les composants propres au hub (tableaux tirés des données) : le témoin ne les a pas, les deux sites s'en passent.
      .replace(/^<TableauAllocation[^>]*\/>$/gm, '')
      .replace(/^## (.*)$/gm, (_, t: string) => `## ${t} ${mots[i % mots.length]} ${i}`);
    writeFileSync(join(dossier, famille, `guide-genere-${i + 1}.mdx`), texte);
    ids.push(`${famille}/guide-genere-${i + 1}`);
  }
  return ids;
}
