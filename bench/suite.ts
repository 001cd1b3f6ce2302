import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, it } from 'vitest';
import { createBrand } from '../test/support/bids.js';
import { startBareApollo, TRIVIAL_QUERY } from './parts/bare-apollo.js';
import { bidPart } from './parts/bids.js';
import { matchPart, matchRows } from './parts/match.js';
import { lookupPart, nestedListPart } from './parts/reads.js';
import { BENCH, type BenchServer, startBenchServer, stopBenchServer } from './support/bench-server.js';
import { httpLoad, round, type RunFigures, table, withPeakRss } from './support/load.js';

/**
 * `npm run bench`: the whole benchmark suite in one run, on one machine.
 * BENCH_CREATORS synthetic creators (default 100,000) in a fresh database, the server over HTTP,
 * autocannon for every HTTP run (BENCH_DURATION_S each, default 10), and for each read a raw `pg`
 * baseline of the same reads. Prints a table and writes bench/results/suite-<time>.json.
 */

/** The secret startTestServer signs with; the bid run mints its bidders' tokens with it. */
const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-signing';
const LOOKUP_CONNECTIONS = 8;

let bench: BenchServer | undefined;
afterAll(() => stopBenchServer(bench));

it('runs the benchmark suite', async () => {
  const { durationSeconds } = BENCH;
  bench = await startBenchServer();
  const viewer = await createBrand(bench.server);

  const bare = await startBareApollo();
  let bareApollo: RunFigures;
  try {
    const measured = await withPeakRss(() =>
      httpLoad({ url: bare.url, connections: LOOKUP_CONNECTIONS, durationSeconds, requests: [{ method: 'POST', body: TRIVIAL_QUERY }] }),
    );
    bareApollo = { ...measured.result, statementsPerRequest: 0, peakRssMb: measured.peakRssMb };
  } finally {
    await bare.stop();
  }
  const lookups = await lookupPart(bench, durationSeconds, viewer.owner.token);
  const nested = await nestedListPart(bench, durationSeconds);
  const match = await matchPart(bench, durationSeconds);
  const bids = await bidPart(bench, durationSeconds, TEST_JWT_SECRET);

  const rows: [string, RunFigures][] = [
    ['bare Apollo, trivial query, 8 conn', bareApollo],
    ['node(id:) lookup, 8 conn', lookups.api],
    ['node(id:) raw pg, 8 clients', lookups.raw],
    ['20 briefs × 10 bids nested, 8 conn', nested.api],
    ['20 briefs × 10 bids raw pg, 8 clients', nested.raw],
    ...matchRows(match),
    ['bidSubmit, 16 conn', bids.run],
  ];
  const targets = {
    lookupsVsBareApollo: { ratio: round(lookups.api.rps / bareApollo.rps), target: '≥ 0.5' },
    nestedListStatementsPerRequest: { value: nested.statementsOnce, target: '≤ 1 per level of nesting (4 levels: briefs, bids, bidders, agencies)' },
    matchP95At1ClientMs: { value: match.api.clients1.p95, target: '≤ 50' },
    matchP95VsRawSql: { ratio: match.overheadRatioP95, pairedRatio: match.paired.overheadRatioP95, target: '≤ 2.5' },
    bidsPerSecondAt16: { value: bids.run.rps, target: '≥ 500 sustained' },
    bidsLost: { acknowledged: bids.acknowledged, rowsAfter: bids.rowsAfter, lost: bids.lost, target: '0' },
  };
  const overhead = {
    lookupsApiVsRawRps: round(lookups.raw.rps / lookups.api.rps),
    nestedApiVsRawRps: round(nested.raw.rps / nested.api.rps),
    matchApiVsRawP95: match.overheadRatioP95,
  };
  const results = {
    at: new Date().toISOString(),
    creators: bench.seeded.creators,
    seedSeconds: Math.round(bench.seeded.elapsedMs / 100) / 10,
    durationSecondsPerRun: durationSeconds,
    loadTool: 'autocannon 9 (HTTP, one worker thread in the server process); raw pg baselines: in-process loops on a bare pg pool',
    runs: Object.fromEntries(rows),
    match: { candidatesPerBrief: match.candidatesPerBrief },
    bids: { acknowledged: bids.acknowledged, rowsAfter: bids.rowsAfter, lost: bids.lost },
    overhead,
    targets,
  };
  process.stdout.write(`\n${table(rows)}\n\n${JSON.stringify({ targets, overhead }, null, 2)}\n`);
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  const file = new URL(`./results/suite-${results.at.replaceAll(':', '-')}.json`, import.meta.url);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`written to ${file.pathname}\n`);
});
