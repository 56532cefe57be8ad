import { describe, expect, test } from 'vitest';
import { guide, lignes, problemesDe } from './exemples.fixture.ts';

const ACCOLADES = 'écrivez « \\{ » et « \\} » pour afficher les accolades, ou reformulez avec des parenthèses.';
const CHEVRON = 'écrivez « inférieur à », « moins de », ou « \\< » pour afficher le signe.';

describe('caractères que le MDX lit comme du code', () => {
  test('accepte les encadrés connus, les caractères échappés et les commentaires MDX', () => {
    const corps = '<Encadre type="attention" titre="Attention">\n\nTexte \\{ \\} \\< échappés.\n\n</Encadre>\n\n{/* note pour les relecteurs */}\n';
    expect(problemesDe(guide(corps))).toEqual([]);
  });

  test('refuse des accolades dans le texte', () => {
    expect(lignes(problemesDe(guide('La rentrée {2026} approche.\n')))).toEqual([
      `9 : Accolades « {2026} » dans le texte : le format MDX les prend pour du code ; ${ACCOLADES}`,
    ]);
  });

  test('refuse une accolade fermante seule', () => {
    expect(lignes(problemesDe(guide('Texte.\n\nUne accolade } seule.\n')))).toEqual([
      `11 : Accolade « } » dans le texte : le format MDX la prend pour du code et la page ne se construit plus ; ${ACCOLADES}`,
    ]);
  });

  test('refuse un signe « < » que le MDX ne sait pas lire, avec la ligne', () => {
    expect(lignes(problemesDe(guide('Introduction.\n\nLes élèves de <16 ans.\n')))).toEqual([
      `11 : Signe « < » dans le texte : le format MDX le prend pour le début d’une balise et la page ne se construit plus ; ${CHEVRON}`,
    ]);
  });

  test('refuse « a < b », même quand le MDX le tolère', () => {
    expect(lignes(problemesDe(guide('Si la durée < 2 mois.\n')))).toEqual([
      `9 : Signe « < » dans le texte : le format MDX le prend pour le début d’une balise et la page ne se construit plus ; ${CHEVRON}`,
    ]);
  });

  test('refuse une balise inconnue et explique <abbr>', () => {
    expect(lignes(problemesDe(guide('La <abbr>PFMP</abbr> et <u>souligné</u>.\n')))).toEqual([
      '9 : Balise « <abbr> » : inutile, les sigles sont balisés automatiquement à partir du glossaire. Écrivez le sigle seul.',
      `9 : Balise « <u> » inconnue : seuls <Encadre …> et <img … /> sont acceptés dans un guide. Pour afficher le signe « < », ${CHEVRON.replace(/\.$/, '')}.`,
    ]);
  });

  test('refuse un commentaire HTML', () => {
    expect(lignes(problemesDe(guide('<!-- à relire -->\n\nTexte.\n')))).toEqual([
      '9 : Commentaire « <!-- … --> » : le format MDX ne l’accepte pas. Écrivez « {/* votre commentaire */} » ou supprimez-le.',
    ]);
  });

  test('refuse un encadré non refermé ou d’un type inconnu', () => {
    expect(lignes(problemesDe(guide('<Encadre type="cle">\n\nTexte.\n')))).toEqual([
      '9 : La balise « <Encadre> » n’est pas refermée : ajoutez « </Encadre> » après son contenu, ou terminez la balise par « /> » (comme <img … />).',
    ]);
    expect(lignes(problemesDe(guide('<Encadre type="important">\n\nTexte.\n\n</Encadre>\n')))).toEqual([
      '9 : Encadré de type « important » inconnu : type="cle" (à retenir), type="attention" ou type="info".',
    ]);
  });

  test('laisse les accolades et les chevrons aux fichiers Markdown du glossaire', () => {
    const source = '---\nterme: "CFA"\nforme: "centre de formation d’apprentis"\n---\nMoins de {3} ans, a < b.\n';
    expect(problemesDe(source, 'content/glossaire/cfa.md')).toEqual([]);
  });
});
