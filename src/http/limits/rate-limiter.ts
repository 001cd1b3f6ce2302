import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Logger } from '../../observability/logger.js';

export interface RateLimitSettings {
  /** Points each caller may spend per window. */
  points: number;
  windowSeconds: number;
  /** Counters live here when given, so every instance draws on the same budget. */
  redisUrl?: string | undefined;
  keyPrefix: string;
}

/** What one charge left: reported to the caller in `extensions.cost`. */
export interface RateLimitCharge {
  allowed: boolean;
  requested: number;
  limit: number;
  remaining: number;
  resetAt: Date;
}

export interface CostRateLimiter {
  /** Takes `points` from the caller's budget, or takes nothing and says when to retry. */
  charge(callerKey: string, points: number): Promise<RateLimitCharge>;
  close(): Promise<void>;
}

/**
 * Per-caller budgets of query cost per window (GitHub's and Shopify's model), counted in memory,
 * or in Redis when `redisUrl` is set. A request that does not fit is refused without being
 * charged, so a caller who asked for too much can still make smaller requests.
 */
export async function createRateLimiter(settings: RateLimitSettings, logger: Logger): Promise<CostRateLimiter> {
  const options = { points: settings.points, duration: settings.windowSeconds, keyPrefix: settings.keyPrefix };
  let redis: Redis | undefined;
  let limiter: RateLimiterAbstract;
  if (settings.redisUrl) {
    // No offline queue: while Redis is unreachable, counting falls back to this process's memory
    // at once instead of queueing every request behind a reconnect.
    redis = new Redis(settings.redisUrl, { enableOfflineQueue: false, lazyConnect: true, maxRetriesPerRequest: 1 });
    redis.on('error', (error: Error) => logger.warn({ err: error }, 'rate limiter: Redis error; counting in memory meanwhile'));
    try {
      await redis.connect();
    } catch (error) {
      logger.warn({ err: error }, 'rate limiter: Redis is not reachable at start; counting in memory until it is');
    }
    limiter = new RateLimiterRedis({
      ...options,
      storeClient: redis,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory(options),
    });
  } else {
    limiter = new RateLimiterMemory(options);
  }

  const chargeOf = (allowed: boolean, requested: number, result: RateLimiterRes): RateLimitCharge => ({
    allowed,
    requested,
    limit: settings.points,
    // A refused request is not charged, so what is left is what was left before it.
    remaining: allowed ? result.remainingPoints : Math.max(0, settings.points - (result.consumedPoints - requested)),
    resetAt: new Date(Date.now() + result.msBeforeNext),
  });

  return {
    async charge(callerKey, points) {
      try {
        return chargeOf(true, points, await limiter.consume(callerKey, points));
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        await limiter.reward(callerKey, points);
        return chargeOf(false, points, rejection);
      }
    },
    async close() {
      if (redis && redis.status !== 'end') await redis.quit().catch(() => redis?.disconnect());
    },
  };
}
