/**
 * Where a job run becomes a trace: one root span per run. The queue calls `inJobSpan`; tracing.ts,
 * loaded only when tracing is on, installs the implementation, so an untraced server loads no
 * OpenTelemetry module for it and runs the job as it is.
 */
export type JobSpanRunner = <T>(name: string, attributes: Record<string, string | number>, work: () => Promise<T>) => Promise<T>;

let runner: JobSpanRunner = (_name, _attributes, work) => work();

export function inJobSpan<T>(name: string, attributes: Record<string, string | number>, work: () => Promise<T>): Promise<T> {
  return runner(name, attributes, work);
}

/** Called once by tracing.ts when the SDK starts. */
export function installJobSpans(implementation: JobSpanRunner): void {
  runner = implementation;
}
