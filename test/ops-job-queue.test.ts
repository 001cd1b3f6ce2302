import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { periodicJobQueueName, startPeriodicJobs } from '../src/app/jobs.js';
import type { PeriodicJob } from '../src/common/module.js';
import { createDatabaseIfMissing, dropDatabaseIfExists, withDatabase } from '../src/db/database-admin.js';
import { createLogger } from '../src/observability/logger.js';
import type { JobQueue, JobRun } from '../src/queue/job-queue.js';
import { createPgBossQueue } from '../src/queue/pg-boss-queue.js';

const serverUrl = inject('databaseServerUrl');
const database = `marketplace_queue_${randomBytes(4).toString('hex')}`;
const url = withDatabase(inject('databaseClientUrl'), database);
const silent = createLogger({ level: 'silent', pretty: false });
const queues: JobQueue[] = [];

/** A queue on this file's database, as one more server instance would have it. */
async function startQueue(logger = silent): Promise<JobQueue> {
  const queue = createPgBossQueue({ url, logger, poolMax: 2 });
  await queue.start();
  queues.push(queue);
  return queue;
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, withinMs = 15_000): Promise<T> {
  const giveUpAt = Date.now() + withinMs;
  let value = await read();
  while (!done(value) && Date.now() < giveUpAt) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

beforeAll(async () => {
  await createDatabaseIfMissing(serverUrl, database, inject('templateDatabase'));
});

afterAll(async () => {
  for (const queue of queues) await queue.stop({ timeoutMs: 2000 });
  await dropDatabaseIfExists(serverUrl, database);
});

describe('the job queue in PostgreSQL', () => {
  it('runs each job once although two instances work the queue, and keeps a record of every run', async () => {
    const [first, second] = [await startQueue(), await startQueue()];
    const ranOn: string[] = [];
    for (const [queue, instance] of [
      [first, 'first'],
      [second, 'second'],
    ] as const) {
      await queue.define<{ invoice: string }>({
        name: 'test.send-invoice',
        run: async (data) => {
          ranOn.push(`${instance}:${data.invoice}`);
          await new Promise((resolve) => setTimeout(resolve, 20));
          return { sent: data.invoice };
        },
      });
    }
    const invoices = Array.from({ length: 20 }, (_, index) => `INV-${index}`);
    await Promise.all(invoices.map((invoice, index) => (index % 2 ? first : second).send('test.send-invoice', { invoice })));

    const runs = await eventually(
      () => first.runs('test.send-invoice'),
      (found) => found.filter((run) => run.state === 'completed').length === invoices.length,
    );
    expect(runs.filter((run) => run.state === 'completed')).toHaveLength(invoices.length);
    const invoicesRun = ranOn.map((entry) => entry.split(':')[1]);
    expect(invoicesRun.sort()).toEqual([...invoices].sort());
    const done = runs.find((run) => (run.output as { sent?: string }).sent === 'INV-3')!;
    expect(done).toMatchObject({ state: 'completed', retries: 0 });
    expect(done.startedAt!.getTime()).toBeLessThanOrEqual(done.finishedAt!.getTime());
  });

  it('keeps one job per key and window however many instances ask for it', async () => {
    const [first, second] = [await startQueue(), await startQueue()];
    for (const queue of [first, second]) await queue.define({ name: 'test.nightly-report', run: async () => ({}) });
    const ids = await Promise.all(
      Array.from({ length: 10 }, (_, index) => (index % 2 ? first : second).send('test.nightly-report', {}, { key: 'report', oncePerSeconds: 3600 })),
    );
    expect(ids.filter(Boolean)).toHaveLength(1);
  });

  it('retries a failing job with back-off, records each failure, and says so in the log', async () => {
    const lines: { level: string; msg: string; job?: string; retry?: number }[] = [];
    const logger = pino(
      { level: 'info', formatters: { level: (label) => ({ level: label }) } },
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
          callback();
        },
      }),
    );
    const queue = await startQueue(logger);
    let attempts = 0;
    await queue.define({
      name: 'test.flaky-payout',
      retryLimit: 2,
      retryDelaySeconds: 1,
      run: async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('payment provider timed out');
        return { paid: true };
      },
    });
    await queue.define({
      name: 'test.broken-payout',
      retryLimit: 1,
      retryDelaySeconds: 1,
      run: async () => {
        throw new Error('account closed at the bank');
      },
    });
    await queue.send('test.flaky-payout', {});
    await queue.send('test.broken-payout', {});

    const flaky = await eventually(
      () => queue.runs('test.flaky-payout'),
      (runs) => runs[0]?.state === 'completed',
    );
    expect(flaky[0]).toMatchObject({ state: 'completed', retries: 1, output: { paid: true } });
    expect(attempts).toBe(2);

    // Retries spent: the job stays in the record as failed, with what went wrong.
    const broken = await eventually(
      () => queue.runs('test.broken-payout'),
      (runs) => runs[0]?.state === 'failed',
    );
    expect(broken[0]).toMatchObject<Partial<JobRun>>({ state: 'failed', retries: 1 });
    expect(JSON.stringify(broken[0]!.output)).toContain('account closed at the bank');

    const failures = lines.filter((line) => line.level === 'warn' && line.job === 'test.broken-payout');
    expect(failures.map((line) => line.retry)).toEqual([0, 1]);
    expect(failures[0]!.msg).toMatch(/job failed; the queue will retry/);
  });

  it('runs each periodic job once per interval across instances, never two runs at once', async () => {
    const [first, second] = [await startQueue(), await startQueue()];
    let running = 0;
    let overlapped = false;
    const ranAt: number[] = [];
    const job: PeriodicJob<never> = {
      name: 'test sweep done',
      run: async () => {
        running += 1;
        if (running > 1) overlapped = true;
        ranAt.push(Date.now());
        await new Promise((resolve) => setTimeout(resolve, 150));
        running -= 1;
        return 0;
      },
    };
    // A unit of work that just runs the job: the queue's behaviour is what is under test here.
    const unitOfWork = { run: (_scope: unknown, work: (context: never) => Promise<number>) => work({} as never) };
    const dependencies = { orm: { em: { fork: () => ({}) } }, services: {}, unitOfWork, logger: silent, intervalMs: 1000, jobs: [job] } as never as Omit<
      Parameters<typeof startPeriodicJobs>[0],
      'queue'
    >;
    const started = Date.now();
    const timers = [await startPeriodicJobs({ ...dependencies, queue: first }), await startPeriodicJobs({ ...dependencies, queue: second })];
    await new Promise((resolve) => setTimeout(resolve, 4200));
    for (const timer of timers) await timer.stop();
    const elapsedSeconds = (Date.now() - started) / 1000;

    // Two instances each offer the job every second; one-second slots let one run through per slot.
    expect(ranAt.length).toBeGreaterThanOrEqual(3);
    expect(ranAt.length).toBeLessThanOrEqual(Math.ceil(elapsedSeconds) + 1);
    expect(overlapped).toBe(false);
    const runs = await first.runs(periodicJobQueueName(job));
    expect(runs.filter((run) => run.state === 'completed').length).toBe(ranAt.length);
    expect(runs.every((run) => (run.output as { affected?: number }).affected === 0)).toBe(true);
  });
});
