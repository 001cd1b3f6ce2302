import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createDatabaseIfMissing, dropDatabaseIfExists, withDatabase } from '../src/db/database-admin.js';
import { bidChannels as channels } from '../src/bid/bid.events.js';
import { type Brand, createBrand, createBrief, createCreator, placeBid, rowId } from './support/bids.js';
import { subscribe, until, wsClient } from './support/subscriptions.js';
import { type GraphQLDocument, type GraphQLResponse, postGraphQL, type RequestOptions, type TestServer } from './support/test-server.js';
import { redisAnswers, TEST_REDIS_URL } from './support/redis.js';

/**
 * Two server processes, built and started as `npm start` runs them, sharing one PostgreSQL and
 * one Redis: what is committed through one reaches subscribers on the other, and a caller's rate
 * limit is one budget whichever instance answers.
 */

const REDIS_URL = TEST_REDIS_URL;
const redisUp = await redisAnswers(REDIS_URL);

if (!redisUp) console.warn(`two-instances test skipped: no Redis answers at ${REDIS_URL} (set TEST_REDIS_URL, or start redis-server)`);

const serverUrl = inject('databaseServerUrl');
const database = `marketplace_instances_${randomBytes(4).toString('hex')}`;
const keyPrefix = `marketplace-test-${randomBytes(4).toString('hex')}:`;
const buildDir = `.data/instances-build-${process.pid}`;
const children: ChildProcess[] = [];
let pool: pg.Pool;
let redis: Redis;
let instanceA: TestServer;
let instanceB: TestServer;

async function startInstance(port: number): Promise<string> {
  let output = '';
  const child = spawn(process.execPath, [`${buildDir}/src/app/main.js`], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: withDatabase(serverUrl, database),
      REDIS_URL,
      REDIS_KEY_PREFIX: keyPrefix,
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'two-instances-test-secret-long-enough-for-hs256',
      HOUSEKEEPING_INTERVAL_MS: '3600000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (child.exitCode !== null) break;
    if (await fetch(`${url}/readyz`).then((response) => response.ok, () => false)) return `${url}/graphql`;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`instance on port ${port} did not become ready:\n${output}`);
}

/** The helpers' TestServer shape over an instance's URL, with SQL through a pool of this test's own. */
function instance(url: string): TestServer {
  return {
    url,
    app: undefined as never,
    queryCount: () => 0,
    resetQueryCount: () => {},
    async graphql(query: GraphQLDocument, variables?: unknown, options: RequestOptions = {}) {
      const { response, body } = await postGraphQL(url, query, variables as Record<string, unknown> | undefined, options);
      return { status: response.status, ...body } as GraphQLResponse<never>;
    },
    async sql(statement, parameters = []) {
      let index = 0;
      return (await pool.query(statement.replace(/\?/g, () => `$${(index += 1)}`), parameters)).rows as never;
    },
    stop: async () => {},
  };
}

describe.skipIf(!redisUp)(`two instances sharing PostgreSQL and Redis (${REDIS_URL})`, () => {
  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', buildDir, '--tsBuildInfoFile', `${buildDir}/.tsbuildinfo`]).catch(
      // The emitted JavaScript is what matters; type errors are the typecheck's business.
      () => {},
    );
    await createDatabaseIfMissing(serverUrl, database, inject('templateDatabase'));
    pool = new pg.Pool({ connectionString: withDatabase(serverUrl, database), max: 2 });
    redis = new Redis(REDIS_URL);
    const base = 40_000 + (process.pid % 2_000) * 2;
    const [urlA, urlB] = await Promise.all([startInstance(base), startInstance(base + 1)]);
    instanceA = instance(urlA);
    instanceB = instance(urlB);
  }, 240_000);

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)));
    await pool?.end();
    if (redis) {
      const keys = await redis.keys(`${keyPrefix}*`);
      if (keys.length) await redis.del(...keys);
      redis.disconnect();
    }
    await dropDatabaseIfExists(serverUrl, database);
    await rm(buildDir, { recursive: true, force: true });
  });

  it('delivers a bid submitted through instance A to a brand member subscribed on instance B', async () => {
    const brand: Brand = await createBrand(instanceA);
    const briefId = await createBrief(instanceA, brand);
    const client = wsClient(instanceB.url, brand.owner.token);
    try {
      const events = subscribe<{ bidEvents: { kind: string; bid: { id: string; status: string } } }>(
        client,
        'subscription($briefId: ID!) { bidEvents(briefId: $briefId) { kind bid { id status } } }',
        { briefId },
      );
      const channel = `${keyPrefix}${channels.bidsOfBrief(rowId(briefId))}`;
      await until(async () => ((await redis.pubsub('NUMSUB', channel)) as [string, number])[1] > 0, 'instance B subscribes in Redis');

      const creator = await createCreator(instanceA, 'across-instances');
      const bid = await placeBid(instanceA, creator.actor, { briefId, creatorId: creator.id });
      expect((await events.next()).data?.bidEvents).toEqual({ kind: 'SUBMITTED', bid: { id: bid.id, status: 'SUBMITTED' } });
    } finally {
      await client.dispose();
    }
  });

  it('draws a caller’s rate limit from one budget, whichever instance answers', async () => {
    const brand = await createBrand(instanceA);
    const ask = async (server: TestServer) =>
      ((await server.graphql('{ viewer { id } }', {}, { token: brand.owner.token })) as GraphQLResponse & { extensions?: { cost?: { requested: number; remaining: number } } })
        .extensions?.cost;
    const first = await ask(instanceA);
    const second = await ask(instanceB);
    const third = await ask(instanceA);
    expect(first && second && third).toBeTruthy();
    expect(second!.remaining).toBe(first!.remaining - second!.requested);
    expect(third!.remaining).toBe(second!.remaining - third!.requested);
  });
});
