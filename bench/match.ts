import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, it } from 'vitest';
import { matchPart, matchRows } from './parts/match.js';
import { BENCH, type BenchServer, startBenchServer, stopBenchServer } from './support/bench-server.js';
import { table } from './support/load.js';

/**
 * `npm run bench:match`: the match part of `npm run bench` alone. BENCH_CREATORS synthetic
 * creators (default 100,000) in a fresh database, then Brief.matchRecommendations(first: 20)
 * under autocannon at 1 and 8 clients, next to the raw candidate SQL. Writes bench/results/match.json.
 */

let bench: BenchServer | undefined;
afterAll(() => stopBenchServer(bench));

it('benchmarks match recommendations', async () => {
  bench = await startBenchServer();
  const figures = await matchPart(bench, BENCH.durationSeconds);
  const results = {
    at: new Date().toISOString(),
    creators: bench.seeded.creators,
    seedSeconds: Math.round(bench.seeded.elapsedMs / 100) / 10,
    durationSecondsPerRun: BENCH.durationSeconds,
    loadTool: 'autocannon (HTTP, one worker thread); raw SQL: in-process loops on a bare pg pool',
    ...figures,
  };
  process.stdout.write(`\n${table(matchRows(figures))}\n`);
  process.stdout.write(`creators ${results.creators}, candidates per brief ${figures.candidatesPerBrief.join(', ')}, API/raw p95 at 1 client ${figures.overheadRatioP95} (autocannon runs), ${figures.paired.overheadRatioP95} (paired)\n`);
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  await writeFile(new URL('./results/match.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
});
