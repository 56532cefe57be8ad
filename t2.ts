import { PGlite } from '@electric-sql/pglite';
let t=Date.now(); const db = await PGlite.create(); console.log('create', Date.now()-t); t=Date.now();
await db.exec('create table x(a int)'); console.log('exec', Date.now()-t);
t=Date.now(); const d = await db.dumpDataDir('none'); console.log('dump', Date.now()-t, d.size);
t=Date.now(); const db2 = await PGlite.create({loadDataDir: d}); console.log('load', Date.now()-t);
