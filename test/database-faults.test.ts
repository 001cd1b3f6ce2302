import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApplication, type RunningApplication } from '../src/app/application.js';
import { loadConfig } from '../src/config/env.js';
import { createDatabaseIfMissing, withDatabase } from '../src/db/database-admin.js';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { createLogger } from '../src/observability/logger.js';
import { type Brand, createBrand, createBrief, createCreators, rowId, submitBid, type Talent } from './support/bids.js';
import { type GraphQLDocument, type GraphQLResponse, postGraphQL, type RequestOptions, type TestServer } from './support/test-server.js';
import { until } from './support/subscriptions.js';

/**
 * The PostgreSQL server restarts under a load of bid submissions. This file runs its own embedded
 * PostgreSQL (not the suite's shared one) so that it can stop and start it.
 */

const logger = createLogger({ level: process.env.FAULTS_LOG ?? 'silent', pretty: false });
let dataDir: string;
let port: number;
let database: EmbeddedDatabase;
let app: RunningApplication;
let server: TestServer;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'marketplace-faults-pg-'));
  port = await freePort();
  database = await startEmbeddedPostgres({ dataDir, port, logger });
  await createDatabaseIfMissing(database.serverUrl, 'marketplace');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: withDatabase(database.serverUrl, 'marketplace'),
    PORT: '0',
    SEED_DEMO_DATA: 'false',
    JWT_SECRET: 'test-secret-that-is-long-enough-for-hs256-signing',
    DB_POOL_MAX: '8',
    HOUSEKEEPING_INTERVAL_MS: '3600000',
    // The load is the point here, not the rate limits.
    RATE_LIMIT_POINTS: '100000000',
    REQUEST_TIMEOUT_MS: '60000',
  });
  app = await startApplication(config, logger);
  const url = `http://127.0.0.1:${app.port}/graphql`;
  server = {
    url,
    app,
    queryCount: () => 0,
    resetQueryCount: () => {},
    async graphql(query: GraphQLDocument, variables?: unknown, options: RequestOptions = {}) {
      const { response, body } = await postGraphQL(url, query, variables as Record<string, unknown> | undefined, options);
      return { status: response.status, retryAfter: response.headers.get('retry-after'), ...body } as GraphQLResponse<never>;
    },
    sql: (statement, parameters = []) => app.orm.em.getConnection().execute(statement, parameters),
    stop: async () => {},
  };
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await database?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

const readiness = async () => (await fetch(`http://127.0.0.1:${app.port}/readyz`)).status;

describe('a PostgreSQL restart under load', () => {
  it('turns readyz red then green, answers the gap with a retryable error, recovers by itself, and keeps every acknowledged bid', async () => {
    const brand: Brand = await createBrand(server);
    const briefs = [];
    for (let index = 0; index < 4; index += 1) briefs.push(await createBrief(server, brand, { slots: 5 }));
    const creators: Talent[] = await createCreators(server, 24);
    const work = briefs.flatMap((briefId) => creators.map((creator) => ({ briefId, creator })));

    const acknowledged: string[] = [];
    const gap: GraphQLResponse[] = [];
    const unexpected: unknown[] = [];
    let alreadyBidAfterRetry = 0;
    let stopping = false;

    const worker = async () => {
      while (!stopping) {
        const task = work.shift();
        if (!task) return;
        let retried = false;
        // Once started, a submission is retried until it is answered, so none is left unknown.
        for (;;) {
          let result: GraphQLResponse<{ bidSubmit: { bid: { id: string } | null; userErrors: { code: string }[] } }>;
          try {
            result = (await submitBid(server, task.creator.actor, { briefId: task.briefId, creatorId: task.creator.id })) as never;
          } catch (error) {
            unexpected.push(`the server did not answer: ${String(error)}`);
            return;
          }
          const payload = result.data?.bidSubmit;
          if (!result.errors && payload?.bid && payload.userErrors.length === 0) {
            acknowledged.push(rowId(payload.bid.id));
            break;
          }
          if (result.errors?.[0]?.extensions?.code === 'SERVICE_UNAVAILABLE') {
            gap.push(result as GraphQLResponse);
            retried = true;
            await new Promise((resolve) => setTimeout(resolve, 20));
            continue;
          }
          // A commit whose answer the outage swallowed: the retry finds the bid already there.
          if (retried && payload?.userErrors.map((error) => error.code).join() === 'ALREADY_BID') {
            alreadyBidAfterRetry += 1;
            break;
          }
          unexpected.push(result);
          break;
        }
      }
    };
    const workers = Array.from({ length: 8 }, () => worker());

    await until(() => acknowledged.length >= 20, '20 bids are acknowledged before the restart', 2_000);
    expect(await readiness()).toBe(200);

    await database.stop();
    await until(async () => (await readiness()) === 503, 'readyz reports the database down', 2_000);
    await until(() => gap.length >= 5, 'requests arrive while the database is down', 2_000);
    const acknowledgedBeforeRestart = acknowledged.length;

    database = await startEmbeddedPostgres({ dataDir, port, logger });
    await until(async () => (await readiness()) === 200, 'readyz reports the database up again', 2_000);
    await until(() => acknowledged.length >= acknowledgedBeforeRestart + 20, '20 more bids are acknowledged after the restart', 2_000);
    stopping = true;
    await Promise.all(workers);
    // No connection stayed checked out by a transaction the restart broke: such leaks would starve
    // the pool after a few restarts, and the server would never recover.
    const pool = await app.orm.em.getConnection().getNativeClient();
    expect(pool.idleCount).toBe(pool.totalCount);

    expect(unexpected).toEqual([]);
    for (const response of gap) {
      expect(response.status).toBe(503);
      for (const error of response.errors ?? []) {
        expect(error).toMatchObject({ message: expect.stringMatching(/database is unavailable.*retry/i), extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true } });
      }
    }
    expect((gap[0] as { retryAfter?: string }).retryAfter).toBe('1');
    const stored = await server.sql<{ id: string }>('select id from bid where id = any(?::uuid[])', [`{${acknowledged.join(',')}}`]);
    expect(stored.length).toBe(acknowledged.length);
    expect(new Set(acknowledged).size).toBe(acknowledged.length);
    // A commit whose answer was lost is found on retry (ALREADY_BID), never made twice.
    const perTalentAndBrief = await server.sql<{ count: number }>(
      "select count(*)::int as count from bid where status <> 'WITHDRAWN' group by brief_id, creator_id having count(*) > 1",
    );
    expect(perTalentAndBrief).toEqual([]);
    expect(alreadyBidAfterRetry + acknowledged.length).toBe(Number((await server.sql<{ count: string }>('select count(*) as count from bid'))[0]!.count));
  }, 180_000);
});
