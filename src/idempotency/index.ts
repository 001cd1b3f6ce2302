import type { AppConfig } from '../config/env.js';
import { defineModule } from '../common/module.js';
import { IdempotencyRecord } from './idempotency.entity.js';
import { IdempotencyService } from './idempotency.service.js';

export { IdempotencyService } from './idempotency.service.js';

/**
 * Keys that make a mutation safe to retry. The unit of work (src/common/unit-of-work.ts) uses the
 * service through its `IdempotencyGuard` port; the records belong to accounts, so this is a module.
 */
export const idempotencyModule = defineModule({
  name: 'idempotency',
  entities: [IdempotencyRecord],
  createServices: ({ config }: { config: AppConfig }) => ({ idempotency: new IdempotencyService(config.IDEMPOTENCY_TTL_HOURS) }),
  jobs: [{ name: 'expired idempotency keys purged', run: ({ idempotency }, { em }) => idempotency.purgeExpired(em) }],
});
