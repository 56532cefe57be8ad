// npm run provisionner-membre -- --email prenom.nom@ac-montpellier.fr --prenom Prénom --nom Nom [--role membre|organisateur|admin] [--uai 0340000A] [--fonction "…"] [--local]
// Crée le compte Supabase Auth CONFIRMÉ et la fiche du membre en une étape. Variables : SUPABASE_URL,
// SUPABASE_PUBLISHABLE_KEY, SUPABASE_SECRET_KEY, SESSION_KEYS, PSEUDONYMISATION_KEY (celles des fonctions) ;
// --local : celles de « npm start ».
import { parseArgs } from 'node:util';
import { creerContexte } from '../functions/_lib/contexte.ts';
import { DomainError } from '../functions/_lib/errors.ts';
import { provisionnementSchema, provisionnerMembre } from '../functions/_lib/membres/provisionner.ts';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    prenom: { type: 'string' },
    nom: { type: 'string' },
    role: { type: 'string' },
    uai: { type: 'string' },
    fonction: { type: 'string' },
    local: { type: 'boolean' },
  },
});
if (values.local) {
  const { environnementLocal } = await import('../local/config.ts');
  for (const [k, v] of Object.entries(environnementLocal())) process.env[k] ??= v;
}
const donnees = provisionnementSchema.safeParse({ ...values, local: undefined });
if (!donnees.success) {
  for (const i of donnees.error.issues) console.error(`✘ --${i.path.join('.')} : ${i.message}`);
  process.exit(1);
}
try {
  const ctx = creerContexte({ appelant: null, ip: '0.0.0.0', navigateur: null, requestId: 'provisionnement' });
  const fiche = await provisionnerMembre(donnees.data, ctx);
  console.log(`✔ ${fiche.email} est membre (${fiche.role}) ; il peut se connecter avec un code reçu par courriel.`);
} catch (e) {
  console.error(`✘ ${e instanceof DomainError || e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
