import { diag, DiagLogLevel, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { routeOf, type RoutedRequest } from './http-route.js';
import { installJobSpans } from './job-spans.js';

/** What the SDK needs of an exporter, in the OTLP exporter's own types. */
type SpanExporter = Pick<OTLPTraceExporter, 'export' | 'shutdown' | 'forceFlush'>;
type ExportDone = Parameters<OTLPTraceExporter['export']>[1];
/** ExportResultCode of @opentelemetry/core: 0 success, 1 failed. */
const EXPORT_SUCCEEDED = 0;

/** Writes one JSON line to stderr, in the shape of the application's log lines. */
export type TracingLog = (level: 'warn' | 'info', message: string, fields?: Record<string, unknown>) => void;

const stderrLog: TracingLog = (level, message, fields = {}) => {
  process.stderr.write(`${JSON.stringify({ level, time: Date.now(), msg: message, ...fields })}\n`);
};

/**
 * OpenTelemetry tracing: HTTP spans named by route (`POST /graphql`), Express, GraphQL (parse,
 * validate, execute, resolvers) and pg spans, and one root span per job run, exported over
 * OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT. The exporter and the SDK read the standard OTEL_*
 * variables (OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_HEADERS, OTEL_TRACES_SAMPLER, …).
 *
 * Only preload.ts imports this module, and only when the endpoint is set, after registering the
 * ESM loader hook and before any module it instruments is loaded.
 */
export function startTracing(log: TracingLog = stderrLog): NodeSDK {
  process.env.OTEL_SERVICE_NAME ??= 'marketplace-api';
  // The SDK's own complaints (a bad OTEL_* value) go to the same log, at warn and above.
  diag.setLogger({ error: (message) => log('warn', `tracing: ${message}`), warn: (message) => log('warn', `tracing: ${message}`), info() {}, debug() {}, verbose() {} }, DiagLogLevel.WARN);
  const sdk = new NodeSDK({
    traceExporter: reportingFailuresOnce(new OTLPTraceExporter(), log),
    instrumentations: [
      new HttpInstrumentation({
        // Health checks and scrapes would outnumber real traffic.
        ignoreIncomingRequestHook: (request) => /^\/(healthz|readyz|metrics)\b/.test(request.url ?? ''),
        // Express records no route for a mounted app (`app.use('/graphql', …)`); the span is
        // named by the mount point then, never by the raw path.
        applyCustomAttributesOnSpan: (span, request) => {
          if (!('socket' in request)) return;
          const route = routeOf(request as RoutedRequest);
          span.setAttribute('http.route', route);
          span.updateName(`${request.method ?? 'GET'} ${route}`);
        },
      }),
      new ExpressInstrumentation(),
      // Trivial field resolvers would be one span per field per row; the operation's phases and
      // resolvers that return promises (the ones doing I/O) are what a trace needs.
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
      // A statement with no request or job around it (pool checks, the queue's polling) is noise.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();

  const tracer = trace.getTracer('marketplace-jobs');
  installJobSpans((name, attributes, work) =>
    tracer.startActiveSpan(name, { root: true, kind: SpanKind.CONSUMER, attributes }, async (span) => {
      try {
        return await work();
      } catch (error) {
        span.recordException(error as Error);
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
        throw error;
      } finally {
        span.end();
      }
    }),
  );
  return sdk;
}

/**
 * The exporter, saying in the log when exports start failing (once, not once per batch) and when
 * they work again: a collector that is down must be visible without flooding the log.
 */
export function reportingFailuresOnce(exporter: SpanExporter, log: TracingLog): SpanExporter {
  let failing = false;
  return {
    export(spans, done: ExportDone) {
      exporter.export(spans, (result) => {
        if (result.code !== EXPORT_SUCCEEDED && !failing) {
          failing = true;
          log('warn', 'tracing: spans could not be exported; dropping them until the collector answers', {
            err: { message: result.error?.message ?? 'unknown error' },
            endpoint: process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ?? process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
          });
        } else if (result.code === EXPORT_SUCCEEDED && failing) {
          failing = false;
          log('info', 'tracing: spans are exported again');
        }
        done(result);
      });
    },
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush(),
  };
}
