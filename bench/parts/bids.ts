import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TokenService } from '../../src/auth/tokens.js';
import { toGlobalId } from '../../src/graphql/global-id.js';
import { createBrand, createBrief, ERRORS, rowId, terms } from '../../test/support/bids.js';
import type { BenchServer } from '../support/bench-server.js';
import { measureHttp, type RunFigures } from '../support/load.js';

/**
 * bidSubmit at 16 clients, every request a different (creator, brief) pair: seeded creators bid
 * on 20 open briefs. Target: 500 bids a second sustained, and nothing lost — every bid the API
 * acknowledged (answered with its id) is a row afterwards.
 */

const CONNECTIONS = 16;
const BRIEFS = 20;
/** Enough distinct pairs for 10 s at 1,000 bids a second. */
const BIDDERS = 500;

const SUBMIT = `mutation($input: BidSubmitInput!) { bidSubmit(input: $input) { bid { id } ${ERRORS} } }`;

export interface BidFigures {
  run: RunFigures & { ok: number };
  acknowledged: number;
  rowsAfter: number;
  lost: number;
}

export async function bidPart(bench: BenchServer, durationSeconds: number, jwtSecret: string): Promise<BidFigures> {
  const { server } = bench;
  const brand = await createBrand(server);
  const briefIds: string[] = [];
  for (let index = 0; index < BRIEFS; index++) briefIds.push(await createBrief(server, brand, { title: `Bid load brief ${index}`, minCredibilityLevel: 'L1', slots: 100 }));
  // Seeded creators with room for a deal; their accounts get tokens straight from the token service.
  const bidders = await server.sql<{ id: string; user_id: string }>(`select id, user_id from creator where active_deal_count < capacity order by id limit ${BIDDERS}`);
  const tokens = new TokenService(jwtSecret, 24);
  const tokenOf = new Map(await Promise.all(bidders.map(async (bidder) => [bidder.id, (await tokens.issue(bidder.user_id, { id: randomUUID(), expiresAt: tokens.expiryFromNow() })).token] as const)));
  // Bidders outer, briefs inner: consecutive requests go to different briefs, as real traffic
  // would, rather than all 16 clients queueing on one brief's row.
  const prepared = bidders.flatMap((bidder) =>
    briefIds.map((briefId) => ({
      token: tokenOf.get(bidder.id)!,
      body: JSON.stringify({ query: SUBMIT, variables: { input: { briefId, creatorId: toGlobalId('Creator', bidder.id), terms: terms(), pitch: 'Barrier repair, explained' } } }),
    })),
  );
  const file = fileURLToPath(new URL('../results/bid-requests.json', import.meta.url));
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, JSON.stringify(prepared));
  process.env.BENCH_BID_REQUESTS = file;

  const run = await measureHttp(
    {
      url: server.url,
      connections: CONNECTIONS,
      durationSeconds,
      setupRequestModule: fileURLToPath(new URL('../support/bid-request.cjs', import.meta.url)),
      verifyBodyModule: fileURLToPath(new URL('../support/bid-accepted.cjs', import.meta.url)),
    },
    bench.statements,
  );
  // Requests still in flight when the run ended may land after it; give them a moment.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const [{ count }] = (await server.sql<{ count: string }>('select count(*) from bid where brief_id = any(?::uuid[])', [`{${briefIds.map(rowId).join(',')}}`])) as [{ count: string }];
  const rowsAfter = Number(count);
  return { run, acknowledged: run.ok, rowsAfter, lost: Math.max(0, run.ok - rowsAfter) };
}
