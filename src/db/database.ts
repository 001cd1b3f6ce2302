import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
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

/** The advisory lock key migrations hold; any constant agreed by every instance. */
const MIGRATION_LOCK_KEY = 7_020_261_208;

/**
 * Applies every committed migration not yet applied; returns the names it applied. Several
 * instances starting at once take turns: each holds a transaction-scoped advisory lock on a
 * connection of its own while it migrates, so one applies the migrations and the others then find
 * nothing left to do. Transaction-scoped, so it also holds through PgBouncer in transaction mode
 * (a session lock there could stay behind on a pooled server connection).
 */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const lock = new pg.Client({ connectionString: orm.config.get('clientUrl'), application_name: 'marketplace-migrate' });
  await lock.connect();
  try {
    await lock.query('begin');
    await lock.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await orm.migrator.up();
    return applied.map((migration) => migration.name);
  } finally {
    await lock.query('commit').catch(() => {});
    await lock.end().catch(() => {});
  }
}

/**
 * The replica URLs that really are standbys (`pg_is_in_recovery()`), in order. One that is not (a
 * primary, an unrelated server) or cannot be reached is left out with a log line that names it:
 * sending reads there could show data that is not the primary's, so reads stay on the primary.
 */
export async function standbyReplicas(replicaUrls: readonly string[], logger: Logger): Promise<string[]> {
  const standbys: string[] = [];
  for (const [index, url] of replicaUrls.entries()) {
    const replica = { replica: `replica-${index + 1}`, host: describeUrl(url) };
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
    try {
      await client.connect();
      const { rows } = await client.query<{ standby: boolean }>('select pg_is_in_recovery() as standby');
      if (rows[0]?.standby) standbys.push(url);
      else logger.error(replica, 'DATABASE_REPLICA_URLS names a server that is not a standby (pg_is_in_recovery() is false); reads will not be sent to it');
    } catch (error) {
      logger.error({ ...replica, err: error }, 'DATABASE_REPLICA_URLS names a server that cannot be reached; reads will not be sent to it');
    } finally {
      await client.end().catch(() => {});
    }
  }
  return standbys;
}

/** host:port/database of a URL, without its credentials, for a log line. */
function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return 'an unreadable URL';
  }
}
