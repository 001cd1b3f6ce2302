import { writeFile } from 'node:fs/promises';
import { afterAll, it } from 'vitest';
import { generateCreators } from '../seeds/generator.js';
import { candidateStatement, pgArray } from '../src/match/match-candidates.js';
import { createBrand, createBrief, rowId } from '../test/support/bids.js';
import { startTestServer, type TestServer } from '../test/support/test-server.js';

/**
 * `npm run bench:match`: 100,000 synthetic creators in a fresh database, a mix of briefs, and
 * Brief.matchRecommendations(first: 20) over HTTP at 1 and 8 concurrent clients for a fixed
 * duration, next to the raw candidate SQL alone. autocannon is not installed, so the load loop is
 * this file's own: each client sends its next request when the previous answer arrives.
 */

const CREATORS = Number(process.env.BENCH_CREATORS ?? 100_000);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 10_000);

let server: TestServer | undefined;
afterAll(async () => {
  await server?.stop();
});

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]! : NaN;
}

function summarise(samples: number[], elapsedMs: number) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return { requests: samples.length, p50: round(percentile(sorted, 0.5)), p95: round(percentile(sorted, 0.95)), p99: round(percentile(sorted, 0.99)), rps: round((samples.length / elapsedMs) * 1000) };
}

async function load(clients: number, next: (index: number) => Promise<void>) {
  const samples: number[] = [];
  const started = performance.now();
  let sent = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() - started < DURATION_MS) {
        const begin = performance.now();
        await next(sent++);
        samples.push(performance.now() - begin);
      }
    }),
  );
  return summarise(samples, performance.now() - started);
}

it('benchmarks match recommendations', async () => {
  server = await startTestServer({ DB_POOL_MAX: '10' });
  const seeded = await generateCreators(server.app.orm.em.fork(), { creators: CREATORS, seed: 7 });
  await server.sql('analyze');

  const mixes: Record<string, unknown>[] = [
    { objective: 'SEEDING_CONTENT' },
    { objective: 'SEEDING_CONTENT', minCredibilityLevel: 'L3', platforms: ['XIAOHONGSHU'] },
    { objective: 'LIVE_SALE', formats: ['LIVE_STREAM'], platforms: ['DOUYIN', 'TAOBAO_LIVE'] },
    { objective: 'SEEDING_CONTENT', requiredCredentials: ['DERMATOLOGIST'] },
  ];
  const brand = await createBrand(server);
  const briefIds: string[] = [];
  for (const overrides of mixes) briefIds.push(await createBrief(server, brand, overrides));

  const query = `query($id: ID!) { node(id: $id) { ... on Brief { matchRecommendations(first: 20) { totalCount edges { node { score creator { id } factors { contribution } expectedRoi { roiBp } } } } } } }`;
  const candidateCounts: number[] = [];
  for (const id of briefIds) {
    const result = await server.graphql<{ node: { matchRecommendations: { totalCount: number } } }>(query, { id }, { token: brand.owner.token });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    candidateCounts.push(result.data!.node.matchRecommendations.totalCount);
  }

  const api = (index: number) => server!.graphql(query, { id: briefIds[index % briefIds.length] }, { token: brand.owner.token }).then(() => undefined);
  const em = server.app.orm.em.fork();
  const sql = (index: number) =>
    em
      .getConnection()
      .execute(candidateStatement('creator'), [pgArray([rowId(briefIds[index % briefIds.length]!)]), false, null, null, 2_000])
      .then(() => undefined);

  const results = {
    creators: seeded.creators,
    seedSeconds: Math.round(seeded.elapsedMs / 100) / 10,
    candidatesPerBrief: candidateCounts,
    durationMsPerRun: DURATION_MS,
    loadTool: 'built-in fixed-duration loop (autocannon not installed)',
    api: { clients1: await load(1, api), clients8: await load(8, api) },
    rawCandidateSql: { clients1: await load(1, sql), clients8: await load(8, sql) },
  };
  const rows = [
    ['API first:20, 1 client', results.api.clients1],
    ['API first:20, 8 clients', results.api.clients8],
    ['candidate SQL, 1 client', results.rawCandidateSql.clients1],
    ['candidate SQL, 8 clients', results.rawCandidateSql.clients8],
  ] as const;
  const table = rows.map(([name, r]) => `${name.padEnd(26)} ${String(r.requests).padStart(7)} ${String(r.p50).padStart(8)} ${String(r.p95).padStart(8)} ${String(r.p99).padStart(8)} ${String(r.rps).padStart(8)}`);
  process.stdout.write(`\n${'run'.padEnd(26)} ${'reqs'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'req/s'.padStart(8)}\n${table.join('\n')}\n`);
  process.stdout.write(`creators ${results.creators}, candidates per brief ${candidateCounts.join(', ')}\n`);
  await writeFile(new URL('./results/match.json', import.meta.url), `${JSON.stringify(results, null, 2)}\n`);
});
