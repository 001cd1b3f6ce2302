import { candidateParameters, candidateStatements, pgArray } from '../../src/match/match-candidates.js';
import { createBrand, createBrief, rowId } from '../../test/support/bids.js';
import type { BenchServer } from '../support/bench-server.js';
import { measureHttp, measureLoop, type RunFigures } from '../support/load.js';

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

  const clients1 = await api(1);
  const clients8 = await api(8);
  const raw1 = await measureLoop(1, durationSeconds, rawSql, 2);
  const raw8 = await measureLoop(8, durationSeconds, rawSql, 2);
  return {
    candidatesPerBrief,
    api: { clients1, clients8 },
    rawCandidateSql: { clients1: raw1, clients8: raw8 },
    overheadRatioP95: Math.round((clients1.p95 / raw1.p95) * 100) / 100,
  };
}

export function matchRows(figures: MatchFigures): [string, RunFigures][] {
  return [
    ['match API first:20, 1 client', figures.api.clients1],
    ['match API first:20, 8 clients', figures.api.clients8],
    ['match raw candidate SQL, 1 client', figures.rawCandidateSql.clients1],
    ['match raw candidate SQL, 8 clients', figures.rawCandidateSql.clients8],
  ];
}
