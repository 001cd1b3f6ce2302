import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from './support/actors.js';
import { type Brand, createBrand, createBrief } from './support/bids.js';
import { subscribe, wsClient } from './support/subscriptions.js';
import { startTestServer, type TestServer, useTestServer } from './support/test-server.js';

const BID_EVENTS = 'subscription($briefId: ID!) { bidEvents(briefId: $briefId) { kind } }';

const server = useTestServer({
  SUBSCRIPTIONS_PER_SOCKET: '3',
  SUBSCRIPTIONS_PER_ACCOUNT: '5',
  WS_SOCKETS_PER_ACCOUNT: '3',
  WS_SOCKETS_PER_ADDRESS: '8',
});
let brand: Brand;
let briefId: string;
const open: { dispose(): void | Promise<void> }[] = [];
beforeAll(async () => {
  brand = await createBrand(server);
  briefId = await createBrief(server, brand);
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.dispose()));
  // Sockets are counted until the server has seen them close.
  await new Promise((resolve) => setTimeout(resolve, 100));
});

function connect(url: string, token?: string) {
  const client = wsClient(url, token);
  open.push(client);
  return client;
}

/** Opens `count` subscriptions on the client and returns their first results, in order. */
async function subscribeMany(client: ReturnType<typeof wsClient>, count: number) {
  const subscriptions = Array.from({ length: count }, () => subscribe<{ bidEvents: { kind: string } }>(client, BID_EVENTS, { briefId }));
  return subscriptions;
}

/** The first error each subscription reported within a moment, or null where none came. */
async function refusals(subscriptions: { pending(): { errors?: { extensions?: { code?: string } }[] }[] }[]) {
  await new Promise((resolve) => setTimeout(resolve, 300));
  return subscriptions.map((subscription) => subscription.pending()[0]?.errors?.[0]?.extensions?.code ?? null);
}

describe('subscriptions are capped', () => {
  it('refuses a socket more subscriptions than its cap, and takes one again once another completes', async () => {
    const client = connect(server.url, brand.owner.token);
    const subscriptions = await subscribeMany(client, 4);
    expect(await refusals(subscriptions)).toEqual([null, null, null, 'TOO_MANY_SUBSCRIPTIONS']);

    await subscriptions[0]!.close();
    const another = subscribe(client, BID_EVENTS, { briefId });
    expect(await refusals([another])).toEqual([null]);
  });

  it('refuses an account more subscriptions than its cap over all its sockets', async () => {
    const first = await subscribeMany(connect(server.url, brand.owner.token), 3);
    expect(await refusals(first)).toEqual([null, null, null]);
    const second = await subscribeMany(connect(server.url, brand.owner.token), 3);
    expect(await refusals(second)).toEqual([null, null, 'TOO_MANY_SUBSCRIPTIONS']);
  });

  it('closes an account’s socket past its cap of sockets, with a reason, and leaves other accounts alone', async () => {
    const sockets = [1, 2, 3].map(() => connect(server.url, brand.owner.token));
    for (const socket of sockets) expect(await refusals(await subscribeMany(socket, 1))).toEqual([null]);
    const fourth = connect(server.url, brand.owner.token);
    subscribe(fourth, BID_EVENTS, { briefId });
    expect(await fourth.closed).toMatchObject({ code: 1013, reason: expect.stringContaining('at most 3 WebSockets') });

    const other = await signUp(server, 'other');
    const otherSubscription = subscribe(connect(server.url, other.token), 'subscription { myBidStatusChanged { kind } }');
    // Refused for what the account is (no bids to follow), not for the brand owner's sockets.
    expect((await otherSubscription.next()).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a WebSocket upgrade from an address past its cap of open sockets', async () => {
    const url = server.url.replace(/^http/, 'ws');
    const raw: WebSocket[] = [];
    try {
      for (let index = 0; index < 8; index += 1) {
        const socket = new WebSocket(url, 'graphql-transport-ws');
        socket.on('error', () => {});
        raw.push(socket);
        await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
      }
      const refused = new WebSocket(url, 'graphql-transport-ws');
      refused.on('error', () => {});
      const status = await new Promise<number>((resolve) => refused.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0)));
      expect(status).toBe(429);
    } finally {
      raw.forEach((socket) => socket.terminate());
    }
  });
});

describe('WebSocket frames and handshakes', () => {
  it('closes a socket that sends a frame over one megabyte, without reading it', async () => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.on('error', () => {});
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(JSON.stringify({ type: 'connection_init', payload: { padding: 'x'.repeat(1024 * 1024 + 1) } }));
    expect(await closed).toBe(1009);
  });

  it('closes a socket that never sends connection_init', async () => {
    const socket = new WebSocket(server.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
    expect(await closed).toEqual({ code: 4408, reason: 'Connection initialisation timeout' });
  }, 15_000);
});

describe('subscribing is charged against the caller’s budget', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startTestServer({ NODE_ENV: 'production', RATE_LIMIT_POINTS: '100', GRAPHQL_MAX_COST: '100', METRICS_TOKEN: 'metrics-token-for-the-scraper' });
  });
  afterAll(() => limited?.stop());

  it('refuses subscriptions with RATE_LIMITED and a retry time once the budget is spent', async () => {
    const owner = await createBrand(limited);
    const brief = await createBrief(limited, owner);
    const client = connect(limited.url, owner.owner.token);
    const codes: (string | null)[] = [];
    for (let attempt = 0; attempt < 12 && !codes.includes('RATE_LIMITED'); attempt += 1) {
      const subscription = subscribe(client, BID_EVENTS, { briefId: brief });
      const [code] = await refusals([subscription]);
      codes.push(code ?? null);
      await subscription.close();
    }
    expect(codes.at(-1)).toBe('RATE_LIMITED');
    expect(codes.filter((code) => code === null).length).toBeGreaterThan(0);
  });

  it('gives no "Did you mean" hints over WebSocket in production', async () => {
    const subscription = subscribe(connect(limited.url), 'subscription { bidEvent(briefId: "x") { kind } }');
    const [error] = (await subscription.next()).errors ?? [];
    expect(error?.message).toMatch(/bidEvent/);
    expect(error?.message).not.toMatch(/Did you mean/);
  });
});
