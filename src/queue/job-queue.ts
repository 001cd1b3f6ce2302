/**
 * The application's one durable job queue, kept in PostgreSQL. Modules and the composition root
 * speak to this interface only; which library stores the jobs is the business of
 * `pg-boss-queue.ts`.
 *
 * A job is a named piece of work with a small JSON payload. Once `send` has returned, the job is in
 * the database: it survives a crash or a deploy and is run by whichever instance's worker claims
 * it first, exactly one at a time. A run that throws is recorded as failed and retried with
 * back-off until its retries are spent; every run, with its outcome, stays readable through `runs`.
 */
export interface JobQueue {
  /** Starts the queue: its tables are checked (and created or upgraded if needed), workers may begin. */
  start(): Promise<void>;
  /** Stops taking new jobs and waits, at most `timeoutMs`, for the runs in progress here. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
  /** Declares a job and starts this instance's worker for it. Call after `start`. */
  define<Data extends object>(definition: JobDefinition<Data>): Promise<void>;
  /**
   * Puts a job in the queue. Returns its id, or null when `options.key` found the same work already
   * asked for (see `SendOptions`): not an error.
   */
  send<Data extends object>(name: string, data: Data, options?: SendOptions): Promise<string | null>;
  /** Sends the job on a cron schedule (UTC), once per occurrence across every instance. */
  schedule<Data extends object>(name: string, cron: string, data: Data): Promise<void>;
  /** The most recent runs of a job, newest first: what ran, when, and how it ended. */
  runs(name: string, limit?: number): Promise<JobRun[]>;
}

export interface JobDefinition<Data extends object> {
  /** Letters, digits, `.`, `-` and `_`; stable, since stored jobs refer to it. */
  name: string;
  /**
   * The work. What it returns is kept with the run (e.g. how many rows it touched); what it throws
   * marks the run failed and schedules a retry.
   */
  run(data: Data, attempt: JobAttempt): Promise<object | void>;
  /** Retries after the first failure; 3 unless said. */
  retryLimit?: number;
  /** Seconds before the first retry, doubled (with jitter) for each later one; 1 unless said. */
  retryDelaySeconds?: number;
  /** A run still going after this long is presumed lost (its instance died) and retried; 15 minutes unless said. */
  timeoutSeconds?: number;
  /**
   * At most one run of this job at a time across every instance, and at most one more waiting:
   * for sweeps over the whole database, where a second concurrent run would only repeat the first.
   */
  oneAtATime?: boolean;
  /** How long finished runs stay readable through `runs`; 7 days unless said. */
  keepRunsForSeconds?: number;
  /** Seconds between this instance's looks for waiting jobs (at least 0.5); a local `send` wakes it at once. */
  pollSeconds?: number;
}

export interface JobAttempt {
  id: string;
  /** 0 for the first run, 1 for the first retry, … */
  retry: number;
}

export interface SendOptions {
  /**
   * Deduplicates: with `oncePerSeconds`, one job per key per window; on a `oneAtATime` job, one
   * waiting job per key. Alone on another job it only labels the job.
   */
  key?: string;
  /** With `key`: at most one job per window of this many seconds (whole seconds, at least 1). */
  oncePerSeconds?: number;
  /** Not before this many seconds from now. */
  delaySeconds?: number;
}

export type JobRunState = 'waiting' | 'retrying' | 'running' | 'completed' | 'failed' | 'cancelled';

export interface JobRun {
  id: string;
  name: string;
  state: JobRunState;
  /** Retries so far. */
  retries: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  /** What the run returned, or, for a failure, the error's message. */
  output: unknown;
}
