import { Redis } from 'ioredis';

/**
 * The Redis the Redis-backed suites use (event bus, two instances, shared rate limits). A variable
 * of its own rather than `REDIS_URL`, which would switch every test server to Redis.
 */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Whether a Redis answers PING at `url`, asked once without retries: those suites are skipped
 * (with the reason in their name) on a machine without one, such as a newcomer's laptop.
 */
export async function redisAnswers(url = TEST_REDIS_URL): Promise<boolean> {
  const probe = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => {});
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}
