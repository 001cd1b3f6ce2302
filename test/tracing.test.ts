import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PRELOAD = path.resolve('src/observability/preload.ts');

/**
 * Node's own module hooks, in the child: they record every OpenTelemetry package that gets
 * resolved (by import or require), and let `./x.js` imports inside src/ find `./x.ts`, so the
 * preload runs from source with Node's type stripping.
 */
const HOOKS = `data:text/javascript,${encodeURIComponent(`
import { registerHooks } from 'node:module';
const loaded = new Set();
const record = (url) => { const match = /node_modules\\/(@opentelemetry\\/[^/]+)/.exec(url); if (match) loaded.add(match[1]); };
registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      const result = nextResolve(specifier, context);
      record(result.url);
      return result;
    } catch (error) {
      if (!specifier.endsWith('.js') || !context.parentURL?.includes('/src/')) throw error;
      return nextResolve(specifier.replace(/\\.js$/, '.ts'), context);
    }
  },
});
globalThis.reportLoaded = () => process.stdout.write('LOADED ' + JSON.stringify([...loaded].sort()) + '\\n');
`)}`;

function runChild(script: string, environment: Record<string, string | undefined>) {
  const child = spawn(process.execPath, ['--no-warnings', '--import', HOOKS, '--import', PRELOAD, '--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    exited,
    loaded: async () => {
      await exited;
      const line = stdout.split('\n').find((text) => text.startsWith('LOADED '));
      if (!line) throw new Error(`child printed no LOADED line; stderr: ${stderr}`);
      return JSON.parse(line.slice('LOADED '.length)) as string[];
    },
  };
}

describe('tracing', () => {
  it('loads no OpenTelemetry module when OTEL_EXPORTER_OTLP_ENDPOINT is unset', async () => {
    const run = runChild('await import("pg"); await import("express"); globalThis.reportLoaded(); process.exit(0);', {});
    expect(await run.loaded()).toEqual([]);
  });

  it('is imported by nothing in the application but the preload', async () => {
    const files = (await readdir('src', { recursive: true })).filter((file) => file.endsWith('.ts'));
    const importers = [];
    for (const file of files) {
      const source = await readFile(path.join('src', file), 'utf8');
      if (/from '@opentelemetry\/|import\('\.\/tracing\.js'\)|from '\.\/tracing\.js'/.test(source)) importers.push(file);
    }
    expect(importers.sort()).toEqual(['observability/preload.ts', 'observability/tracing.ts']);
  });

  describe('with OTEL_EXPORTER_OTLP_ENDPOINT set', () => {
    const received: { path: string; body: string }[] = [];
    let collector: http.Server;
    let endpoint: string;

    beforeAll(async () => {
      // A stand-in OTLP/HTTP collector that keeps what it is sent.
      collector = http.createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString('latin1')));
        request.on('end', () => {
          received.push({ path: request.url ?? '', body });
          response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
      });
      await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
      endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => collector.close(() => resolve())));

    it('starts the SDK with the HTTP, Express, GraphQL and pg instrumentations and exports a pg span', async () => {
      const run = runChild(
        `const { default: pg } = await import('pg');
         const client = new pg.Client(${JSON.stringify(inject('databaseServerUrl'))});
         await client.connect();
         // Statements are traced inside a request or a job; one with no span around it is not.
         const { inJobSpan } = await import(${JSON.stringify(pathToFileURL(path.resolve('src/observability/job-spans.ts')).href)});
         await inJobSpan('job traced', {}, () => client.query('select 1 as traced'));
         await client.end();
         globalThis.reportLoaded();
         setTimeout(() => process.exit(0), 20_000);`,
        { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, OTEL_BSP_SCHEDULE_DELAY: '50', OTEL_SERVICE_NAME: 'tracing-test' },
      );
      await expect.poll(() => received.some((request) => request.path === '/v1/traces' && request.body.includes('select 1 as traced')), { timeout: 15_000 }).toBe(true);
      run.child.kill('SIGKILL');
      const loaded = await run.loaded().catch(() => []);
      expect(loaded).toEqual(expect.arrayContaining(['@opentelemetry/sdk-node', '@opentelemetry/instrumentation-pg', '@opentelemetry/instrumentation-graphql']));
      const traces = received.filter((request) => request.path === '/v1/traces').map((request) => request.body).join('');
      expect(traces).toContain('tracing-test');
    });
  });
});
