import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer, useTestServer } from './support/test-server.js';

const PRODUCTION = { NODE_ENV: 'production' };

/** A logger whose JSON lines the test can read. */
function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { logger: pino({ level: 'info', base: undefined }, stream), lines };
}

async function post(server: TestServer, body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(server.url, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: () => JSON.parse(text) as { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

const INTROSPECTION = { query: '{ __schema { queryType { name } } }' };
const MISSPELT = { query: '{ creatorz(first: 1) { totalCount } }' };

describe('NODE_ENV=production', () => {
  let server: TestServer;
  let development: TestServer;
  const logs = capturingLogger();
  beforeAll(async () => {
    [server, development] = await Promise.all([startTestServer(PRODUCTION, { logger: logs.logger }), startTestServer()]);
  });
  afterAll(async () => {
    await Promise.all([server?.stop(), development?.stop()]);
  });

  it('refuses introspection, which development answers', async () => {
    const refused = (await post(server, INTROSPECTION)).json();
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]?.message).toMatch(/introspection is not allowed/i);
    expect((await post(development, INTROSPECTION)).json().data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('serves no IDE page to a browser', async () => {
    const response = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect((await response.text()).toLowerCase()).not.toContain('graphiql');
  });

  it('suggests no field names in validation errors, as development does', async () => {
    const message = (await post(server, MISSPELT)).json().errors?.[0]?.message ?? '';
    expect(message).toMatch(/Cannot query field "creatorz"/);
    expect(message).not.toMatch(/Did you mean/);
    expect((await post(development, MISSPELT)).json().errors?.[0]?.message).toMatch(/Did you mean "creators"/);
  });

  it('masks an internal error to a request id, with no stack trace, and logs the error under that id', async () => {
    await server.sql('alter table creator rename to creator_out_of_reach');
    try {
      const answer = await post(server, { query: '{ creators(first: 1) { totalCount } }' });
      const requestId = answer.headers.get('x-request-id');
      const error = answer.json().errors?.[0];
      expect(error?.message).toBe(`Internal server error. Quote request id ${requestId} when reporting it.`);
      expect(error?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId });
      expect(answer.text).not.toMatch(/does not exist|stack|\.[jt]s:\d+/);
      const logged = logs.lines.find((line) => line.requestId === requestId && line.msg === 'unexpected error while resolving');
      expect(logged?.err).toMatchObject({ message: 'relation "creator" does not exist', stack: expect.stringContaining('TableNotFoundException') });
    } finally {
      await server.sql('alter table creator_out_of_reach rename to creator');
    }
  });

  it('keeps CSRF prevention on: a simple cross-site request is refused', async () => {
    const answer = await post(server, JSON.stringify({ query: '{ __typename }' }), { 'content-type': 'text/plain' });
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/CSRF/);
    const get = await fetch(`${server.url}?query=${encodeURIComponent('{ __typename }')}`);
    expect(get.status).toBe(400);
  });

  it('refuses batched requests', async () => {
    const answer = await post(server, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(answer.status).toBe(400);
    expect(answer.text).toMatch(/batching/i);
  });
});

describe('NODE_ENV=production with GRAPHQL_INTROSPECTION=true', () => {
  const server = useTestServer({ ...PRODUCTION, GRAPHQL_INTROSPECTION: 'true' });

  it('answers introspection when enabled, and still suggests no field names', async () => {
    expect((await post(server, INTROSPECTION)).json().data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await post(server, MISSPELT)).json().errors?.[0]?.message).not.toMatch(/Did you mean/);
  });
});
