/**
 * Loaded with `node --import` before the server: starts OpenTelemetry tracing when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set. When it is not, this imports nothing, so an untraced server
 * loads no OpenTelemetry module and pays nothing for it.
 *
 * With tracing on, the ESM loader hook goes in first: instrumentations patch a module as it
 * loads, and a package loaded as ESM (Express 5 reached from our ESM, among others) is only seen
 * through the hook.
 */
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
  const { register } = await import('node:module');
  register('@opentelemetry/instrumentation/hook.mjs', import.meta.url);
  const { startTracing } = await import('./tracing.js');
  const sdk = startTracing();
  // The server exits through process.exit after draining; flush the spans batched until then.
  const flush = () => void sdk.shutdown().catch(() => {});
  process.once('SIGTERM', flush);
  process.once('SIGINT', flush);
}

export {};
