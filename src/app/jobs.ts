import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppServices } from '../common/app-services.js';
import type { DomainModule, PeriodicJob } from '../common/module.js';
import type { UnitOfWork } from '../common/unit-of-work.js';
import type { Logger } from '../observability/logger.js';
import type { JobQueue } from '../queue/job-queue.js';
import { modules } from './modules.js';

/** Every module's periodic jobs. */
export const periodicJobs: readonly PeriodicJob<AppServices>[] = (modules as readonly DomainModule<unknown, object>[]).flatMap(
  (module) => (module.jobs ?? []) as readonly PeriodicJob<AppServices>[],
);

/** The queue's name for a periodic job: "briefs past their deadline closed" → "periodic.briefs-past-their-deadline-closed". */
export function periodicJobQueueName(job: Pick<PeriodicJob<unknown>, 'name'>): string {
  return `periodic.${job.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}`;
}

/**
 * Runs the modules' periodic jobs through the job queue: closing briefs at their deadline,
 * forgetting expired idempotency keys, dropping expired credentials from profiles.
 *
 * Every instance's timer offers each job once per interval; the queue keeps one offer per job per
 * interval (a time slot keyed by the job) and lets one run at a time, so however many instances
 * there are, each interval's run happens once, on whichever instance's worker claims it. A run
 * that fails is retried with back-off and recorded with its error; a run that completes records
 * how many rows it touched. Each run is one unit of work (its events are published after it
 * commits), and a missed interval is caught up by the next, since every job finds its work with
 * conditional statements.
 */
export async function startPeriodicJobs(dependencies: {
  queue: JobQueue;
  orm: MikroORM;
  services: AppServices;
  unitOfWork: UnitOfWork;
  logger: Logger;
  intervalMs: number;
  /** The jobs to run; every module's unless said. */
  jobs?: readonly PeriodicJob<AppServices>[];
}) {
  const { queue, orm, services, unitOfWork, logger, intervalMs } = dependencies;
  const jobs = dependencies.jobs ?? periodicJobs;
  const intervalSeconds = intervalMs / 1000;

  for (const job of jobs) {
    await queue.define<Record<string, never>>({
      name: periodicJobQueueName(job),
      oneAtATime: true,
      retryLimit: 3,
      // A sweep that keeps failing is retried a few times, then left to the next interval's run.
      retryDelaySeconds: Math.max(1, Math.min(30, Math.round(intervalSeconds / 4))),
      timeoutSeconds: 300,
      keepRunsForSeconds: 3 * 24 * 3600,
      pollSeconds: Math.min(5, intervalSeconds),
      run: async () => {
        const affected = await unitOfWork.run({ em: orm.em.fork(), viewer: null }, (context) => job.run(services, context));
        if (affected > 0) logger.info({ affected }, job.name);
        return { affected };
      },
    });
  }

  const offer = async () => {
    for (const job of jobs) {
      const name = periodicJobQueueName(job);
      try {
        await queue.send(name, {}, { key: name, oncePerSeconds: intervalSeconds });
      } catch (error) {
        // The database may be briefly away; the next tick offers again, and nothing was lost.
        logger.warn({ err: error, job: job.name }, 'could not offer a periodic job to the queue; the next tick will');
      }
    }
  };

  let offering: Promise<void> | undefined;
  const tick = () => {
    if (offering) return;
    offering = offer().finally(() => {
      offering = undefined;
    });
  };
  // The first offer waits one interval, like every later one: a run is a catch-up sweep, so
  // nothing is late for it, and a server starting (or a test server started with a long interval)
  // does no background writes in its first moments.
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    /** Stops offering; runs in progress finish when the queue stops. */
    async stop() {
      clearInterval(timer);
      await offering;
    },
  };
}
