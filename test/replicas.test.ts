import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startApplication, type RunningApplication } from '../src/app/application.js';
import { ConfigError, loadConfig } from '../src/config/env.js';
import { createDatabaseIfMissing, dropDatabaseIfExists, withDatabase } from '../src/db/database-admin.js';
import { applicationOrmConfig as ormConfig } from '../src/app/database.js';
import { createLogger } from '../src/observability/logger.js';
import { postgresBinaries, startStreamingPair, type StreamingPair } from './support/postgres-pair.js';
import { postGraphQL } from './support/test-server.js';

describe('read replicas and pool size from the environment', () => {
  it('turns DATABASE_REPLICA_URLS into MikroORM replicas, each with the pool size of DB_POOL_MAX', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://app@primary:5432/marketplace',
      DATABASE_REPLICA_URLS: 'postgres://app@replica-a:5432/marketplace, postgresql://app@replica-b:5432/marketplace',
      DB_POOL_MAX: '25',
    });
    const options = ormConfig({ clientUrl: config.DATABASE_URL!, poolMax: config.DB_POOL_MAX, replicaUrls: config.DATABASE_REPLICA_URLS });
    expect(options.clientUrl).toBe('postgres://app@primary:5432/marketplace');
    expect(options.pool).toMatchObject({ max: 25 });
    // Replicas inherit the pool settings of the primary connection unless they name their own.
    expect(options.replicas).toEqual([
      { name: 'replica-1', clientUrl: 'postgres://app@replica-a:5432/marketplace' },
      { name: 'replica-2', clientUrl: 'postgresql://app@replica-b:5432/marketplace' },
    ]);
    expect(options.preferReadReplicas ?? true).toBe(true);
  });

  it('has no replicas when none are given', () => {
    expect(loadConfig({}).DATABASE_REPLICA_URLS).toEqual([]);
    expect(ormConfig({ clientUrl: 'postgres://app@primary/marketplace', poolMax: 10 }).replicas).toEqual([]);
  });

  it('refuses a replica URL that is not a PostgreSQL URL, and a pool size out of range', () => {
    try {
      loadConfig({ DATABASE_REPLICA_URLS: 'postgres://ok@replica/db,mysql://nope@replica/db', DB_POOL_MAX: '0' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join('\n')).toMatch(/DATABASE_REPLICA_URLS.*postgres/);
      expect((error as ConfigError).problems.join('\n')).toMatch(/DB_POOL_MAX/);
    }
  });
});

describe('a replica URL that is not a standby', () => {
  const serverUrl = inject('databaseServerUrl');
  const database = `marketplace_replica_${randomBytes(4).toString('hex')}`;
  let app: RunningApplication | undefined;
  afterAll(async () => {
    await app?.stop();
    await dropDatabaseIfExists(serverUrl, database);
  });

  it('is left out with a log line naming it, and the server runs on the primary alone', async () => {
    await createDatabaseIfMissing(serverUrl, database, inject('templateDatabase'));
    const url = withDatabase(serverUrl, database);
    const lines: { level: string; msg: string; replica?: string }[] = [];
    const logger = pino(
      { level: 'info', formatters: { level: (label) => ({ level: label }) } },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
          done();
        },
      }),
    );
    // The primary itself, given as a replica: not in recovery, so not a standby.
    app = await startApplication(
      loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, DATABASE_REPLICA_URLS: url, PORT: '0', SEED_DEMO_DATA: 'false', JWT_SECRET: 'replica-test-secret-long-enough-for-hs256' }),
      logger,
    );
    expect(lines.filter((line) => line.level === 'error' && /not a standby/.test(line.msg))).toMatchObject([{ replica: 'replica-1' }]);
    expect(app.orm.config.get('replicas')).toEqual([]);
    const signedUp = await postGraphQL(`http://127.0.0.1:${app.port}/graphql`, SIGN_UP('notstandby@example.com'), {});
    expect(signedUp.body.errors).toBeUndefined();
  });
});

const SIGN_UP = (email: string) => `mutation { signUp(input: { email: "${email}", password: "long enough password", displayName: "Rep" }) { token user { id } userErrors { code } } }`;

const binaries = postgresBinaries();
if (!binaries) console.warn('replicas.test.ts: no PostgreSQL server binaries under /usr/lib/postgresql/*/bin (initdb, pg_ctl, pg_basebackup): the streaming-replica tests are skipped');

describe.skipIf(!binaries)('a primary and a streaming standby', () => {
  let pair: StreamingPair;
  let app: RunningApplication;
  let url: string;
  let token: string;
  const graphql = async <T>(query: string, variables: Record<string, unknown> = {}) =>
    (await postGraphQL(url, query, variables, { token })).body as { data?: T; errors?: unknown[] };

  beforeAll(async () => {
    pair = await startStreamingPair(binaries!);
    const logger = createLogger({ level: 'silent', pretty: false });
    await createDatabaseIfMissing(pair.primaryUrl, 'marketplace');
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: withDatabase(pair.primaryUrl, 'marketplace'),
      DATABASE_REPLICA_URLS: withDatabase(pair.standbyUrl, 'marketplace'),
      PORT: '0',
      SEED_DEMO_DATA: 'false',
      HOUSEKEEPING_INTERVAL_MS: '3600000',
      RATE_LIMIT_POINTS: '100000000',
      JWT_SECRET: 'replica-test-secret-long-enough-for-hs256',
    });
    // The standby must have the database before the server checks it; migrations follow at start.
    await pair.caughtUp();
    app = await startApplication(config, logger);
    url = `http://127.0.0.1:${app.port}/graphql`;
    const signedUp = await postGraphQL(url, SIGN_UP('streaming@example.com'), {});
    token = (signedUp.body.data as { signUp: { token: string } }).signUp.token;
    await pair.caughtUp();
  }, 120_000);

  afterAll(async () => {
    await pair?.resumeReplay().catch(() => {});
    await app?.stop();
    await pair?.stop();
  });

  it('sends reads to the standby: a row only the standby lacks is not found while it lags', async () => {
    expect(app.orm.config.get('replicas')).toHaveLength(1);
    await pair.pauseReplay();
    try {
      const created = await graphql<{ brandCreate: { brand: { id: string; name: string } | null; userErrors: unknown[] } }>(
        'mutation { brandCreate(input: { name: "Lagging Labs" }) { brand { id name } userErrors { code } } }',
      );
      // The payload is read on the primary, inside the write's transaction: complete although the standby lags.
      expect(created.data?.brandCreate).toMatchObject({ brand: { name: 'Lagging Labs' }, userErrors: [] });
      const id = created.data!.brandCreate.brand!.id;

      // Read right after the write, from the standby that has not replayed it: not there yet.
      const soon = await graphql<{ node: { name: string } | null }>('query($id: ID!) { node(id: $id) { ... on Brand { name } } }', { id });
      expect(soon.data?.node ?? null).toBeNull();

      await pair.resumeReplay();
      await pair.caughtUp();
      const later = await graphql<{ node: { name: string } | null }>('query($id: ID!) { node(id: $id) { ... on Brand { name } } }', { id });
      expect(later.data?.node).toEqual({ name: 'Lagging Labs' });
    } finally {
      await pair.resumeReplay();
    }
  });
});
