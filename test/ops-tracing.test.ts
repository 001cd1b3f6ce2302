import { spawn } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PRELOAD = path.resolve('src/observability/preload.ts');
const JOB_SPANS = pathToFileURL(path.resolve('src/observability/job-spans.ts')).href;

/** Lets `./x.js` imports inside src/ find `./x.ts`, so the preload runs from source with Node's type stripping. */
const HOOKS = `data:text/javascript,${encodeURIComponent(`
import { registerHooks } from 'node:module';
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (error) {
      if (!specifier.endsWith('.js') || !context.parentURL?.includes('/src/')) throw error;
      return nextResolve(specifier.replace(/\\.js$/, '.ts'), context);
    }
  },
});
`)}`;

/** Runs `script` in a Node started the way the image starts the server (with the preload), until it exits. */
function runChild(script: string, environment: Record<string, string>) {
  const child = spawn(process.execPath, ['--no-warnings', '--import', HOOKS, '--import', PRELOAD, '--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH, OTEL_BSP_SCHEDULE_DELAY: '50', OTEL_SERVICE_NAME: 'ops-tracing-test', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { exited, output: () => ({ stdout, stderr }) };
}

/** An Express app shaped like ours (a mounted /graphql, a routed asset path), a job run, then a clean exit. */
const APP_SCRIPT = `
const { default: express } = await import('express');
const { inJobSpan } = await import(${JSON.stringify(JOB_SPANS)});
const app = express();
app.get('/ide-assets/:file', (request, response) => response.send('asset'));
app.use('/graphql', express.json(), (request, response) => response.json({ data: { ok: true } }));
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = 'http://127.0.0.1:' + server.address().port;
await fetch(base + '/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ ok }"}' });
await fetch(base + '/ide-assets/app-1234.js');
await fetch(base + '/no/such/page?x=1');
await inJobSpan('job periodic.sweep', { 'job.id': 'j-1' }, async () => 'done');
await inJobSpan('job periodic.broken', { 'job.id': 'j-2' }, async () => { throw new Error('sweep failed'); }).catch(() => {});
server.close();
await new Promise((resolve) => setTimeout(resolve, 600));
process.kill(process.pid, 'SIGTERM');
await new Promise((resolve) => setTimeout(resolve, 1000));
process.exit(0);
`;

describe('traces', () => {
  const received: string[] = [];
  let collector: http.Server;
  let endpoint: string;

  beforeAll(async () => {
    // A stand-in OTLP/HTTP collector that keeps what it is sent.
    collector = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
      request.on('end', () => {
        if (request.url === '/v1/traces') received.push(body);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => collector.close(() => resolve())));

  it('name HTTP spans by route, show Express, and give each job run a root span of its own', async () => {
    const run = runChild(APP_SCRIPT, { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint });
    expect(await run.exited, run.output().stderr).toBe(0);
    const spans = received.flatMap((body) => (JSON.parse(body) as OtlpTraces).resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)));
    const names = spans.map((span) => span.name);
    expect(names).toContain('POST /graphql');
    expect(names).toContain('GET /ide-assets/:file');
    // A path nobody routes is not a span name: a scan of random URLs must not make new names.
    expect(names).toContain('GET unmatched');
    expect(names.some((name) => /^(middleware|request handler) - /.test(name))).toBe(true);
    const jobs = spans.filter((span) => span.name.startsWith('job periodic.'));
    expect(jobs.map((span) => span.name).sort()).toEqual(['job periodic.broken', 'job periodic.sweep']);
    for (const job of jobs) expect(job.parentSpanId ?? '').toBe('');
    expect(new Set(jobs.map((job) => job.traceId)).size).toBe(2);
    expect(jobs.find((job) => job.name === 'job periodic.broken')!.status).toMatchObject({ code: 2, message: 'sweep failed' });
  });

  it('says once in the log that spans cannot be exported, however many batches fail', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadEndpoint = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const run = runChild(
      `const { inJobSpan } = await import(${JSON.stringify(JOB_SPANS)});
       for (let i = 0; i < 6; i++) {
         await inJobSpan('job periodic.sweep', {}, async () => {});
         await new Promise((resolve) => setTimeout(resolve, 700));
       }
       process.exit(0);`,
      { OTEL_EXPORTER_OTLP_ENDPOINT: deadEndpoint, OTEL_EXPORTER_OTLP_TIMEOUT: '300' },
    );
    await run.exited;
    const lines = run
      .output()
      .stderr.split('\n')
      .filter((line) => line.includes('spans could not be exported'));
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', endpoint: deadEndpoint });
  });
});

interface OtlpTraces {
  resourceSpans: {
    scopeSpans: { spans: { name: string; traceId: string; parentSpanId?: string; status?: { code?: number; message?: string } }[] }[];
  }[];
}
