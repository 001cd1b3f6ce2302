import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/env.js';
import { connectDatabase } from '../app/database.js';
import { migrate, provisionDatabase } from '../db/database.js';
import { createLogger } from '../observability/logger.js';
import { installJobQueueSchema } from '../queue/pg-boss-queue.js';

// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database), and
// creates or upgrades the job queue's schema; the image's one-shot migration step.
try {
  const config = loadConfig();
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
  const database = await provisionDatabase(config, logger);
  const orm = await connectDatabase({ clientUrl: database.url, poolMax: 2 });
  try {
    const applied = await migrate(orm);
    logger.info({ applied }, applied.length ? 'migrations applied' : 'database is up to date');
    await installJobQueueSchema(database.url, logger);
  } finally {
    await orm.close();
    await database.stop();
  }
} catch (error) {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
}
