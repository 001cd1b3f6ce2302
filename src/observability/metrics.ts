import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { Pool } from 'pg';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestContext } from '../graphql/context.js';
import { routeOf } from './http-route.js';
import { operationOutcome } from './operation-outcome.js';

const KNOWN_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

let build: { version: string; commit: string; node: string } | undefined;
/**
 * The running build: the version from package.json (found above this file, in the source tree or
 * in the image), the commit the image was built from (BUILD_COMMIT, set by the Dockerfile), Node's version.
 */
function buildInfo() {
  if (!build) {
    let version = 'unknown';
    for (let up = 1; up <= 4; up++) {
      try {
        const file = readFileSync(new URL(`${'../'.repeat(up)}package.json`, import.meta.url), 'utf8');
        version = (JSON.parse(file) as { version?: string }).version ?? version;
        break;
      } catch {
        // not at this level
      }
    }
    build = { version, commit: process.env.BUILD_COMMIT || 'unknown', node: process.versions.node };
  }
  return build;
}

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
  /** Mounted first: counts every HTTP request by method, route and status, and times it. */
  httpMiddleware: RequestHandler;
  /** GET /metrics in the Prometheus text format; with a token configured, only for `Bearer <token>`. */
  handler: RequestHandler;
}

/**
 * The server's Prometheus metrics, in a registry of its own (two servers in one process, as in the
 * tests, never mix their counts): HTTP requests and latency by method, route and status; GraphQL
 * requests and latency per operation, errors by code; the PostgreSQL pool by state; the build;
 * and Node's defaults, which include event-loop lag measured by `monitorEventLoopDelay`
 * (nodejs_eventloop_lag_*).
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
  // Idle and active add up to the connections open, so a sum over `state` means something.
  new Gauge({
    name: 'db_pool_connections',
    help: 'PostgreSQL pool connections open, by state: idle (free) or active (lent to a query or transaction).',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'active' }, pool.totalCount - pool.idleCount);
    },
  });
  new Gauge({
    name: 'db_pool_waiting_requests',
    help: 'Queries waiting for a free PostgreSQL pool connection (requests, not connections, so a gauge of its own).',
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

  new Gauge({
    name: 'marketplace_build_info',
    help: 'Always 1; its labels say which build is running (version, commit, Node version).',
    labelNames: ['version', 'commit', 'node'] as const,
    registers: [registry],
    collect() {
      this.set(buildInfo(), 1);
    },
  });

  const httpRequests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from receiving an HTTP request to the last byte of its answer, by method, route and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const httpMiddleware: RequestHandler = (request, response, next) => {
    const started = process.hrtime.bigint();
    response.once('finish', () => {
      const labels = {
        method: KNOWN_METHODS.has(request.method) ? request.method : 'OTHER',
        route: routeOf(request),
        status: String(response.statusCode),
      };
      httpRequests.inc(labels);
      httpDuration.observe(labels, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };

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

  return { registry, plugin, recordRefused, handler, httpMiddleware };
}

/** Compares digests in constant time, so response timing does not reveal how much of a token matched. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
