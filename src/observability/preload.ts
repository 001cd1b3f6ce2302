/**
 * Loaded with `node --import` before the server: starts OpenTelemetry tracing when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set. When it is not, this imports nothing, so an untraced server
 * loads no OpenTelemetry module and pays nothing for it.
 */
if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT) {
  const { startTracing } = await import('./tracing.js');
  const sdk = startTracing();
  // The server exits through process.exit after draining; flush the spans batched until then.
  const flush = () => void sdk.shutdown().catch(() => {});
  process.once('SIGTERM', flush);
  process.once('SIGINT', flush);
}

export {};
