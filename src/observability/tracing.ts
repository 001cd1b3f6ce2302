import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';

/**
 * OpenTelemetry tracing: HTTP, Express, GraphQL (parse, validate, execute, resolvers) and pg
 * spans, exported over OTLP/HTTP to OTEL_EXPORTER_OTLP_ENDPOINT. The exporter and the SDK read
 * the standard OTEL_* variables (OTEL_SERVICE_NAME, OTEL_EXPORTER_OTLP_HEADERS,
 * OTEL_TRACES_SAMPLER, …).
 *
 * Only preload.ts imports this module, and only when the endpoint is set, before any module it
 * instruments is loaded: instrumentation patches a module as it loads. Express, pg and graphql are
 * CommonJS packages (loaded through require even from our ESM) and node:http is patched in place,
 * so no ESM loader hook is needed; checked with a real run, which showed HTTP, Express, GraphQL and
 * pg spans without one.
 */
export function startTracing(): NodeSDK {
  process.env.OTEL_SERVICE_NAME ??= 'marketplace-api';
  const sdk = new NodeSDK({
    traceExporter: new OTLPTraceExporter(),
    instrumentations: [
      new HttpInstrumentation({
        // Health checks and scrapes would outnumber real traffic.
        ignoreIncomingRequestHook: (request) => /^\/(healthz|readyz|metrics)\b/.test(request.url ?? ''),
      }),
      new ExpressInstrumentation(),
      // Trivial field resolvers would be one span per field per row; the operation's phases and
      // resolvers that return promises (the ones doing I/O) are what a trace needs.
      new GraphQLInstrumentation({ ignoreTrivialResolveSpans: true, mergeItems: true }),
      new PgInstrumentation(),
    ],
  });
  sdk.start();
  return sdk;
}
