import type { MikroORM } from '@mikro-orm/postgresql';
import { seedDemoDataIfEmpty } from '../seeds/demo.js';
import { TokenService } from './auth/tokens.js';
import type { AppConfig } from './config/env.js';
import { connect, migrate, provisionDatabase } from './db/database.js';
import { createLiveEventBus, type LiveEventBus } from './events/event-bus.js';
import { startHousekeeping } from './housekeeping.js';
import { createApiLimits } from './http/limits/api-limits.js';
import { assertWithinRequestBudget } from './http/limits/request-scope.js';
import { createHttpServer } from './http/server.js';
import type { Logger } from './logger.js';
import { createServices } from './services.js';

export interface RunningApplication {
  port: number;
  orm: MikroORM;
  /** Where committed changes go to subscribers. */
  liveEvents: LiveEventBus;
  stop(): Promise<void>;
}

/**
 * Database (embedded or given), migrations, demo data on an empty database, then the HTTP server.
 * `stop` undoes it in reverse: drain requests, close the pool, stop the embedded database.
 */
export async function startApplication(
  config: AppConfig,
  logger: Logger,
  options: { observeQuery?: (sql: string) => void } = {},
): Promise<RunningApplication> {
  const database = await provisionDatabase(config, logger);
  const orm = await connect(database.url, config.DB_POOL_MAX, options.observeQuery, config.DATABASE_REPLICA_URLS, {
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    // No request may keep a transaction open longer than its own time budget.
    idleInTransactionTimeoutMs: Math.max(config.REQUEST_TIMEOUT_MS, config.DB_STATEMENT_TIMEOUT_MS),
    beforeQuery: assertWithinRequestBudget,
  });
  const limits = await createApiLimits(config, logger);
  const liveEvents = createLiveEventBus({ redisUrl: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, logger });
  try {
    const applied = await migrate(orm);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    if (config.SEED_DEMO_DATA) {
      const logins = await seedDemoDataIfEmpty(orm.em.fork(), logger, { platformFeeBp: config.PLATFORM_FEE_BP });
      if (logins) {
        logger.info('demo data loaded; demo logins (password for all: %s):', logins.password);
        for (const login of logins.accounts) logger.info('  %s  %s', login.role.padEnd(22), login.email);
      }
    }
    const tokens = new TokenService(config.jwtSecret, config.TOKEN_TTL_HOURS);
    const services = createServices({ tokens, config });
    const server = await createHttpServer({
      orm,
      services,
      tokens,
      logger,
      production: config.NODE_ENV === 'production',
      limits,
      introspection: config.GRAPHQL_INTROSPECTION ?? config.NODE_ENV !== 'production',
      liveEvents,
      graphqlIde: config.GRAPHQL_IDE ?? config.NODE_ENV !== 'production',
      metricsToken: config.METRICS_TOKEN,
    });
    const port = await server.listen(config.PORT);
    const housekeeping = startHousekeeping({ orm, services, logger, intervalMs: config.HOUSEKEEPING_INTERVAL_MS });
    return {
      port,
      orm,
      liveEvents,
      async stop() {
        let step = Date.now();
        const took = (what: string) => {
          logger.debug({ ms: Date.now() - step }, what);
          step = Date.now();
        };
        await server.stop();
        took('HTTP server drained');
        await housekeeping.stop();
        await limits.close();
        await liveEvents.close();
        // Closing the pool waits for every checked-out connection; one that a failed request never
        // gave back must not keep the process from stopping, so the wait is bounded.
        const closed = await settlesWithin(orm.close(), config.SHUTDOWN_GRACE_MS);
        if (!closed) logger.warn({ graceMs: config.SHUTDOWN_GRACE_MS }, 'database pool still had connections in use; stopping without them');
        took('database pool closed');
        await database.stop();
        took('database stopped');
      },
    };
  } catch (error) {
    await liveEvents.close().catch(() => {});
    await limits.close().catch(() => {});
    await orm.close().catch(() => {});
    await database.stop().catch(() => {});
    throw error;
  }
}

/** Whether `promise` settled within `ms`; it is left to finish (or not) on its own after that. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise.then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
