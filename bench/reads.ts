import { afterAll, it } from 'vitest';
import { createBrand } from '../test/support/bids.js';
import { bareApolloPart } from './parts/bare-apollo.js';
import { lookupPart, nestedListPart, trivialQueryPart } from './parts/reads.js';
import { BENCH, type BenchServer, startBenchServer, stopBenchServer } from './support/bench-server.js';
import { round, type RunFigures, table } from './support/load.js';

/**
 * `npm run bench:reads`: the read parts of `npm run bench` alone (bare Apollo, the full server on a
 * trivial query, `node(id:)` lookups, the nested brief list), for working on read overhead without
 * the match and bid runs. With a small BENCH_CREATORS it starts in seconds; under `--cpu-prof` (see
 * bench/README.md) it profiles the server's read path. Prints the table and the ratios; writes
 * nothing.
 */

let bench: BenchServer | undefined;
afterAll(() => stopBenchServer(bench));

it('benchmarks the reads', async () => {
  const { durationSeconds } = BENCH;
  bench = await startBenchServer();
  const viewer = await createBrand(bench.server);
  const bare = await bareApolloPart(bench, durationSeconds, 8);
  const bareApollo = bare.trivial;
  const trivial = await trivialQueryPart(bench, durationSeconds, viewer.owner.token);
  const lookups = await lookupPart(bench, durationSeconds, viewer.owner.token);
  const nested = await nestedListPart(bench, durationSeconds);
  const rows: [string, RunFigures][] = [
    ['bare Apollo, trivial query, 8 conn', bareApollo],
    ['bare Apollo, creator by id on pg, 8 conn', bare.lookup],
    ['full server, { __typename }, 8 conn', trivial],
    ['node(id:) lookup, 8 conn', lookups.api],
    ['node(id:) raw pg, 8 clients', lookups.raw],
    ['20 briefs × 10 bids nested, 8 conn', nested.api],
    ['20 briefs × 10 bids raw pg, 8 clients', nested.raw],
  ];
  process.stdout.write(`\n${table(rows)}\n`);
  process.stdout.write(`creators ${bench.seeded.creators}; lookups/bare Apollo ${round(lookups.api.rps / bareApollo.rps)} (target ≥ 0.5; bare Apollo reading the same row reaches ${round(bare.lookup.rps / bareApollo.rps)}, the full server on a trivial query ${round(trivial.rps / bareApollo.rps)}); nested SQL per request ${nested.statementsOnce}\n`);
});
