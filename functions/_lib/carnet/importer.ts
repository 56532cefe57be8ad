// Import d'un tableur dans le carnet, en trois temps : analyse du fichier (encodage, séparateur, colonnes,
// correspondance proposée), vérification des lignes associées (rapport ligne par ligne, rien n'est écrit),
// confirmation (tout ou rien, en une transaction par api.carnet_importer).
import { parse } from 'csv-parse/sync';
import { decoderFichier, detecterSeparateur, lireDate, lireTaille, proposerCorrespondance } from '../../../src/lib/carnet-import.ts';
import { communeParCode, communesParCodePostal, communesParNom, type Commune } from '../../../src/lib/referentiels.ts';
import { contactEntreeSchema, organisationEntreeSchema } from '../../../src/schemas/carnet.ts';
import {
  LIGNES_MAX_IMPORT,
  TAILLE_MAX_FICHIER,
  type AnalyseFichier,
  type ChampImport,
  type ErreurLigne,
  type LigneImport,
  type RapportLigne,
  type RapportVerification,
} from '../../../src/schemas/carnet-import.ts';
import type { Contexte } from '../contexte.ts';
import { DomainError, estCodeErreur, MESSAGES } from '../errors.ts';

const ACADEMIE = ['11', '30', '34', '48', '66'];

