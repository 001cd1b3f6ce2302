import 'reflect-metadata';
import type { AppConfig } from '../../config/env.js';
import { MAX_PAGE_SIZE } from '../../graphql/connection.js';
import { QueryLimitCode, type QueryLimits } from '../../graphql/limits/query-limits.js';
import type { Logger } from '../../observability/logger.js';
import { createRateLimiter, type CostRateLimiter } from './rate-limiter.js';

/** What the HTTP server needs to hold a public API to its limits. */
export interface ApiLimits {
  query: QueryLimits;
  rateLimiter: CostRateLimiter;
  requestTimeoutMs: number;
  close(): Promise<void>;
}

/** Codes of errors the limits answer with: the client's to handle, never masked as internal. */
export const LIMIT_ERROR_CODES = [...Object.values(QueryLimitCode), 'RATE_LIMITED', 'TIMEOUT'];

export async function createApiLimits(config: AppConfig, logger: Logger): Promise<ApiLimits> {
  const rateLimiter = await createRateLimiter(
    {
      points: config.RATE_LIMIT_POINTS,
      windowSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
      redisUrl: config.REDIS_URL,
      keyPrefix: `${config.REDIS_KEY_PREFIX}rate-limit`,
    },
    logger,
  );
  return {
    query: {
      maxDepth: config.GRAPHQL_MAX_DEPTH,
      maxAliases: config.GRAPHQL_MAX_ALIASES,
      maxDirectives: config.GRAPHQL_MAX_DIRECTIVES,
      maxTokens: config.GRAPHQL_MAX_TOKENS,
      maxCost: config.GRAPHQL_MAX_COST,
      maxPageSize: MAX_PAGE_SIZE,
    },
    rateLimiter,
    requestTimeoutMs: config.REQUEST_TIMEOUT_MS,
    close: () => rateLimiter.close(),
  };
}
