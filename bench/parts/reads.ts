import { toGlobalId } from '../../src/graphql/global-id.js';
import { createAgency, createBrand, createBrief, createCreators, placeBid, rowId } from '../../test/support/bids.js';
import type { BenchServer } from '../support/bench-server.js';
import { measureHttp, measureLoop, type RunFigures } from '../support/load.js';

/**
 * The two read shapes of the suite, each over HTTP and as the same reads on a bare `pg` pool:
 * - lookups by id: `node(id:)` for a creator, cycling through 200 seeded creators;
 * - a brand's brief list with nested bids, bidders and their agencies: 20 briefs × 10 bids.
 * And the floor under every read: the full server answering a query that reads nothing.
 */

const CONNECTIONS = 8;
const LOOKUP_COUNT = 200;

const LOOKUP = `query($id: ID!) { node(id: $id) { id ... on Creator { displayName kind capacity totalFollowers } } }`;

/**
 * The whole server (token check, rate limit, cost limits, request log, metrics, error masking)
 * answering `{ __typename }` for the same signed-in viewer: no resolver, no statement. Set beside
 * bare Apollo it is what the request path costs before any data is read, so a lookup's ratio to
 * bare Apollo can be split into the path and the read.
 */
export async function trivialQueryPart(bench: BenchServer, durationSeconds: number, token: string) {
  const body = JSON.stringify({ query: '{ __typename }' });
  const check = await bench.server.graphql<{ __typename: string }>('{ __typename }', {}, { token });
  if (check.errors || check.data?.__typename !== 'Query') throw new Error(`trivial query failed: ${JSON.stringify(check.errors)}`);
  return measureHttp(
    { url: bench.server.url, connections: CONNECTIONS, durationSeconds, requests: [{ method: 'POST', body }], headers: { authorization: `Bearer ${token}` } },
    bench.statements,
  );
}

/** The creators every lookup run cycles through. */
export async function lookupCreatorIds(bench: BenchServer): Promise<string[]> {
  const rows = await bench.server.sql<{ id: string }>(`select id from creator order by id limit ${LOOKUP_COUNT}`);
  return rows.map((row) => row.id);
}

export async function lookupPart(bench: BenchServer, durationSeconds: number, token: string) {
  const ids = await lookupCreatorIds(bench);
  const check = await bench.server.graphql<{ node: { id: string } | null }>(LOOKUP, { id: toGlobalId('Creator', ids[0]!) }, { token });
  if (check.errors || !check.data?.node) throw new Error(`id lookup failed: ${JSON.stringify(check.errors)}`);
  const requests = ids.map((id) => ({ method: 'POST' as const, body: JSON.stringify({ query: LOOKUP, variables: { id: toGlobalId('Creator', id) } }) }));
  const api = await measureHttp({ url: bench.server.url, connections: CONNECTIONS, durationSeconds, requests, headers: { authorization: `Bearer ${token}` } }, bench.statements);
  const raw = await measureLoop(
    CONNECTIONS,
    durationSeconds,
    (index) => bench.pool.query('select id, display_name, kind, capacity, total_followers from creator where id = $1', [ids[index % ids.length]]),
    1,
  );
  return { api, raw };
}

const BRIEFS = 20;
const BIDS_PER_BRIEF = 10;

const NESTED = `query($id: ID!) { node(id: $id) { ... on Brand { briefs(first: ${BRIEFS}) { edges { node { id title
  bids(first: ${BIDS_PER_BRIEF}) { edges { node { id status creator { id displayName } agency { id name } } } } } } } } } }`;

/** The same reads by hand: briefs, their newest bids, the bidders, the agencies; one statement per level. */
const RAW_NESTED = {
  briefs: `select id, title from brief where brand_id = $1 and status = 'OPEN' and deadline > now() order by deadline, id limit ${BRIEFS}`,
  bids: `select id, brief_id, status, creator_id, agency_id from (
      select b.*, row_number() over (partition by b.brief_id order by b.created_at desc, b.id desc) as position from bid b where b.brief_id = any($1::uuid[])
    ) ranked where position <= ${BIDS_PER_BRIEF}`,
  creators: `select id, display_name from creator where id = any($1::uuid[])`,
  agencies: `select id, name from agency where id = any($1::uuid[])`,
};

/** A brand with 20 open briefs, each with 10 bids: 5 creators bidding for themselves and 5 through one agency. */
export async function nestedListPart(bench: BenchServer, durationSeconds: number) {
  const { server } = bench;
  const brand = await createBrand(server);
  const briefIds: string[] = [];
  for (let index = 0; index < BRIEFS; index++) briefIds.push(await createBrief(server, brand, { title: `Nested list brief ${index}` }));
  const bidders = await createCreators(server, BIDS_PER_BRIEF);
  const agency = await createAgency(server, bidders.slice(0, BIDS_PER_BRIEF / 2));
  for (const briefId of briefIds) {
    await Promise.all(
      bidders.map((bidder, index) =>
        index < BIDS_PER_BRIEF / 2
          ? placeBid(server, agency.member, { briefId, creatorId: bidder.id, agencyId: agency.agencyId })
          : placeBid(server, bidder.actor, { briefId, creatorId: bidder.id }),
      ),
    );
  }
  await server.sql('analyze');

  const check = await server.graphql<{ node: { briefs: { edges: { node: { bids: { edges: unknown[] } } }[] } } }>(NESTED, { id: brand.brandId }, { token: brand.owner.token });
  const edges = check.data?.node.briefs.edges ?? [];
  if (check.errors || edges.length !== BRIEFS || edges.some((edge) => edge.node.bids.edges.length !== BIDS_PER_BRIEF)) {
    throw new Error(`nested list is not 20 × 10: ${JSON.stringify(check.errors ?? edges.map((edge) => edge.node.bids.edges.length))}`);
  }
  server.resetQueryCount();
  await server.graphql(NESTED, { id: brand.brandId }, { token: brand.owner.token });
  const statementsOnce = server.queryCount();

  const body = JSON.stringify({ query: NESTED, variables: { id: brand.brandId } });
  const api = await measureHttp(
    { url: server.url, connections: CONNECTIONS, durationSeconds, requests: [{ method: 'POST', body }], headers: { authorization: `Bearer ${brand.owner.token}` } },
    bench.statements,
  );
  const brandRowId = rowId(brand.brandId);
  const raw = await measureLoop(
    CONNECTIONS,
    durationSeconds,
    async () => {
      const briefs = await bench.pool.query<{ id: string }>(RAW_NESTED.briefs, [brandRowId]);
      const bids = await bench.pool.query<{ creator_id: string | null; agency_id: string | null }>(RAW_NESTED.bids, [`{${briefs.rows.map((row) => row.id).join(',')}}`]);
      const ids = (column: 'creator_id' | 'agency_id') => `{${[...new Set(bids.rows.map((row) => row[column]).filter((id) => id !== null))].join(',')}}`;
      await Promise.all([bench.pool.query(RAW_NESTED.creators, [ids('creator_id')]), bench.pool.query(RAW_NESTED.agencies, [ids('agency_id')])]);
    },
    4,
  );
  return { api, raw, statementsOnce, token: brand.owner.token };
}

export type ReadFigures = { api: RunFigures; raw: RunFigures };
