import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';

export type { Logger };

/** pino-pretty is a development dependency: an image built without it logs JSON rather than crash. */
function prettyPrinterInstalled(): boolean {
  try {
    createRequire(import.meta.url).resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * JSON logs in production and tests; human-readable ones when a developer runs the server (and
 * pino-pretty is installed). Levels are written as names ("warn"), which is what log pipelines
 * and people filter on.
 */
export function createLogger(options: { level: string; pretty: boolean }): Logger {
  const pretty = options.pretty && prettyPrinterInstalled();
  const logger = pino({
    level: options.level,
    base: undefined,
    formatters: { level: (label) => ({ level: label }) },
    redact: ['req.headers.authorization', 'password', '*.password'],
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
  });
  if (options.pretty && !pretty) logger.info('pino-pretty is not installed (a production build); logging JSON');
  return logger;
}
