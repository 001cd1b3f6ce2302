import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/env.js';
import { createLogger } from '../observability/logger.js';
import { startApplication } from './application.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
  if (config.jwtSecretGenerated) {
    logger.warn('JWT_SECRET is not set: using a secret generated for this process; tokens stop working on restart.');
  }

  const started = Date.now();
  const app = await startApplication(config, logger);
  logger.info({ ms: Date.now() - started }, `GraphQL API ready at http://localhost:${app.port}/graphql`);

  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: draining requests');
    const deadline = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.SHUTDOWN_GRACE_MS);
    try {
      await app.stop();
      logger.info('stopped cleanly');
      clearTimeout(deadline);
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
