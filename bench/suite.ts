import { mkdir, writeFile } from 'node:fs/promises';
import { afterAll, it } from 'vitest';
import { createBrand } from '../test/support/bids.js';
import { bareApolloPart } from './parts/bare-apollo.js';
import { bidPart } from './parts/bids.js';
import { matchPart, matchRows } from './parts/match.js';
import { lookupPart, nestedListPart, trivialQueryPart } from './parts/reads.js';
import { BENCH, type BenchServer, startBenchServer, stopBenchServer } from './support/bench-server.js';
import { round, type RunFigures, table } from './support/load.js';

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

/**
 * BENCH_PARTS (comma-separated; default all): run only some parts, e.g. `BENCH_PARTS=bids` while
 * working on one path. Targets and ratios whose figures were not measured are left out.
 */
const PARTS = ['bare', 'trivial', 'lookups', 'nested', 'match', 'bids'] as const;
type Part = (typeof PARTS)[number];
const chosen = new Set((process.env.BENCH_PARTS ?? PARTS.join(',')).split(',').map((part) => part.trim()));
const unknownParts = [...chosen].filter((part) => !(PARTS as readonly string[]).includes(part));
if (unknownParts.length) throw new Error(`BENCH_PARTS: unknown part(s) ${unknownParts.join(', ')}; known: ${PARTS.join(', ')}`);
const runs = (part: Part) => chosen.has(part);

it('runs the benchmark suite', async () => {
  const { durationSeconds } = BENCH;
  bench = await startBenchServer();
  const viewer = await createBrand(bench.server);

  const bare = runs('bare') ? await bareApolloPart(bench, durationSeconds, LOOKUP_CONNECTIONS) : undefined;
  const bareApollo = bare?.trivial;
  const trivial = runs('trivial') ? await trivialQueryPart(bench, durationSeconds, viewer.owner.token) : undefined;
  const lookups = runs('lookups') ? await lookupPart(bench, durationSeconds, viewer.owner.token) : undefined;
  const nested = runs('nested') ? await nestedListPart(bench, durationSeconds) : undefined;
  const match = runs('match') ? await matchPart(bench, durationSeconds) : undefined;
  const bids = runs('bids') ? await bidPart(bench, durationSeconds, TEST_JWT_SECRET) : undefined;

  const rows: [string, RunFigures][] = [
    ...(bare
      ? ([
          ['bare Apollo, trivial query, 8 conn', bare.trivial],
          ['bare Apollo, creator by id on pg, 8 conn', bare.lookup],
        ] as [string, RunFigures][])
      : []),
    ...(trivial ? [['full server, { __typename }, 8 conn', trivial] as [string, RunFigures]] : []),
    ...(lookups ? ([['node(id:) lookup, 8 conn', lookups.api], ['node(id:) raw pg, 8 clients', lookups.raw]] as [string, RunFigures][]) : []),
    ...(nested ? ([['20 briefs × 10 bids nested, 8 conn', nested.api], ['20 briefs × 10 bids raw pg, 8 clients', nested.raw]] as [string, RunFigures][]) : []),
    ...(match ? matchRows(match) : []),
    ...(bids ? [['bidSubmit, 16 conn', bids.run] as [string, RunFigures]] : []),
  ];
  const targets = {
    ...(lookups && bareApollo ? { lookupsVsBareApollo: { ratio: round(lookups.api.rps / bareApollo.rps), target: '≥ 0.5' } } : {}),
    ...(nested
      ? { nestedListStatementsPerRequest: { value: nested.statementsOnce, target: '≤ 1 per level of nesting (4 levels: briefs, bids, bidders, agencies)' } }
      : {}),
    ...(match
      ? {
          matchP95At1ClientMs: { value: match.api.clients1.p95, target: '≤ 50' },
          matchP95VsRawSql: { ratio: match.overheadRatioP95, pairedRatio: match.paired.overheadRatioP95, target: '≤ 2.5' },
        }
      : {}),
    ...(bids
      ? {
          bidsPerSecondAt16: { value: bids.run.rps, target: '≥ 500 sustained' },
          bidsLost: { acknowledged: bids.acknowledged, rowsAfter: bids.rowsAfter, lost: bids.lost, target: '0' },
        }
      : {}),
  };
  const overhead = {
    // What one read by id costs bare Apollo itself, how far below bare Apollo the full request path
    // alone is, and how far below that the lookup.
    ...(bare ? { bareLookupVsBareTrivialRps: round(bare.lookup.rps / bare.trivial.rps) } : {}),
    ...(trivial && bareApollo ? { fullServerTrivialVsBareApolloRps: round(trivial.rps / bareApollo.rps) } : {}),
    ...(lookups && trivial ? { lookupsVsFullServerTrivialRps: round(lookups.api.rps / trivial.rps) } : {}),
    ...(lookups ? { lookupsApiVsRawRps: round(lookups.raw.rps / lookups.api.rps) } : {}),
    ...(nested ? { nestedApiVsRawRps: round(nested.raw.rps / nested.api.rps) } : {}),
    ...(match ? { matchApiVsRawP95: match.overheadRatioP95 } : {}),
  };
  const results = {
    at: new Date().toISOString(),
    parts: PARTS.filter(runs),
    creators: bench.seeded.creators,
    seedSeconds: Math.round(bench.seeded.elapsedMs / 100) / 10,
    durationSecondsPerRun: durationSeconds,
    loadTool: 'autocannon 9 (HTTP, one worker thread in the server process); raw pg baselines: in-process loops on a bare pg pool',
    runs: Object.fromEntries(rows),
    ...(match ? { match: { candidatesPerBrief: match.candidatesPerBrief } } : {}),
    ...(bids ? { bids: { acknowledged: bids.acknowledged, rowsAfter: bids.rowsAfter, lost: bids.lost } } : {}),
    overhead,
    targets,
  };
  process.stdout.write(`\n${table(rows)}\n\n${JSON.stringify({ targets, overhead }, null, 2)}\n`);
  await mkdir(new URL('./results/', import.meta.url), { recursive: true });
  const file = new URL(`./results/suite-${results.at.replaceAll(':', '-')}.json`, import.meta.url);
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`written to ${file.pathname}\n`);
});
