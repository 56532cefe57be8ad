// npm run taches -- <nom> : lance une tâche planifiée (functions/taches-*.ts) contre la pile de « npm start ».
// Sans nom : liste les tâches. npm start les lance aussi selon leur planification (local/netlify/planificateur.ts).
import { environnementLocal } from './config.ts';
import { listerTaches } from './netlify/planificateur.ts';

for (const [k, v] of Object.entries(environnementLocal())) process.env[k] ??= v;
const taches = await listerTaches();
const nom = process.argv[2];
const tache = taches.find((t) => t.nom === nom);
if (!tache) {
  console.log(`Tâches : ${taches.map((t) => `${t.nom} (${t.planification})`).join(', ')}.\nUsage : npm run taches -- <nom>`);
  process.exit(nom ? 1 : 0);
}
const r = await tache.lancer();
console.log(`Tâche ${tache.nom} : ${r.status}`);
