import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp } from './support/actors.js';
import { type TestServer, useTestServer } from './support/test-server.js';

/** A second session on the test server's database, standing in for another transaction. */
async function otherSession(server: TestServer): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: server.app.orm.config.get('clientUrl') as string });
  await client.connect();
  return client;
}

/** Sessions of the server's pool left open inside a transaction. */
async function idleInTransaction(session: pg.Client): Promise<number> {
  const result = await session.query(
    `select count(*)::int as n from pg_stat_activity
     where datname = current_database() and state like 'idle in transaction%' and pid <> pg_backend_pid()`,
  );
  return (result.rows[0] as { n: number }).n;
}

/** Waits until some statement of the server is blocked on a lock the other session holds. */
async function untilBlocked(session: pg.Client): Promise<void> {
  for (;;) {
    const result = await session.query(
      `select count(*)::int as n from pg_stat_activity
       where datname = current_database() and wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
    );
    if ((result.rows[0] as { n: number }).n > 0) return;
    await sleep(20);
  }
}

describe('statement_timeout on every database connection', () => {
  const server = useTestServer({ DB_STATEMENT_TIMEOUT_MS: '300' });
  let session: pg.Client;
  beforeAll(async () => {
    session = await otherSession(server);
  });
  afterAll(async () => {
    await session?.end();
  });

  it('is set from DB_STATEMENT_TIMEOUT_MS on the server’s own connections', async () => {
    expect(await server.sql('show statement_timeout')).toEqual([{ statement_timeout: '300ms' }]);
  });

  it('cancels a query stuck past it with TIMEOUT, and leaves no transaction open', async () => {
    await session.query('begin');
    await session.query('lock table creator in access exclusive mode');
    try {
      const result = await server.graphql('{ creators(first: 1) { totalCount } }');
      expect(result.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
      expect(result.errors?.[0]?.message).toMatch(/statement timeout and was cancelled/);
    } finally {
      await session.query('rollback');
    }
    expect(await idleInTransaction(session)).toBe(0);
    expect((await server.graphql('{ creators(first: 1) { totalCount } }')).errors).toBeUndefined();
  });

  it('rolls back a mutation whose statement was cancelled: nothing is written', async () => {
    const owner = await signUp(server, 'owner');
    const name = `Timeout ${randomUUID()}`;
    await session.query('begin');
    await session.query('lock table brand in access exclusive mode');
    try {
      const result = await server.graphql(
        'mutation($input: BrandCreateInput!) { brandCreate(input: $input) { brand { id } userErrors { code } } }',
        { input: { name } },
        { token: owner.token },
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('TIMEOUT');
    } finally {
      await session.query('rollback');
    }
    expect(await idleInTransaction(session)).toBe(0);
    expect(await server.sql('select count(*)::int as n from brand where name = ?', [name])).toEqual([{ n: 0 }]);
  });
});

describe('the time budget of one request (REQUEST_TIMEOUT_MS)', () => {
  const server = useTestServer({ REQUEST_TIMEOUT_MS: '200' });
  let session: pg.Client;
  beforeAll(async () => {
    session = await otherSession(server);
    const user = randomUUID();
    const creator = randomUUID();
    await server.sql(`insert into app_user (id, email, password_hash, display_name, created_at) values (?, 'budget@example.com', 'x', 'Budget', now())`, [user]);
    await server.sql(
      `insert into creator (id, user_id, display_name, kind, vertical_slugs, platforms, credibility_score, created_at, updated_at)
       values (?, ?, 'Budget', 'REVIEWER', '{beauty.functional-skincare}', '{DOUYIN}', 50, now(), now())`,
      [creator, user],
    );
  });
  afterAll(async () => {
    await session?.end();
  });

  it('starts no statement once the budget is spent, answering TIMEOUT where it stopped', async () => {
    await session.query('begin');
    await session.query('lock table creator in access exclusive mode');
    let answer;
    try {
      answer = server.graphql('{ creators(first: 5) { edges { node { id channelAccounts { platform } } } } }');
      await untilBlocked(session);
      // Hold the page's statement past the 200 ms budget; its channel accounts would come next.
      await sleep(400);
    } finally {
      await session.query('rollback');
    }
    const result = await answer;
    const timeout = result.errors?.find((error) => error.extensions?.code === 'TIMEOUT');
    expect(timeout?.message).toMatch(/time budget of 200 ms/);
    expect(timeout?.path).toEqual(['creators', 'edges', 0, 'node', 'channelAccounts']);
    expect(await idleInTransaction(session)).toBe(0);
  });
});
