import { DataloaderType } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import type { EntityClass } from '@mikro-orm/core';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { migrations } from './migrations/index.js';

export interface OrmSettings {
  clientUrl: string;
  /** Every persistent entity, from the modules the composition root lists; nothing is found by scanning folders. */
  entities: readonly EntityClass<object>[];
  poolMax: number;
  /**
   * Read replicas of `clientUrl`. With any, MikroORM sends reads made outside a transaction
   * (`em.find`, references and collections loaded by field resolvers) to one of them at random,
   * and writes, transactions and raw statements to the primary. Each replica gets a pool of
   * `poolMax` connections of its own.
   */
  replicaUrls?: readonly string[];
  debug?: boolean;
  /** Sees every SQL statement before it runs; the query-count tests use it. */
  observeQuery?: (sql: string) => void;
  /** The database cancels any statement running longer (`statement_timeout`). */
  statementTimeoutMs?: number;
  /**
   * The database ends a session left idle inside a transaction for longer, so a transaction whose
   * request was cut short cannot stay open holding locks.
   */
  idleInTransactionTimeoutMs?: number;
  /** Runs before every statement and may refuse it by throwing (a request past its time budget). */
  beforeQuery?: () => void;
}

export function ormConfig(settings: OrmSettings): Options {
  return defineConfig({
    clientUrl: settings.clientUrl,
    entities: [...settings.entities],
    extensions: [Migrator],
    // References and collections loaded field by field are batched per tick, so nested GraphQL
    // selections cost one statement per level instead of one per row.
    dataloader: DataloaderType.ALL,
    pool: { min: 0, max: settings.poolMax },
    replicas: (settings.replicaUrls ?? []).map((clientUrl, index) => ({ name: `replica-${index + 1}`, clientUrl })),
    migrations: {
      migrationsList: migrations,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    // The schema is what the migrations say; never let the ORM guess at start-up.
    ensureDatabase: false,
    discovery: { checkDuplicateTableNames: true },
    debug: settings.debug ?? false,
    driverOptions: {
      ...(settings.statementTimeoutMs ? { statement_timeout: settings.statementTimeoutMs } : {}),
      ...(settings.idleInTransactionTimeoutMs ? { idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs } : {}),
    },
    ...(settings.observeQuery || settings.beforeQuery
      ? {
          onQuery: (sql: string) => {
            settings.beforeQuery?.();
            settings.observeQuery?.(sql);
            return sql;
          },
        }
      : {}),
  });
}
