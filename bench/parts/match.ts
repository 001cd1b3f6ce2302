import { candidateParameters, candidateStatements, pgArray } from '../../src/match/match-candidates.js';
import { createBrand, createBrief, rowId } from '../../test/support/bids.js';
import type { BenchServer } from '../support/bench-server.js';
import { measureHttp, measureLoop, round, type RunFigures } from '../support/load.js';

/**
 * Brief.matchRecommendations(first: 20) for a mix of briefs over HTTP, at 1 and 8 clients, and
 * in the same run the raw candidate SQL alone (the brief's facts, then its candidates: the two
 * statements the service runs) through a bare `pg` pool. Targets: p95 ≤ 50 ms at 1 client, and
 * p95 within 2.5× of the raw SQL's.
 */

/** Broad and narrow briefs: every creator level, a higher minimum level, live streams only, a required credential. */
const BRIEF_MIX: Record<string, unknown>[] = [
  { objective: 'SEEDING_CONTENT' },
  { objective: 'SEEDING_CONTENT', minCredibilityLevel: 'L3', platforms: ['XIAOHONGSHU'] },
  { objective: 'LIVE_SALE', formats: ['LIVE_STREAM'], platforms: ['DOUYIN', 'TAOBAO_LIVE'] },
  { objective: 'SEEDING_CONTENT', requiredCredentials: ['DERMATOLOGIST'] },
];

const QUERY = `query($id: ID!) { node(id: $id) { ... on Brief { matchRecommendations(first: 20) {
  totalCount edges { cursor node { score creator { id displayName } factors { factor weight value contribution reason } expectedRoi { roiBp } } } } } } }`;

export interface MatchFigures {
  candidatesPerBrief: number[];
  api: { clients1: RunFigures; clients8: RunFigures };
  rawCandidateSql: { clients1: RunFigures; clients8: RunFigures };
  /** API p95 ÷ raw SQL p95 at 1 client (target ≤ 2.5). */
  overheadRatioP95: number;
  /**
   * The same ratio from one client alternating an API request and the raw SQL, so both see the
   * same background load: the figure to trust on a machine that is busy with other work.
   */
  paired: { api: RunFigures; rawCandidateSql: RunFigures; overheadRatioP95: number };
}

export async function matchPart(bench: BenchServer, durationSeconds: number): Promise<MatchFigures> {
  const { server, pool } = bench;
  const brand = await createBrand(server);
  const briefIds: string[] = [];
  for (const overrides of BRIEF_MIX) briefIds.push(await createBrief(server, brand, overrides));

  // One pass first: it checks every answer and warms the caches the timed runs would otherwise pay for.
  const candidatesPerBrief: number[] = [];
  for (const id of briefIds) {
    const result = await server.graphql<{ node: { matchRecommendations: { totalCount: number } } }>(QUERY, { id }, { token: brand.owner.token });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    candidatesPerBrief.push(result.data!.node.matchRecommendations.totalCount);
  }

  const requests = briefIds.map((id) => ({ method: 'POST' as const, body: JSON.stringify({ query: QUERY, variables: { id } }) }));
  const api = (connections: number) =>
    measureHttp({ url: server.url, connections, durationSeconds, requests, headers: { authorization: `Bearer ${brand.owner.token}` } }, bench.statements);

  const statements = candidateStatements('creator');
  const rowIds = briefIds.map(rowId);
  const rawSql = async (index: number) => {
    const facts = await pool.query(statements.facts, [pgArray([rowIds[index % rowIds.length]!])]);
    await pool.query(statements.candidates, candidateParameters(facts.rows[0]));
  };

  bench.statements.reset();
  const paired = await pairedRun(durationSeconds, async (index) => {
    const started = performance.now();
    const result = await server.graphql(QUERY, { id: briefIds[index % briefIds.length] }, { token: brand.owner.token });
    if (result.errors) throw new Error(JSON.stringify(result.errors));
    return performance.now() - started;
  }, async (index) => {
    const started = performance.now();
    await rawSql(index);
    return performance.now() - started;
  });
  // Only the API requests go through the server's counter; the raw SQL has its own pool.
  paired.api.statementsPerRequest = round(bench.statements.read() / paired.api.requests);

  const clients1 = await api(1);
  const clients8 = await api(8);
  const raw1 = await measureLoop(1, durationSeconds, rawSql, 2);
  const raw8 = await measureLoop(8, durationSeconds, rawSql, 2);
  return {
    candidatesPerBrief,
    api: { clients1, clients8 },
    rawCandidateSql: { clients1: raw1, clients8: raw8 },
    overheadRatioP95: Math.round((clients1.p95 / raw1.p95) * 100) / 100,
    paired,
  };
}

/** One client, API request and raw SQL in turn for the same brief, for `durationSeconds`. */
async function pairedRun(durationSeconds: number, api: (index: number) => Promise<number>, raw: (index: number) => Promise<number>) {
  const apiSamples: number[] = [];
  const rawSamples: number[] = [];
  const started = performance.now();
  for (let index = 0; performance.now() - started < durationSeconds * 1000; index++) {
    apiSamples.push(await api(index));
    rawSamples.push(await raw(index));
  }
  const elapsed = (performance.now() - started) / 2;
  const figures = (samples: number[]): RunFigures => {
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (p: number) => round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN);
    return { requests: samples.length, rps: round((samples.length / elapsed) * 1000), p50: at(0.5), p95: at(0.95), p99: at(0.99), failures: 0 };
  };
  const apiFigures = figures(apiSamples);
  const rawFigures = { ...figures(rawSamples), statementsPerRequest: 2 };
  return { api: apiFigures, rawCandidateSql: rawFigures, overheadRatioP95: round(apiFigures.p95 / rawFigures.p95) };
}

export function matchRows(figures: MatchFigures): [string, RunFigures][] {
  return [
    ['match API first:20, 1 client', figures.api.clients1],
    ['match API first:20, 8 clients', figures.api.clients8],
    ['match raw candidate SQL, 1 client', figures.rawCandidateSql.clients1],
    ['match raw candidate SQL, 8 clients', figures.rawCandidateSql.clients8],
    ['match API, 1 client, paired with raw', figures.paired.api],
    ['match raw SQL, 1 client, paired with API', figures.paired.rawCandidateSql],
  ];
}
