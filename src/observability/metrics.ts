import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestContext } from '../graphql/context.js';
import { operationOutcome } from './operation-outcome.js';

/**
 * Operation names are chosen by clients, so a label per name is capped: past this many distinct
 * names, new ones are counted as "other" and a client cannot grow the series without bound.
 */
export const MAX_OPERATION_LABELS = 200;

export interface Metrics {
  registry: Registry;
  plugin: ApolloServerPlugin<RequestContext>;
  /** Counts a request answered before GraphQL ran (see request-log.ts), as operation "refused". */
  recordRefused(refused: { errorCodes: string[]; durationSeconds: number }): void;
  /** GET /metrics in the Prometheus text format; with a token configured, only for `Bearer <token>`. */
  handler: RequestHandler;
}

/**
 * The server's Prometheus metrics, in a registry of its own (two servers in one process, as in the
 * tests, never mix their counts): GraphQL requests and latency per operation, errors by code, the
 * PostgreSQL pool, and Node's defaults, which include event-loop lag measured by
 * `monitorEventLoopDelay` (nodejs_eventloop_lag_*).
 */
export function createMetrics(options: { pool: Pool; token?: string | undefined }): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });

  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests answered, by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to its answer being ready, by operation name and type.',
    labelNames: ['operation', 'type'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'graphql_errors_total',
    help: 'Error codes in GraphQL answers: top-level error codes and mutation userErrors codes.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const { pool } = options;
  new Gauge({
    name: 'db_pool_connections',
    help: 'PostgreSQL pool connections, open in total and idle among them.',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
    },
  });
  new Gauge({
    name: 'db_pool_waiting_requests',
    help: 'Queries waiting for a free PostgreSQL pool connection.',
    registers: [registry],
    collect() {
      this.set(pool.waitingCount);
    },
  });
  new Gauge({
    name: 'db_pool_max_connections',
    help: 'The most connections the PostgreSQL pool opens.',
    registers: [registry],
    collect() {
      this.set(pool.options.max ?? 10);
    },
  });

  const operationLabels = new Set<string>();
  const operationLabel = (name: string | null): string => {
    if (!name) return 'anonymous';
    if (operationLabels.has(name)) return name;
    if (operationLabels.size >= MAX_OPERATION_LABELS) return 'other';
    operationLabels.add(name);
    return name;
  };

  const plugin: ApolloServerPlugin<RequestContext> = {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(request) {
          const outcome = operationOutcome(request);
          // Only an operation that resolved gets its own label; a name that failed to parse or
          // validate could be anything.
          const labels = {
            operation: outcome.operationType ? operationLabel(outcome.operationName) : 'invalid',
            type: outcome.operationType ?? 'none',
          };
          requests.inc(labels);
          duration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
          for (const code of outcome.errorCodes) errors.inc({ code });
        },
      };
    },
  };

  const handler: RequestHandler = async (request, response, next) => {
    if (options.token && !sameSecret(request.header('authorization') ?? '', `Bearer ${options.token}`)) {
      response.status(401).type('text/plain').send('Metrics need Authorization: Bearer <METRICS_TOKEN>.\n');
      return;
    }
    try {
      const body = await registry.metrics();
      response.type(registry.contentType).send(body);
    } catch (error) {
      next(error);
    }
  };

  const recordRefused = ({ errorCodes, durationSeconds }: { errorCodes: string[]; durationSeconds: number }) => {
    const labels = { operation: 'refused', type: 'none' };
    requests.inc(labels);
    duration.observe(labels, durationSeconds);
    for (const code of errorCodes) errors.inc({ code });
  };

  return { registry, plugin, recordRefused, handler };
}

/** Compares digests in constant time, so response timing does not reveal how much of a token matched. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
