import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { startApplication, type RunningApplication } from '../src/app/application.js';
import { ConfigError, loadConfig } from '../src/config/env.js';
import { createDatabaseIfMissing, dropDatabaseIfExists, withDatabase } from '../src/db/database-admin.js';
import { applicationOrmConfig as ormConfig } from '../src/app/database.js';
import { createLogger } from '../src/observability/logger.js';

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

describe('a server with a read replica', () => {
  const serverUrl = inject('databaseServerUrl');
  const database = `marketplace_replica_${randomBytes(4).toString('hex')}`;
  let app: RunningApplication | undefined;
  afterAll(async () => {
    await app?.stop();
    await dropDatabaseIfExists(serverUrl, database);
  });

  it('starts, writes through the primary and reads through the replica (here the same server)', async () => {
    await createDatabaseIfMissing(serverUrl, database, inject('templateDatabase'));
    const url = withDatabase(serverUrl, database);
    app = await startApplication(
      loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, DATABASE_REPLICA_URLS: url, PORT: '0', SEED_DEMO_DATA: 'false', JWT_SECRET: 'replica-test-secret-long-enough-for-hs256' }),
      createLogger({ level: 'silent', pretty: false }),
    );
    const graphql = async (query: string, token?: string) =>
      (await (
        await fetch(`http://127.0.0.1:${app!.port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify({ query }),
        })
      ).json()) as { data?: Record<string, { token?: string; email?: string; userErrors?: unknown[] }>; errors?: unknown };
    const signedUp = await graphql('mutation { signUp(input: { email: "replica@example.com", password: "long enough password", displayName: "Rep" }) { token userErrors { code } } }');
    expect(signedUp.data?.signUp?.userErrors).toEqual([]);
    const viewer = await graphql('{ viewer { email } }', signedUp.data!.signUp!.token);
    expect(viewer.errors).toBeUndefined();
    expect(viewer.data).toEqual({ viewer: { email: 'replica@example.com' } });
    expect(app.orm.config.get('replicas')).toHaveLength(1);
  });
});