/** Lit le fichier : encodage et séparateur détectés, lignes vides ignorées, correspondance des colonnes proposée. */
export function analyserFichier(base64: string): AnalyseFichier {
  const octets = Buffer.from(base64, 'base64');
  if (octets.length > TAILLE_MAX_FICHIER) {
    throw new DomainError(
      'TROP_VOLUMINEUX',
      `Le fichier pèse ${(octets.length / 1024 / 1024).toLocaleString('fr-FR', { maximumFractionDigits: 1 })} Mo : 1 Mo au plus. Découpez-le en plusieurs fichiers.`,
    );
  }
  const { texte, encodage } = decoderFichier(octets);
  const separateur = detecterSeparateur(texte);
  let enregistrements: { record: string[]; info: { lines: number } }[];
  try {
    enregistrements = parse(texte, { delimiter: separateur, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (e) {
    const ligne = (e as { lines?: number }).lines ?? 1;
    throw new DomainError('IMPORT_INVALIDE', `Le fichier n’est pas un CSV lisible à la ligne ${ligne} (guillemet non fermé ?). Rien n’a été enregistré.`, {
      lignes: [{ ligne, messages: ['Guillemet non fermé ou ligne mal formée.'] }],
    });
  }
  const [entete, ...donnees] = enregistrements.filter((e) => e.record.some((c) => c !== ''));
  if (!entete || donnees.length === 0) {
    throw new DomainError('IMPORT_INVALIDE', 'Le fichier ne contient aucune ligne de données après la ligne d’en-tête. Rien n’a été enregistré.');
  }
  if (donnees.length > LIGNES_MAX_IMPORT) {
    throw new DomainError('TROP_VOLUMINEUX', `Le fichier compte ${donnees.length} lignes : ${LIGNES_MAX_IMPORT} au plus par import. Découpez-le.`);
  }
  const entetes = entete.record.map((c, i) => c || `Colonne ${i + 1}`);
  return {
    encodage,
    separateur,
    entetes,
    lignes: donnees.map((d) => ({ numero: d.info.lines, cellules: d.record })),
    correspondance: proposerCorrespondance(entetes),
  };
}

/** Ligne normalisée, telle que api.carnet_importer la reçoit. */
type LigneNormalisee = {
  nom: string;
  siret: string | null;
  code_naf: string;
  commune_insee: string;
  commune_nom: string;
  departement: string;
  adresse: string | null;
  taille: string | null;
  dernier_contact: string | null;
  formation: string | null;
  contact: { nom: string; fonction: string | null; telephone: string | null; email: string | null } | null;
  rattacher_a: string | null;
};

/** Trouve la commune d'une ligne : code INSEE, nom (homonymes départagés par le code postal ou l'académie), ou code postal seul. */
function resoudreCommune(brute: string, cpBrut: string): { commune?: Commune; erreur?: ErreurLigne } {
  let texte = brute.trim();
  let cp = cpBrut.trim();
  // « 34000 Montpellier » ou « Montpellier (34) » dans une seule colonne.
  const avecCp = /^(\d{5})\s+(.+)$/.exec(texte) ?? /^(.+?)\s+(\d{5})$/.exec(texte);
  if (avecCp && !cp) {
    const [a, b] = [avecCp[1]!, avecCp[2]!];
    [cp, texte] = /^\d{5}$/.test(a) ? [a, b] : [b, a];
  }
  texte = texte.replace(/\s*\(\d{2,3}\)$/, '');
  if (/^\d[\dAB]\d{3}$/.test(texte) && communeParCode(texte) && !communesParNom(texte).length) {
    return { commune: communeParCode(texte) };
  }
  if (texte) {
    let trouvees = communesParNom(texte);
    if (!trouvees.length)
      return { erreur: { champ: 'commune', message: `Commune inconnue : « ${texte} ». Vérifiez l’orthographe, ou indiquez le code INSEE.` } };
    if (cp) {
      const memeCp = trouvees.filter((c) => c.codesPostaux.includes(cp));
      if (!memeCp.length) return { erreur: { champ: 'code_postal', message: `Le code postal ${cp} ne correspond pas à la commune « ${texte} ».` } };
      trouvees = memeCp;
    }
    if (trouvees.length > 1) {
      const academie = trouvees.filter((c) => ACADEMIE.includes(c.departement));
      if (academie.length === 1) trouvees = academie;
    }
    if (trouvees.length > 1) {
      return {
        erreur: {
          champ: 'code_postal',
          message: `Plusieurs communes s’appellent « ${texte} » (départements ${trouvees.map((c) => c.departement).join(', ')}) : indiquez le code postal.`,
        },
      };
    }
    return { commune: trouvees[0] };
  }
  if (cp) {
    if (!/^\d{5}$/.test(cp)) return { erreur: { champ: 'code_postal', message: `Code postal invalide : « ${cp} » (5 chiffres).` } };
    const trouvees = communesParCodePostal(cp);
    if (!trouvees.length) return { erreur: { champ: 'code_postal', message: `Aucune commune n’a le code postal ${cp}.` } };
    if (trouvees.length > 1) {
      return {
        erreur: {
          champ: 'commune',
          message: `Le code postal ${cp} couvre plusieurs communes (${trouvees.map((c) => c.nom).join(', ')}) : indiquez la commune.`,
        },
      };
    }
    return { commune: trouvees[0] };
  }
  return { erreur: { champ: 'commune', message: 'Commune manquante : indiquez la commune ou le code postal.' } };
}

const CHAMP_ORGANISATION: Record<string, ChampImport> = {
  nom: 'nom',
  siret: 'siret',
  code_naf: 'code_naf',
  commune: 'commune',
  adresse: 'adresse',
  taille: 'taille',
  dernier_contact: 'dernier_contact',
};

/** Vérifie et normalise une ligne (schémas du carnet, commune, NAF) ; les erreurs disent le champ en cause. */
export function normaliserLigne(l: LigneImport): { ligne?: LigneNormalisee; erreurs: ErreurLigne[] } {
  const v = (c: ChampImport) => (l.valeurs[c] ?? '').trim();
  const erreurs: ErreurLigne[] = [];
  const { commune, erreur } = resoudreCommune(v('commune'), v('code_postal'));
  if (erreur) erreurs.push(erreur);

  const siret = v('siret').replace(/[\s.]/g, '');
  if (/^\d{9}$/.test(siret)) erreurs.push({ champ: 'siret', message: `« ${v('siret')} » est un SIREN (9 chiffres) : le SIRET en compte 14.` });
  let taille: string | null = null;
  if (v('taille')) {
    taille = lireTaille(v('taille'));
    if (!taille) erreurs.push({ champ: 'taille', message: `Effectif illisible : « ${v('taille')} » (exemples : 12, 10-49, 250 et plus).` });
  }
  const dernier = v('dernier_contact') ? lireDate(v('dernier_contact')) : '';
  if (dernier && dernier > new Date().toISOString().slice(0, 10)) {
    erreurs.push({ champ: 'dernier_contact', message: 'La date du dernier contact est dans le futur.' });
  }
  const organisation = organisationEntreeSchema.safeParse({
    nom: v('nom'),
    siret: /^\d{9}$/.test(siret) ? '' : siret,
    code_naf: v('code_naf'),
    commune: commune?.code ?? '',
    adresse: v('adresse'),
    dernier_contact: dernier,
  });
  if (!organisation.success) {
    for (const i of organisation.error.issues) {
      const champ = CHAMP_ORGANISATION[String(i.path[0])] ?? null;
      if (champ === 'commune' && erreur) continue;
      const message = champ === 'code_naf' && !v('code_naf') ? 'Code NAF manquant : il situe le secteur de l’organisation (exemple : 45.20A).' : i.message;
      erreurs.push({ champ, message: champ === 'siret' && v('siret') ? `SIRET « ${v('siret')} » : ${message}` : message });
    }
  }
  const formation = v('formation');
  if (formation && (formation.length < 2 || formation.length > 120)) erreurs.push({ champ: 'formation', message: 'La formation : de 2 à 120 caractères.' });

  let contact: LigneNormalisee['contact'] = null;
  if (v('contact_nom') || v('contact_fonction') || v('contact_telephone') || v('contact_email')) {
    const c = contactEntreeSchema.safeParse({
      nom: v('contact_nom'),
      fonction: v('contact_fonction'),
      telephone: v('contact_telephone'),
      email: v('contact_email'),
    });
    if (c.success) contact = { nom: c.data.nom, fonction: c.data.fonction ?? null, telephone: c.data.telephone ?? null, email: c.data.email ?? null };
    else for (const i of c.error.issues) erreurs.push({ champ: `contact_${String(i.path[0] ?? 'nom')}` as ChampImport, message: `Contact : ${i.message}` });
  }
  if (erreurs.length || !organisation.success || !commune) return { erreurs };
  const o = organisation.data;
  return {
    erreurs,
    ligne: {
      nom: o.nom,
      siret: o.siret ?? null,
      code_naf: o.code_naf,
      commune_insee: commune.code,
      commune_nom: commune.nom,
      departement: commune.departement,
      adresse: o.adresse ?? null,
      taille,
      dernier_contact: o.dernier_contact ?? null,
      formation: formation || null,
      contact,
      rattacher_a: l.rattacher_a ?? null,
    },
  };
}

/** Le rapport ligne par ligne : erreurs de chaque ligne, doublons probables (carnet et fichier). Rien n'est écrit. */
export async function verifierLignes(lignes: LigneImport[], { api }: Contexte): Promise<RapportVerification> {
  const normalisees = lignes.map(normaliserLigne);
  const valides = normalisees.flatMap((n, i) => (n.ligne ? [{ i, ligne: n.ligne }] : []));
  const doublons = valides.length ? await api.carnet_import_doublons({ p_lignes: valides.map((v) => v.ligne) }) : [];
  const rapport: RapportLigne[] = lignes.map((l, i) => {
    const n = normalisees[i]!;
    return {
      numero: l.numero,
      resume: n.ligne ? { nom: n.ligne.nom, commune: n.ligne.commune_nom, departement: n.ligne.departement, code_naf: n.ligne.code_naf } : null,
      erreurs: n.erreurs,
      doublons: [],
      doublons_fichier: [],
    };
  });
  for (const d of doublons) {
    const { i } = valides[d.rang - 1]!;
    const r = rapport[i]!;
    r.doublons = d.carnet;
    r.doublons_fichier = d.fichier.map((f) => ({ numero: lignes[valides[f.rang - 1]!.i]!.numero, raison: f.raison }));
    const rattachee = lignes[i]!.rattacher_a;
    // Même SIRET qu'une ligne précédente du fichier : deux fiches ne peuvent pas porter le même SIRET.
    for (const f of r.doublons_fichier.filter((f) => f.raison === 'siret')) {
      r.erreurs.push({ champ: 'siret', message: `Même SIRET que la ligne ${f.numero} : fusionnez les deux lignes dans votre fichier, ou excluez celle-ci.` });
    }
    // Même SIRET qu'une fiche du carnet : la ligne ne peut que compléter cette fiche.
    const memeSiret = d.carnet.find((c) => c.raison === 'siret');
    if (memeSiret && rattachee !== memeSiret.id) {
      r.erreurs.push({ champ: 'siret', message: `Ce SIRET est déjà au carnet (« ${memeSiret.nom} ») : complétez cette fiche, ou excluez la ligne.` });
    }
  }
  for (const r of rapport) if (r.erreurs.length) r.resume = null;
  const aCorriger = rapport.filter((r) => r.erreurs.length).length;
  return { lignes: rapport, pretes: rapport.length - aCorriger, a_corriger: aCorriger };
}

const refus = (lignes: { ligne: number; messages: string[] }[]) => new DomainError('IMPORT_INVALIDE', MESSAGES.IMPORT_INVALIDE, { lignes });

/** Importe les lignes, toutes ou aucune : elles sont revérifiées ici, puis écrites en une transaction. */
export async function importerLignes(lignes: LigneImport[], ctx: Contexte): Promise<{ creees: number; completees: number }> {
  const rapport = await verifierLignes(lignes, ctx);
  if (rapport.a_corriger) {
    throw refus(rapport.lignes.filter((r) => r.erreurs.length).map((r) => ({ ligne: r.numero, messages: r.erreurs.map((e) => e.message) })));
  }
  const normalisees = lignes.map((l) => normaliserLigne(l).ligne!);
  const r = await ctx.api.carnet_importer({ p_lignes: normalisees });
  if (r.erreurs.length) {
    throw refus(
      r.erreurs.map((e) => ({
        ligne: lignes[e.rang - 1]?.numero ?? e.rang,
        messages: [
          e.code === 'DEJA_EXISTANT'
            ? 'Ce SIRET vient d’être ajouté au carnet par quelqu’un d’autre : vérifiez de nouveau.'
            : estCodeErreur(e.code)
              ? MESSAGES[e.code]
              : 'Ligne refusée par la base : vérifiez-la de nouveau.',
        ],
      })),
    );
  }
  return { creees: r.creees, completees: r.completees };
}
