import { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config/env.js';
import type { Logger } from '../observability/logger.js';
import { guardPools } from './broken-connections.js';
import { createDatabaseIfMissing, withDatabase } from './database-admin.js';
import { defaultEmbeddedPort, startEmbeddedPostgres } from './embedded-postgres.js';
import { ormConfig, type OrmSettings } from './orm-config.js';

export const EMBEDDED_DATABASE_NAME = 'marketplace';

export interface DatabaseHandle {
  url: string;
  embedded: boolean;
  /** Stops the embedded server, if this process started one. */
  stop(): Promise<void>;
}

/** `DATABASE_URL` when given; otherwise a real PostgreSQL embedded in this process's checkout. */
export async function provisionDatabase(config: AppConfig, logger: Logger): Promise<DatabaseHandle> {
  if (config.DATABASE_URL) {
    return { url: config.DATABASE_URL, embedded: false, stop: async () => {} };
  }
  const port = config.EMBEDDED_PG_PORT ?? defaultEmbeddedPort(config.EMBEDDED_PG_DIR);
  const started = Date.now();
  const server = await startEmbeddedPostgres({ dataDir: config.EMBEDDED_PG_DIR, port, logger });
  await createDatabaseIfMissing(server.serverUrl, EMBEDDED_DATABASE_NAME);
  logger.info({ port, dataDir: config.EMBEDDED_PG_DIR, ms: Date.now() - started }, 'embedded PostgreSQL is up');
  return { url: withDatabase(server.serverUrl, EMBEDDED_DATABASE_NAME), embedded: true, stop: server.stop };
}

export async function connect(settings: OrmSettings): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(settings));
  await guardPools(orm);
  return orm;
}

/** Applies every committed migration not yet applied; returns the names it applied. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((migration) => migration.name);
}
