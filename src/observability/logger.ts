import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * JSON logs in production and tests; human-readable ones when a developer runs the server. Levels
 * are written as names ("warn"), which is what log pipelines and people filter on.
 */
export function createLogger(options: { level: string; pretty: boolean }): Logger {
  return pino({
    level: options.level,
    base: undefined,
    formatters: { level: (label) => ({ level: label }) },
    redact: ['req.headers.authorization', 'password', '*.password'],
    ...(options.pretty
      ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } }
      : {}),
  });
}
