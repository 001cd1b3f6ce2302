import { GraphQLError } from 'graphql';
import { isDatabaseUnavailable } from '../db/database-unavailable.js';

export const SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE';

/** Seconds a client should wait before retrying; the pool reconnects within about that. */
const RETRY_AFTER_SECONDS = 1;

/**
 * The error a request gets while the database is out of reach: HTTP 503 with Retry-After, code
 * SERVICE_UNAVAILABLE and `retryable: true`, so a client knows to try the same request again. A
 * mutation that gets it did not commit, unless the connection broke during the commit itself;
 * an idempotency key makes the retry safe either way.
 */
export function serviceUnavailable(): GraphQLError {
  return new GraphQLError('The database is unavailable for a moment; retry the request shortly.', {
    extensions: {
      code: SERVICE_UNAVAILABLE,
      retryable: true,
      http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) },
    },
  });
}

/** `error` as SERVICE_UNAVAILABLE when it says the database is out of reach; otherwise unchanged. */
export function asServiceUnavailable(error: unknown): unknown {
  return isDatabaseUnavailable(error) ? serviceUnavailable() : error;
}
