import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from './logger.js';
import type { Services } from './services.js';

/** People whose credentials expired, refreshed per tick; more wait for the next. */
const LAPSED_CREDENTIALS_PER_TICK = 100;

/**
 * Time-driven work nobody asks for: closing briefs at their deadline, forgetting expired
 * idempotency keys, dropping expired credentials from profiles. Each task finds its work with one
 * conditional statement and does it idempotently, so several server instances may run it at once
 * without harm, and a missed tick is caught up by the next.
 */
export function startHousekeeping(dependencies: { orm: MikroORM; services: Services; logger: Logger; intervalMs: number }) {
  const { orm, services, logger } = dependencies;
  const tasks: { name: string; run: () => Promise<number> }[] = [
    { name: 'briefs past their deadline closed', run: () => services.briefs.closeOverdue(orm.em.fork()) },
    { name: 'expired idempotency keys purged', run: () => services.idempotency.purgeExpired(orm.em.fork()) },
    { name: 'profiles refreshed after credentials expired', run: () => services.credibility.refreshLapsed(orm.em.fork(), LAPSED_CREDENTIALS_PER_TICK) },
  ];
  let running: Promise<void> | undefined;

  const tick = () => {
    if (running) return;
    running = (async () => {
      for (const task of tasks) {
        try {
          const affected = await task.run();
          if (affected > 0) logger.info({ affected }, task.name);
        } catch (error) {
          logger.warn({ err: error, task: task.name }, 'housekeeping task failed; will retry');
        }
      }
    })().finally(() => {
      running = undefined;
    });
  };

  const timer = setInterval(tick, dependencies.intervalMs);
  timer.unref();
  tick();
  return {
    /** Stops the timer and waits for a tick in progress. */
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
