import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppServices } from '../common/app-services.js';
import type { DomainModule, PeriodicJob } from '../common/module.js';
import type { UnitOfWork } from '../common/unit-of-work.js';
import type { Logger } from '../observability/logger.js';
import { modules } from './modules.js';

/** Every module's periodic jobs. */
export const periodicJobs: readonly PeriodicJob<AppServices>[] = (modules as readonly DomainModule<unknown, object>[]).flatMap(
  (module) => (module.jobs ?? []) as readonly PeriodicJob<AppServices>[],
);

/**
 * Runs the modules' periodic jobs on a timer: closing briefs at their deadline, forgetting expired
 * idempotency keys, dropping expired credentials from profiles. Each run is a unit of work of its
 * own (its events are published after it commits) and does its work with conditional statements,
 * idempotently, so several server instances may run it at once without harm, and a missed tick
 * is caught up by the next.
 */
export function startPeriodicJobs(dependencies: { orm: MikroORM; services: AppServices; unitOfWork: UnitOfWork; logger: Logger; intervalMs: number }) {
  const { orm, services, unitOfWork, logger } = dependencies;
  let running: Promise<void> | undefined;

  const tick = () => {
    if (running) return;
    running = (async () => {
      for (const job of periodicJobs) {
        try {
          const affected = await unitOfWork.run({ em: orm.em.fork(), viewer: null }, (context) => job.run(services, context));
          if (affected > 0) logger.info({ affected }, job.name);
        } catch (error) {
          logger.warn({ err: error, task: job.name }, 'periodic job failed; will retry');
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
    /** Stops the timer and waits for a run in progress. */
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
