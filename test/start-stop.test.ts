import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// `npm start` as a developer meets it: the built server on its embedded database (DATABASE_URL
// unset), in a process group of its own as a terminal runs it, stopped with Ctrl-C, which a
// terminal sends to every process of that group.
const dataRoot = mkdtempSync(path.join(tmpdir(), 'marketplace-start-'));
const dataDir = path.join(dataRoot, 'postgres');
const port = 46_000 + (process.pid % 4_000);
const embeddedPort = 51_000 + (process.pid % 3_000);

function startServer(environment: Record<string, string> = {}): { child: ChildProcess; output: () => string } {
  let output = '';
  const { DATABASE_URL: _given, ...inherited } = process.env;
  const child = spawn(process.execPath, ['dist/src/app/main.js'], {
    env: {
      ...inherited,
      NODE_ENV: 'development',
      PORT: String(port),
      EMBEDDED_PG_DIR: dataDir,
      EMBEDDED_PG_PORT: String(embeddedPort),
      SEED_DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
      ...environment,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function ready(server: { child: ChildProcess; output: () => string }): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (server.child.exitCode !== null) break;
    if (await fetch(`http://127.0.0.1:${port}/readyz`).then((response) => response.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not become ready:\n${server.output()}`);
}

/** Whether a postgres server still runs on the test's data folder. */
function postgresRunning(): boolean {
  try {
    return execFileSync('pgrep', ['-f', `postgres -D ${dataDir} `], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

const graphql = (query: string, token?: string) =>
  fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['tools/build.mjs']);
}, 120_000);

afterAll(() => {
  rmSync(dataRoot, { recursive: true, force: true });
});

describe('npm start, then Ctrl-C', () => {
  let token: string;

  it('drains requests in flight, stops the embedded database after the server, and exits 0', async () => {
    const server = startServer();
    await ready(server);
    // Sign-ups hash a password, so they are still running when Ctrl-C arrives.
    const inFlight = Array.from({ length: 6 }, (_, index) =>
      graphql(`mutation { signUp(input: { email: "ctrl-c-${index}@example.com", password: "long enough password", displayName: "C ${index}" }) { token userErrors { code } } }`),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    process.kill(-server.child.pid!, 'SIGINT');
    const answers = await Promise.all(inFlight);
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    const bodies = (await Promise.all(answers.map((answer) => answer.json()))) as { data: { signUp: { token: string } } }[];
    token = bodies[0]!.data.signUp.token;
    expect(token).toEqual(expect.any(String));
    const [code] = await once(server.child, 'exit');
    expect(code, server.output()).toBe(0);
    expect(server.output()).toContain('stopped cleanly');
    expect(postgresRunning()).toBe(false);
  }, 120_000);

  it('keeps the development signing secret beside the embedded data, so a token outlives a restart', async () => {
    expect(readFileSync(path.join(dataRoot, 'signing-secret'), 'utf8').trim().length).toBeGreaterThanOrEqual(32);
    const server = startServer();
    await ready(server);
    try {
      const viewer = (await (await graphql('{ viewer { email } }', token)).json()) as { data: { viewer: { email: string } | null } };
      expect(viewer.data.viewer?.email).toBe('ctrl-c-0@example.com');

      // A second server on the same port says what to do, in one line, and stops.
      const second = startServer({ EMBEDDED_PG_PORT: String(embeddedPort + 1), EMBEDDED_PG_DIR: path.join(dataRoot, 'second') });
      const [code] = await once(second.child, 'exit');
      expect(code).toBe(1);
      const lines = second.output().trim().split('\n');
      expect(lines.at(-1)).toMatch(new RegExp(`^Port ${port} is already in use.*PORT=`));
      expect(second.output()).not.toMatch(/\n\s+at /);
    } finally {
      process.kill(-server.child.pid!, 'SIGINT');
      await once(server.child, 'exit');
    }
  }, 120_000);

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
  ])('refuses to start with a malformed %s, in one line', async (name, value) => {
    const server = startServer({ [name]: value });
    const [code] = await once(server.child, 'exit');
    expect(code).toBe(1);
    const problems = server.output().split('\n').filter((line) => line.includes(`${name}:`));
    expect(problems).toHaveLength(1);
    expect(server.output()).not.toMatch(/\n\s+at /);
  });
});
