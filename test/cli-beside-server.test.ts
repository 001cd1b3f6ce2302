import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm run cli` in a second terminal while `npm start` runs on the embedded database.
const dataRoot = mkdtempSync(path.join(tmpdir(), 'marketplace-cli-'));
const port = 42_000 + (process.pid % 3_000);
const { DATABASE_URL: _given, ...inherited } = process.env;
const environment = {
  ...inherited,
  NODE_ENV: 'development',
  EMBEDDED_PG_DIR: path.join(dataRoot, 'postgres'),
  EMBEDDED_PG_PORT: String(48_000 + (process.pid % 3_000)),
  SEED_DEMO_DATA: 'false',
};
let server: ChildProcess;

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, ['dist/src/cli/main.js', ...args], { env: environment }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

const build = () => promisify(execFile)(process.execPath, ['tools/build.mjs']);

beforeAll(async () => {
  await build();
  let output = '';
  server = spawn(process.execPath, ['dist/src/app/main.js'], { env: { ...environment, PORT: String(port) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (await fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not become ready:\n${output}`);
}, 180_000);

afterAll(async () => {
  if (server.exitCode === null) {
    process.kill(-server.pid!, 'SIGINT');
    await once(server, 'exit');
  }
  rmSync(dataRoot, { recursive: true, force: true });
});

describe('the command line beside a running server', () => {
  it('uses the embedded database the server holds, and leaves it running', async () => {
    const admin = await cli('admin:create', '--email', 'ops@example.com', '--password', 'correct horse battery staple');
    expect(admin.stderr).toBe('');
    expect(admin).toMatchObject({ code: 0, stdout: expect.stringContaining('created admin ops@example.com') });
    const logIn = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation { logIn(input: { email: "ops@example.com", password: "correct horse battery staple" }) { token } }' }),
    });
    const body = (await logIn.json()) as { data: { logIn: { token: string | null } } };
    expect(body.data.logIn.token).toEqual(expect.any(String));
  }, 60_000);

  it('has help for each command', async () => {
    const match = await cli('help', 'match');
    expect(match).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: npm run cli -- match <briefId>') });
    expect(match.stdout).toContain('--first N');
    expect((await cli('seed', '--help')).stdout).toContain('--creators N');
    const unknown = await cli('help', 'frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const misuse = await cli('match');
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toContain('match takes one brief id');
    expect(misuse.stderr).toContain('Usage: npm run cli -- match');
    expect(misuse.stderr).not.toContain('admin:create');
  });

  it('compiles nothing when nothing changed', async () => {
    const compiled = path.join('dist', 'src', 'cli', 'main.js');
    const before = statSync(compiled).mtimeMs;
    const { stdout } = await build();
    expect(stdout).toBe('');
    expect(statSync(compiled).mtimeMs).toBe(before);
  });
});
