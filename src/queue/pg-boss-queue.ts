import { type Job, type JobResult, type JobStates, PgBoss } from 'pg-boss';
import type { Logger } from 'pino';
import { inJobSpan } from '../observability/job-spans.js';
import type { JobDefinition, JobQueue, JobRun, JobRunState, SendOptions } from './job-queue.js';

/** The schema pg-boss keeps its tables in, beside (never inside) the application's. */
export const JOB_QUEUE_SCHEMA = 'pgboss';

export interface PgBossQueueSettings {
  /** The primary (or PgBouncer in front of it): the queue writes on every claim. */
  url: string;
  logger: Logger;
  /** Connections the queue's own pool may hold; the ORM's pool is separate. */
  poolMax?: number;
  /** Shown in pg_stat_activity and in the queue's instance registry. */
  instanceName?: string;
}

type StoredJob = {
  id: string;
  name: string;
  state: keyof JobStates;
  retry_count: number;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  output: unknown;
};

const RUN_STATES: Record<keyof JobStates, JobRunState> = {
  created: 'waiting',
  retry: 'retrying',
  active: 'running',
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
};

/**
 * The job queue on pg-boss. Chosen over graphile-worker because it needs nothing of a session:
 * workers poll (LISTEN/NOTIFY stays off, as PgBouncer in transaction mode would not carry it),
 * its locks are transaction-scoped advisory locks, and it deduplicates jobs in the database
 * (singleton keys, time slots, the `stately` policy), which is what "once across instances" asks.
 * Every job is a row in `pgboss.job` that keeps its state, timings, retries and output, so the
 * record of runs is the queue itself.
 *
 * pg-boss creates and upgrades its own schema at `start` under an advisory lock (so several
 * instances starting together install it once); `installJobQueueSchema` does the same ahead of
 * time, for the one-shot migration and for the test template.
 */
export function createPgBossQueue(settings: PgBossQueueSettings): JobQueue {
  const { logger } = settings;
  const boss = new PgBoss({
    connectionString: settings.url,
    schema: JOB_QUEUE_SCHEMA,
    max: settings.poolMax ?? 3,
    application_name: settings.instanceName ?? 'marketplace-jobs',
    instanceName: settings.instanceName ?? 'marketplace-jobs',
    // Spans come from `define` below (observability/job-spans.ts): one root span per run.
    openTelemetry: { enabled: false },
  });
  // pg-boss reports its own trouble (a lost connection, a failed maintenance pass) as events;
  // unheard, an 'error' event would crash the process.
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error; it keeps retrying'));
  boss.on('warning', (warning) => logger.warn({ warning: warning.data }, `job queue: ${warning.message}`));

  const workers = new Map<string, string>();
  let started = false;

  return {
    async start() {
      await boss.start();
      started = true;
    },

    async stop(options = {}) {
      if (!started) return;
      started = false;
      await boss.stop({ graceful: true, timeout: options.timeoutMs ?? 10_000, close: true });
    },

    async define<Data extends object>(definition: JobDefinition<Data>) {
      const retries = {
        retryLimit: definition.retryLimit ?? 3,
        retryDelay: definition.retryDelaySeconds ?? 1,
        retryBackoff: true,
        retryDelayMax: 300,
        expireInSeconds: definition.timeoutSeconds ?? 900,
        deleteAfterSeconds: definition.keepRunsForSeconds ?? 7 * 24 * 3600,
      };
      await boss.createQueue(definition.name, { ...retries, policy: definition.oneAtATime ? 'stately' : 'standard' });
      const { retryDelayMax: _fixedAtCreation, ...changeable } = retries;
      // A queue keeps the options it was created with; a changed definition updates them.
      await boss.updateQueue(definition.name, changeable);
      const runOne = async (job: Job<Data>): Promise<JobResult> => {
        try {
          const output = await inJobSpan(`job ${definition.name}`, { 'job.id': job.id, 'job.retry': job.retryCount }, () =>
            definition.run(job.data, { id: job.id, retry: job.retryCount }),
          );
          return { id: job.id, status: 'completed', output: output ?? {} };
        } catch (error) {
          // The queue records the failure and retries; this line says which job and which try.
          logger.warn({ err: error, job: definition.name, jobId: job.id, retry: job.retryCount }, 'job failed; the queue will retry it until its retries are spent');
          return { id: job.id, status: 'failed', output: error };
        }
      };
      const workerId = await boss.work<Data>(
        definition.name,
        {
          // Up to ten jobs per claim, settled one by one, and claims back to back while they come
          // full: a backlog drains without waiting a polling interval per job.
          batchSize: 10,
          perJobResults: true,
          burstWhenBatchFull: true,
          pollingIntervalSeconds: Math.max(0.5, definition.pollSeconds ?? 2),
        },
        async (jobs) => {
          const results: JobResult[] = [];
          for (const job of jobs) results.push(await runOne(job));
          return results;
        },
      );
      workers.set(definition.name, workerId);
    },

    async send<Data extends object>(name: string, data: Data, options: SendOptions = {}) {
      const id = await boss.send(name, data, {
        ...(options.key ? { singletonKey: options.key } : {}),
        ...(options.oncePerSeconds ? { singletonSeconds: Math.max(1, Math.round(options.oncePerSeconds)) } : {}),
        ...(options.delaySeconds ? { startAfter: options.delaySeconds } : {}),
      });
      // A job sent here can run here at once instead of waiting for the next poll.
      const workerId = workers.get(name);
      if (id && workerId && !options.delaySeconds) boss.notifyWorker(workerId);
      return id;
    },

    async schedule<Data extends object>(name: string, cron: string, data: Data) {
      await boss.schedule(name, cron, data, { tz: 'UTC' });
    },

    async runs(name: string, limit = 50) {
      // findJobs pages from the oldest; the newest runs are what an operator asks about.
      const { rows } = await boss.getDb().executeSql(
        `select id, name, state, retry_count, created_on, started_on, completed_on, output
           from ${JOB_QUEUE_SCHEMA}.job where name = $1 order by created_on desc limit $2`,
        [name, limit],
      );
      return (rows as StoredJob[]).map(
        (job): JobRun => ({
          id: job.id,
          name: job.name,
          state: RUN_STATES[job.state],
          retries: job.retry_count,
          createdAt: job.created_on,
          startedAt: job.started_on,
          finishedAt: job.completed_on,
          output: job.output,
        }),
      );
    },
  };
}

/** Creates or upgrades the queue's schema and returns; what a one-shot migration step runs. */
export async function installJobQueueSchema(url: string, logger: Logger): Promise<void> {
  const boss = new PgBoss({ connectionString: url, schema: JOB_QUEUE_SCHEMA, max: 1, supervise: false, schedule: false, registerInstance: false });
  boss.on('error', (error) => logger.error({ err: error }, 'job queue error while installing its schema'));
  await boss.start();
  await boss.stop({ graceful: false, close: true });
}
