import { Writable } from 'node:stream';
import { pino } from 'pino';
import { beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD, signUp, type Actor } from './support/actors.js';
import { useTestServer } from './support/test-server.js';

const METRICS_TOKEN = 'metrics-token-for-the-scraper';

/** Every JSON line the server logs, in order. */
function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: pino({ level: 'info', base: undefined }, destination) };
}

/** The logs carry the row id that the opaque global id wraps. */
const databaseId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1];

const requestLines = (lines: Record<string, unknown>[]) => lines.filter((line) => line.msg === 'graphql request');

describe('request logs and metrics', () => {
  const logs = captureLogs();
  const server = useTestServer({ METRICS_TOKEN }, { logger: logs.logger });
  let actor: Actor;
  const metricsUrl = () => server.url.replace(/\/graphql$/, '/metrics');
  const scrape = async () => {
    const response = await fetch(metricsUrl(), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(response.status).toBe(200);
    return response.text();
  };

  beforeAll(async () => {
    actor = await signUp(server, 'observed');
  });

  it('logs one JSON line per request with its request id, operation, duration and viewer', async () => {
    const before = requestLines(logs.lines).length;
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${actor.token}`, 'x-request-id': 'trace-me-42' },
      body: JSON.stringify({ query: 'query WhoAmI { viewer { id } }' }),
    });
    expect(response.status).toBe(200);

    const added = requestLines(logs.lines).slice(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatchObject({
      level: 30,
      requestId: 'trace-me-42',
      operationName: 'WhoAmI',
      operationType: 'query',
      viewerId: databaseId(actor.userId),
      errorCodes: [],
      httpStatus: 200,
    });
    expect(added[0]!.durationMs).toEqual(expect.any(Number));
    expect(added[0]!.durationMs as number).toBeGreaterThanOrEqual(0);
  });

  it('logs the codes of userErrors and of top-level errors, and no viewer when nobody signed in', async () => {
    await server.graphql('mutation BadLogIn { logIn(input: { email: "nobody@example.com", password: "wrong-password" }) { token userErrors { code } } }');
    await server.graphql('query Broken { noSuchField }');

    const [badLogIn, broken] = requestLines(logs.lines).slice(-2);
    expect(badLogIn).toMatchObject({ operationName: 'BadLogIn', viewerId: null, errorCodes: ['INVALID_CREDENTIALS'] });
    expect(broken).toMatchObject({ operationName: 'Broken', operationType: null, errorCodes: ['GRAPHQL_VALIDATION_FAILED'], httpStatus: 400 });
  });

  it('logs requests refused before GraphQL runs: a token that is not valid, a body that is not JSON', async () => {
    const before = requestLines(logs.lines).length;
    await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer not-a-token', 'x-request-id': 'bad-token-1' },
      body: JSON.stringify({ query: 'query Mine { viewer { id } }', operationName: 'Mine' }),
    });
    await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'bad-json-1' }, body: '{"query": ' });

    const added = requestLines(logs.lines).slice(before);
    expect(added).toHaveLength(2);
    expect(added[0]).toMatchObject({ requestId: 'bad-token-1', operationName: 'Mine', viewerId: null, errorCodes: ['UNAUTHENTICATED'], httpStatus: 401 });
    expect(added[1]).toMatchObject({ requestId: 'bad-json-1', operationName: null, errorCodes: ['BAD_REQUEST'], httpStatus: 400 });
    expect(added[1]!.durationMs).toEqual(expect.any(Number));
  });

  it('never logs the password a request carries', async () => {
    await server.graphql('mutation LogIn($email: String!, $password: String!) { logIn(input: { email: $email, password: $password }) { token } }', {
      email: actor.email,
      password: PASSWORD,
    });
    expect(JSON.stringify(logs.lines)).not.toContain(PASSWORD);
  });

  it('counts requests and latency per operation and errors by code at /metrics', async () => {
    for (let i = 0; i < 3; i++) await server.graphql('query Verticals { verticals { slug } }');
    await server.graphql('mutation WrongPassword { logIn(input: { email: "nobody@example.com", password: "wrong-password" }) { userErrors { code } } }');

    const text = await scrape();
    expect(text).toContain('graphql_requests_total{operation="Verticals",type="query"} 3');
    expect(text).toContain('graphql_request_duration_seconds_count{operation="Verticals",type="query"} 3');
    expect(text).toMatch(/graphql_request_duration_seconds_bucket\{le="0\.005",operation="Verticals",type="query"\} \d+/);
    expect(text).toContain('graphql_requests_total{operation="WrongPassword",type="mutation"} 1');
    expect(text).toMatch(/graphql_errors_total\{code="INVALID_CREDENTIALS"\} [1-9]/);
    expect(text).toMatch(/graphql_errors_total\{code="GRAPHQL_VALIDATION_FAILED"\} 1/);
    // Refused before GraphQL ran, by the earlier test: a token that is not valid, a body that is not JSON.
    expect(text).toContain('graphql_requests_total{operation="refused",type="none"} 2');
    expect(text).toMatch(/graphql_errors_total\{code="UNAUTHENTICATED"\} 1/);
  });

  it('reports the database pool and event-loop lag', async () => {
    const text = await scrape();
    const gauge = (name: string) => Number(new RegExp(`^${name.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(text)?.[1]);
    expect(gauge('db_pool_connections{state="active"}')).toBeGreaterThanOrEqual(0);
    expect(gauge('db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(0);
    expect(gauge('db_pool_waiting_requests')).toBe(0);
    expect(gauge('db_pool_max_connections')).toBe(5);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds \d/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds \d/m);
  });

  it('answers /metrics only to the scraper holding METRICS_TOKEN', async () => {
    expect((await fetch(metricsUrl())).status).toBe(401);
    expect((await fetch(metricsUrl(), { headers: { authorization: 'Bearer not-the-token' } })).status).toBe(401);
  });
});
