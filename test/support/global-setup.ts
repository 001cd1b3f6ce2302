import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { createDatabaseIfMissing, dropDatabaseIfExists, withDatabase } from '../../src/db/database-admin.js';
import { connectDatabase } from '../../src/app/database.js';
import { migrate } from '../../src/db/database.js';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { createLogger } from '../../src/observability/logger.js';
import { installJobQueueSchema } from '../../src/queue/pg-boss-queue.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
    /** Where the API under test connects: the server itself, or a PgBouncer in front of it (TEST_DATABASE_PROXY_URL). */
    databaseClientUrl: string;
    templateDatabase: string;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/**
 * One PostgreSQL for the whole run: the machine's (DATABASE_URL) or a throw-away embedded one.
 * Migrations run once into a template; every test file clones it into a database of its own.
 */
export default async function setup(project: TestProject) {
  const logger = createLogger({ level: 'warn', pretty: false });
  let serverUrl: string;
  let stopEmbedded = async () => {};
  let dataDir: string | undefined;
  if (process.env.DATABASE_URL) {
    serverUrl = process.env.DATABASE_URL;
  } else {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'marketplace-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), logger });
    serverUrl = embedded.serverUrl;
    stopEmbedded = embedded.stop;
  }

  const templateDatabase = `marketplace_template_${process.pid}`;
  await dropDatabaseIfExists(serverUrl, templateDatabase);
  await createDatabaseIfMissing(serverUrl, templateDatabase);
  const orm = await connectDatabase({ clientUrl: withDatabase(serverUrl, templateDatabase), poolMax: 2 });
  await migrate(orm);
  await orm.close();
  // The job queue's tables too, so a cloned database starts its queue without installing them.
  await installJobQueueSchema(withDatabase(serverUrl, templateDatabase), logger);

  project.provide('databaseServerUrl', serverUrl);
  // Databases are created, cloned and dropped on the server itself (a pooler keeps connections to
  // a template open, and cloning needs none); the API under test may go through a pooler.
  project.provide('databaseClientUrl', process.env.TEST_DATABASE_PROXY_URL ?? serverUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    await dropDatabaseIfExists(serverUrl, templateDatabase);
    await stopEmbedded();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  };
}
