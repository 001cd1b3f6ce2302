import type { MikroORM } from '@mikro-orm/postgresql';
import type { Router } from 'express';

const READINESS_TIMEOUT_MS = 2_000;

/** `/healthz`: the process answers. `/readyz`: the database answers too, within two seconds. */
export function mountHealthChecks(router: Router, orm: MikroORM): void {
  router.get('/healthz', (_request, response) => {
    response.json({ status: 'ok' });
  });

  router.get('/readyz', async (_request, response) => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        orm.em.getConnection().execute('select 1'),
        new Promise((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error('database did not answer in time')), READINESS_TIMEOUT_MS);
        }),
      ]);
      response.json({ status: 'ready', database: 'up' });
    } catch {
      response.status(503).json({ status: 'unavailable', database: 'down' });
    } finally {
      clearTimeout(timer);
    }
  });
}
