import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bidChannels } from '../src/bid/bid.events.js';
import { BriefBidEventsDocument } from './generated/graphql.js';
import { type Brand, createBrand, createBrief, createCreator, placeBid, rowId } from './support/bids.js';
import { freePort } from './support/postgres-pair.js';
import { redisAnswers } from './support/redis.js';
import { subscribe, until, wsClient } from './support/subscriptions.js';
import { startTestServer, type TestServer } from './support/test-server.js';

function redisServerInstalled(): boolean {
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const installed = redisServerInstalled();
if (!installed) console.warn('ops-redis-outage.test.ts: no redis-server on PATH (Debian: apt-get install redis-server): the Redis outage test is skipped');

describe.skipIf(!installed)('Redis going away and coming back', () => {
  let port: number;
  let redis: ChildProcess | undefined;
  let server: TestServer;
  let brand: Brand;
  const lines: { level: string; msg: string }[] = [];

  const startRedis = async () => {
    redis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    await until(() => redisAnswers(`redis://127.0.0.1:${port}`), 'Redis answers');
  };
  const stopRedis = async () => {
    const stopping = redis;
    redis = undefined;
    if (!stopping || stopping.exitCode !== null) return;
    const exited = new Promise((resolve) => stopping.once('exit', resolve));
    stopping.kill('SIGKILL');
    await exited;
  };

  beforeAll(async () => {
    port = await freePort();
    await startRedis();
    const logger = pino(
      { level: 'info', formatters: { level: (label) => ({ level: label }) } },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
          done();
        },
      }),
    );
    server = await startTestServer({ REDIS_URL: `redis://127.0.0.1:${port}`, REDIS_KEY_PREFIX: `outage-${port}:` }, { logger });
    brand = await createBrand(server);
  });

  afterAll(async () => {
    await server?.stop();
    await stopRedis();
  });

  it('keeps answering, counts rate limits in memory and says so, and delivers live events again once Redis is back', async () => {
    const briefId = await createBrief(server, brand);
    const client = wsClient(server.url, brand.owner.token);
    try {
      const events = subscribe(client, BriefBidEventsDocument, { briefId });
      await until(() => server.app.liveEvents.listenerCount(bidChannels.bidsOfBrief(rowId(briefId))) > 0, 'the subscription listens');
      const first = await createCreator(server, 'before');
      await placeBid(server, first.actor, { briefId, creatorId: first.id });
      const firstEvent = await events.next();
      expect(firstEvent.data?.bidEvents, JSON.stringify(firstEvent)).toMatchObject({ kind: 'SUBMITTED' });

      await stopRedis();
      // Requests keep working while Redis is away: nothing above a log line notices.
      const during = await createCreator(server, 'during');
      const bid = await placeBid(server, during.actor, { briefId, creatorId: during.id });
      expect(bid.status).toBe('SUBMITTED');
      expect(lines.some((line) => line.level === 'warn' && /rate limiter: Redis .*counting in memory/.test(line.msg))).toBe(true);

      await startRedis();
      // Live events resume: a bid placed once the connections are back reaches the subscriber.
      const after = await createCreator(server, 'after');
      let delivered = false;
      for (let attempt = 0; attempt < 20 && !delivered; attempt++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        delivered = events.pending().some((result) => (result.data as { bidEvents?: { kind: string } } | undefined)?.bidEvents?.kind === 'SUBMITTED');
        if (attempt === 3) await placeBid(server, after.actor, { briefId, creatorId: after.id });
      }
      expect(delivered).toBe(true);
    } finally {
      await client.dispose();
    }
  });
});
