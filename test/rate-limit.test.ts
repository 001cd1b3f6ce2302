import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, type Actor } from './support/actors.js';
import { redisAnswers, TEST_REDIS_URL } from './support/redis.js';
import { startTestServer, type TestServer, useTestServer } from './support/test-server.js';

interface Answer {
  status: number;
  retryAfter: string | null;
  code: string | undefined;
  errorExtensions: Record<string, unknown> | undefined;
  data: unknown;
  cost: { requested: number; limit: number; remaining: number; resetAt: string } | undefined;
}

async function ask(server: TestServer, query: string, token?: string): Promise<Answer> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: { extensions?: Record<string, unknown> }[];
    extensions?: { cost?: Answer['cost'] };
  };
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    code: body.errors?.[0]?.extensions?.code as string | undefined,
    errorExtensions: body.errors?.[0]?.extensions,
    data: body.data,
    cost: body.extensions?.cost,
  };
}

/** Costs 1 + 10 × (edges 1 + node 1) = 21 points. */
const TWENTY_ONE = '{ creators(first: 10) { edges { node { id } } } }';
/** Costs the minimum, 1 point. */
const ONE = '{ creators(first: 1) { totalCount } }';
const BUDGET = { RATE_LIMIT_POINTS: '50', GRAPHQL_MAX_COST: '50', RATE_LIMIT_WINDOW_SECONDS: '600' };

describe('rate limits charged by query cost (in memory)', () => {
  const server = useTestServer(BUDGET);
  let viewer: Actor;
  beforeAll(async () => {
    viewer = await signUp(server, 'spender');
  });

  it('reports the cost, the limit and what is left in every response', async () => {
    const answer = await ask(server, TWENTY_ONE, viewer.token);
    expect(answer.status).toBe(200);
    expect(answer.cost).toMatchObject({ requested: 21, limit: 50, remaining: 29 });
    expect(Date.parse(answer.cost!.resetAt)).toBeGreaterThan(Date.now());
  });

  it('refuses a request the budget cannot pay with 429, Retry-After and RATE_LIMITED, and charges nothing for it', async () => {
    expect((await ask(server, TWENTY_ONE, viewer.token)).cost?.remaining).toBe(8);
    const refused = await ask(server, TWENTY_ONE, viewer.token);
    expect(refused).toMatchObject({ status: 429, code: 'RATE_LIMITED', data: undefined });
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(refused.errorExtensions?.retryAfter).toBe(Number(refused.retryAfter));
    expect(refused.cost).toMatchObject({ requested: 21, remaining: 8 });
    // What was left still pays for a cheaper request.
    expect((await ask(server, ONE, viewer.token)).cost).toMatchObject({ requested: 1, remaining: 7 });
  });

  it('keeps a budget per viewer: another caller is not held back by one who spent theirs', async () => {
    const other = await signUp(server, 'other');
    expect((await ask(server, TWENTY_ONE, other.token)).cost).toMatchObject({ remaining: 29 });
  });

  it('charges anonymous callers per address, and runs nothing once refused', async () => {
    let answer = await ask(server, TWENTY_ONE);
    while (answer.status === 200) answer = await ask(server, TWENTY_ONE);
    expect(answer.code).toBe('RATE_LIMITED');
    server.resetQueryCount();
    expect((await ask(server, TWENTY_ONE)).status).toBe(429);
    expect(server.queryCount()).toBe(0);
    // The viewer's own budget is untouched by the address running dry.
    expect((await ask(server, ONE, viewer.token)).status).toBe(200);
  });
});


const REDIS_URL = TEST_REDIS_URL;
const redisUp = await redisAnswers(REDIS_URL);

describe.skipIf(!redisUp)(`rate limits shared through Redis (${REDIS_URL}; skipped when it is not reachable)`, () => {
  let first: TestServer;
  let second: TestServer;
  beforeAll(async () => {
    const shared = { ...BUDGET, REDIS_URL, REDIS_KEY_PREFIX: `test-${randomBytes(6).toString('hex')}:` };
    [first, second] = await Promise.all([startTestServer(shared), startTestServer(shared)]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  it('makes two instances draw on one budget per caller', async () => {
    expect((await ask(first, TWENTY_ONE)).cost?.remaining).toBe(29);
    expect((await ask(second, TWENTY_ONE)).cost?.remaining).toBe(8);
    const refused = await ask(first, TWENTY_ONE);
    expect(refused).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    expect((await ask(second, ONE)).cost?.remaining).toBe(7);
  });
});
