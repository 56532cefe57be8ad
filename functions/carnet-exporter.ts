import type { Config } from '@netlify/functions';
import { exporterCarnet } from './_lib/carnet/exporter.ts';
import { fichier, route } from './_lib/http/route.ts';

/** GET /api/carnet/export.csv — le carnet tel que le membre le voit, en CSV. */
export default route({ qui: 'membre' }, async ({ ctx }) => fichier(await exporterCarnet(ctx), 'text/csv; charset=utf-8', 'carnet-entreprises.csv'));

export const config: Config = { path: '/api/carnet/export.csv', method: 'GET' };
