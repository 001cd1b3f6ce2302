import { createRequire } from 'node:module';
import autocannon from 'autocannon';

/**
 * Load generation and what a benchmark reports of one run: requests per second, latency
 * percentiles, SQL statements per request, peak RSS.
 */

const require = createRequire(import.meta.url);
// autocannon reports p50, p90, p97.5 and p99 but not p95, the percentile our targets are in. It
// derives its percentiles from this shared list, so adding 95 once gives every run a `p95`.
const reportedPercentiles = require('hdr-histogram-percentiles-obj').percentiles as number[];
if (!reportedPercentiles.includes(95)) reportedPercentiles.push(95);

export interface RunFigures {
  /** Requests that completed. */
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  /** Connection errors, timeouts, non-2xx answers and answers that failed the body check. */
  failures: number;
  /** SQL statements the server ran per completed request, when counted. */
  statementsPerRequest?: number;
  /** Highest resident set size of this process during the run, in MB (server and load generator share it). */
  peakRssMb?: number;
  /**
   * CPU milliseconds of the main thread (the server; autocannon has a worker thread of its own)
   * per completed request: the server's own cost, which other work on the machine disturbs far
   * less than it disturbs requests per second.
   */
  cpuMsPerRequest?: number;
}

export interface HttpLoad {
  url: string;
  connections: number;
  durationSeconds: number;
  /** Requests each connection sends in turn, from the first again after the last. */
  requests?: autocannon.Request[];
  /** Headers of every request. */
  headers?: Record<string, string>;
  /** An absolute path of a CommonJS module whose default export is autocannon's `setupRequest`. */
  setupRequestModule?: string;
  /** An absolute path of a CommonJS module whose default export is autocannon's `verifyBody`. */
  verifyBodyModule?: string;
}

/**
 * One autocannon run over HTTP. The load comes from one worker thread, so that sending requests
 * does not queue behind the server on its event loop (both live in this process).
 */
export async function httpLoad(load: HttpLoad): Promise<RunFigures & { ok: number; sent: number }> {
  const requests = load.setupRequestModule ? [{ method: 'POST' as const, setupRequest: load.setupRequestModule as never }] : load.requests;
  const result = await autocannon({
    url: load.url,
    method: 'POST',
    connections: load.connections,
    duration: load.durationSeconds,
    workers: 1,
    headers: { 'content-type': 'application/json', ...load.headers },
    ...(requests ? { requests } : {}),
    ...(load.verifyBodyModule ? { verifyBody: load.verifyBodyModule as never } : {}),
  });
  const latency = result.latency as autocannon.Histogram & { p95?: number };
  const ok = result['2xx'] - result.mismatches;
  return {
    requests: result.requests.total,
    sent: result.requests.sent,
    ok,
    rps: round(result.requests.total / result.duration),
    p50: latency.p50,
    p95: latency.p95 ?? latency.p97_5,
    p99: latency.p99,
    failures: result.errors + result.timeouts + result.non2xx + result.mismatches,
  };
}

/**
 * `clients` loops in this process, each sending its next call when the previous one returns, for
 * `durationSeconds`: the raw `pg` baselines, which have no HTTP endpoint for autocannon to call.
 */
export async function loopLoad(clients: number, durationSeconds: number, call: (index: number) => Promise<unknown>): Promise<RunFigures> {
  const samples: number[] = [];
  const started = performance.now();
  const until = started + durationSeconds * 1000;
  let sent = 0;
  let failures = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < until) {
        const begin = performance.now();
        try {
          await call(sent++);
          samples.push(performance.now() - begin);
        } catch {
          failures += 1;
        }
      }
    }),
  );
  const elapsed = performance.now() - started;
  const sorted = samples.sort((a, b) => a - b);
  const at = (p: number) => (sorted.length ? round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!) : NaN);
  return { requests: samples.length, rps: round((samples.length / elapsed) * 1000), p50: at(0.5), p95: at(0.95), p99: at(0.99), failures };
}

/** Samples this process's RSS every 100 ms while `work` runs; the peak in MB. */
export async function withPeakRss<T>(work: () => Promise<T>): Promise<{ result: T; peakRssMb: number }> {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 100);
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, peakRssMb: Math.round(peak / 1024 / 1024) };
  } finally {
    clearInterval(timer);
  }
}

/**
 * A measured HTTP run with its statement count and peak RSS; `count` reads the server's statement
 * counter. Statements are divided by the requests sent, after a moment for those still in flight
 * when the run ended, since those ran (some of) their statements too.
 */
export async function measureHttp(load: HttpLoad, count: { reset(): void; read(): number }): Promise<RunFigures & { ok: number; sent: number }> {
  count.reset();
  const cpuBefore = process.threadCpuUsage();
  const { result, peakRssMb } = await withPeakRss(() => httpLoad(load));
  const cpu = process.threadCpuUsage(cpuBefore);
  await new Promise((resolve) => setTimeout(resolve, 500));
  return {
    ...result,
    statementsPerRequest: result.sent ? round(count.read() / result.sent) : 0,
    peakRssMb,
    cpuMsPerRequest: result.requests ? round((cpu.user + cpu.system) / 1000 / result.requests) : 0,
  };
}

export async function measureLoop(clients: number, durationSeconds: number, call: (index: number) => Promise<unknown>, statementsPerCall: number): Promise<RunFigures> {
  const { result, peakRssMb } = await withPeakRss(() => loopLoad(clients, durationSeconds, call));
  return { ...result, statementsPerRequest: statementsPerCall, peakRssMb };
}

export function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** The figures as a fixed-width table, one row per run. */
export function table(rows: readonly (readonly [string, RunFigures])[]): string {
  const head = ['run', 'reqs', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'SQL/req', 'CPU ms/req', 'RSS MB', 'fail'];
  const cells = rows.map(([name, r]) => [name, r.requests, r.rps, r.p50, r.p95, r.p99, r.statementsPerRequest ?? '', r.cpuMsPerRequest ?? '', r.peakRssMb ?? '', r.failures].map(String));
  const widths = head.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column]!.length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [line(head), ...cells.map(line)].join('\n');
}
