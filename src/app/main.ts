import 'reflect-metadata';
import { createServer } from 'node:net';
import { ConfigError, loadConfig } from '../config/env.js';
import { createLogger } from '../observability/logger.js';
import { type RunningApplication, startApplication } from './application.js';
import { withKeptSigningSecret } from './development-secret.js';

/** Whether `port` can be listened on, asked before anything starts (0 always can). */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

/** What to do about a port another process holds, in one line instead of a stack trace. */
function portInUse(port: number): string {
  return `Port ${port} is already in use, probably by another copy of this server: stop it, or start this one with PORT=<another port> (PORT=0 picks a free one).`;
}

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
  if (!(await portFree(config.PORT))) {
    process.stderr.write(`${portInUse(config.PORT)}\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.NODE_ENV === 'development' });
  const kept = await withKeptSigningSecret(config);
  if (kept.signingSecretFile) {
    logger.info({ file: kept.signingSecretFile }, 'JWT_SECRET is not set: signing with the development secret kept beside the embedded data');
  } else if (config.jwtSecretGenerated) {
    logger.warn('JWT_SECRET is not set: using a secret generated for this process; tokens stop working on restart.');
  }

  // Signals are heard from the start: a Ctrl-C while the server starts stops it once it is up,
  // rather than killing the process with the embedded database half way through.
  const start: { app?: Promise<RunningApplication> } = {};
  let stopping = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    // Nothing runs yet before `start.app` is set; once it is, the start finishes and is undone.
    if (!start.app) process.exit(0);
    const app = await start.app.catch(() => undefined);
    if (!app) return;
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

  const started = Date.now();
  start.app = startApplication(kept, logger);
  try {
    const app = await start.app;
    logger.info({ ms: Date.now() - started }, `GraphQL API ready at http://localhost:${app.port}/graphql`);
  } catch (error) {
    // Taken between the check above and the listen.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    process.stderr.write(`${portInUse(config.PORT)}\n`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
