import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { createDatabaseIfMissing, dropDatabaseIfExists, withDatabase } from '../src/db/database-admin.js';

const serverUrl = inject('databaseServerUrl');
const database = `marketplace_shutdown_${randomBytes(4).toString('hex')}`;
let child: ChildProcess;
let port: number;
let output = '';

// The compiled server in its own process, exactly as `npm start` runs it, so signals are real.
beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json']);
  await createDatabaseIfMissing(serverUrl, database, inject('templateDatabase'));
  port = 45_000 + (process.pid % 5_000);
  child = spawn(process.execPath, ['dist/src/app/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: withDatabase(serverUrl, database),
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
      JWT_SECRET: 'shutdown-test-secret-long-enough-for-hs256',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not become ready:\n${output}`);
}, 120_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await dropDatabaseIfExists(serverUrl, database);
});

describe('the server process', () => {
  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()).toEqual({ status: 'ready', database: 'up' });
  });

  it('finishes a request already in flight on SIGTERM, then exits 0 promptly', async () => {
    // Sign-up hashes a password, so it is still running when the signal arrives.
    const inFlight = fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        query: 'mutation { signUp(input: { email: "late@example.com", password: "long enough password", displayName: "Late" }) { token userErrors { code } } }',
      }),
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const signalledAt = Date.now();
    child.kill('SIGTERM');
    const response = await inFlight;
    const body = (await response.json()) as { data: { signUp: { token: string | null } } };
    expect(body.data.signUp.token).toEqual(expect.any(String));
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
    expect(Date.now() - signalledAt).toBeLessThan(3_000);
    expect(output).toContain('stopped cleanly');
  });
});
