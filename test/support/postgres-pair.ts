import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { appendFile, chown, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

/** The machine's PostgreSQL server binaries (Debian puts them in /usr/lib/postgresql/<major>/bin), newest first. */
export function postgresBinaries(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  return readdirSync(root)
    .sort((a, b) => Number(b) - Number(a))
    .map((major) => path.join(root, major, 'bin'))
    .find((bin) => ['initdb', 'pg_ctl', 'pg_basebackup', 'postgres'].every((tool) => existsSync(path.join(bin, tool))));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** PostgreSQL refuses to run as root; as root the tools run as the `postgres` user. */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function run(bin: string, tool: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(bin, tool), args, { stdio: ['ignore', 'pipe', 'pipe'], ...runAs() });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} ${args.join(' ')} exited ${code}: ${output}`))));
  });
}

export interface StreamingPair {
  /** Server URLs (database `postgres`); use `withDatabase` for another database. */
  primaryUrl: string;
  standbyUrl: string;
  /** Waits until the standby has replayed everything the primary had written when called. */
  caughtUp(): Promise<void>;
  /** Stops the standby applying WAL (it keeps receiving it): replica lag, on demand. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * A primary and a hot standby streaming from it, made with initdb and pg_basebackup in a
 * temporary folder, on ports of their own, with trust authentication on 127.0.0.1 only.
 */
export async function startStreamingPair(bin: string): Promise<StreamingPair> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'marketplace-replica-'));
  const owner = runAs();
  if (owner) await chown(dir, owner.uid, owner.gid);
  const primaryDir = path.join(dir, 'primary');
  const standbyDir = path.join(dir, 'standby');
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const started: string[] = [];
  const stopAll = async () => {
    for (const data of started.reverse()) await run(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await run(bin, 'initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync']);
    await appendFile(
      path.join(primaryDir, 'postgresql.conf'),
      [
        `port = ${primaryPort}`,
        `listen_addresses = '127.0.0.1'`,
        `unix_socket_directories = '${dir}'`,
        'wal_level = replica',
        'max_wal_senders = 4',
        'fsync = off',
        'max_connections = 100',
        '',
      ].join('\n'),
    );
    await run(bin, 'pg_ctl', ['-D', primaryDir, '-l', path.join(dir, 'primary.log'), '-w', 'start']);
    started.push(primaryDir);
    await run(bin, 'pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standbyDir, '-R', '-X', 'stream', '-c', 'fast']);
    await appendFile(path.join(standbyDir, 'postgresql.conf'), [`port = ${standbyPort}`, 'hot_standby = on', ''].join('\n'));
    await run(bin, 'pg_ctl', ['-D', standbyDir, '-l', path.join(dir, 'standby.log'), '-w', 'start']);
    started.push(standbyDir);
  } catch (error) {
    await stopAll();
    throw error;
  }

  const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
  const standbyUrl = `postgres://postgres@127.0.0.1:${standbyPort}/postgres`;
  const on = async <T>(url: string, statement: string): Promise<T> => {
    const client = new pg.Client(url);
    await client.connect();
    try {
      return (await client.query(statement)).rows[0] as T;
    } finally {
      await client.end();
    }
  };
  return {
    primaryUrl,
    standbyUrl,
    async caughtUp() {
      const { lsn } = await on<{ lsn: string }>(primaryUrl, 'select pg_current_wal_lsn()::text as lsn');
      for (let tries = 0; tries < 200; tries++) {
        const { behind } = await on<{ behind: boolean }>(standbyUrl, `select coalesce(pg_last_wal_replay_lsn() < '${lsn}'::pg_lsn, true) as behind`);
        if (!behind) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the standby did not catch up with the primary');
    },
    pauseReplay: () => on(standbyUrl, 'select pg_wal_replay_pause()'),
    resumeReplay: () => on(standbyUrl, 'select pg_wal_replay_resume()'),
    stop: stopAll,
  };
}
