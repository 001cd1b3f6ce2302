import type { MikroORM } from '@mikro-orm/postgresql';
import { seedDemoDataIfEmpty } from '../../seeds/demo.js';
import { TokenService } from '../auth/tokens.js';
import { createUnitOfWork, type UnitOfWork } from '../common/unit-of-work.js';
import type { AppConfig } from '../config/env.js';
import { migrate, provisionDatabase, standbyReplicas } from '../db/database.js';
import { createLiveEventBus, type LiveEventBus } from '../events/event-bus.js';
import { createApiLimits } from '../http/limits/api-limits.js';
import { assertWithinRequestBudget } from '../http/limits/request-scope.js';
import { createHttpServer } from '../http/server.js';
import type { Logger } from '../observability/logger.js';
import type { JobQueue } from '../queue/job-queue.js';
import { createPgBossQueue } from '../queue/pg-boss-queue.js';
import { connectDatabase } from './database.js';
import { buildApplicationSchema } from './schema.js';
import { startPeriodicJobs } from './jobs.js';
import { type ComposedServices, createServices } from './services.js';

/** The services and the unit of work every entry point (server, CLI, seeds) works through. */
export interface ApplicationCore {
  services: ComposedServices;
  unitOfWork: UnitOfWork;
  /** Issues and checks the bearer tokens the account service hands out. */
  tokens: TokenService;
}

/** Wires the modules' services and the unit of work that publishes to `liveEvents`. */
export function createApplicationCore(config: AppConfig, liveEvents: Pick<LiveEventBus, 'publish'>): ApplicationCore {
  const tokens = new TokenService(config.jwtSecret, config.TOKEN_TTL_HOURS);
  const services = createServices({ config, tokens });
  return { services, tokens, unitOfWork: createUnitOfWork({ events: liveEvents, idempotency: services.idempotency }) };
}

export interface RunningApplication {
  port: number;
  orm: MikroORM;
  /** Where committed changes go to subscribers. */
  liveEvents: LiveEventBus;
  /** The durable job queue in PostgreSQL; periodic jobs run through it. */
  jobQueue: JobQueue;
  /** The services and unit of work the server runs on, for tests and tools in the same process. */
  core: ApplicationCore;
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
  const orm = await connectDatabase({
    clientUrl: database.url,
    poolMax: config.DB_POOL_MAX,
    replicaUrls: await standbyReplicas(config.DATABASE_REPLICA_URLS, logger),
    ...(options.observeQuery ? { observeQuery: options.observeQuery } : {}),
    statementTimeoutMs: config.DB_STATEMENT_TIMEOUT_MS,
    // No request may keep a transaction open longer than its own time budget.
    idleInTransactionTimeoutMs: Math.max(config.REQUEST_TIMEOUT_MS, config.DB_STATEMENT_TIMEOUT_MS),
    beforeQuery: assertWithinRequestBudget,
  });
  const limits = await createApiLimits(config, logger);
  const liveEvents = createLiveEventBus({ redisUrl: config.REDIS_URL, keyPrefix: config.REDIS_KEY_PREFIX, logger });
  const jobQueue = createPgBossQueue({ url: database.url, logger });
  try {
    const applied = await migrate(orm);
    if (applied.length) logger.info({ applied }, 'migrations applied');
    const core = createApplicationCore(config, liveEvents);
    const { services, unitOfWork } = core;
    if (config.SEED_DEMO_DATA) {
      const logins = await seedDemoDataIfEmpty(orm, core, logger);
      if (logins) {
        logger.info('demo data loaded; demo logins (password for all: %s):', logins.password);
        for (const login of logins.accounts) logger.info('  %s  %s', login.role.padEnd(22), login.email);
      }
    }
    const server = await createHttpServer({
      orm,
      schema: await buildApplicationSchema(),
      services,
      viewers: services.accounts,
      unitOfWork,
      tokens: core.tokens,
      apiKeys: services.apiKeys,
      logger,
      production: config.NODE_ENV === 'production',
      limits,
      introspection: config.GRAPHQL_INTROSPECTION ?? config.NODE_ENV !== 'production',
      liveEvents,
      graphqlIde: config.GRAPHQL_IDE ?? config.NODE_ENV !== 'production',
      metricsToken: config.METRICS_TOKEN,
    });
    const port = await server.listen(config.PORT);
    await jobQueue.start();
    const periodicJobs = await startPeriodicJobs({ queue: jobQueue, orm, services, unitOfWork, logger, intervalMs: config.HOUSEKEEPING_INTERVAL_MS });
    return {
      port,
      orm,
      liveEvents,
      jobQueue,
      core,
      async stop() {
        let step = Date.now();
        const took = (what: string) => {
          logger.debug({ ms: Date.now() - step }, what);
          step = Date.now();
        };
        await server.stop();
        took('HTTP server drained');
        await periodicJobs.stop();
        await jobQueue.stop({ timeoutMs: config.SHUTDOWN_GRACE_MS });
        took('job queue stopped');
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
    await jobQueue.stop().catch(() => {});
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
